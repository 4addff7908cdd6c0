"""The letter rules of folding, in one place: the three forms on the same words.

``fold`` (search and the book's index: capitals kept, ligatures spelled out),
``fold_in_place`` (the glossary's matching: lower case, one character for one) and
``unaccent`` (the case rules: capitals kept, one character for one).
"""

from __future__ import annotations

import pytest

from annotated_edition.folding import fold, fold_in_place, unaccent


@pytest.mark.parametrize(("text", "searched", "matched", "unaccented"), [
    # the letters that no accent decomposes: dotless ı, schwa ə and Ə; İ decomposes
    ("ı", "i", "i", "i"),
    ("İ", "I", "i", "I"),
    ("ə", "e", "e", "e"),
    ("Ə", "E", "e", "E"),
    ("İlham Əliyev ılıq", "Ilham Eliyev iliq", "ilham eliyev iliq", "Ilham Eliyev iliq"),
    ("Xankəndi, XƏ", "Xankendi, XE", "xankendi, xe", "Xankendi, XE"),
    ("Iğdır", "Igdir", "igdir", "Igdir"),
    ("Çavuşoğlu", "Cavusoglu", "cavusoglu", "Cavusoglu"),
    ("Türkiye’s", "Turkiye’s", "turkiye’s", "Turkiye’s"),
    ("Shusha", "Shusha", "shusha", "Shusha"),
    # letters of other languages without a decomposition: one rule for every form
    ("Łódź, Ørsted, Đakovo", "Lodz, Orsted, Dakovo", "lodz, orsted, dakovo",
     "Lodz, Orsted, Dakovo"),
    # spelled out only where the length may change
    ("Straße", "Strasse", "straße", "Straße"),
    ("ﬁnal", "final", "ﬁnal", "ﬁnal"),
    ("", "", "", ""),
])
def test_the_three_forms_follow_the_same_letter_rules(text: str, searched: str, matched: str,
                                                      unaccented: str) -> None:
    assert fold(text) == searched
    assert fold_in_place(text) == matched
    assert unaccent(text) == unaccented
    assert len(fold_in_place(text)) == len(unaccent(text)) == len(text)


@pytest.mark.parametrize(("text", "matched", "unaccented"), [
    ("한국", "한국", "한국"),  # decomposes into several letters: left as it is
    ("ǅ", "ǆ", "ǅ"),
])
def test_one_character_for_one_even_where_a_letter_decomposes_into_several(
        text: str, matched: str, unaccented: str) -> None:
    assert (fold_in_place(text), unaccent(text)) == (matched, unaccented)
