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
    "annotator_sphinx.chronology",
    "annotator_sphinx.glossary",
    "annotator_sphinx.notes",
]

# The edition's inputs, relative to this folder.
edition_seed_dir = "../seeds"
edition_catalog = "../seeds/catalog.yaml"

# The chronology (annotator_sphinx.chronology): the editor's overlay on the generated events.
chronology_overlay = "chronology.yaml"
# Editorial notes (annotator_sphinx.notes): footnotes anchored to quotes of the text.
edition_notes = "notes.yaml"

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

# Glossary (annotator_sphinx.glossary): the data file, and which occurrences get a link
# ("every", "paragraph": the first per paragraph, "article": the first per article).
edition_glossary = "glossary.yaml"
edition_glossary_link = "article"
