"""The temporal expression grammar: phrasings of news prose, resolution, robustness."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotated_edition.dates import (
    TemporalExpression,
    extract,
    interval,
    precision_of,
    sentence_spans,
)

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = dt.date(2022, 8, 9)  # a Tuesday


def only(text: str, published: dt.date | None = PUBLISHED) -> TemporalExpression:
    found = extract(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "words", "value", "precision", "resolution"), [
    ("It erupted on Sept. 27, 2020, at dawn.", "Sept. 27, 2020", "2020-09-27", "day",
     "explicit"),
    ("It erupted on 27 September 2020.", "27 September 2020", "2020-09-27", "day", "explicit"),
    ("It ended on November 10, 2020.", "November 10, 2020", "2020-11-10", "day", "explicit"),
    ("It ended on September 27th, 2020.", "September 27th, 2020", "2020-09-27", "day",
     "explicit"),
    ("It was taken on 8 November.", "8 November", "2021-11-08", "day",
     "year-from-publication-date"),
    ("They met on Nov. 10.", "Nov. 10", "2021-11-10", "day", "year-from-publication-date"),
    ("They met on Aug. 3.", "Aug. 3", "2022-08-03", "day", "year-from-publication-date"),
    ("In July, the return began.", "July", "2022-07", "month", "year-from-publication-date"),
    ("In September, talks resumed.", "September", "2021-09", "month",
     "year-from-publication-date"),
    ("In January 2021, a pact was signed.", "January 2021", "2021-01", "month", "explicit"),
    ("It first emerged in 2019.", "2019", "2019", "year", "explicit"),
    ("It held until the fall of 2020.", "until the fall of 2020", "../2020-FA", "season",
     "explicit"),
    ("It ended in the fall of 2020.", "the fall of 2020", "2020-FA", "season", "explicit"),
    ("It began in the spring of 2021.", "the spring of 2021", "2021-SP", "season",
     "explicit"),
    ("Aliyev said on Saturday.", "Saturday", "2022-08-06", "day",
     "relative-to-publication-date"),
    ("Bayramov said on Monday.", "Monday", "2022-08-08", "day",
     "relative-to-publication-date"),
    ("He spoke on Tuesday.", "Tuesday", "2022-08-09", "day", "relative-to-publication-date"),
    ("During last week's fighting", "last week", "2022-W31", "week",
     "relative-to-publication-date"),
    ("The first research of this year", "this year", "2022", "year",
     "relative-to-publication-date"),
    ("He said so yesterday.", "yesterday", "2022-08-08", "day",
     "relative-to-publication-date"),
    ("It happened three weeks ago.", "three weeks ago", "2022-W29", "week",
     "relative-to-publication-date"),
    ("Ties have been strained since 1991, when it began.", "since 1991", "1991/..", "year",
     "explicit"),
    ("Land lost in the 1990s.", "the 1990s", "199", "decade", "explicit"),
    ("Gas flowed from 2006 to 2019.", "from 2006 to 2019", "2006/2019", "year", "explicit"),
    ("Repairs ran between 2012 and 2014.", "between 2012 and 2014", "2012/2014", "year",
     "explicit"),
    ("Taken on 8 November last year.", "8 November last year", "2021-11-08", "day",
     "relative-to-publication-date"),
    ("Prices rose in mid-July.", "mid-July", "2022-07", "month", "year-from-publication-date"),
])
def test_phrasings(text: str, words: str, value: str, precision: str,
                   resolution: str) -> None:
    found = only(text)
    assert (found.text, found.value, found.precision, found.resolution) == \
        (words, value, precision, resolution)
    assert text[found.start:found.end] == words


@pytest.mark.parametrize(("text", "words", "value", "modifier"), [
    ("occupied for nearly 30 years, he said", "nearly 30 years", "P30Y", "approx"),
    ("the 44-day war", "44-day", "P44D", None),
    ("occupied for almost three decades", "almost three decades", "P30Y", "approx"),
    ("Armenia's nearly 30-year occupation", "nearly 30-year", "P30Y", "approx"),
    ("extended for another year", "another year", "P1Y", None),
    ("changes over the past 30 years", "30 years", "P30Y", None),
])
def test_durations_are_lengths_not_dates(text: str, words: str, value: str,
                                         modifier: str | None) -> None:
    found = only(text)
    assert (found.text, found.kind, found.value, found.modifier) == \
        (words, "duration", value, modifier)
    assert found.precision == "duration" and found.resolution == "duration"


def test_a_missing_year_comes_from_the_date_before_it_in_the_sentence() -> None:
    text = "The war erupted on Sept. 27, 2020, and ended with a cease-fire on Nov. 10."
    first, second = extract(text, dt.date(2022, 5, 14))
    assert first.value == "2020-09-27"
    assert (second.text, second.value, second.resolution) == \
        ("Nov. 10", "2020-11-10", "year-from-context")


def test_the_context_year_does_not_cross_sentences() -> None:
    text = "The war erupted on Sept. 27, 2020. The memorial opened on Nov. 10."
    assert extract(text, dt.date(2022, 5, 14))[1].value == "2021-11-10"


def test_two_months_later_counts_from_the_date_mentioned_before() -> None:
    text = ("The fighting ended with an agreement on Nov. 10, 2020. Two months later, the "
            "leaders signed a pact.")
    later = extract(text, dt.date(2021, 11, 5))[1]
    assert (later.text, later.value, later.precision, later.resolution) == \
        ("Two months later", "2021-01", "month", "relative-to-previous-date")


def test_the_following_day() -> None:
    text = "They met on Monday and again the following day."
    monday, following = extract(text, dt.date(2022, 1, 12))
    assert (monday.value, following.value) == ("2022-01-10", "2022-01-11")


def test_month_without_year_takes_the_latest_one_before_publication() -> None:
    assert only("In December, talks resumed.", dt.date(2022, 8, 9)).value == "2021-12"
    assert only("In August, talks resumed.", dt.date(2022, 8, 9)).value == "2022-08"


@pytest.mark.parametrize("text", ["The decree is dated February 30, 2021.",
                                  "It was signed on 31 April 2020.",
                                  "It was signed on February 30."])
def test_an_impossible_date_is_reported_not_raised(text: str) -> None:
    found = only(text)
    assert found.value is None and found.resolution == "invalid"
    assert found.problem and "impossible date" in found.problem


def test_29_february_is_possible_only_in_a_leap_year() -> None:
    assert only("It opened on February 29, 2020.").value == "2020-02-29"
    assert only("It opened on February 29, 2021.").resolution == "invalid"


@pytest.mark.parametrize("text", ["Aliyev said on Saturday.", "In July, the return began.",
                                  "It happened last week.", "Taken on 8 November.",
                                  "He spoke yesterday.", "Two years ago it began."])
def test_without_a_publication_date_relative_dates_stay_unresolved(text: str) -> None:
    found = only(text, None)
    assert found.value is None and found.resolution == "unresolved"
    assert found.problem and "publication date is unknown" in found.problem


def test_later_with_nothing_before_is_unresolved() -> None:
    found = only("Two months later, they met.")
    assert found.resolution == "unresolved" and found.value is None


@pytest.mark.parametrize("text", [
    "The 13th Ambassadors' Conference during the COVID-19 pandemic.",
    "More than 2,000 people and 300 villages; 20% of the land; at 19:45.",
    "Turkey today is a power center that may act.",
    "The reference 2020-11-11 and the code 2019-2020x.",
])
def test_no_false_dates(text: str) -> None:
    assert [x for x in extract(text, PUBLISHED) if x.kind != "duration"] == []


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "It erupted on Sept. 27, 2020. Gen. Musa Avsever attended. Then it ended."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "It erupted on Sept. 27, 2020.", "Gen. Musa Avsever attended.", "Then it ended."]


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2020-09-27", dt.date(2020, 9, 27), dt.date(2020, 9, 27)),
    ("2021-07", dt.date(2021, 7, 1), dt.date(2021, 7, 31)),
    ("2020-FA", dt.date(2020, 9, 1), dt.date(2020, 11, 30)),
    ("2020-WI", dt.date(2020, 12, 1), dt.date(2021, 2, 28)),
    ("2022-W31", dt.date(2022, 8, 1), dt.date(2022, 8, 7)),
    ("2020", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
    ("199", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
    ("2021-02", dt.date(2021, 2, 1), dt.date(2021, 2, 28)),
    ("2020-02", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
    ("2020-SP", dt.date(2020, 3, 1), dt.date(2020, 5, 31)),
    ("2020-SU", dt.date(2020, 6, 1), dt.date(2020, 8, 31)),
    ("2022-W01", dt.date(2022, 1, 3), dt.date(2022, 1, 9)),
    ("000", dt.date(1, 1, 1), dt.date(9, 12, 31)),
    ("1991/..", dt.date(1991, 1, 1), dt.date.max),
    ("../2020-FA", dt.date.min, dt.date(2020, 11, 30)),
    ("2019/2020-03", dt.date(2019, 1, 1), dt.date(2020, 3, 31)),
])
def test_values_stand_for_intervals(value: str, first: dt.date, last: dt.date) -> None:
    assert interval(value) == (first, last)
    assert precision_of(value) in ("day", "month", "season", "week", "year", "decade")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
       st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1))))
def test_never_crashes_and_offsets_point_at_the_words(text: str,
                                                      published: dt.date | None) -> None:
    for found in extract(text, published):
        assert text[found.start:found.end] == found.text
        assert found.value is not None or found.problem


_DATE_WORDS = st.sampled_from([
    "Sept. 27, 2020", "8 November", "Nov. 10", "In July", "January 2021", "in 2019",
    "the fall of 2020", "on Saturday", "on Monday", "last week", "two months later",
    "for nearly 30 years", "since 1991", "February 30", "the 44-day war", "yesterday",
    "9999", "May 99, 2020", "0 May", "an 999 decades later", "last year", "31 December",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_DATE_WORDS, st.text(max_size=12)), max_size=12),
       st.one_of(st.none(), st.dates()))
def test_never_crashes_on_date_like_text(parts: list[str], published: dt.date | None) -> None:
    text = " ".join(parts)
    previous_end = 0
    for found in extract(text, published):
        assert text[found.start:found.end] == found.text
        assert found.start >= previous_end  # expressions never overlap
        previous_end = found.end
        if found.value and found.kind != "duration":
            assert interval(found.value) is not None


def _benchmark() -> object:
    spec = importlib.util.spec_from_file_location("dates_eval",
                                                  ROOT / "benchmarks" / "dates_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["dates_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_the_grammar_on_the_annotated_set() -> None:
    """The figures behind the choice of the grammar (printed by benchmarks/dates_eval.py)."""
    bench = _benchmark()
    items = bench.load_gold()  # type: ignore[attr-defined]
    assert len(items) >= 50
    strict = bench.score(bench.grammar, items, "strict")  # type: ignore[attr-defined]
    assert strict.precision >= 0.95 and strict.recall >= 0.9, strict


def test_dateparser_keeps_no_precision_on_the_annotated_set() -> None:
    """Why not dateparser: it splits AP dates and invents days (run only where installed)."""
    pytest.importorskip("dateparser")
    bench = _benchmark()
    items = bench.load_gold()  # type: ignore[attr-defined]
    ours = bench.score(bench.grammar, items, "strict")  # type: ignore[attr-defined]
    theirs = bench.score(bench.dateparser_search, items, "strict")  # type: ignore[attr-defined]
    assert theirs.f1 < ours.f1


def test_after_an_event_is_not_after_the_previous_date() -> None:
    first, second = extract("On Monday, two days after the vote, they met.", PUBLISHED)
    assert first.value == "2022-08-08"
    assert second.text == "two days after" and second.resolution == "unresolved"


def test_to_december() -> None:
    found = only("It was postponed to December.", dt.date(2022, 1, 20))
    assert (found.text, found.value) == ("December", "2021-12")
