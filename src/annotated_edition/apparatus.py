"""Collating the witnesses of a shared passage into an apparatus of variants.

The first witness is the base text (the passage's earliest article, in reading order);
every other witness is aligned with it word by word (:class:`difflib.SequenceMatcher` on
the folded words of :func:`annotated_edition.passages.tokens_of`, so that case, accents, quotes
and punctuation do not count as variants). Where any witness differs, the base words
involved (or the gap between two base words, for an addition) make one *variant
location*; overlapping or touching differences of several witnesses make one location,
as in a critical edition's apparatus, where each location gives the base reading (the
lemma) and each variant reading with the sigla of the witnesses that have it. Readings
are quoted verbatim from the witnesses.

Why not CollateX: measured on this edition's passages (``python -m benchmarks.passages
--collatex``), it found the same variant locations here, some two orders of magnitude
more slowly, and a library that keeps the whole alignment graph in memory; see the
README.

A variant that changes a date, a number or a name is *significant*: the build reports it,
and the editor acknowledges the ones that are known (``docs/passages.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from annotated_edition.passages import SharedPassage, Token, Witness, normalised, tokens_of

MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec"})
NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
    "billion", "first", "second", "third", "dozen", "dozens", "decade", "decades"})
SIGNIFICANT = ("date", "number", "name")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


class _Kinded:
    """A record that says how it differs: a date, a number, a name, or only the wording."""

    kind: str

    @property
    def significant(self) -> bool:
        return self.kind in SIGNIFICANT


@dataclass(frozen=True)
class Reading(_Kinded):
    text: str  # verbatim, "" for an omission
    sigla: tuple[str, ...]
    anchors: tuple[str, ...]  # for each siglum, the paragraph of its witness it stands in
    kind: str  # how it differs from the lemma: "date", "number", "name" or "wording"


@dataclass(frozen=True)
class Location(_Kinded):
    """One place where the witnesses differ from the base text."""

    number: int
    lemma: str  # the base text's words here, verbatim ("" for an addition)
    start: int  # where the lemma stands in the base witness's text (start == end: a gap)
    end: int
    before: str  # the base word just before, for an addition ("" at the start)
    readings: tuple[Reading, ...]  # the variant readings, the base's excluded
    kind: str  # the most significant kind of its readings
    base_anchor: str  # the base paragraph the location is in


@dataclass(frozen=True)
class Apparatus:
    """The collation of one passage: sigla of its witnesses and the variant locations."""

    key: str
    sigla: tuple[str, ...]  # one per witness, in the passage's order; the first is the base
    locations: tuple[Location, ...]


def _features(text: str, initial: bool) -> dict[str, set[str]]:
    """The dates, numbers and names of a reading (a capital that opens a sentence is no
    name)."""
    found: dict[str, set[str]] = {"date": set(), "number": set(), "name": set()}
    previous = "." if initial else "w"
    for match in re.finditer(r"[^\W_]+|[.!?]", text):
        word = match[0]
        norm = normalised(word)
        if _YEAR.match(norm) or norm in MONTHS:
            found["date"].add(norm)
        if norm.isdigit() or norm in NUMBER_WORDS:
            found["number"].add(norm)
        if word[:1].isupper() and previous not in ".!?":
            found["name"].add(norm)
        previous = word if word in ".!?" else "w"
    return found


def _classify(lemma: str, lemma_initial: bool, reading: str, initial: bool) -> str:
    """A date, a number or a name is changed when both readings have one and they differ."""
    base, other = _features(lemma, lemma_initial), _features(reading, initial)
    return next((kind for kind in SIGNIFICANT
                 if base[kind] and other[kind] and base[kind] != other[kind]), "wording")


def _opens_sentence(text: str, offset: int) -> bool:
    """Whether the words at ``offset`` begin a sentence (or the passage)."""
    before = text[:offset].rstrip().rstrip("\"“”‘’'(")
    return not before or before[-1] in ".!?…"


def _most_significant(kinds: Sequence[str]) -> str:
    return next((kind for kind in SIGNIFICANT if kind in kinds), "wording")


Alignment = tuple[list[tuple[int, int]], dict[int, int], dict[int, int], tuple[int, int]]


def _bounds(base: Sequence[str], other: Sequence[str]) -> Alignment:
    """Where ``other`` differs from ``base`` (base word ranges), how boundaries map, and
    the part of the base it covers.

    A witness that copies only part of the passage is not "omitting" the rest: base words
    it lacks before its first word and after its last are outside its extent (*deest*),
    not a variant.
    """
    differences: list[tuple[int, int]] = []
    low: dict[int, int] = {}
    high: dict[int, int] = {}
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    opcodes = matcher.get_opcodes()
    first, last = opcodes[0], opcodes[-1]
    extent = (first[2] if first[0] == "delete" else 0,
              last[1] if last[0] == "delete" and len(opcodes) > 1 else len(base))
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            for k in range(i2 - i1 + 1):
                low.setdefault(i1 + k, j1 + k)
                high[i1 + k] = j1 + k
        else:
            overlaps = extent[0] < i2 and i1 < extent[1]
            if overlaps or (i1 == i2 and extent[0] <= i1 <= extent[1]):
                differences.append((i1, i2))
            low[i1] = min(low.get(i1, j1), j1)
            high[i2] = max(high.get(i2, j2), j2)
            low.setdefault(i2, j2)
            high.setdefault(i1, j1)
    return differences, low, high, extent


def _span_text(witness: Witness, words: Sequence[Token], start: int, end: int) -> str:
    if start >= end:
        return ""
    offset = witness.start
    return witness.text[words[start].start - offset:words[end - 1].end - offset]


def _offset(witness: Witness, words: Sequence[Token], position: int) -> int:
    """The article offset of word ``position`` (just after the last word at the end)."""
    return words[position].start if position < len(words) else witness.end


def anchor_at(witness: Witness, offset: int) -> str:
    """The paragraph of the witness that holds the article offset."""
    for piece in witness.pieces:
        if offset < piece.at + len(piece.exact):
            return piece.anchor
    return witness.pieces[-1].anchor


def sigla_of(passage: SharedPassage, article_sigla: dict[str, str]) -> tuple[str, ...]:
    """Each witness's siglum: its article's, numbered when an article gives two copies."""
    counts: dict[str, int] = {}
    for witness in passage.witnesses:
        counts[witness.slug] = counts.get(witness.slug, 0) + 1
    seen: dict[str, int] = {}
    sigla = []
    for witness in passage.witnesses:
        siglum = article_sigla.get(witness.slug, witness.slug)
        if counts[witness.slug] > 1:
            seen[witness.slug] = seen.get(witness.slug, 0) + 1
            siglum = f"{siglum}{seen[witness.slug]}"
        sigla.append(siglum)
    return tuple(sigla)


def collate(passage: SharedPassage, sigla: Sequence[str]) -> Apparatus:
    """The apparatus of a passage: the first witness is the base text."""
    words = [[t for t in tokens_of(w.text)] for w in passage.witnesses]
    # offsets of tokens_of(w.text) are in the witness text: shift them to the article's
    words = [[Token(t.norm, t.start + w.start, t.end + w.start) for t in ws]
             for w, ws in zip(passage.witnesses, words, strict=True)]
    base, base_words = passage.witnesses[0], [t.norm for t in words[0]]
    alignments = [_bounds(base_words, [t.norm for t in ws]) for ws in words[1:]]
    ranges = sorted(r for differences, _, _, _ in alignments for r in differences)
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    locations: list[Location] = []
    for start, end in merged:
        readings: dict[str, list[tuple[str, str]]] = {}
        initial: dict[str, bool] = {}
        lemma = _span_text(base, words[0], start, end)
        for n, (_, low, high, extent) in enumerate(alignments, start=1):
            if end <= extent[0] or start >= extent[1]:
                continue  # the witness does not reach this far
            within = max(start, extent[0]), min(end, extent[1])
            reading = _span_text(passage.witnesses[n], words[n], low[within[0]],
                                 high[within[1]])
            shown = _span_text(base, words[0], *within)
            if [t.norm for t in tokens_of(reading)] == [t.norm for t in tokens_of(shown)]:
                continue
            where = anchor_at(passage.witnesses[n],
                              _offset(passage.witnesses[n], words[n], low[within[0]]))
            readings.setdefault(reading, []).append((sigla[n], where))
            witness = passage.witnesses[n]
            initial[reading] = _opens_sentence(
                witness.text, _offset(witness, words[n], low[within[0]]) - witness.start)
        if not readings:
            continue
        before = _span_text(base, words[0], start - 1, start) if start else ""
        begin = _offset(base, words[0], start) - base.start
        finish = begin + len(lemma) if lemma else \
            (words[0][start - 1].end - base.start if start else 0)
        found = tuple(Reading(text, tuple(s for s, _ in places), tuple(a for _, a in places),
                              _classify(lemma, _opens_sentence(base.text, begin), text,
                                        initial[text]))
                      for text, places in readings.items())
        locations.append(Location(
            len(locations) + 1, lemma, finish if not lemma else begin, finish, before, found,
            _most_significant([r.kind for r in found]), anchor_at(base, base.start + begin)))
    return Apparatus(passage.key, tuple(sigla), tuple(locations))

