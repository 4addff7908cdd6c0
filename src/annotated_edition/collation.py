"""A sort key that puts Turkish and Azerbaijani letters where their readers look for them.

A plain Unicode sort puts ı (U+0131) and ə (U+0259) after z, and Python's ``sorted`` puts
Ç after every ASCII letter. Turkish and Azerbaijani dictionaries file each of ç, ğ, ı, ö, ş,
ü and ə as a letter of its own, directly beside its base letter:

    a b c ç d e ə f g ğ h ı i j k l m n o ö p q r s ş t u ü v w x y z

That is the order here (q, w and x keep their Latin places: the glossary is in English).
Other accented letters (é, â, î...) file with their base letter and only break ties, as in
an English index. Capital I is taken as the capital of i (the English reading), and
Turkish İ as i too. The key is written out rather than left to the system's locale, so the
same book sorts the same way on every machine.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ALPHABET = "abcçdeəfgğhıijklmnoöpqrsştuüvwxyz"
_PRIMARY = {letter: index for index, letter in enumerate(ALPHABET)}
# Letters of their own that Unicode decomposes; their base must not swallow them.
_OWN_LETTERS = frozenset("çğöşü")
_SEPARATORS = frozenset(" -‐–—/")  # word separators sort before every letter

SortKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


@lru_cache(maxsize=4096)
def _weights(char: str) -> tuple[int, int, int] | None:
    """(primary, secondary, tertiary) weight of one character; None if it is ignored."""
    if char in _SEPARATORS or char.isspace():
        return (0, 0, 0)
    if char.isdigit():
        return (1 + int(unicodedata.digit(char, 0)), 0, 0)
    lower = char.lower()
    upper = 0 if char == lower or len(lower) != 1 else 1
    if char == "İ":
        lower, upper = "i", 1
    if lower in _PRIMARY:
        return (20 + _PRIMARY[lower], 0, upper)
    decomposed = unicodedata.normalize("NFD", lower)
    base = decomposed[0]
    if base in _PRIMARY and lower not in _OWN_LETTERS:
        accent = sum(ord(mark) for mark in decomposed[1:])
        return (20 + _PRIMARY[base], accent, upper)
    if char.isalpha():  # a letter of another script: after the Latin alphabet, in code order
        return (100 + ord(lower), 0, upper)
    return None  # punctuation: ignored, as in dictionaries


def sort_key(text: str) -> SortKey:
    """Three-level key: letters first, then accents, then case (as dictionaries do)."""
    weights = [w for w in map(_weights, text) if w is not None]
    return (tuple(w[0] for w in weights), tuple(w[1] for w in weights),
            tuple(w[2] for w in weights))


def ascii_key(text: str) -> str:
    """The same order as :func:`sort_key` spelt in ASCII, for index processors.

    makeindex and xindy sort their ``key@entry`` keys bytewise (makeindex breaks on a
    non-ASCII first letter), so each letter becomes its base letter plus a digit that
    orders the letters sharing that base: ``Çavuşoğlu`` becomes ``c1a0v0u0s1o0g1l0u0``.
    """
    out: list[str] = []
    for char in text:
        weights = _weights(char)
        if weights is None:
            continue
        primary = weights[0]
        if primary == 0:
            out.append(" ")
        elif primary < 20:
            out.append(str(primary - 1))
        elif primary < 100:
            letter = ALPHABET[primary - 20]
            base = unicodedata.normalize("NFD", letter)[0]
            if letter == "ı":
                base, rank = "i", 0
            elif letter == "i":
                rank = 1
            elif letter == "ə":
                base, rank = "e", 1
            else:
                rank = 1 if letter in _OWN_LETTERS else 0
            out.append(f"{base}{rank}")
        else:
            out.append(f"z9{primary:06d}")
    return "".join(out)


def group_letter(text: str) -> str:
    """The letter under which an index files ``text`` (its first letter, own letters kept)."""
    for char in text:
        weights = _weights(char)
        if weights is None or weights[0] == 0:
            continue
        primary = weights[0]
        if 20 <= primary < 100:
            letter = ALPHABET[primary - 20]
            return letter.upper()  # ı -> I, ə -> Ə
        return "0-9" if primary < 20 else char.upper()
    return ""
