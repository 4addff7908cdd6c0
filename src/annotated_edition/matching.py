"""Finding every term of the glossary in a text, in one pass whatever the number of terms.

All terms and aliases go into one Aho-Corasick automaton (pyahocorasick), built once, over
a *folded* form of the text (``folding.fold_in_place``): lower case, accents off, one
character for one character so that offsets in the folded text are offsets in the
original. A hit is kept when it is a whole word (possessive ’s or 's included), when it
passes its entry's case rule, and when no longer hit overlaps it (leftmost, then longest,
wins).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from annotated_edition.folding import fold_in_place, unaccent

CASE_EXACT = "exact"  # names: the capitals as written (accents may still differ)
CASE_ANY = "any"  # common words ("liberated", "occupation"): any capitalisation
_APOSTROPHES = ("'", "’")


@dataclass(frozen=True)
class Term:
    """One form to look for: an entry's term or one of its aliases, with the entry's rule."""

    entry_id: str
    form: str
    case: str = CASE_EXACT


class Match(NamedTuple):
    """One occurrence: ``text[start:end]`` is ``matched`` (possessive included).

    A NamedTuple rather than a frozen dataclass: a glossary finds one in every few words,
    and a tuple is made several times faster.
    """

    entry_id: str
    start: int
    end: int
    matched: str
    form: str


# Invisible inside a word, so ignored by matching: the soft hyphen, zero-width space,
# non-joiner and joiner, word joiner and a stray BOM, and the combining marks of a
# decomposed (NFD) letter (accents are ignored anyway: "g\u0306" is "ğ" is "g").
IGNORED = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\u0300-\u036f\u1ab0-\u1aff"
                     "\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def without_ignored(text: str) -> tuple[str, list[int]]:
    """``text`` without the characters matching ignores, and where each kept one was."""
    kept = [index for index, char in enumerate(text) if not IGNORED.match(char)]
    return "".join(text[index] for index in kept), kept


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class _WordChars(dict[str, bool]):
    """Whether a character is a word character, remembered: a lookup beats two calls."""

    def __missing__(self, char: str) -> bool:
        value = self[char] = _is_word_char(char)
        return value


_IS_WORD = _WordChars()
_FIRST = itemgetter(0)
_new_match = tuple.__new__  # a Match without the Python-level __new__ of a NamedTuple


class Matcher:
    """Finds the terms of a glossary in texts; build once, use on every paragraph."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._automaton = ahocorasick.Automaton()
        by_key: dict[str, list[Term]] = {}
        for term in terms:
            key = IGNORED.sub("", fold_in_place(term.form.strip()))
            if key:
                by_key.setdefault(key, []).append(term)
        for key, found in by_key.items():
            # each form beside its accent-free spelling, for the case check of a hit
            forms = tuple((term, IGNORED.sub("", unaccent(term.form.strip())))
                          for term in found)
            # what decides most hits at once: the first term takes any capitalisation, or
            # the key has a single term, whose accent-free form the words must spell
            any_case = found[0] if found[0].case == CASE_ANY else None
            single = forms[0] if len(forms) == 1 else None
            self._automaton.add_word(key, (len(key), forms, any_case, single))
        self.size = len(by_key)
        if by_key:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Every occurrence in ``text``, in order, none overlapping another.

        Characters in :data:`IGNORED` are looked through ("Erdo\u00adğan" is Erdoğan); the
        offsets are still those of ``text`` as printed, the combining marks of a match's
        last letter included.
        """
        if not self.size:
            return []
        if text.isascii() or not IGNORED.search(text):
            return self._find(text)
        plain, origin = without_ignored(text)
        found = []
        for match in self._find(plain):
            start, end = origin[match.start], origin[match.end - 1] + 1
            while end < len(text) and IGNORED.match(text[end]) and \
                    unicodedata.combining(text[end]):
                end += 1
            found.append(Match(match.entry_id, start, end, text[start:end], match.form))
        return found

    def _find(self, text: str) -> list[Match]:
        # One pass over the automaton's hits, inlined: this loop is the glossary's cost
        # on every paragraph (see benchmarks/core.py).
        size = len(text)
        is_word = _IS_WORD
        scale = size + 2  # more than any occurrence is long
        hits: list[tuple[int, int, int, Term]] = []
        for last, (length, terms, any_case, single) in self._automaton.iter(fold_in_place(text)):
            start = last + 1 - length
            if start and is_word[text[start - 1]]:
                continue
            end = last + 1
            if end < size:
                after = text[end]
                if is_word[after]:
                    continue  # inside a word
                if after in _APOSTROPHES and end + 1 < size and text[end + 1] == "s" and (
                        end + 2 == size or not is_word[text[end + 2]]):
                    end += 2  # a possessive belongs to the occurrence
            if any_case is not None:
                term = any_case
            elif single is not None:
                if not text.startswith(single[1], start):  # not spelled as the form: check
                    surface = text[start:last + 1]
                    if surface.isascii() or unaccent(surface) != single[1]:
                        continue  # the case rule refuses the words as printed
                term = single[0]
            else:
                found = self._accept(text[start:last + 1], terms)
                if found is None:
                    continue
                term = found
            # one number that sorts by start, then longest first (no tuple per key)
            hits.append((start * scale + scale - (end - start), start, end, term))
        hits.sort(key=_FIRST)  # stable: at one start and length, the order found
        kept: list[Match] = []
        reach = 0
        for _, start, end, term in hits:  # leftmost, then longest, wins
            if start >= reach:
                kept.append(_new_match(Match, (term.entry_id, start, end, text[start:end],
                                               term.form)))
                reach = end
        return kept

    @staticmethod
    def _accept(surface: str, terms: Sequence[tuple[Term, str]]) -> Term | None:
        """The first term whose case rule the words as printed satisfy."""
        bare = surface if surface.isascii() else unaccent(surface)
        for term, form in terms:
            if term.case == CASE_ANY or bare == form:
                return term
        return None


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
