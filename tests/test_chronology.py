"""Event candidates, merging, conflicts and the editor's overlay (the core, no Sphinx)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from annotated_edition.articles import Article, parse_seed
from annotated_edition.catalog import CatalogEntry
from annotated_edition.chronology import (
    SUBTYPE_DATE,
    SUBTYPE_OVERLAY,
    SUBTYPE_UNDATED,
    Candidate,
    Chronology,
    build,
    candidates_of,
    display_date,
    load_overlay,
    to_json,
)

WAR = ("New clashes erupted Sept. 27, 2021, with the army attacking civilians.\n\n"
       "The fighting ended with an agreement on Nov. 10, 2020. Two months later, the leaders "
       "signed a pact to develop economic ties.\n\n"
       "The council met on Saturday.")
REVIEW = ("The war erupted on Sept. 27, 2020, after clashes, and ended with a cease-fire on "
          "Nov. 10.\n\n"
          "In January 2021, the leaders signed a pact to develop economic ties.\n\n"
          "The city was occupied on May 8, 1992.\n\n"
          "The airport opened on May 8, 1992, to great applause from the crowd.")


def article(text: str, slug: str, date: dt.date | None, occasion: str | None = None
            ) -> Article:
    entry = CatalogEntry(file=f"{slug}.txt", slug=slug, title=slug.title(), outlet="Outlet",
                         outlet_basis="b", date=date, date_basis="stated", date_evidence="e",
                         byline=None, dateline=None, line=1, occasion=occasion)
    return parse_seed(text, entry)[0]


def candidates(*articles: Article) -> list[Candidate]:
    found: list[Candidate] = []
    for item in articles:
        found += candidates_of(item, f"seeds/{item.file}")[0]
    return found


ARTICLES = (article(WAR, "war", dt.date(2021, 11, 5)),
            article(REVIEW, "review", dt.date(2022, 5, 14)))
SLUGS = [a.slug for a in ARTICLES]


def chronology(overlay_text: str | None = None, tmp_path: Path | None = None) -> Chronology:
    overlay = None
    if overlay_text is not None:
        assert tmp_path is not None
        path = tmp_path / "chronology.yaml"
        path.write_text(overlay_text, encoding="utf-8")
        overlay, problems = load_overlay(path)
        assert problems == []
    return build(candidates(*ARTICLES), overlay, SLUGS)


def by_date(result: Chronology, date: str) -> list:
    return [event for event in result.events if event.date == date]


def test_a_candidate_knows_its_sentence_paragraph_and_offsets() -> None:
    found = candidates(ARTICLES[0])
    later = next(c for c in found if c.expression.text == "Two months later")
    assert later.anchor == "p2" and later.line == 3
    assert later.sentence == ("Two months later, the leaders signed a pact to develop economic "
                              "ties.")
    text = ARTICLES[0].text
    assert text[later.expression.start:later.expression.end] == "Two months later"
    assert text[later.sentence_start:].startswith(later.sentence)


def test_the_same_event_in_two_articles_is_one_entry_with_both_sources() -> None:
    result = chronology()
    ceasefire = by_date(result, "2020-11-10")
    assert len(ceasefire) == 1
    assert sorted((s.article, s.text) for s in ceasefire[0].sources) == [
        ("review", "Nov. 10"), ("war", "Nov. 10, 2020")]
    assert not ceasefire[0].conflict
    pact = by_date(result, "2021-01")
    assert len(pact) == 1 and {s.text for s in pact[0].sources} == {"January 2021",
                                                                      "Two months later"}


def test_same_date_different_events_stay_apart() -> None:
    """Two things happened on 8 May 1992: the same date alone does not merge them."""
    events = by_date(chronology(), "1992-05-08")
    assert len(events) == 2


def test_a_year_slip_is_a_conflict_with_each_source_keeping_its_date() -> None:
    result = chronology()
    war = [e for e in result.events if any(s.text.startswith("Sept. 27") for s in e.sources)]
    assert len(war) == 1 and war[0].conflict
    dates = {s.article: s.date for s in war[0].sources}
    assert dates == {"war": "2021-09-27", "review": "2020-09-27"}
    assert {s.quote for s in war[0].sources} == {
        "New clashes erupted Sept. 27, 2021, with the army attacking civilians.",
        "The war erupted on Sept. 27, 2020, after clashes, and ended with a cease-fire on "
        "Nov. 10."}
    assert result.conflicts == tuple(war)


def test_events_are_in_date_order() -> None:
    starts = [e.sort_key()[0] for e in chronology().events]
    assert starts == sorted(starts)


def test_overlay_titles_dates_and_drops_but_never_hides_a_conflict(tmp_path: Path) -> None:
    result = chronology("""
