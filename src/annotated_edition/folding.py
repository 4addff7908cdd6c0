"""Folding words to plain Latin letters, so that "Cavusoglu" finds "Çavuşoğlu".

The texts spell the same names with and without Turkish and Azerbaijani letters, and
readers type them either way. Folding drops accents and maps the few letters that carry
no accent to decompose (dotless ı, schwa ə) to the letter a reader would type instead.
The rules live here only, in two tables: ``BASE_LETTERS`` (one letter for one) and
``EXPANSIONS`` (ligatures and ß, spelled out where the length may change). Three forms:

- ``fold(word)``: the search index and the book's index; capitals kept, ligatures spelled
  out. The search page folds the reader's query with the same rules in JavaScript
  (``FOLD_JS``), so both sides must change together;
- ``fold_in_place(text)``: the glossary's matching; lower case, one character for one,
  so that offsets in the folded text are offsets in the original;
- ``unaccent(text)``: as ``fold_in_place`` with the capitals kept (the case rules).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter plus an accent, and the
# letter a reader types instead. (İ decomposes: I and a dot above.)
BASE_LETTERS = {"ı": "i", "ə": "e", "Ə": "E", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                "đ": "d", "Đ": "D"}
# Letters a reader types as two; only where the length of the text may change.
EXPANSIONS = {"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss"}
SPECIAL = {**BASE_LETTERS, **EXPANSIONS}

# The same folding for the browser: decompose, drop combining marks, map SPECIAL.
FOLD_JS = (
    "const editionFoldSpecial = " +
    "{" + ", ".join(f'"{k}": "{v}"' for k, v in SPECIAL.items()) + "};\n"
    "const editionFold = (word) => word.normalize(\"NFKD\")\n"
    "  .replace(/\\p{Mn}/gu, \"\")\n"
    "  .replace(/[" + "".join(SPECIAL) + "]/g, (c) => editionFoldSpecial[c]);\n"
)


def fold(word: str) -> str:
    """The word without accents: "Çavuşoğlu" -> "Cavusoglu", "Əliyev" -> "Eliyev"."""
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return "".join(SPECIAL.get(c, c) for c in bare)


def unaccent_char(char: str) -> str:
    """One character without its accent, capital kept; itself when that is not one letter."""
    if char in BASE_LETTERS:
        return BASE_LETTERS[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char)
                   if not unicodedata.combining(c))
    return base if len(base) == 1 else char


@lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    """One character without its accent, in lower case; one character always."""
    lower = unaccent_char(char).lower()
    if len(lower) == 1:
        return lower
    return char if len(char.lower()) != 1 else char.lower()  # one character, whatever lower() does


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table filled on demand: one character in, one character out."""

    def __init__(self, fold: Callable[[str], str]) -> None:
        super().__init__()
        self.fold = fold
        self.unstable: set[str] = set()  # characters whose value lower() would change

    def __missing__(self, code: int) -> str:
        value = self.fold(chr(code))
        self[code] = value
        if value.lower() != value:
            self.unstable.add(chr(code))
        return value


_FOLD = _FoldTable(fold_char)
_UNACCENT = _FoldTable(unaccent_char)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(match: re.Match[str]) -> str:
    return _FOLD[ord(match[0])]


def fold_in_place(text: str) -> str:
    """Lower case without accents, same length as ``text`` (offsets carry over)."""
    if text.isascii():  # most paragraphs: folding ASCII is lower case, and lower() is fast
        return text.lower()
    # The letters beyond ASCII replaced by their folds, then lower() for the rest: several
    # times faster than str.translate, which looks every character up in the table.
    replaced = _NON_ASCII.sub(_fold_match, text)
    if _FOLD.unstable and not _FOLD.unstable.isdisjoint(text):
        return text.translate(_FOLD)  # a fold that lower() would change again (none known)
    return replaced.lower()


def unaccent(text: str) -> str:
    """Accents off, capitals kept, same length as ``text``."""
    return text.translate(_UNACCENT)
