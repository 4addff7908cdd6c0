"""The matcher against a naive reference finder, and the edges its fast path takes.

The reference finds every occurrence with ``str.find`` on a folded text, applies the
word, possessive and case rules literally, and keeps the leftmost, then longest, hits:
whatever the automaton and its shortcuts do, the matcher must report exactly that.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotated_edition.folding import BASE_LETTERS, unaccent
from annotated_edition.folding import fold_in_place as fold
from annotated_edition.matching import (
    CASE_ANY,
    Match,
    Matcher,
    Term,
    skip_opted_out,
)

TERMS = [
    Term("taf", "Turkish Armed Forces"),
    Term("turkish", "Turkish"),
    Term("turkey", "Turkey"),
    Term("bird", "turkey", CASE_ANY),  # same folded key as the country, any capitals
    Term("caps", "TURKEY"),  # a third term of that key, exact
    Term("cavusoglu", "Mevlüt Çavuşoğlu"),
    Term("cavusoglu", "Çavuşoğlu"),
    Term("aliyev", "İlham Əliyev"),
    Term("liberation", "liberated", CASE_ANY),
    Term("nk", "Nagorno-Karabakh"),
    Term("karabakh", "Karabakh"),
]
def naive_unaccent(text: str) -> str:
    """Character by character, the letter rules of ``folding`` (tests/test_folding.py)."""
    out = []
    for char in text:
        if char in BASE_LETTERS:
            out.append(BASE_LETTERS[char])
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", char)
                       if not unicodedata.combining(c))
        out.append(base if len(base) == 1 else char)
    return "".join(out)


def naive_fold(text: str) -> str:
    out = []
    for char, bare in zip(text, naive_unaccent(text), strict=True):
        lower = bare.lower()
        out.append(lower if len(lower) == 1 else char.lower() if len(char.lower()) == 1
                   else char)
    return "".join(out)


def is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def reference(terms: list[Term], text: str) -> list[tuple[str, int, int, str, str]]:
    """Every whole-word occurrence the case rule accepts, leftmost then longest kept."""
    folded = naive_fold(text)
    accepted: dict[tuple[int, int], Term] = {}  # the first accepting term per span
    for term in terms:
        key = naive_fold(term.form.strip())
        at = folded.find(key)
        while at != -1 and key:
            end = at + len(key)
            surface = text[at:end]
            whole = (at == 0 or not is_word(text[at - 1])) and (
                end == len(text) or not is_word(text[end]))
            case_ok = term.case == CASE_ANY or naive_unaccent(surface) == naive_unaccent(
                term.form.strip())
            if whole and case_ok:
                accepted.setdefault((at, end), term)
            at = folded.find(key, at + 1)
    hits = []
    for (start, end), term in accepted.items():
        if text[end:end + 2] in ("'s", "’s") and (end + 2 == len(text)
                                                 or not is_word(text[end + 2])):
            end += 2
        hits.append((start, -(end - start), end, term))
    hits.sort(key=lambda hit: (hit[0], hit[1]))
    kept, reach = [], 0
    for start, _, end, term in hits:
        if start >= reach:
            kept.append((term.entry_id, start, end, text[start:end], term.form))
            reach = end
    return kept


PIECES = ["Turkey", "turkey", "TURKEY", "TurKey", "Turkish", "Armed", "Forces", "Çavuşoğlu",
          "Cavusoglu", "ÇAVUŞOĞLU", "Mevlüt", "Mevlut", "İlham", "Əliyev", "Aliyev", "ilham",
          "liberated", "LIBERATED", "Nagorno", "-", "Karabakh", "’s", "'s", "'", "s", " ",
          " ", ", ", ".", "x", "_", "9", "(", "한"]


def entries(text: str, terms: list[Term] = TERMS) -> list[tuple[str, str]]:
    return [(m.entry_id, m.matched) for m in Matcher(terms).find(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a key shared by several terms: the first whose case rule the words satisfy
    ("Turkey", [("turkey", "Turkey")]),
    ("turkey", [("bird", "turkey")]),
    ("TURKEY", [("bird", "TURKEY")]),
    # a refused occurrence does not end the scan of the paragraph
    ("Turkeys and Turkey", [("turkey", "Turkey")]),
    ("xTurkey and Turkey", [("turkey", "Turkey")]),
    ("CAVUSOGLU, then Çavuşoğlu", [("cavusoglu", "Çavuşoğlu")]),
    ("ÇAVUŞOĞLU, then Çavuşoğlu", [("cavusoglu", "Çavuşoğlu")]),
    # at the very start, after one character, at the very end
    ("Karabakh", [("karabakh", "Karabakh")]),
    ("(Karabakh)", [("karabakh", "Karabakh")]),
    ("_Karabakh", []),
    ("Karabakh_", []),
    ("Karabakh9", []),
    # possessives: only ’s or 's followed by no word character
    ("Karabakh's", [("karabakh", "Karabakh's")]),
    ("Karabakh’s.", [("karabakh", "Karabakh’s")]),
    ("Karabakh'sx", [("karabakh", "Karabakh")]),
    ("Karabakh'", [("karabakh", "Karabakh")]),
    ("Karabakh’", [("karabakh", "Karabakh")]),
    ("Karabakh's_", [("karabakh", "Karabakh")]),
    ("Karabakh's9", [("karabakh", "Karabakh")]),
    ("Karabakh`s", [("karabakh", "Karabakh")]),
    # accents: either spelling of the name, never other capitals
    ("İlham Əliyev", [("aliyev", "İlham Əliyev")]),
    ("Ilham Eliyev", [("aliyev", "Ilham Eliyev")]),
    ("Ilham Aliyev", []),  # Ə is E without its accent, not A
    ("ilham aliyev", []),
])
def test_edges_of_one_occurrence(text: str, expected: list[tuple[str, str]]) -> None:
    assert entries(text) == expected


def test_no_term_of_a_shared_key_accepts_the_words() -> None:
    terms = [Term("a", "Turkey"), Term("b", "TURKEY")]
    assert entries("turkey, Turkey, TURKEY, TurKey", terms) == [("a", "Turkey"),
                                                                 ("b", "TURKEY")]
    # the form as written decides, accents off: both terms keep their own spelling
    accented = [Term("a", "Şuşa"), Term("b", "ŞUŞA")]
    assert entries("Şuşa Susa ŞUŞA SUSA şuşa", accented) == [
        ("a", "Şuşa"), ("a", "Susa"), ("b", "ŞUŞA"), ("b", "SUSA")]


def test_matches_carry_the_term_and_its_form() -> None:
    text = "Mevlut Cavusoglu’s visit"
    assert Matcher(TERMS).find(text) == [
        Match("cavusoglu", 0, 18, "Mevlut Cavusoglu’s", "Mevlüt Çavuşoğlu")]


def test_empty_and_blank_forms_are_left_out() -> None:
    assert Matcher([]).find("Turkey") == []
    matcher = Matcher([Term("blank", "   "), Term("t", " Turkey ")])
    assert matcher.size == 1
    assert entries("Turkey", [Term("blank", ""), Term("t", " Turkey ")]) == [("t", "Turkey")]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=20))
@example("Xankəndi İƏəı XÇ")
def test_fold_is_the_naive_fold(text: str) -> None:
    assert fold(text) == naive_fold(text)
    assert unaccent(text) == naive_unaccent(text)


def test_opted_out_quotes_skip_only_their_own_entry_inside_them() -> None:
    text = "Turkey and Turkey, said Turkey and Karabakh"
    matches = Matcher(TERMS).find(text)
    skips = {"turkey": ("said Turkey",), "karabakh": ("nothing",)}
    kept = skip_opted_out(text, matches, skips)
    assert [(m.entry_id, m.start) for m in kept] == [("turkey", 0), ("turkey", 11),
                                                      ("karabakh", 35)]
    assert skip_opted_out(text, matches, {}) == matches
    # every occurrence of the quote counts, and an empty quote skips nothing
    twice = "said Turkey; said Turkey"
    assert skip_opted_out(twice, Matcher(TERMS).find(twice), {"turkey": ("said Turkey",)}) == []
    assert skip_opted_out(twice, Matcher(TERMS).find(twice), {"turkey": ("",)}) == \
        Matcher(TERMS).find(twice)
    # a quote that covers only part of the occurrence does not skip it
    assert len(skip_opted_out(twice, Matcher(TERMS).find(twice), {"turkey": ("said Turk",)})) \
        == 2


def test_every_occurrence_of_an_opt_out_quote_counts_even_overlapping_ones() -> None:
    thrice = "said Turkey; said Turkey; said Turkey"
    matches = Matcher(TERMS).find(thrice)
    assert len(matches) == 3
    assert skip_opted_out(thrice, matches, {"turkey": ("said Turkey",)}) == []
    # a quote that occurs again one character later: both places are skipped
    signs = "§§ §"
    section = Matcher([Term("section", "§", CASE_ANY)])
    assert [m.start for m in section.find(signs)] == [0, 1, 3]
    assert [m.start for m in skip_opted_out(signs, section.find(signs),
                                            {"section": ("§§",)})] == [3]
    assert skip_opted_out(signs[:2], section.find(signs[:2]), {"section": ("§",)}) == []


# The properties last: pytest -x of the mutation run stops at the quick cases first.
@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
@example("Turkish Armed Forces")
@example("turkey Turkey TURKEY TurKey")
@example("Turkey's")
@example("Turkey'sx Turkey’s.")
@example("xTurkey Turkey")
@example("Mevlut Cavusoglu ÇAVUŞOĞLU Çavuşoğlu")
def test_the_matcher_reports_what_a_naive_finder_keeps(text: str) -> None:
    found = [tuple(match) for match in Matcher(TERMS).find(text)]
    assert found == reference(TERMS, text)
    for match in Matcher(TERMS).find(text):
        assert text[match.start:match.end] == match.matched



@pytest.mark.parametrize(("text", "expected"), [
    # a soft hyphen inside the words is looked through; the match keeps it, as printed
    ("Mr Çavu\u00adşoğlu spoke.", [("cavusoglu", 3, 13, "Çavu\u00adşoğlu", "Çavuşoğlu")]),
    # combining marks after the last letter belong to the match
    ("Turkey\u0301 and Turkey.", [("turkey", 0, 7, "Turkey\u0301", "Turkey"),
                                 ("turkey", 12, 18, "Turkey", "Turkey")]),
    ("Tur\u200bkey\u0301\u0302, then Turkish.", [
        ("turkey", 0, 9, "Tur\u200bkey\u0301\u0302", "Turkey"),
        ("turkish", 16, 23, "Turkish", "Turkish")]),
    ("İlham Ə\u0307liyev left", [("aliyev", 0, 13, "İlham Ə\u0307liyev", "İlham Əliyev")]),
    ("Tur\u00adkey", [("turkey", 0, 7, "Tur\u00adkey", "Turkey")]),  # at the text's end
    # a soft hyphen after the word is no combining mark: left out
    ("ö Turkey\u00ad", [("turkey", 2, 8, "Turkey", "Turkey")]),
])
def test_ignored_characters_are_looked_through_at_their_printed_offsets(
        text: str, expected: list[tuple[str, int, int, str, str]]) -> None:
    assert [tuple(match) for match in Matcher(TERMS).find(text)] == expected


def test_a_form_with_a_soft_hyphen_matches_the_words_with_or_without_it() -> None:
    matcher = Matcher([Term("erdogan", "Erdo\u00adğan"), Term("blank", "\u200b")])
    assert [(m.start, m.end, m.matched) for m in
            matcher.find("President Erdoğan spoke; Erdo\u00adğan again.")] == [
        (10, 17, "Erdoğan"), (25, 33, "Erdo\u00adğan")]
