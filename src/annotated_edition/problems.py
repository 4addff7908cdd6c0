"""Problems found in the editorial inputs, each pinned to a file and a line."""

from __future__ import annotations

import enum
from dataclasses import dataclass

EXCERPT = 80  # at most this many characters of an input go into a message
MAX_MESSAGE = 600  # no message is longer, whatever it quotes


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters: never a whole value."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[:limit] + "…")


class Subtype(enum.StrEnum):
    """The kinds of problem, listed once; the value is what ``suppress_warnings`` names
    (``annotated_edition.<value>``) when the build reports the problem as a warning."""

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


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input; reported, never raised, so nothing else is lost."""

    path: str
    line: int | None
    message: str
    subtype: str = Subtype.DATA

    def __post_init__(self) -> None:
        # the last guard: whatever a message quotes from an input, it stays readable
        if len(self.message) > MAX_MESSAGE:
            object.__setattr__(self, "message", self.message[:MAX_MESSAGE] + "… (cut short)")

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class InputError(Exception):
    """Raised only where a caller cannot go on without the input (the check command)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
