"""A small book: two articles, a front page and two back pages in a scrambled toctree."""

import runpy
from pathlib import Path

import annotated_edition

# The edition's own PDF settings, so that this root prints the way the edition does (the
# root is copied elsewhere to be built: the project is found from its editable install).
_docs = Path(annotated_edition.__file__).resolve().parents[2] / "docs"
_edition = runpy.run_path(str(_docs / "conf.py"))
latex_engine = _edition["latex_engine"]
latex_use_xindy = _edition["latex_use_xindy"]
latex_elements = _edition["latex_elements"]
latex_show_urls = _edition["latex_show_urls"]

extensions = ["myst_parser", "sphinx_annotated_edition.articles", "sphinx_annotated_edition.book"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_book_frontmatter = ["about"]
edition_book_backmatter = ["glossary", "chronology"]
project = "A test book"
author = "Test Editors"
version = release = "1"
language = "en"
nitpicky = True
latex_documents = [("index", "book.tex", project, author, "manual", True)]
