"""Editorial notes: context, sic, framing and cross-reference notes anchored to the text.

A note names its article, quotes the words it comments on verbatim (with an occurrence
number when they occur more than once) and says what it has to say in MyST inline markup.
Anchoring turns the quote into offsets in ``Article.text`` and into the paragraph that
holds it, with a little context before and after (for W3C TextQuoteSelectors).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotated_edition.articles import Article, by_file_or_slug
from annotated_edition.datafile import DataFile, load_yaml, validate
from annotated_edition.markup import markup_problems
from annotated_edition.problems import Problem, Subtype, excerpt
from annotated_edition.webannotation import CONTEXT_LENGTH

KINDS = ("context", "sic", "framing", "cross-reference")
# Where a note's marker goes: after the quoted words, the rest of a word they end inside, and
# the punctuation that closes them (a note number follows punctuation, except a dash).
_MARKER_AFTER = re.compile(r"(?:\w|['’](?=\w))*[.,;:!?)\]\"”’']*")

NOTES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["notes"],
    "additionalProperties": False,
    "properties": {
        "notes": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["article", "quote", "kind", "text"],
                "properties": {
                    "article": {"type": "string", "minLength": 1},
                    "quote": {"type": "string", "minLength": 1},
                    "occurrence": {"type": "integer", "minimum": 1},
                    # checked by hand, so that an unknown kind gets its own message
                    "kind": {"type": "string"},
                    "text": {"type": "string", "minLength": 1},
                },
            },
        }
    },
}

# Problem subtypes (the Sphinx adapter turns them into suppressible warning subtypes).
QUOTE = Subtype.NOTE_QUOTE
AMBIGUOUS = Subtype.NOTE_AMBIGUOUS
OVERLAP = Subtype.NOTE_OVERLAP
KIND = Subtype.NOTE_KIND
ARTICLE = Subtype.NOTE_ARTICLE
DATA = Subtype.NOTES


@dataclass(frozen=True)
class Note:
    """One note as the editor wrote it, with the lines an editor would open to fix it."""

    path: str
    line: int
    article: str  # the seed file or the slug of the article
    quote: str
    occurrence: int | None
    kind: str
    text: str  # MyST inline markup
    article_line: int
    quote_line: int
    kind_line: int
    text_line: int = 0


@dataclass(frozen=True)
class AnchoredNote:
    """A note located in its article: offsets in ``Article.text`` and in the paragraph."""

    note: Note
    file: str  # the article's seed file
    slug: str
    anchor: str  # the paragraph's anchor, e.g. "p3"
    start: int  # offsets in Article.text
    end: int
    block_start: int  # offsets in the paragraph's text
    block_end: int
    prefix: str  # text just before the quote, within the paragraph
    suffix: str  # text just after the quote, within the paragraph
    marker: int  # where the marker goes, as an offset in the paragraph's text

    @property
    def exact(self) -> str:
        return self.note.quote


def notes_from(data: DataFile) -> tuple[list[Note], list[Problem]]:
    """Build notes from parsed data; a note whose fields are unusable is left out."""
    problems = [Problem(p.path, p.line, p.message, DATA) for p in validate(data, NOTES_SCHEMA)]
    records = data.data.get("notes") if isinstance(data.data, dict) else None
    notes: list[Note] = []
    for index, record in enumerate(records if isinstance(records, list) else []):
        if not isinstance(record, dict):
            continue
        article, quote, kind, text = (record.get(key) for key in
                                      ("article", "quote", "kind", "text"))
        occurrence = record.get("occurrence")
        if not all(isinstance(value, str) and value for value in (article, quote, kind, text)):
            continue
        if occurrence is not None and (isinstance(occurrence, bool) or
                                       not isinstance(occurrence, int) or occurrence < 1):
            continue
        line = data.line_of(("notes", index))
        kind_line = data.line_of(("notes", index, "kind"))
        if kind not in KINDS:
            problems.append(Problem(
                data.path, kind_line,
                f"note on {excerpt(str(quote))} in {article}: unknown kind {excerpt(str(kind))}; "
                f"expected one of {', '.join(KINDS)}", KIND))
            continue
        text_line = data.line_of(("notes", index, "text"))
        refused = markup_problems(str(text), data.path, text_line,
                                  f"note on {excerpt(str(quote))} in {article}",
                                  "the note is left out")
        if refused:
            problems.extend(refused)
            continue
        notes.append(Note(
            path=data.path, line=line, article=str(article), quote=str(quote),
            occurrence=occurrence, kind=str(kind), text=str(text),
            article_line=data.line_of(("notes", index, "article")),
            quote_line=data.line_of(("notes", index, "quote")), kind_line=kind_line,
            text_line=text_line))
    return notes, problems


def load_notes(path: Path) -> tuple[list[Note], list[Problem]]:
    """Read and check a notes file; every problem names the file and the line."""
    data, problems = load_yaml(path)
    problems = [Problem(p.path, p.line, p.message, DATA) for p in problems]
    if data is None:
        return [], problems
    notes, more = notes_from(data)
    return notes, problems + more


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    index = text.find(quote)
    while index >= 0:
        found.append(index)
        index = text.find(quote, index + 1)
    return found


def _spans_paragraphs(article: Article, quote: str) -> bool:
    """Whether the quote is in the text only if read across a paragraph break."""
    wanted = " ".join(quote.split())
    blocks = [" ".join(block.text.split()) for block in article.blocks]
    return bool(wanted) and wanted in " ".join(blocks) and \
        not any(wanted in block for block in blocks)


def _where(article: Article) -> str:
    return f"article {article.file} ({article.slug})"


def locate(note: Note, article: Article) -> tuple[AnchoredNote | None, Problem | None]:
    """Find the note's quote in its article; a problem when it cannot be placed."""
    found = _occurrences(article.text, note.quote)
    where = _where(article)
    if not found:
        if _spans_paragraphs(article, note.quote):
            message = (f"{where}: the quote {excerpt(note.quote)} spans two paragraphs; a note "
                       "attaches to words within one paragraph")
        else:
            message = f"{where}: the quote {excerpt(note.quote)} is not in the text (verbatim)"
        return None, Problem(note.path, note.quote_line, message, QUOTE)
    if note.occurrence is None and len(found) > 1:
        return None, Problem(
            note.path, note.quote_line,
            f"{where}: the quote {excerpt(note.quote)} occurs {len(found)} times; say which with "
            "`occurrence: N`", AMBIGUOUS)
    if note.occurrence is not None and note.occurrence > len(found):
        return None, Problem(
            note.path, note.quote_line,
            f"{where}: occurrence {note.occurrence} of the quote {excerpt(note.quote)} asked for, "
            f"but it occurs {len(found)} time{'s' if len(found) > 1 else ''}", QUOTE)
    start = found[(note.occurrence or 1) - 1]
    end = start + len(note.quote)
    block = article.block_at(start)
    if block is None or end > block.end:
        return None, Problem(note.path, note.quote_line,
                             f"{where}: the quote {excerpt(note.quote)} spans two "
                             "paragraphs; a note attaches to words within one paragraph", QUOTE)
    if block.kind != "paragraph":
        return None, Problem(note.path, note.quote_line,
                             f"{where}: the quote {excerpt(note.quote)} is in the crosshead "
                             f"{block.anchor}; notes attach to paragraphs", QUOTE)
    block_start, block_end = start - block.start, end - block.start
    return AnchoredNote(
        note=note, file=article.file, slug=article.slug, anchor=block.anchor,
        start=start, end=end, block_start=block_start, block_end=block_end,
        prefix=block.text[max(0, block_start - CONTEXT_LENGTH):block_start],
        suffix=block.text[block_end:block_end + CONTEXT_LENGTH],
        marker=marker_offset(block.text, block_end)), None


