"""Passages the articles share: the wire copy and background paragraphs one report reuses.

News articles copy each other's text, often with a few words added, dropped or changed.
The method, in time linear in the length of the corpus (no pair of sentences is ever
compared unless they already share words):

1. Every article's text is cut into words (letters and digits; case and accents folded).
2. Each run of :attr:`Settings.shingle` words (a *shingle*, six by default) is put into an
   inverted index: shingle -> the places it occurs. A shingle found in more than
   :attr:`Settings.max_postings` places is boilerplate ("the Ministry of Foreign Affairs
   said that") and is left out, so that no list of places grows with the corpus.
3. Each shingle two articles share is an *anchor* of that pair. Anchors of one pair are
   chained in order of the first article when the next one starts at most
   :attr:`Settings.max_gap` words after the previous one ended and the offset between
   the articles drifts by at most :attr:`Settings.max_drift` words (the gap is where
   words were added, dropped or changed; a reordered clause is still within it; anchors
   that two unrelated texts share by chance are far off each other's diagonal).
4. A chain is kept when its anchors cover at least :attr:`Settings.min_words` words of
   each article (the *threshold*: eight words, more than any one shingle, so a single
   shared six-word phrase is not a passage). Each side is then widened to the whole
   sentences it touches (never by more than :attr:`Settings.max_widen` words), so a
   passage starts and ends where a reader's sentence does. Paragraph breaks are not
   boundaries: a passage that one article splits into two paragraphs is found whole.
5. Chains whose spans in one article are one copy (they share at least half of the
   shorter span) become one passage with every article as a witness (000, 001 and 004
   share one background paragraph); spans that merely touch are not merged, or passages
   would chain through the odd shared phrase into one.

How the witnesses differ is :mod:`annotated_edition.apparatus`'s concern.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from annotated_edition.articles import _ABBREVIATIONS, Article, Block
from annotated_edition.folding import fold

_WORD = re.compile(r"[^\W_]+")
# the end of a sentence: a stop (and a closing quote or bracket) before a space
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*(?=\s)")


@dataclass(frozen=True)
class Settings:
    """The method's parameters; the defaults are what the edition uses (and tests)."""

    shingle: int = 6  # words per shingle
    max_gap: int = 45  # words between two anchors of one passage, in either article
    max_drift: int = 25  # words one copy may add or drop between two anchors
    min_words: int = 8  # words of each witness the shared shingles must cover
    max_postings: int = 50  # a shingle in more places than this is boilerplate
    max_widen: int = 40  # words a witness may grow by to reach its sentence's ends


DEFAULT = Settings()


class Token(NamedTuple):
    """A word as compared (``norm``) and where it stands; a tuple, as there are millions."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=1 << 16)
def normalised(word: str) -> str:
    """A word as compared: accents folded, case ignored (a news corpus repeats its words,
    so each is folded once)."""
    return fold(word).casefold()


def tokens_of(text: str) -> list[Token]:
    """The words of a text, folded for comparison, with their offsets."""
    return [Token(normalised(m[0]), m.start(), m.end()) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class Piece:
    """The part of a witness inside one paragraph: what an anchor in the page can hold."""

    anchor: str
    start: int  # offset in the paragraph's text
    end: int
    exact: str
    at: int  # offset of its start in Article.text


@dataclass(frozen=True)
class Witness:
    """One article's copy of a shared passage: verbatim, with where it stands."""

    slug: str
    file: str
    start: int  # offsets in Article.text
    end: int
    text: str
    pieces: tuple[Piece, ...]

    @property
    def anchors(self) -> tuple[str, ...]:
        return tuple(piece.anchor for piece in self.pieces)

    @property
    def anchor(self) -> str:
        return self.pieces[0].anchor


@dataclass(frozen=True)
class SharedPassage:
    """A passage found in two or more articles; ``key`` stays put while its texts do."""

    key: str
    witnesses: tuple[Witness, ...]

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w.slug for w in self.witnesses))


@dataclass
class _Span:
    article: int
    start: int  # token positions, end exclusive
    end: int
    covered: set[int] = field(default_factory=set)


def words_of(text: str) -> list[str]:
    """The words of a text as compared, without their offsets (what the index needs)."""
    return list(map(normalised, _WORD.findall(text)))


