"""Sphinx configuration of the annotated reading edition."""

from __future__ import annotations

import os
import time

project = "Turkey and Azerbaijan after the Karabakh War"
author = "The editors"
# Read the Docs passes -D language=en from its project settings: keep the two equal.
language = "en"
version = release = "2026.1"
_epoch = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
copyright = f"{time.gmtime(_epoch).tm_year}, the editors; source texts belong to their outlets"

extensions = [
    "myst_parser",
    "sphinx_design",
    "annotator_sphinx.articles",
    "annotator_sphinx.search",
    "annotator_sphinx.reading",
]

# The edition's inputs, relative to this folder.
edition_seed_dir = "../seeds"
edition_catalog = "../seeds/catalog.yaml"

myst_enable_extensions = ["colon_fence", "deflist"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = True

# Furo: a quiet reading layout with a light and a dark mode, readable line length and a
# usable phone layout, and no JavaScript framework between the reader and the text.
html_theme = "furo"
html_title = "Turkey and Azerbaijan after the Karabakh War — an annotated reading edition"
html_static_path: list[str] = []
html_last_updated_fmt = None
