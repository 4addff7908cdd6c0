"""Sphinx configuration of the annotated reading edition."""

from __future__ import annotations

import os
import time
from pathlib import Path

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
    "sphinx_annotated_edition.articles",
    "sphinx_annotated_edition.chronology",
    "sphinx_annotated_edition.glossary",
    "sphinx_annotated_edition.notes",
    "sphinx_annotated_edition.review",
    "sphinx_annotated_edition.passages",
    "sphinx_annotated_edition.book",
    "sphinx_annotated_edition.search",
    "sphinx_annotated_edition.reading",
    "sphinx_annotated_edition.buildgc",
    "sphinx_annotated_edition.figures",
    # the configuration reference of the developer pages (develop/configuration.md)
    "sphinx_annotated_edition.settingsdoc",
]

# The edition's inputs, relative to this folder.
edition_seed_dir = "../seeds"
edition_catalog = "../seeds/catalog.yaml"

# The chronology (sphinx_annotated_edition.chronology): the editor's overlay on the generated
# events.
edition_chronology_overlay = "chronology.yaml"
# Editorial notes (sphinx_annotated_edition.notes): footnotes anchored to quotes of the text.
edition_notes = "notes.yaml"
# The review record (sphinx_annotated_edition.review): which paragraph was reviewed, for what, by
# whom, when; every paragraph it does not vouch for is a warning (annotated_edition.unreviewed).
edition_review = "review.yaml"
# Shared passages (sphinx_annotated_edition.passages): the variants the editor has acknowledged.
edition_passages = "passages.yaml"

myst_enable_extensions = ["colon_fence", "deflist"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = True

# Furo: a quiet reading layout with a light and a dark mode, readable line length and a
# usable phone layout, and no JavaScript framework between the reader and the text.
html_theme = "furo"
# Short enough for two lines in the sidebar; the landing page's heading gives the rest.
html_title = "Turkey and Azerbaijan after Karabakh"
# No "view source" eye: the page sources are stubs, not the texts; each article's
# editorial note says where its text comes from.
html_show_sourcelink = False
html_theme_options = {"top_of_page_buttons": []}
html_favicon = "_static/favicon.svg"
# The meta description of pages other than the articles (each article has its own).
edition_description = ("Five Turkish and Azerbaijani news articles of 2021–2022 on the "
                       "alliance of Türkiye and Azerbaijan after the 2020 Karabakh war, "
                       "word for word, with numbered paragraphs, notes and a glossary.")
# The pages' stable addresses (canonical links, citations): Read the Docs gives its own.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
html_static_path: list[str] = []  # the extensions add their own folders
html_last_updated_fmt = None

# Glossary (sphinx_annotated_edition.glossary): the data file, and which occurrences get a link
# ("every", "paragraph": the first per paragraph, "article": the first per article).
edition_glossary = "glossary.yaml"
edition_glossary_link = "article"
# --- PDF (LaTeX) and EPUB editions (sphinx_annotated_edition.book; edition.py pdf|epub) ---
# XeLaTeX, because pdflatex cannot print ə; FreeSerif/FreeSans/FreeMono (Debian's
# fonts-freefont-otf, also on Read the Docs) carry every letter of the texts: Turkish and
# Azerbaijani letters (ə ş ğ ı İ ü ç ö), curly quotes and dashes. A glyph no font has is
# an error (\tracinglostchars=3), and `python -m annotated_edition.latexlog` checks the log too.
latex_engine = "xelatex"
# xindy, not makeindex: makeindex sorts bytes and breaks on an entry that starts with a
# non-ASCII letter (Çavuşoğlu); xindy reads UTF-8 and sorts it with the C entries.
latex_use_xindy = True
# The root's toctrees only (its cards and introduction are for the web), as a manual:
# title page, contents, then the book arranged by sphinx_annotated_edition.book.
latex_documents = [("index", "edition.tex", project, author, "manual", True)]
# The method, then the sources (docs/sources.md, when the project has it).
edition_book_frontmatter = ["about", "sources"]
# The title page and its colophon (sphinx_annotated_edition.book): no release, no build date.
edition_subtitle = "An annotated reading edition of five news articles, 2021–2022"
edition_editors: list[str] = []  # the editors' names, as the title page prints them
edition_licence = ("the edition's software is under the MIT licence; the source texts "
                   "belong to their outlets and are reproduced for study")
edition_reviewed = ""  # the date the texts were last reviewed against their sources
# Glossary and chronology close the book when the project has them (absent pages are
# ignored); the index of terms, people and places follows them.
edition_book_backmatter = ["glossary", "places", "chronology", "passages"]
latex_show_urls = "footnote"
latex_elements = {
    "papersize": "a5paper",
    "pointsize": "10pt",
    # read on screens more than printed: no blank pages to start chapters on the right
    "extraclassoptions": "openany,oneside",
    "fncychap": "",  # chapter openings come from editionbook.sty
    "fontpkg": r"""
\setmainfont{FreeSerif}[Extension=.otf, UprightFont=*, ItalicFont=*Italic,
  BoldFont=*Bold, BoldItalicFont=*BoldItalic]
\setsansfont{FreeSans}[Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique]
\setmonofont{FreeMono}[Scale=0.9, Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique]
""",
    # a book page: a measure of about 65 characters, margins for the reader's thumbs
    "sphinxsetup": "hmargin={17mm,17mm}, vmargin={18mm,20mm}",
    "preamble": r"""
\tracinglostchars=3 % a missing glyph is an error, not a silent gap in the text
\brokenpenalty=10000 % never end a page on a hyphenated word
\emergencystretch=3em % let TeX loosen a line rather than run it into the margin
""",
}

epub_basename = "edition"
epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_show_urls = "footnote"
# The developer pages (develop/, reached from the landing page of the website) are not part
# of the book: the PDF takes only the root's toctrees, and the EPUB leaves them out here.
epub_exclude_files = [f"develop/{page.stem}.xhtml"
                      for page in sorted((Path(__file__).parent / "develop").glob("*.md"))]