def _anchor_pairs(words: Sequence[Sequence[str]], settings: Settings
                  ) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """Per pair of articles, the positions of the shingles they share."""
    size = settings.shingle
    # the shingles of an article: its word list zipped with itself shifted (shorter lists
    # end the zip, so strict=False is the point)
    hashes = [list(map(hash, zip(*(article[k:] for k in range(size)), strict=False)))
              for article in words]
    counts = Counter(h for article in hashes for h in article)
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for article, shingles in enumerate(hashes):
        for position, shingle in enumerate(shingles):
            if 2 <= counts[shingle] <= settings.max_postings:
                index[shingle].append((article, position))
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for places in index.values():
        if all(article == places[0][0] for article, _ in places):
            continue
        for x, (a, i) in enumerate(places):
            for b, j in places[x + 1:]:
                if a != b:
                    pairs[(a, b) if a < b else (b, a)].append((i, j) if a < b else (j, i))
    return pairs


def _chains(anchors: list[tuple[int, int]], settings: Settings) -> list[list[tuple[int, int]]]:
    """Anchors of one pair of articles, chained in order where the gaps allow.

    The next anchor must start within ``max_gap`` words of the previous one's end and stay
    near its diagonal (the offset between the two articles may drift by ``max_drift``
    words: what a copy added or dropped); anchors that match at random do not.
    """
    size, gap, drift = settings.shingle, settings.max_gap, settings.max_drift
    chains: list[list[tuple[int, int]]] = []
    open_chains: list[list[tuple[int, int]]] = []
    for i, j in sorted(set(anchors)):
        target = None
        for chain in open_chains:
            last_i, last_j = chain[-1]
            if i - last_i <= size + gap and abs((j - i) - (last_j - last_i)) <= drift:
                target = chain
                break
        if target is None:
            target = []
            chains.append(target)
            open_chains.append(target)
        target.append((i, j))
        # chains whose last anchor is far behind can take nothing more
        open_chains = [c for c in open_chains if i - c[-1][0] <= size + gap]
    return chains


def _sentence_bounds(text: str) -> list[int]:
    """Offsets where a sentence starts (after a stop that is not an abbreviation)."""
    starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]  # paragraphs too
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + 1
        if _ABBREVIATIONS.search(text, max(0, end - 16), end):
            continue
        rest = match.end()
        while rest < len(text) and text[rest].isspace():
            rest += 1
        starts.append(rest)
    starts.append(len(text))
    return sorted(set(starts))


def _widen(span: _Span, words: Sequence[Token], bounds: Sequence[int], limit: int) -> None:
    """Grow a span to the sentences it touches, by at most ``limit`` words each way."""
    first, last = words[span.start].start, words[span.end - 1].end
    begin = max((b for b in bounds if b <= first), default=0)
    finish = min((b for b in bounds if b >= last), default=bounds[-1])
    start = span.start
    while start > 0 and words[start - 1].start >= begin and span.start - start < limit:
        start -= 1
    end = span.end
    while end < len(words) and words[end].end <= finish and end - span.end < limit:
        end += 1
    span.start, span.end = start, end


_OPENING = "\"“‘(["
_CLOSING = ".,;:!?…\"”’)]"


