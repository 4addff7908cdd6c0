"""Every warning the edition's extensions emit, with one subtype each.

Editors can silence one kind with ``suppress_warnings = ["annotator.<subtype>"]``.
"""

from __future__ import annotations

import enum
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from annotator.problems import Problem

WARNING_TYPE = "annotator"
logger = logging.getLogger("annotator_sphinx")


class Subtype(enum.Enum):
    """The kinds of warning; the value is what ``suppress_warnings`` names."""

    CATALOG = "catalog"
    SEED = "seed"
    ENCODING = "encoding"
    DATA = "data"
    DATE = "date"  # an impossible or unresolvable date in an article (chronology)
    PUBLICATION_DATE = "publication-date"  # a relative date in an article of unknown date
    CHRONOLOGY_OVERLAY = "chronology-overlay"  # a wrong entry in docs/chronology.yaml
    GLOSSARY = "glossary"
    GLOSSARY_UNUSED = "glossary-unused"
    PLACE_COORDINATES = "place-coordinates"  # a place the map of places cannot show
    FIGURES = "figures"  # a figure that cannot be drawn into an output format
    # editorial notes (annotator_sphinx.notes)
    NOTES = "notes"
    NOTE_QUOTE = "note-quote"
    NOTE_AMBIGUOUS = "note-ambiguous"
    NOTE_OVERLAP = "note-overlap"
    NOTE_KIND = "note-kind"
    NOTE_ARTICLE = "note-article"
    # the review record (annotator_sphinx.review)
    REVIEW = "review"  # a record that cannot be used
    UNREVIEWED = "unreviewed"  # a paragraph not reviewed, changed since, or not fully
    # untrusted input (annotator.markup, annotator.textfile): refused markup, unsafe text
    MARKUP = "markup"
    UNICODE = "unicode"
    SEED_LINK = "seed-link"
    # shared passages (annotator_sphinx.passages)
    PASSAGES = "passages"  # a wrong entry in docs/passages.yaml
    PASSAGE_VARIANT = "passage-variant"  # a date, number or name differs between copies
    # the build itself (annotator_sphinx.articles.output, annotator_sphinx.exports)
    OUTPUT = "output"
    BUILDGC = "buildgc"  # a Sphinx internal annotator_sphinx.buildgc needs is missing


Location = str | tuple[str | None, int | None] | nodes.Node | None


def warn(message: str, subtype: Subtype, location: Location) -> None:
    """Emit one warning of ours, always with a location."""
    # Sphinx (8+, show_warning_types) appends " [annotator.<subtype>]" itself
    logger.warning(message, type=WARNING_TYPE, subtype=subtype.value, location=location)


def report(problem: Problem, default: Subtype = Subtype.DATA) -> None:
    """Turn a core problem into a warning that names its file and line."""
    try:
        subtype = Subtype(problem.subtype)
    except ValueError:
        subtype = default
    # A string with a colon is kept as it is by Sphinx (a bare one is taken for a docname);
    # a problem of a whole file (none has a line) is shown at its line 1, like the check.
    warn(problem.message, subtype, f"{Path(problem.path)}:{problem.line or 1}")
