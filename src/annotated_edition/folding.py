"""Folding words to plain Latin letters, so that "Cavusoglu" finds "Çavuşoğlu".

The texts spell the same names with and without Turkish and Azerbaijani letters, and
readers type them either way. Folding drops accents and maps the few letters that carry
no accent to decompose (dotless ı, schwa ə) to the letter a reader would type instead.
The search page folds the reader's query with the same rules, in JavaScript
(``FOLD_JS``), so both sides must change together.
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter plus an accent.
SPECIAL = {"ı": "i", "ə": "e", "Ə": "E", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
           "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss"}

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
