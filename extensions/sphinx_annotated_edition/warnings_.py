"""Every warning the edition's extensions emit, with one subtype each.

Editors can silence one kind with ``suppress_warnings = ["annotated_edition.<subtype>"]``.
"""

from __future__ import annotations

import enum
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from annotated_edition.problems import Problem

WARNING_TYPE = "annotated_edition"
logger = logging.getLogger("sphinx_annotated_edition")


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
    # editorial notes (sphinx_annotated_edition.notes)
    NOTES = "notes"
    NOTE_QUOTE = "note-quote"
    NOTE_AMBIGUOUS = "note-ambiguous"
    NOTE_OVERLAP = "note-overlap"
    NOTE_KIND = "note-kind"
    NOTE_ARTICLE = "note-article"
    # the review record (sphinx_annotated_edition.review)
    REVIEW = "review"  # a record that cannot be used
    UNREVIEWED = "unreviewed"  # a paragraph not reviewed, changed since, or not fully
    # untrusted input (annotated_edition.markup, .textfile): refused markup, unsafe text
    MARKUP = "markup"
    UNICODE = "unicode"
    SEED_LINK = "seed-link"
    # shared passages (sphinx_annotated_edition.passages)
    PASSAGES = "passages"  # a wrong entry in docs/passages.yaml
    PASSAGE_VARIANT = "passage-variant"  # a date, number or name differs between copies
    # the build itself (sphinx_annotated_edition.articles.output, sphinx_annotated_edition.exports)
    OUTPUT = "output"
    BUILDGC = "buildgc"  # a Sphinx internal sphinx_annotated_edition.buildgc needs is missing
    # developer documentation (sphinx_annotated_edition.settingsdoc)
    SETTINGS_REFERENCE = "settings-reference"  # a setting the reference does not describe


Location = str | tuple[str | None, int | None] | nodes.Node | None


def warn(message: str, subtype: Subtype, location: Location) -> None:
    """Emit one warning of ours, always with a location."""
    # Sphinx (8+, show_warning_types) appends " [annotated_edition.<subtype>]" itself
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