events:
  - title: The war breaks out
    sources:
      - {article: review, text: "Sept. 27, 2020"}
    date: "2020-09-27"
    reason: The 2021 in the war report contradicts its own account.
drop:
  - {article: war, text: "Saturday", reason: a council meeting only}
""", tmp_path)
    war = next(e for e in result.events if e.title == "The war breaks out")
    assert war.title_curated and war.date_curated and war.conflict
    assert war.date_reason == "The 2021 in the war report contradicts its own account."
    assert {s.date for s in war.sources} == {"2020-09-27", "2021-09-27"}
    assert not any(s.text == "Saturday" for e in result.events for s in e.sources)
    generated = next(e for e in result.events if e.date == "2020-11-10")
    assert not generated.curated


def test_a_curated_date_that_no_source_gives_is_a_conflict(tmp_path: Path) -> None:
    result = chronology("""
events:
  - sources: [{article: review, text: "January 2021"}]
    date: "2021-03"
    reason: testing
""", tmp_path)
    pact = next(e for e in result.events if e.date_curated)
    assert pact.conflict and pact.date == "2021-03" and pact.precision == "month"


def test_overlay_merges_and_splits(tmp_path: Path) -> None:
    result = chronology("""
events:
  - title: Everything in May 1992
    sources:
      - {article: review, text: "May 8, 1992"}
      - {article: review, text: "May 8, 1992", occurrence: 2}
  - title: The ceasefire, without the review
    sources:
      - {article: war, text: "Nov. 10, 2020"}
    split:
      - {article: review, text: "Nov. 10"}
""", tmp_path)
    may = next(e for e in result.events if e.title == "Everything in May 1992")
    assert len(may.sources) == 2 and may.merged_by_editor
    ceasefire = [e for e in result.events if e.date == "2020-11-10"]
    assert len(ceasefire) == 2
    assert {len(e.sources) for e in ceasefire} == {1}


def test_overlay_entries_pointing_at_nothing_are_problems_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "chronology.yaml"
    path.write_text("""events:
  - title: Nothing
    sources:
      - {article: nowhere, text: "Nov. 10"}
      - {article: war, text: "Dec. 25"}
  - title: Bad date
    sources: [{article: war, text: "Nov. 10, 2020"}]
    date: "2020-02-30"
    reason: typo
  - title: No reason
    sources: [{article: war, text: "Nov. 10, 2020"}]
    date: "2020-11-10"
  - title: Twice
    sources: [{article: war, text: "Nov. 10, 2020"}]
drop:
  - {article: war, text: "Saturday", occurrence: 3, reason: none}
