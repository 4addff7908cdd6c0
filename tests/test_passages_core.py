"""Shared passages in the core: finding them (shingles), collating them, judging variants.

The five seeds are the edition's own; the made-up witnesses each change one thing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from annotated_edition.apparatus import Apparatus, collate
from annotated_edition.articles import Article, load_article, parse_seed
from annotated_edition.catalog import CatalogEntry, load_catalog, reading_order
from annotated_edition.cli import main
from annotated_edition.passage_variants import (
    article_sigla,
    candidate_notes,
    collate_all,
    load_acknowledgements,
    shared_passages,
    significant_variants,
)
from annotated_edition.passages import Settings, SharedPassage, find_passages

from conftest import SEEDS

SEED_ARTICLES = [load_article(SEEDS, entry)[0]
                 for entry in reading_order(load_catalog(SEEDS / "catalog.yaml", SEEDS)[0])]
BY_NUMBER = {article.file[:3]: article for article in SEED_ARTICLES}

BRIDGE = ("The river bridge at Kemerli was opened on 12 May 2019 by the regional governor, "
          "who said the new crossing would shorten the trip to the coast by two hours and "
          "bring trade back to the valley.")
FILLER_A = ("Traders in the old square sell apricots and walnuts every morning, and the "
            "prices have not moved since spring.")
FILLER_B = ("Officials met on Monday to discuss the budget for the coming year and left "
            "without an agreement.")


def article(slug: str, *paragraphs: str) -> Article:
    entry = CatalogEntry(file=f"{slug}.txt", slug=slug, title=slug.title(), outlet="O",
                         outlet_basis="", date=None, date_basis="stated", date_evidence="",
                         byline=None, dateline=None, line=1)
    return parse_seed("\n\n".join(paragraphs) + "\n", entry)[0]


def witnesses_of(passage: SharedPassage) -> dict[str, tuple[str, ...]]:
    return {w.slug: w.anchors for w in passage.witnesses}


def only_passage(*articles: Article) -> SharedPassage:
    passages = find_passages(articles)
    assert len(passages) == 1, passages
    return passages[0]


# --- the five seeds ---------------------------------------------------------------------

def passages_between(first: str, second: str) -> list[SharedPassage]:
    return find_passages([BY_NUMBER[first], BY_NUMBER[second]])


def test_the_seeds_share_passages_000_001_with_witnesses_and_paragraphs() -> None:
    found = [witnesses_of(p) for p in passages_between("000", "001")]
    aliyev, bayramov = BY_NUMBER["000"].slug, BY_NUMBER["001"].slug
    # "After the conflict ended, Azerbaijan launched a massive reconstruction initiative"
    assert {aliyev: ("p5",), bayramov: ("p23",)} in found
    # the Shusha declaration and the paragraph after it, both copied
    assert {aliyev: ("p8", "p9"), bayramov: ("p26", "p27")} in found


def test_the_seeds_share_passages_001_004() -> None:
    found = [witnesses_of(p) for p in passages_between("001", "004")]
    akar, bayramov = BY_NUMBER["004"].slug, BY_NUMBER["001"].slug
    # the background: "Relations between the ... former Soviet ..." to "... almost 30 years"
    assert {akar: ("p9", "p10", "p11"), bayramov: ("p8", "p9")} in found
    # "the leaders of Russia, Azerbaijan and Armenia signed a pact ..."
    assert {akar: ("p14",), bayramov: ("p22",)} in found


def test_the_seeds_share_a_passage_000_004() -> None:
    found = [witnesses_of(p) for p in passages_between("000", "004")]
    assert found == [{BY_NUMBER["004"].slug: ("p11",), BY_NUMBER["000"].slug: ("p4",)}]


def test_the_background_passage_has_three_witnesses_in_the_whole_edition() -> None:
    passages = find_passages(SEED_ARTICLES)
    background = next(p for p in passages if "Sept. 27, 2021" in p.witnesses[0].text)
    assert set(witnesses_of(background)) == {BY_NUMBER[n].slug for n in ("000", "001", "004")}


def test_the_akar_date_variant_is_in_the_apparatus_as_a_date() -> None:
    report = shared_passages(SEED_ARTICLES, Path("no-such-file.yaml"))
    entries = [(loc.lemma, r.text, r.kind) for a in report.apparatuses for loc in a.locations
               for r in loc.readings]
    assert any("Sept. 27, 2021" in lemma and "September 2020" in reading and kind == "date"
               for lemma, reading, kind in entries), entries
    variant = next(v for v in report.variants if "Sept. 27, 2021" in v.base.text)
    assert (variant.base.file, variant.base.anchor, variant.base.line) == \
        (BY_NUMBER["004"].file, "p10", 12)
    assert (variant.other.file, variant.other.anchor) == (BY_NUMBER["001"].file, "p9")
    assert variant.acknowledged is None


def test_articles_with_no_shared_text_give_no_passage() -> None:
    assert passages_between("002", "003") == []
    assert find_passages([article("a", BRIDGE), article("b", FILLER_A, FILLER_B)]) == []


# --- made-up witnesses ------------------------------------------------------------------

def variants(base: str, copy: str) -> list[tuple[str, str, str]]:
    passage = only_passage(article("a", FILLER_A, base), article("b", copy, FILLER_B))
    apparatus = collate(passage, ("A", "B"))
    return [(loc.lemma, r.text, r.kind) for loc in apparatus.locations for r in loc.readings]


def test_an_identical_copy_is_one_passage_without_variants() -> None:
    assert variants(BRIDGE, BRIDGE) == []


def test_an_added_word() -> None:
    copy = BRIDGE.replace("the new crossing", "the new steel crossing")
    assert variants(BRIDGE, copy) == [("", "steel", "wording")]


def test_a_dropped_word() -> None:
    copy = BRIDGE.replace("the regional governor", "the governor")
    assert variants(BRIDGE, copy) == [("regional", "", "wording")]


def test_a_changed_number_is_significant() -> None:
    copy = BRIDGE.replace("two hours", "three hours")
    assert variants(BRIDGE, copy) == [("two", "three", "number")]
    copy = BRIDGE.replace("12 May 2019", "12 May 2018")
    assert variants(BRIDGE, copy) == [("2019", "2018", "date")]


def test_a_changed_name_is_significant_a_changed_capital_at_a_sentence_start_is_not() -> None:
    copy = BRIDGE.replace("at Kemerli", "at Kemalpaşa")
    assert variants(BRIDGE, copy) == [("Kemerli", "Kemalpaşa", "name")]
    copy = BRIDGE.replace("The river bridge", "This river bridge")
    assert variants(BRIDGE, copy) == [("The", "This", "wording")]


def test_a_reordered_clause_is_one_passage_whose_variants_show_the_move() -> None:
    """A word alignment has no transposition: the moved clause is a variant at each end."""
    base = ("The ministry said on Tuesday that the new pipeline, which runs for four "
            "hundred kilometres, will carry gas to the western ports from the spring of "
            "next year, after the last tests are done.")
    copy = ("From the spring of next year, after the last tests are done, the new pipeline, "
            "which runs for four hundred kilometres, will carry gas to the western ports, "
            "the ministry said on Tuesday.")
    passage = only_passage(article("a", base), article("b", copy))
    assert [w.text for w in passage.witnesses] == [base, copy]
    found = variants(base, copy)
    moved = "spring of next year, after the last tests are done"
    assert any(moved in reading.casefold() for _, reading, _ in found)
    assert any(moved in lemma.casefold() for lemma, _, _ in found)


def test_a_passage_split_across_two_paragraphs_is_found_whole() -> None:
    first, second = BRIDGE.split(", who said ")
    passage = only_passage(article("a", FILLER_A, BRIDGE),
                           article("b", FILLER_B, first + ",", "who said " + second))
    assert witnesses_of(passage) == {"a": ("p2",), "b": ("p2", "p3")}
    assert variants(BRIDGE, first + ",\n\nwho said " + second) == []
    pieces = passage.witnesses[1].pieces
    assert [p.exact for p in pieces] == [first + ",", "who said " + second]


def test_the_threshold_one_shared_six_word_phrase_is_not_a_passage_eight_words_are() -> None:
    phrase = "the joint efforts of the two armies"  # seven words: two shingles, 7 words
    one = article("a", f"Officials praised {phrase} at the meeting on Friday.")
    two = article("b", f"Few expected {phrase} to last beyond the summer.")
    assert find_passages([one, two]) == []
    longer = "the joint efforts of the two armies in the region"  # ten words
    one = article("a", f"Officials praised {longer} at the meeting on Friday.")
    two = article("b", f"Few expected {longer} to last beyond the summer.")
    assert len(find_passages([one, two])) == 1
    assert find_passages([one, two], Settings(min_words=12)) == []


def test_boilerplate_in_too_many_places_anchors_nothing() -> None:
    shared = "according to a statement released by the ministry of foreign affairs"
    articles = [article(f"x{n}", f"Report {n} opened, {shared}, with news.") for n in range(4)]
    assert len(find_passages(articles)) == 1
    assert find_passages(articles, Settings(max_postings=3)) == []


# --- collation cache, acknowledgements, candidate notes ---------------------------------

def test_editing_one_article_recollates_only_its_passages() -> None:
    cache: dict[tuple[str, tuple[str, ...]], Apparatus] = {}
    sigla = article_sigla(SEED_ARTICLES)
    passages = find_passages(SEED_ARTICLES)
    _, first = collate_all(passages, sigla, cache)
    assert sorted(first) == sorted(p.key for p in passages)
    edited = [article if article.file[:3] != "000" else
              parse_seed(Path(SEEDS / article.file).read_text(encoding="utf-8").replace(
                  "pearl of Karabakh", "jewel of Karabakh"),
                  next(e for e in load_catalog(SEEDS / "catalog.yaml", SEEDS)[0]
                       if e.file == article.file))[0]
              for article in SEED_ARTICLES]
    again = find_passages(edited)
    _, second = collate_all(again, sigla, cache)
    changed = [p.key for p in again if any(w.slug == BY_NUMBER["000"].slug and
                                           "jewel of Karabakh" in w.text
                                           for w in p.witnesses)]
    assert second == changed and len(changed) == 1


def test_acknowledged_variants_are_matched_and_stale_ones_reported(tmp_path: Path) -> None:
    path = tmp_path / "passages.yaml"
    path.write_text('acknowledged:\n'
                    '  - article: 004_4bb7f8f2e395c1ed.txt\n'
                    '    quote: "Sept. 27, 2021"\n'
                    '    reason: An error for 2020.\n'
                    '  - article: 000_ec57c24c9c210df2.txt\n'
                    '    quote: "words no copy has"\n'
                    '    reason: Stale.\n', encoding="utf-8")
    report = shared_passages(SEED_ARTICLES, path)
    akar = next(v for v in report.variants if "Sept. 27, 2021" in v.base.text)
    assert akar.acknowledged is not None and akar.acknowledged.line == 2
    assert [(p.line, p.subtype) for p in report.problems] == [(5, "passages")]
    assert "words no copy has" in report.problems[0].message
    assert all("Sept. 27, 2021" not in note["quote"] for note in
               candidate_notes(report.variants))


@pytest.mark.parametrize(("text", "line", "words"), [
    ("acknowledged:\n  - article: a.txt\n    quote: x\n", 2, "reason"),
    ("acknowledged: [\n", 2, "not valid YAML"),
    ("acknowledged:\n  - article: a.txt\n    quote: x\n    reason: y\n    why: z\n", 2, "why"),
])
def test_a_bad_acknowledgements_file_is_a_problem_with_its_line(
        tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "passages.yaml"
    path.write_text(text, encoding="utf-8")
    found, problems = load_acknowledgements(path)
    assert found == []
    assert [(p.line, p.subtype) for p in problems] == [(line, "passages")]
    assert words in problems[0].message


def test_a_candidate_note_quotes_one_copy_and_names_the_other() -> None:
    report = shared_passages(SEED_ARTICLES, Path("no-such-file.yaml"))
    notes = candidate_notes(report.variants)
    akar = next(n for n in notes if "Sept. 27, 2021" in n["quote"])
    assert akar["article"] == BY_NUMBER["004"].file
    assert akar["quote"] in BY_NUMBER["004"].text
    assert "in September 2020" in akar["text"] and akar["kind"] == "cross-reference"
    assert significant_variants(SEED_ARTICLES, [], []) == []


def test_annotator_passages_prints_candidate_notes_for_notes_yaml(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS.parent / "docs" / "conf.py", docs / "conf.py")
    assert main(["passages", "--docs", str(docs)]) == 0  # no passages.yaml: nothing known
    notes = yaml.safe_load(capsys.readouterr().out)["notes"]
    akar = next(note for note in notes if "Sept. 27, 2021" in note["quote"])
    assert akar["article"] == BY_NUMBER["004"].file and "September 2020" in akar["text"]
    shutil.copy(SEEDS.parent / "docs" / "passages.yaml", docs / "passages.yaml")
    assert main(["passages", "--docs", str(docs)]) == 0  # the edition's: all acknowledged
    assert capsys.readouterr().out.startswith("# no unacknowledged variant")