def _with_punctuation(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the quote that opens the first word and the stops that close the last."""
    while start > 0 and text[start - 1] in _OPENING:
        start -= 1
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    return start, end


def _pieces(article: Article, start: int, end: int) -> tuple[Piece, ...]:
    pieces = []
    for block in article.blocks:
        low, high = max(start, block.start), min(end, block.end)
        if low < high:
            pieces.append(_piece(block, low - block.start, high - block.start))
    return tuple(pieces)


def _piece(block: Block, start: int, end: int) -> Piece:
    return Piece(block.anchor, start, end, block.text[start:end], block.start + start)


def _overlap(first: _Span, second: _Span) -> bool:
    """Two spans of one article are one copy when they share half the shorter one."""
    shared = min(first.end, second.end) - max(first.start, second.start)
    return shared * 2 >= min(first.end - first.start, second.end - second.start)


def _group(spans: list[tuple[_Span, _Span]]) -> list[list[_Span]]:
    """Pairs of spans that are one copy in some article become one passage (union-find).

    Spans that merely touch are not merged: chained through the odd shared phrase, every
    article of a large corpus would end up in one "passage".
    """
    nodes: list[_Span] = [s for pair in spans for s in pair]
    parent = list(range(len(nodes)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for n in range(0, len(nodes), 2):
        parent[root(n)] = root(n + 1)
    by_article: dict[int, list[int]] = defaultdict(list)
    for n, span in enumerate(nodes):
        by_article[span.article].append(n)
    for members in by_article.values():
        members.sort(key=lambda n: (nodes[n].start, nodes[n].end))
        holder = -1
        for n in members:
            if holder >= 0 and nodes[n].start < nodes[holder].end and \
                    _overlap(nodes[n], nodes[holder]):
                parent[root(n)] = root(holder)
            if holder < 0 or nodes[n].end > nodes[holder].end:
                holder = n
    groups: dict[int, list[_Span]] = defaultdict(list)
    for n, span in enumerate(nodes):
        groups[root(n)].append(span)
    return list(groups.values())


def _merged(spans: Iterable[_Span]) -> list[_Span]:
    """Spans of one article that are one copy become one."""
    merged: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.article, s.start, s.end)):
        last = merged[-1] if merged else None
        if last is not None and last.article == span.article and span.start < last.end \
                and _overlap(last, span):
            last.end = max(last.end, span.end)
            last.covered |= span.covered
        else:
            merged.append(_Span(span.article, span.start, span.end, set(span.covered)))
    return merged


class _LazyTokens(dict[int, list[Token]]):
    """The words with offsets, worked out only for the articles that share a passage."""

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.articles = articles

    def __missing__(self, article: int) -> list[Token]:
        self[article] = tokens_of(self.articles[article].text)
        return self[article]


def _untangled(groups: list[list[_Span]], regions: list[tuple[_Span, _Span]]
               ) -> list[list[_Span]]:
    """A group holding three separate copies of one article is phrases chained together,
    not one passage (texts stitched from common phrases do that): its pairs stand alone."""
    pair_of = {id(span): pair for pair in regions for span in pair}
    result: list[list[_Span]] = []
    for group in groups:
        copies: dict[int, int] = defaultdict(int)
        for span in _merged(group):
            copies[span.article] += 1
        if max(copies.values()) < 3:
            result.append(group)
            continue
        seen = set()
        for span in group:
            pair = pair_of[id(span)]
            if id(pair) not in seen:
                seen.add(id(pair))
                result.append(list(pair))
    return result


def find_passages(articles: Sequence[Article], settings: Settings = DEFAULT
                  ) -> list[SharedPassage]:
    """Every passage that two or more of the articles share, in the articles' order."""
    size = settings.shingle
    regions: list[tuple[_Span, _Span]] = []
    pairs = _anchor_pairs([words_of(article.text) for article in articles], settings)
    fewest = settings.min_words - size + 1  # anchors that cover min_words words, at least
    for (a, b), anchors in sorted(pairs.items()):
        if len(anchors) < fewest:
            continue
        for chain in _chains(anchors, settings):
            left = {i + k for i, _ in chain for k in range(size)}
            right = {j + k for _, j in chain for k in range(size)}
            if min(len(left), len(right)) < settings.min_words:
                continue
            regions.append((_Span(a, min(left), max(left) + 1, left),
                            _Span(b, min(right), max(right) + 1, right)))
    bounds: dict[int, list[int]] = {}
    tokens = _LazyTokens(articles)
    order = {article.slug: n for n, article in enumerate(articles)}
    passages = []
    seen: set[tuple[tuple[str, int, int], ...]] = set()
    for group in _untangled(_group(regions), regions):
        witnesses = []
        for span in _merged(group):
            article, words = articles[span.article], tokens[span.article]
            if span.article not in bounds:
                bounds[span.article] = _sentence_bounds(article.text)
            _widen(span, words, bounds[span.article], settings.max_widen)
            start, end = _with_punctuation(article.text, words[span.start].start,
                                           words[span.end - 1].end)
            witnesses.append(Witness(article.slug, article.file, start, end,
                                     article.text[start:end], _pieces(article, start, end)))
        if len({w.slug for w in witnesses}) < 2:
            continue
        witnesses.sort(key=lambda w: (order[w.slug], w.start))
        places = tuple((w.slug, w.start, w.end) for w in witnesses)
        if places in seen:  # two chains of one reordered passage, widened alike
            continue
        seen.add(places)
        passages.append(SharedPassage(passage_key(witnesses), tuple(witnesses)))
    passages.sort(key=lambda p: (order[p.witnesses[0].slug], p.witnesses[0].start))
    return passages


def passage_key(witnesses: Sequence[Witness]) -> str:
    """A short id from the witnesses' articles and texts: the cache key of a collation."""
    digest = hashlib.sha256(repr([(w.slug, w.text) for w in witnesses]).encode("utf-8"))
    return digest.hexdigest()[:12]