""", encoding="utf-8")
    overlay, problems = load_overlay(path)
    result = build(candidates(*ARTICLES), overlay, SLUGS)
    found = sorted((p.line, p.message) for p in [*problems, *result.problems])
    assert all(p.subtype == SUBTYPE_OVERLAY for p in [*problems, *result.problems])
    lines = [line for line, _ in found]
    assert 4 in lines and 5 in lines and 8 in lines and 10 in lines and 13 in lines
    assert 16 in lines
    messages = " | ".join(message for _, message in found)
    assert "unknown article 'nowhere'" in messages
    assert "war: 'Dec. 25' points at nothing" in messages
    assert "bad date '2020-02-30'" in messages
    assert "'reason' is a dependency of 'date'" in messages
    assert "claimed by the entry at line 6 already" in messages
    assert "(occurrence 3) points at nothing" in messages


def test_unknown_publication_date_leaves_relative_dates_unresolved() -> None:
    undated = article(WAR, "war", None)
    found, problems = candidates_of(undated, "seeds/war.txt")
    assert [c.expression.text for c in found] == ["Sept. 27, 2021", "Nov. 10, 2020",
                                                  "Two months later"]
    assert [(p.path, p.line, p.subtype) for p in problems] == [
        ("seeds/war.txt", 5, SUBTYPE_UNDATED)]
    assert "'Saturday' is left undated" in problems[0].message


def test_an_impossible_date_is_a_problem_with_its_line() -> None:
    bad = article("First line.\n\nThe decree is dated February 30, 2021.", "bad",
                  dt.date(2021, 3, 1))
    found, problems = candidates_of(bad, "seeds/bad.txt")
    assert found == []
    assert [(p.line, p.subtype) for p in problems] == [(3, SUBTYPE_DATE)]
    assert "impossible date 'February 30, 2021'" in problems[0].message


@pytest.mark.parametrize(("value", "shown"), [
    ("2020-11-10", "10 November 2020"), ("2021-07", "July 2021"), ("2020", "2020"),
    ("2020-FA", "fall 2020"), ("199", "the 1990s"), ("2022-W31", "week of 1 August 2022"),
])
def test_dates_are_shown_at_their_precision(value: str, shown: str) -> None:
    assert display_date(value) == shown


def test_json_export_has_every_source_and_the_differing_dates(tmp_path: Path) -> None:
    result = chronology()
    data = to_json(result, {"war": "articles/war", "review": "articles/review"})
    assert data["schema_version"] == 2 and data["date_format"] == "EDTF"
    war = next(e for e in data["events"] if e["conflict"])  # a tie: the earlier date
    # the sources disagree and no editor decided: the date is uncertain (EDTF's "?")
    assert war["date"] == "2020-09-27?" and war["precision"] == "day"
    assert war["date_label"] == "27 September 2020"
    by_document = {s["document"]: s for s in war["sources"]}
    assert by_document["articles/war"]["date"] == "2021-09-27"
    assert by_document["articles/war"]["date_label"] == "27 September 2021"
    assert "date" not in by_document["articles/review"]
    assert "date_label" not in by_document["articles/review"]
    assert by_document["articles/war"]["anchor"] == "p1"
    assert [e["date"].rstrip("?") for e in data["events"]] == [e.date for e in result.events]


def test_json_export_dates_are_edtf_with_their_label() -> None:
    """The private notations (2020-FA, 199, 2022-W31) never reach the export."""
    text = ("The districts were lost in the 1990s, the ministers recalled.\n\n"
            "The army retook them in the fall of 2020 after six weeks.\n\n"
            "The ambassadors met the minister last week in Baku.")
    data = to_json(build(candidates(article(text, "talks", dt.date(2022, 8, 8))), None,
                         ["talks"]), {})
    shown = {(e["date"], e["date_label"], e["precision"]) for e in data["events"]}
    assert shown == {("2020-23", "fall 2020", "season"), ("199X", "the 1990s", "decade"),
                     ("2022-08-01/2022-08-07", "week of 1 August 2022", "week")}


def test_an_editor_s_date_is_not_uncertain() -> None:
    result = chronology()
    war = next(event for event in result.events if event.conflict)
    decided = replace(war, date_curated=True, date_reason="the editor checked")
    data = to_json(Chronology((decided,), ()), {})
    assert data["events"][0]["date"] == "2020-09-27" and data["events"][0]["conflict"]


def test_prose_that_dates_nothing_is_left_out_quietly() -> None:
    """"Two days after the vote" is not bad input: no candidate, and no warning either."""
    prose = article("They met on Nov. 10, 2020, and again two days after the vote.", "prose",
                    dt.date(2021, 1, 1))
    found, problems = candidates_of(prose, "seeds/prose.txt")
    assert [c.expression.text for c in found] == ["Nov. 10, 2020"]
    assert problems == []


def test_the_real_articles_without_overlay() -> None:
    """What the heuristic alone makes of the five seeds: the merges an editor expects."""
    from annotated_edition.articles import load_article
    from annotated_edition.catalog import load_catalog

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    entries = load_catalog(seeds / "catalog.yaml", seeds)[0]
    found: list[Candidate] = []
    for entry in entries:
        found += candidates_of(load_article(seeds, entry)[0], entry.file)[0]
    result = build(found, None, [entry.slug for entry in entries])

    def articles_of(date: str) -> list[set[str]]:
        return [{s.article.split("-")[0] for s in e.sources} for e in by_date(result, date)]

    assert articles_of("2020-11-10") == [{"akar", "aliyev", "bayramov"}]  # the ceasefire
    assert articles_of("1992-05-08") == [{"aliyev", "bayramov"}]  # Shusha/Shushi taken
    assert articles_of("2021-06-15") == [{"aliyev", "bayramov", "erdogan"}]  # declaration
    pact = by_date(result, "2021-01")
    assert len(pact) == 1 and {s.text for s in pact[0].sources} == {"Two months later",
                                                                      "January 2021"}
    assert [e.date for e in result.conflicts] == ["2020-09-27"]
    war = result.conflicts[0]
    assert {(s.text, s.date) for s in war.sources} >= {("Sept. 27, 2021", "2021-09-27"),
                                                       ("Sept. 27, 2020", "2020-09-27"),
                                                       ("September 27, 2020", "2020-09-27")}
    assert not any(e.curated for e in result.events)


CONFERENCE = ("The President spoke at the press conference held by video, APA reports.\n\n"
              "He said the first exercise of this year was conducted in January.")
OCCASION = "the press conference held by video"


def test_the_occasion_the_catalog_names_is_an_event_on_the_publication_date() -> None:
    report = article(CONFERENCE, "conference", dt.date(2021, 2, 26), occasion=OCCASION)
    found, problems = candidates_of(report, "seeds/conference.txt")
    assert problems == []
    occasion = next(c for c in found if c.expression.text == OCCASION)
    assert (occasion.value, occasion.expression.precision) == ("2021-02-26", "day")
    assert occasion.anchor == "p1" and occasion.occurrence == 1
    assert occasion.sentence.startswith("The President spoke at the press conference")
    assert [c.expression.text for c in found] == [OCCASION, "this year", "January"]
    event = next(e for e in build(found, None, ["conference"]).events
                 if e.sources[0].text == OCCASION)
    assert (event.date, event.conflict) == ("2021-02-26", False)


def test_an_occasion_not_in_the_text_or_undated_is_a_problem() -> None:
    missing = article(CONFERENCE, "conference", dt.date(2021, 2, 26), occasion="a speech")
    found, problems = candidates_of(missing, "seeds/conference.txt")
    assert [(p.path, p.subtype, p.message) for p in problems] == [
        ("seeds/conference.txt", SUBTYPE_DATE,
         "the occasion the catalog names, 'a speech', is not in the text")]
    assert all(c.expression.text != "a speech" for c in found)
    undated = article(CONFERENCE, "conference", None, occasion=OCCASION)
    _, problems = candidates_of(undated, "seeds/conference.txt")
    assert (SUBTYPE_UNDATED, f"the occasion {OCCASION!r} cannot be dated: the catalog gives "
            "no publication date") in [(p.subtype, p.message) for p in problems]
