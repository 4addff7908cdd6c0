"""Which article pages an edit of the notes changes, for incremental builds."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from annotated_edition.notes import AnchoredNote
from sphinx_annotated_edition.articles.collector import ArticleInputCollector, digest
from sphinx_annotated_edition.notes.data import note_set

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def _as_shown(placed: AnchoredNote) -> AnchoredNote:
    """A note as its page shows it: where it stands in the notes file is not shown."""
    note = dataclasses.replace(placed.note, line=0, article_line=0, quote_line=0,
                               kind_line=0)
    return dataclasses.replace(placed, note=note)


class ArticleNotesCollector(ArticleInputCollector):
    """An article page is read again when one of its own notes changes, and only then."""

    attribute = "edition_article_notes"

    @classmethod
    def fingerprint(cls, env: BuildEnvironment, file: str) -> str | None:
        notes = note_set(env.config)
        return digest([_as_shown(placed) for placed in notes.of(file)])

    @classmethod
    def input_digest(cls, env: BuildEnvironment) -> str | None:
        notes = note_set(env.config)
        return digest(sorted(notes.placed.items()), notes.problems)
