"""The glossary's core: matching, collation and the checks of the data file (no Sphinx)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotated_edition.articles import parse_seed
from annotated_edition.catalog import CatalogEntry
from annotated_edition.collation import ascii_key, group_letter, sort_key
from annotated_edition.glossary import (
    CATEGORIES,
    load_glossary,
    matcher_for,
    matches_in,
    opt_outs,
    unmatched_skips,
)
from annotated_edition.matching import CASE_ANY, Matcher, Term, skip_opted_out

from conftest import DOCS

TERMS = [
    Term("taf", "Turkish Armed Forces"),
    Term("turkish", "Turkish"),
    Term("azerbaijan", "Azerbaijan"),
    Term("cavusoglu", "Mevlüt Çavuşoğlu"),
    Term("cavusoglu", "Çavuşoğlu"),
    Term("armenia", "Armenia"),
    Term("turkey", "Turkey"),
    Term("liberation", "liberated", CASE_ANY),
    Term("nk", "Nagorno-Karabakh"),
    Term("karabakh", "Karabakh"),
]


def found(text: str) -> list[tuple[str, str]]:
    return [(m.entry_id, m.matched) for m in Matcher(TERMS).find(text)]


def test_longest_match_wins() -> None:
    assert found("the Turkish Armed Forces and the Turkish army") == [
        ("taf", "Turkish Armed Forces"), ("turkish", "Turkish")]
    assert found("Nagorno-Karabakh, or Karabakh") == [("nk", "Nagorno-Karabakh"),
                                                      ("karabakh", "Karabakh")]


def test_possessives_with_both_apostrophes_are_part_of_the_match() -> None:
    assert found("Azerbaijan’s president and Armenia's army") == [
        ("azerbaijan", "Azerbaijan’s"), ("armenia", "Armenia's")]


def test_variants_without_diacritics_find_the_entry() -> None:
    assert found("Foreign Minister Mevlut Cavusoglu, then Cavusoglu") == [
        ("cavusoglu", "Mevlut Cavusoglu"), ("cavusoglu", "Cavusoglu")]


def test_whole_words_only() -> None:
    assert found("Armenian and Azerbaijani forces, Turkeys and Turkish") == [
        ("turkish", "Turkish")]
    assert found("Karabakhi") == []


def test_case_rules_per_entry() -> None:
    # names keep their capitals: "turkey" the bird is not the country
    assert found("a roast turkey") == []
    # a common word takes any capitalisation
    assert found("Liberated towns were liberated.") == [
        ("liberation", "Liberated"), ("liberation", "liberated")]


def test_offsets_point_at_the_original_text() -> None:
    text = "İlk: Çavuşoğlu’s visit to Turkey"
    for match in Matcher(TERMS).find(text):
        assert text[match.start:match.end] == match.matched


def test_opt_out_quotes_leave_one_occurrence_alone() -> None:
    text = "Turkey met Turkey. The Turkey Cup was played."
    matches = Matcher(TERMS).find(text)
    kept = skip_opted_out(text, matches, {"turkey": ("The Turkey Cup",)})
    assert [m.start for m in kept] == [0, 11]


def test_collation_puts_turkish_letters_beside_their_base() -> None:
    words = ["Zengin", "İnci", "Ilıca", "ıslak", "Əli", "Eren", "Ferhat", "Çavuşoğlu",
             "Cem", "Dağ", "Şahin", "Sevim", "Tuna", "Ğ", "Gül", "Hasan", "Öz", "Oz", "Pınar",
             "Üzüm", "Uzun", "Veli"]
    ordered = sorted(words, key=sort_key)
    assert ordered == ["Cem", "Çavuşoğlu", "Dağ", "Eren", "Əli", "Ferhat", "Gül", "Ğ",
                       "Hasan", "ıslak", "Ilıca", "İnci", "Oz", "Öz", "Pınar", "Sevim",
                       "Şahin", "Tuna", "Uzun", "Üzüm", "Veli", "Zengin"]
    # a plain sort files these after z: what the key is for
    assert sorted(words)[-1] in {"ıslak", "Əli", "Şahin", "Üzüm", "İnci"}
    # the ASCII spelling for index processors sorts the same way
    assert sorted(words, key=ascii_key) == sorted(words, key=lambda w: (sort_key(w)[0],))


def test_collation_ties_broken_by_accents_then_case() -> None:
    assert sorted(["cafe", "Cafe", "café"], key=sort_key) == ["cafe", "Cafe", "café"]
    assert sort_key("Nagorno-Karabakh") < sort_key("Nagornoa")


def test_group_letters() -> None:
    assert [group_letter(w) for w in ("Çavuşoğlu", "ılık", "Əli", "2020", "Öz")] == [
        "Ç", "I", "Ə", "0-9", "Ö"]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BAD = """\
entries:
  - id: one
    term: One
    aliases: [Uno]
    category: place
    definition: The first.
  - id: two
    term: Two
    aliases:
      - Dos
      - Uno
    category: place
    definition: Claims the first one's alias.
  - id: three
    term: Three
    category: planet
    definition: Unknown category.
  - id: four
    term: Four
    category: event
    definition: "  "
  - id: five
    term: Five
    category: concept
    definition: Points nowhere.
    see_also:
      - one
      - nowhere
