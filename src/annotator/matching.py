"""Finding every term of the glossary in a text, in one pass whatever the number of terms.

All terms and aliases go into one Aho-Corasick automaton (pyahocorasick), built once, over
a *folded* form of the text: lower case, accents off, ı→i and ə→e, one character for one
character so that offsets in the folded text are offsets in the original. A hit is kept
when it is a whole word (possessive ’s or 's included), when it passes its entry's case
rule, and when no longer hit overlaps it (leftmost, then longest, wins).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

CASE_EXACT = "exact"  # names: the capitals as written (accents may still differ)
CASE_ANY = "any"  # common words ("liberated", "occupation"): any capitalisation
_APOSTROPHES = ("'", "’")
_SPECIAL_FOLDS = {"ı": "i", "ə": "e", "İ": "i", "Ə": "e", "ß": "ß"}


@dataclass(frozen=True)
class Term:
    """One form to look for: an entry's term or one of its aliases, with the entry's rule."""

    entry_id: str
    form: str
    case: str = CASE_EXACT


@dataclass(frozen=True)
class Match:
    """One occurrence: ``text[start:end]`` is ``matched`` (possessive included)."""

    entry_id: str
    start: int
    end: int
    matched: str
    form: str


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    if char in _SPECIAL_FOLDS:
        return _SPECIAL_FOLDS[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char)
                   if not unicodedata.combining(c))
    lower = base.lower()
    if len(lower) == 1:
        return lower
    return char if len(char.lower()) != 1 else char.lower()


def _unaccent_char(char: str) -> str:
    if char in "ıİəƏ":
        return {"ı": "i", "İ": "I", "ə": "e", "Ə": "E"}[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char)
                   if not unicodedata.combining(c))
    return base if len(base) == 1 else char


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table filled on demand: one character in, one character out."""

    def __init__(self, fold: object) -> None:
        super().__init__()
        self.fold = fold

    def __missing__(self, code: int) -> str:
        value = self.fold(chr(code))  # type: ignore[operator]
        self[code] = value
        return value


_FOLD = _FoldTable(_fold_char)
_FOLDED: set[str] = set()
_UNACCENT = _FoldTable(_unaccent_char)


def fold(text: str) -> str:
    """Lower case without accents, same length as ``text`` (offsets carry over)."""
    for char in set(text).difference(_FOLDED):  # fill the table first: a plain dict is faster
        _FOLD[ord(char)] = _fold_char(char)
        _FOLDED.add(char)
    return text.translate(_FOLD)


def unaccent(text: str) -> str:
    """Accents off, capitals kept, same length as ``text``."""
    return text.translate(_UNACCENT)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class Matcher:
    """Finds the terms of a glossary in texts; build once, use on every paragraph."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._automaton = ahocorasick.Automaton()
        by_key: dict[str, list[Term]] = {}
        for term in terms:
            key = fold(term.form.strip())
            if key:
                by_key.setdefault(key, []).append(term)
        for key, found in by_key.items():
            # each form beside its accent-free spelling, for the case check of a hit
            forms = tuple((term, unaccent(term.form.strip())) for term in found)
            self._automaton.add_word(key, (len(key), forms))
        self.size = len(by_key)
        if by_key:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Every occurrence in ``text``, in order, none overlapping another."""
        if not self.size:
            return []
        candidates: list[Match] = []
        for last, (length, terms) in self._automaton.iter(fold(text)):
            start, end = last + 1 - length, last + 1
            if start > 0 and _is_word_char(text[start - 1]):
                continue
            end = self._word_end(text, end)
            if end is None:
                continue
            surface = text[start:last + 1]
            term = self._accept(surface, terms)
            if term is not None:
                candidates.append(Match(term.entry_id, start, end, text[start:end], term.form))
        return _leftmost_longest(candidates)

    @staticmethod
    def _word_end(text: str, end: int) -> int | None:
        """Where the word ends: at ``end``, or after a possessive; None inside a word."""
        if end >= len(text) or not _is_word_char(text[end]):
            if (end + 1 < len(text) and text[end] in _APOSTROPHES and text[end + 1] == "s"
                    and (end + 2 == len(text) or not _is_word_char(text[end + 2]))):
                return end + 2
            return end
        return None

    @staticmethod
    def _accept(surface: str, terms: Sequence[tuple[Term, str]]) -> Term | None:
        """The first term whose case rule the words as printed satisfy."""
        bare = None
        for term, form in terms:
            if term.case == CASE_ANY:
                return term
            if bare is None:
                bare = unaccent(surface)
            if bare == form:
                return term
        return None


def _leftmost_longest(candidates: list[Match]) -> list[Match]:
    """Drop every hit that overlaps an earlier-starting or (same start) longer one."""
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Match] = []
    reach = 0
    for match in candidates:
        if match.start >= reach:
            kept.append(match)
            reach = match.end
    return kept


def skip_opted_out(text: str, matches: list[Match],
                   skips: dict[str, tuple[str, ...]]) -> list[Match]:
    """Leave out the matches an editor opted out of: those inside one of the entry's quotes."""
    if not skips:
        return matches
    kept = []
    for match in matches:
        spans = [(i, i + len(quote)) for quote in skips.get(match.entry_id, ())
                 for i in _all_indexes(text, quote)]
        if not any(a <= match.start and match.end <= b for a, b in spans):
            kept.append(match)
    return kept


def _all_indexes(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at != -1 and quote:
        found.append(at)
        at = text.find(quote, at + 1)
    return found