def marker_offset(text: str, end: int) -> int:
    """The offset after the quoted words, their word's rest and closing punctuation."""
    match = _MARKER_AFTER.match(text, end)
    return match.end() if match else end


def _clash(first: AnchoredNote, second: AnchoredNote) -> str | None:
    """Why two notes of one paragraph cannot both be rendered, or None."""
    if first.anchor != second.anchor:
        return None
    if (first.start, first.end, first.note.kind) == (second.start, second.end, second.note.kind):
        return f"two notes of the same kind on the same words {excerpt(first.exact)}"
    for one, other in ((first, second), (second, first)):
        if other.note.kind == "sic" and other.block_start < one.marker < other.block_end:
            return (f"the marker of the note on {excerpt(one.exact)} would fall inside the words "
                    f"{excerpt(other.exact)} marked [sic]")
    if first.note.kind == second.note.kind == "sic" and \
            first.start < second.end and second.start < first.end:
        return f"[sic] marks on overlapping words ({excerpt(first.exact)}, {excerpt(second.exact)})"
    return None


def _overlaps(notes: list[AnchoredNote], article: Article) -> tuple[list[AnchoredNote],
                                                                     list[Problem]]:
    """Keep notes that can be rendered together; report the others.

    Markers are points after the quoted words, so nested and crossing quotes are fine.
    What cannot be rendered: two identical notes (one marker would hide the other), a
    marker inside words marked [sic] (it would part them from their mark), and [sic]
    marks on overlapping words.
    """
    kept: list[AnchoredNote] = []
    problems: list[Problem] = []
    for note in sorted(notes, key=lambda n: (n.note.line, n.start)):
        clash = next(((other, why) for other in kept
                      if (why := _clash(other, note)) is not None), None)
        if clash is None:
            kept.append(note)
            continue
        other, why = clash
        problems.append(Problem(
            note.note.path, note.note.quote_line,
            f"{_where(article)}: this note and the note at line {other.note.line} overlap and "
            f"cannot both be rendered: {why}; quote other words or merge the notes",
            OVERLAP))
    return kept, problems


def reading_order(notes: Iterable[AnchoredNote]) -> list[AnchoredNote]:
    """Notes in the order their markers are read; at one place a [sic] comes first,
    so that its mark stays next to the words it marks."""
    return sorted(notes, key=lambda n: (n.start - n.block_start + n.marker,
                                        n.note.kind != "sic", n.start, n.note.line))


def anchor_notes(notes: Sequence[Note], articles: Sequence[Article]
                 ) -> tuple[dict[str, list[AnchoredNote]], list[Problem]]:
    """Place every note in its article: {seed file: notes in reading order}, and problems."""
    by_key = by_file_or_slug(articles)
    placed: dict[str, list[AnchoredNote]] = {article.file: [] for article in articles}
    problems: list[Problem] = []
    for note in notes:
        target = by_key.get(note.article)
        if target is None:
            problems.append(Problem(
                note.path, note.article_line,
                f"note on {excerpt(note.quote)}: unknown article {excerpt(note.article)}; name a "
                "seed file or a slug of the catalog", ARTICLE))
            continue
        anchored, problem = locate(note, target)
        if problem is not None:
            problems.append(problem)
        elif anchored is not None:
            placed[target.file].append(anchored)
    for article in articles:
        kept, more = _overlaps(placed[article.file], article)
        placed[article.file] = reading_order(kept)
        problems.extend(more)
    problems.sort(key=lambda p: (p.path, p.line or 0))
    return placed, problems
