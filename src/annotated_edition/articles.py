"""Seeds become articles: header lines, the text proper in paragraphs, and the furniture.

The text proper is kept exactly as printed (only the whitespace around a line is trimmed);
everything taken out of it is recorded with its line, so nothing is silently dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from annotated_edition.catalog import CatalogEntry
from annotated_edition.datafile import inside
from annotated_edition.furniture import furniture_kind
from annotated_edition.problems import Problem
from annotated_edition.textfile import decode_text

PARAGRAPH_SEPARATOR = "\n\n"
_TERMINAL = re.compile(r"[.!?:;…\"”’)\]]$")
_ABBREVIATIONS = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Gen|Adm|Col|Lt|Mr|Mrs|Ms|Dr|St|No|"
    r"U\.S|U\.N|e\.g|i\.e|vs)\.$")
_ABBREVIATION_REACH = 16  # longer than the longest abbreviation above, with its boundary
# No news article comes near this; a seed this large is the wrong file (a dump, an archive).
MAX_SEED_BYTES = 2_000_000
T = TypeVar("T")


@dataclass(frozen=True)
class Block:
    """A paragraph (or crosshead) of the text proper, with its stable anchor."""

    anchor: str
    kind: str  # "paragraph" or "subheading"
    text: str
    line: int
    start: int  # offset in Article.text

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Furniture:
    """A line of the seed that is not article text, and why it was set aside."""

    line: int
    text: str
    kind: str


class EntryField(Generic[T]):
    """An article's view of one field of its catalog entry (read there, not copied)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, article: Article | None, owner: type | None = None) -> T:
        return getattr(article.entry, self.name)  # type: ignore[no-any-return,union-attr]


@dataclass(frozen=True)
class Article:
    """One article of the edition: its catalog entry (held, not copied) and the parsed seed.

    The entry's facts are read through it: ``article.title`` is ``article.entry.title``.
    """

    entry: CatalogEntry
    title_in_text: bool
    blocks: tuple[Block, ...]
    furniture: tuple[Furniture, ...]

    slug = EntryField[str]()
    file = EntryField[str]()
    title = EntryField[str]()
    outlet = EntryField[str]()
    outlet_basis = EntryField[str]()
    date = EntryField[dt.date | None]()
    date_basis = EntryField[str]()
    date_evidence = EntryField[str]()
    byline = EntryField[str | None]()
    dateline = EntryField[str | None]()
    occasion = EntryField[str | None]()

    @property
    def text(self) -> str:
        """The text proper, paragraphs separated by a blank line: what offsets refer to."""
        return PARAGRAPH_SEPARATOR.join(block.text for block in self.blocks)

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(block for block in self.blocks if block.kind == "paragraph")

    def block_at(self, offset: int) -> Block | None:
        """The block that holds the character at ``offset`` of :attr:`text`."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None


def by_file_or_slug(articles: Iterable[Article]) -> dict[str, Article]:
    """Articles by seed file and by slug: how data files name an article."""
    found: dict[str, Article] = {}
    for article in articles:
        found[article.file] = article
        found[article.slug] = article
    return found


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph, not cut at "Sept." or "Gen."."""
    for match in re.finditer(r"[.!?][\"”’]?(?=\s+[\"“‘(A-ZÇĞİÖŞÜƏ0-9])", text):
        # only the few characters before the stop can be an abbreviation: looking at those
        # alone keeps a long paragraph full of full stops linear, not quadratic
        end = match.start() + 1
        if not _ABBREVIATIONS.search(text, max(0, end - _ABBREVIATION_REACH), end):
            return text[: match.end()]
    return text


def _is_subheading(line: str, has_text_before: bool) -> bool:
    """A short line without final punctuation between paragraphs is a crosshead."""
    words = line.split()
    return has_text_before and 0 < len(words) <= 8 and not _TERMINAL.search(line)


def _normalise(line: str) -> str:
    return " ".join(line.replace("“", '"').replace("”", '"').split()).casefold()


def parse_seed(text: str, entry: CatalogEntry) -> tuple[Article, list[Problem]]:
    """Split a seed's text into header, text proper and furniture."""
    problems: list[Problem] = []
    blocks: list[Block] = []
    furniture: list[Furniture] = []
    title_key = _normalise(entry.title)
    byline_keys = {_normalise(f"By {entry.byline}")} if entry.byline else set()
    dateline_key = _normalise(entry.dateline) if entry.dateline else None
    title_in_text = False
    header_seen: set[str] = set()
    offset = 0
    for number, raw_line in enumerate(text.split("\n"), start=1):
        line = raw_line.strip()
        if not line:
            continue
        key = _normalise(line)
        in_header = not blocks
        kind = furniture_kind(line)
        if kind is None and key == title_key:
            kind = "repeated title" if title_in_text or blocks else None
            if kind is None:
                title_in_text = True
                continue
        if kind is None and in_header and (key == dateline_key or key in byline_keys):
            # the header line is metadata once; printed again, it is recorded, not dropped
            if key in header_seen:
                kind = "repeated dateline" if key == dateline_key else "repeated byline"
            else:
                header_seen.add(key)
                continue
        if kind is not None:
            furniture.append(Furniture(number, line, kind))
            continue
        block_kind = "subheading" if _is_subheading(line, bool(blocks)) else "paragraph"
        if blocks:
            offset += len(PARAGRAPH_SEPARATOR)
        blocks.append(Block(f"p{len(blocks) + 1}", block_kind, line, number, offset))
        offset += len(line)
    if blocks and blocks[-1].kind == "subheading":
        last = blocks[-1]
        blocks[-1] = Block(last.anchor, "paragraph", last.text, last.line, last.start)
    if not blocks:
        problems.append(Problem(entry.file, 1, "the seed has no article text (only blank "
                                "lines, its header or page furniture)", "seed"))
    article = Article(entry=entry, title_in_text=title_in_text, blocks=tuple(blocks),
                      furniture=tuple(furniture))
    return article, problems


def load_article(seed_dir: Path, entry: CatalogEntry) -> tuple[Article, list[Problem]]:
    """Read and parse the seed of a catalog entry; unreadable input gives an empty article."""
    path = seed_dir / entry.file
    text: str | None = None
    try:
        size = path.stat().st_size
        if not inside(path, seed_dir):
            problems = [Problem(str(path), 1, "the seed is a symbolic link to a file outside "
                                "the seed folder: it was not read (nothing outside the "
                                "project is published); copy the text into the seed folder",
                                "seed-link")]
        elif size > MAX_SEED_BYTES:
            problems = [Problem(str(path), 1, f"the seed is {size / 1e6:.1f} MB, more than an "
                                f"article can be ({MAX_SEED_BYTES / 1e6:.0f} MB at most): it "
                                "was not read; is it the right file?", "seed")]
        else:
            text, problems = decode_text(path.read_bytes(), str(path))
    except OSError as error:
        problems = [Problem(str(path), 1, f"cannot read the seed: {error.strerror}", "seed")]
    article, more = parse_seed(text or "", entry)
    located = [Problem(str(path), p.line, p.message, p.subtype) for p in more]
    return article, problems + (located if text is not None else [])