"""


def test_every_bad_entry_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    entries, problems = load_glossary(path)
    assert [e.id for e in entries] == ["one"]
    report = [(p.path, p.line, p.message) for p in problems]
    assert report == [
        (str(path), 11, "the entry 'two' claims 'Uno', already claimed by the entry 'one' "
                        "(line 4)"),
        (str(path), 16, "unknown category 'planet' in entry 'three'; expected one of "
                        f"{', '.join(CATEGORIES)}"),
        (str(path), 21, "the entry 'four' has an empty definition"),
        (str(path), 28, "the entry 'five' points (see_also) to 'nowhere', which is not an "
                        "entry"),
    ]


def test_the_same_alias_spelt_without_accents_is_still_claimed_twice(tmp_path: Path) -> None:
    path = write(tmp_path, "entries:\n"
                 "  - {id: a, term: Çavuşoğlu, category: person, definition: A.}\n"
                 "  - {id: b, term: Cavusoglu, category: person, definition: B.}\n")
    _, problems = load_glossary(path)
    assert [(p.line, "already claimed" in p.message) for p in problems] == [(3, True)]


@pytest.mark.parametrize(("text", "line", "words"), [
    ("entries:\n  - id: a\n    term: A\n    category: place\n", 2, "missing field"),
    ("entries:\n  - id: a\n    term: A\n    category: place\n    definition: x\n"
     "    colour: red\n", 2, "colour"),
    ("entries: [\n", 2, "not valid YAML"),
    ("entries:\n  - id: a\n    term: A\n    category: place\n    definition: x\n"
     "    link: no thanks\n", 6, "link"),
])
def test_schema_and_syntax_errors_name_the_line(tmp_path: Path, text: str, line: int,
                                                words: str) -> None:
    path = write(tmp_path, text)
    entries, problems = load_glossary(path)
    assert entries == []
    assert len(problems) == 1 and problems[0].line == line and words in problems[0].message


def test_the_edition_glossary_is_valid_and_covers_every_category() -> None:
    entries, problems = load_glossary(DOCS / "glossary.yaml")
    assert problems == []
    assert len(entries) >= 40
    assert {entry.category for entry in entries} == set(CATEGORIES)
    matcher = matcher_for(entries)
    loaded = ["liberated", "occupation", "Victory Day", "one nation, two states",
              "six-nation platform", "Zangazur", "the great return"]
    for words in loaded:
        assert matcher.find(f"x {words} x"), words
    # what the whole edition is about is never linked; every other entry is
    assert {entry.id for entry in entries if not entry.link} == {
        "turkiye", "azerbaijan", "armenia"}
    shusha = next(entry for entry in entries if entry.id == "shusha")
    assert "Shushi" in shusha.aliases


def test_an_opt_out_quote_found_nowhere_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "entries:\n"
                 "  - {id: a, term: Turkey, category: place, definition: A.,\n"
                 "     skip: [The Turkey Cup, The Turkey Cupp]}\n")
    entries, problems = load_glossary(path)
    assert problems == []
    found = unmatched_skips(entries, ["Then The Turkey Cup was played."])
    assert [(p.path, p.line, p.message) for p in found] == [
        (str(path), 2, "the entry 'a' opts out of 'The Turkey Cupp', which is in no article")]


def test_what_an_article_can_show_of_the_glossary(tmp_path: Path) -> None:
    """Per paragraph, the matches after opt-outs: what incremental builds compare."""
    path = write(tmp_path, "entries:\n"
                 "  - {id: a, term: Turkey, category: place, definition: A.,\n"
                 "     skip: [The Turkey Cup]}\n"
                 "  - {id: b, term: Baku, category: place, definition: B.}\n")
    entries, _ = load_glossary(path)
    article, _ = parse_seed("HEADLINE\nTurkey and Baku.\nThe Turkey Cup in Baku.\n",
                            CatalogEntry(file="x.txt", slug="x", title="HEADLINE",
                                         outlet="O", outlet_basis="b", date=None,
                                         date_basis="unknown", date_evidence="e",
                                         byline=None, dateline=None, line=1))
    shown = [(anchor, m.entry_id, m.start, m.matched)
             for anchor, m in matches_in(article, matcher_for(entries), opt_outs(entries))]
    assert shown == [("p1", "a", 0, "Turkey"), ("p1", "b", 11, "Baku"), ("p2", "b", 18, "Baku")]


VOCABULARY = ["Kara", "Karabakh", "Nagorno-Karabakh", "Baku", "Şuşa", "Shusha", "Ankara",
              "South Caucasus", "Caucasus"]


def reference_find(forms: list[str], text: str) -> list[tuple[int, int]]:
    """The slow, obvious matcher: one regex, longest alternative first, scanned leftmost."""
    import re

    from annotated_edition.folding import fold_in_place as fold

    alternatives = "|".join(re.escape(fold(form)) for form in
                            sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?:['’]s)?(?![^\W_]|_)")
    return [(m.start(), m.end()) for m in pattern.finditer(fold(text))]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*VOCABULARY, " ", "-", "’s", "'s", "x", "ı", ". "]),
                max_size=30))
def test_automaton_agrees_with_a_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    matcher = Matcher(Term(form, form, CASE_ANY) for form in VOCABULARY)
    found = matcher.find(text)
    assert [(m.start, m.end) for m in found] == reference_find(VOCABULARY, text)
    for match in found:
        assert text[match.start:match.end] == match.matched
