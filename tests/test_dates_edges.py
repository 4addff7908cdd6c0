"""Every rule of the date grammar at its edges: each branch of each handler, boundaries of
the year taken from the context or the publication date, values as intervals.

Published on Tuesday 9 August 2022 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from annotated_edition.dates import (
    TemporalExpression,
    extract,
    format_value,
    interval,
    precision_of,
    sentence_spans,
)

PUBLISHED = dt.date(2022, 8, 9)  # a Tuesday


def expression(text: str, words: str,
               published: dt.date | None = PUBLISHED) -> TemporalExpression:
    """The one expression of ``text`` that stands on ``words``."""
    found = [e for e in extract(text, published) if e.text == words]
    assert len(found) == 1, extract(text, published)
    assert text[found[0].start:found[0].end] == words
    return found[0]


@pytest.mark.parametrize(("text", "words", "value", "precision", "resolution", "modifier"), [
    # a month with last / this / next: said in August 2022
    ("The talks of last July failed.", "last July", "2022-07", "month",
     "relative-to-publication-date", None),
    ("The talks of last September failed.", "last September", "2021-09", "month",
     "relative-to-publication-date", None),
    ("The talks of last August failed.", "last August", "2021-08", "month",
     "relative-to-publication-date", None),
    ("Talks resume next March.", "next March", "2023-03", "month",
     "relative-to-publication-date", None),
    ("Talks resume next September.", "next September", "2022-09", "month",
     "relative-to-publication-date", None),
    ("Talks resume next August.", "next August", "2023-08", "month",
     "relative-to-publication-date", None),
    ("Talks resume This July.", "This July", "2022-07", "month",
     "relative-to-publication-date", None),
    ("Prices rose in early June.", "early June", "2022-06", "month",
     "year-from-publication-date", "early"),
    ("Prices rose in Late-May.", "Late-May", "2022-05", "month",
     "year-from-publication-date", "late"),
    ("Since October, prices rose.", "Since October", "2021-10/..", "month",
     "year-from-publication-date", None),
    # weekdays: the latest one, the one before, the coming one
    ("They meet next Saturday.", "next Saturday", "2022-08-13", "day",
     "relative-to-publication-date", None),
    ("They meet next Tuesday.", "next Tuesday", "2022-08-16", "day",
     "relative-to-publication-date", None),
    ("They met last Tuesday.", "last Tuesday", "2022-08-02", "day",
     "relative-to-publication-date", None),
    ("They met last Saturday.", "last Saturday", "2022-08-06", "day",
     "relative-to-publication-date", None),
    ("They met this Monday.", "this Monday", "2022-08-08", "day",
     "relative-to-publication-date", None),
    ("They met on Wednesday.", "Wednesday", "2022-08-03", "day",
     "relative-to-publication-date", None),
    # a day and month, the year relative to publication
    ("Signed on 5 May next year.", "5 May next year", "2023-05-05", "day",
     "relative-to-publication-date", None),
    ("Signed on 5 May this year.", "5 May this year", "2022-05-05", "day",
     "relative-to-publication-date", None),
    ("Signed on 9 August.", "9 August", "2022-08-09", "day", "year-from-publication-date",
     None),
    ("Signed on 10 August.", "10 August", "2021-08-10", "day", "year-from-publication-date",
     None),
    ("Signed on 10th of August, 2020.", "10th of August, 2020", "2020-08-10", "day",
     "explicit", None),
    # months, seasons, decades, ranges with modifiers
    ("It peaked in early July 2021.", "early July 2021", "2021-07", "month", "explicit",
     "early"),
    ("It peaked in mid-July, 2021.", "mid-July, 2021", "2021-07", "month", "explicit", "mid"),
    ("It peaked in July of 2021.", "July of 2021", "2021-07", "month", "explicit", None),
    ("It ended in the late summer of 2021.", "the late summer of 2021", "2021-SU", "season",
     "explicit", "late"),
    ("It ended in autumn 2020.", "autumn 2020", "2020-FA", "season", "explicit", None),
    ("It ended last winter.", "last winter", "2021-WI", "season",
     "relative-to-publication-date", None),
    ("It resumes next Spring.", "next spring", None, None, None, None),
    ("It resumes next spring.", "next spring", "2023-SP", "season",
     "relative-to-publication-date", None),
    ("It resumes this autumn.", "this autumn", "2022-FA", "season",
     "relative-to-publication-date", None),
    ("Land lost in the early 2000s.", "the early 2000s", "200", "decade", "explicit",
     "early"),
    ("Land lost in the mid-1990s.", "the mid-1990s", "199", "decade", "explicit", "mid"),
    ("Land lost in 1990s wars.", "1990s", "199", "decade", "explicit", None),
    ("The war of 1992–1994 ended.", "1992–1994", "1992/1994", "year", "explicit", None),
    ("The war of 1992-1994 ended.", "1992-1994", "1992/1994", "year", "explicit", None),
    ("It ran from 1988 until 1994.", "from 1988 until 1994", "1988/1994", "year", "explicit",
     None),
    ("It ran up to 2020 at least.", "up to 2020", "../2020", "year", "explicit", None),
    ("It ran till March 2021 at least.", "till March 2021", "../2021-03", "month", "explicit",
     None),
    ("From Sept. 27, 2020 they fought.", "From Sept. 27, 2020", "2020-09-27/..", "day",
     "explicit", None),
    # weeks, months, years relative to publication
    ("Talks resume next week.", "next week", "2022-W33", "week",
     "relative-to-publication-date", None),
    ("Talks began this week.", "this week", "2022-W32", "week",
     "relative-to-publication-date", None),
    ("Talks resume next month.", "next month", "2022-09", "month",
     "relative-to-publication-date", None),
    ("Talks failed the previous year? No: previous year.", "previous year", "2021", "year",
     "relative-to-publication-date", None),
    ("It happened three days ago.", "three days ago", "2022-08-06", "day",
     "relative-to-publication-date", None),
    ("It happened five years ago.", "five years ago", "2017", "year",
     "relative-to-publication-date", None),
    ("It happened 2 months ago.", "2 months ago", "2022-06", "month",
     "relative-to-publication-date", None),
    ("It happened a decade ago.", "a decade ago", "2012", "year",
     "relative-to-publication-date", None),
])
def test_each_rule(text: str, words: str, value: str | None, precision: str | None,
                   resolution: str | None, modifier: str | None) -> None:
    if value is None:  # the grammar does not read these words as a date
        assert all(e.text != words for e in extract(text, PUBLISHED))
        return
    found = expression(text, words)
    assert (found.value, found.precision, found.resolution, found.modifier) == \
        (value, precision, resolution, modifier)
    assert found.kind == ("range" if "/" in value else "date")
    assert found.problem is None


@pytest.mark.parametrize(("text", "later", "value"), [
    # a date later in the sentence that is earlier in the year falls in the next year
    ("The war began on Sept. 27, 2020, and a truce came on Jan. 10.", "Jan. 10",
     "2021-01-10"),
    ("The war began on Sept. 27, 2020, and talks came on Sept. 5.", "Sept. 5", "2021-09-05"),
    ("The war began on Sept. 27, 2020, and talks came on Sept. 27.", "Sept. 27",
     "2020-09-27"),
    ("The war began on Sept. 27, 2020, and talks came on Sept. 28.", "Sept. 28",
     "2020-09-28"),
    ("The war began on Sept. 27, 2020, and lasted until January.", "until January",
     "../2021-01"),
    ("The war began on Sept. 27, 2020, and peaked in September.", "September", "2020-09"),
    ("The war began on Sept. 27, 2020, and peaked in October.", "October", "2020-10"),
    ("Talks began in March 2021, and ended in January.", "January", "2022-01"),
    ("Talks began in March 2021, and ended in March.", "March", "2021-03"),
    ("Talks began in March 2021, and ended on March 1.", "March 1", "2021-03-01"),
    ("Talks began in March 2021, and ended on 2 February.", "2 February", "2022-02-02"),
])
def test_a_year_from_the_sentence_crosses_into_the_next_year(text: str, later: str,
                                                              value: str) -> None:
    found = expression(text, later, dt.date(2023, 1, 1))
    assert found.value == value
    assert found.resolution == "year-from-context"


@pytest.mark.parametrize("text", [
    "In 2020, talks failed, and on Nov. 10 a truce came.",  # a year alone sets no context
    "Yesterday talks failed, and on Nov. 10 a truce came.",  # nor a relative date
    "In the fall of 2020 talks failed, and on Nov. 10 a truce came.",  # nor a season
])
def test_only_an_explicit_day_or_month_gives_its_year_to_the_sentence(text: str) -> None:
    found = expression(text, "Nov. 10")
    assert (found.value, found.resolution) == ("2021-11-10", "year-from-publication-date")


@pytest.mark.parametrize(("text", "later", "value", "precision"), [
    ("On Jan. 31, 2020, they met. A month later, they met again.", "A month later",
     "2020-02", "month"),
    ("On Jan. 31, 2020, they met. Ten days later, they met again.", "Ten days later",
     "2020-02-10", "day"),
    ("On Jan. 31, 2020, they met. Two weeks later, they met again.", "Two weeks later",
     "2020-W07", "week"),
    ("On Jan. 31, 2020, they met. A year earlier, they had met.", "A year earlier",
     "2019", "year"),
    ("In 2010 they met. A decade later, they met again.", "A decade later", "2020", "year"),
    ("In 2010 they met. Two months later, they met again.", "Two months later", "2010",
     "year"),
    ("In the 1990s they met. Two years later, they met again.", "Two years later", "199",
     "decade"),
    ("In July 2021 they met. The next day, they met again.", "The next day", "2021-07",
     "month"),
    ("On Sept. 27, 2020 they met. The previous month was calm.", "The previous month",
     "2020-08", "month"),
    ("On Sept. 27, 2020 they met. The following week, they met again.",
     "The following week", "2020-W40", "week"),
    ("In the fall of 2020 they met. A year later, again.", "A year later", "2021",
     "year"),
])
def test_shifts_from_the_previous_date(text: str, later: str, value: str,
                                       precision: str) -> None:
    found = expression(text, later)
    assert (found.value, found.precision, found.resolution) == \
        (value, precision, "relative-to-previous-date")


def test_a_duration_or_an_unresolved_date_is_not_a_previous_date() -> None:
    text = "On Jan. 31, 2020, they met for 30 days. Two months later, they met again."
    assert expression(text, "Two months later").value == "2020-03"
    text = "In 2019 they met; in July they met again. Two years later, again."
    assert expression(text, "Two years later", None).value == "2021"


@pytest.mark.parametrize(("text", "words", "precision", "why"), [
    ("Ten days after the vote they met.", "Ten days after", "day",
     "relative to what follows “after”, not to a date"),
    ("Two weeks before the vote they met.", "Two weeks before", "week",
     "relative to what follows “before”, not to a date"),
    ("Signed on 5 May next year.", "5 May next year", "day",
     "“next year” and the publication date is unknown"),
    ("It ended last winter.", "last winter", "season",
     "a relative season and the publication date is unknown"),
    ("They meet next Saturday.", "next Saturday", "day",
     "a weekday and the publication date is unknown"),
    ("Talks resume next month.", "next month", "month",
     "“next month” and the publication date is unknown"),
    ("Talks resume next March.", "next March", "month",
     "a relative month and the publication date is unknown"),
    ("It happened three days ago.", "three days ago", "day",
     "“ago” and the publication date is unknown"),
    ("They met yesterday.", "yesterday", "day",
     "“yesterday” and the publication date is unknown"),
    ("In July they met.", "July", "month",
     "no year is given and the publication date is unknown"),
    ("On 9 August they met.", "9 August", "day",
     "no year is given and the publication date is unknown"),
    ("Two months later they met.", "Two months later", "month",
     "relative to an earlier date, but none precedes it"),
])
def test_what_cannot_be_anchored_stays_unresolved(text: str, words: str, precision: str,
                                                  why: str) -> None:
    found = expression(text, words, None)
    assert (found.kind, found.value, found.precision, found.resolution, found.problem) == \
        ("date", None, precision, "unresolved", why)


@pytest.mark.parametrize(("text", "words"), [
    ("Signed on 31 September 2020.", "31 September 2020"),
    ("Signed on 29 February 2021.", "29 February 2021"),
    ("Signed on 31 September.", "31 September"),
])
def test_an_impossible_day_is_an_invalid_date(text: str, words: str) -> None:
    found = expression(text, words)
    assert (found.kind, found.value, found.precision, found.resolution, found.problem) == \
        ("date", None, "day", "invalid", f"impossible date {words!r}")


@pytest.mark.parametrize(("text", "first", "second"), [
    # pasted without a space: each expression ends where the next begins
    ("Sept. 27, 2020nearly 30 years", "Sept. 27, 2020", "nearly 30 years"),
    ("27 September 2020nearly 30 years", "27 September 2020", "nearly 30 years"),
    ("Nov. 10nearly 30 years", "Nov. 10", "nearly 30 years"),
])
def test_expressions_that_touch_are_both_found(text: str, first: str, second: str) -> None:
    assert [e.text for e in extract(text, PUBLISHED)] == [first, second]


@pytest.mark.parametrize(("published", "value"), [
    (dt.date(2021, 1, 1), "2021-01"),  # said on its first day: this January
    (dt.date(2021, 1, 31), "2021-01"),
    (dt.date(2020, 12, 31), "2020-01"),
])
def test_a_month_said_on_its_first_day_is_this_years(published: dt.date, value: str) -> None:
    assert expression("It happened in January.", "January", published).value == value


def test_decades_later_count_ten_years_each() -> None:
    text = "On Nov. 10, 2000 they met. Two decades later, they met again."
    assert expression(text, "Two decades later").value == "2020"


@pytest.mark.parametrize(("text", "sentences"), [
    ("One.\n\nTwo.\n\n", ["One.", "Two."]),  # ends with a blank line
    ("\n\nOne.", ["One."]),  # starts with one: no empty sentence before it
])
def test_sentences_at_the_edges_of_the_text(text: str, sentences: list[str]) -> None:
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == sentences
    assert extract(text, PUBLISHED) == []


@pytest.mark.parametrize(("text", "words", "value", "modifier"), [
    ("It was occupied for over two decades.", "over two decades", "P20Y", "more-than"),
    ("It lasted more than 100 days.", "more than 100 days", "P100D", "more-than"),
    ("It lasted less than six months.", "less than six months", "P6M", "less-than"),
    ("It lasted roughly 12 weeks.", "roughly 12 weeks", "P12W", "approx"),
    ("It lasted a 3-week truce.", "3-week", "P3W", None),
    ("It lasted another decade.", "another decade", "P10Y", None),
    ("It lasted another week.", "another week", "P1W", None),
    ("It lasted One year.", "One year", "P1Y", None),
    ("It lasted a 2-decade truce.", "2-decade", "P20Y", None),
])
def test_durations(text: str, words: str, value: str, modifier: str | None) -> None:
    found = expression(text, words)
    assert (found.kind, found.value, found.modifier, found.resolution) == \
        ("duration", value, modifier, "duration")


@pytest.mark.parametrize("value", ["", None, "2021-13", "2021-W53", "2021-02-30", "2021-XX",
                                   "20", "2021/2021-13", "2021-13/2022"])
def test_values_that_mean_no_interval(value: str | None) -> None:
    assert interval(value) is None


@pytest.mark.parametrize(("value", "precision"), [
    ("2020-09-27", "day"), ("2022-W31", "week"), ("2020-FA", "season"), ("2021-07", "month"),
    ("2020", "year"), ("199", "decade"), ("1991/..", "year"), ("../2020-FA", "season"),
    ("2020-09-27/2021", "day"), ("../199", "decade"),
])
def test_precision_of_a_value(value: str, precision: str) -> None:
    assert precision_of(value) == precision


@pytest.mark.parametrize(("precision", "value"), [
    ("day", "0987-03-04"), ("month", "0987-03"), ("year", "0987"), ("decade", "098"),
    ("season", "0987"),
])
def test_format_value_pads_every_field(precision: str, value: str) -> None:
    assert format_value(dt.date(987, 3, 4), precision) == value


def test_a_week_belongs_to_its_iso_year() -> None:
    # Sunday 3 January 2021 ends the 53rd ISO week of 2020; Monday 4 January starts week 1
    assert format_value(dt.date(2021, 1, 3), "week") == "2020-W53"
    assert format_value(dt.date(2021, 1, 4), "week") == "2021-W01"


@pytest.mark.parametrize(("text", "sentences"), [
    ("One. Two.", ["One.", "Two."]),
    ("He said “no.” Then he left.", ["He said “no.”", "Then he left."]),
    ("It was Sept. 27. Then war.", ["It was Sept. 27.", "Then war."]),
    ("Gen. Aliyev spoke. Mr. Pashinyan replied.", ["Gen. Aliyev spoke.",
                                                   "Mr. Pashinyan replied."]),
    ("First\n\nSecond", ["First", "Second"]),
    ("Why? Because! 2020 came.", ["Why?", "Because!", "2020 came."]),
    ("end. lower case goes on", ["end. lower case goes on"]),
    ("  ", ["  "]),
    ("", []),
])
def test_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences


@pytest.mark.parametrize(("text", "words"), [
    ("In 2099 it began. 999 decades later it ended.", "999 decades later"),
    ("In 1800 it began. 999 decades earlier it ended.", "999 decades earlier"),
])
def test_a_date_out_of_range_is_invalid_not_a_clamped_year(text: str, words: str) -> None:
    found = expression(text, words)
    assert (found.value, found.resolution) == (None, "invalid")
    assert found.problem and "out of range" in found.problem


def test_offsets_of_weekdays_and_months_leave_the_preposition_out() -> None:
    text = "On Saturday and in July and In mid-June"
    found = extract(text, PUBLISHED)
    assert [(e.text, e.start) for e in found] == [("Saturday", 3), ("July", 19),
                                                  ("mid-June", 31)]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # 29 February without a year: possible, in the leap year before publication
    ("On 29 February they met.", dt.date(2024, 3, 1),
     [("29 February", 3, "date", "2024-02-29", "day", "year-from-publication-date")]),
    # "next Monday" said on a Tuesday: six days on, not seven
    ("They meet next Monday.", PUBLISHED,
     [("next Monday", 10, "date", "2022-08-15", "day", "relative-to-publication-date")]),
    ("They met yesterday.", PUBLISHED,
     [("yesterday", 9, "date", "2022-08-08", "day", "relative-to-publication-date")]),
    # the same weekday twice: each at its own place
    ("They met on Saturday and again on Saturday.", PUBLISHED,
     [("Saturday", 12, "date", "2022-08-06", "day", "relative-to-publication-date"),
      ("Saturday", 34, "date", "2022-08-06", "day", "relative-to-publication-date")]),
    # a range is no previous date to count from
    ("Between 2010 and 2012 they met. Two years later, they met again.", PUBLISHED,
     [("Between 2010 and 2012", 0, "range", "2010/2012", "year", "explicit"),
      ("Two years later", 32, "date", None, "year", "unresolved")]),
    # a duration after "from" stays a length of time, not an open range
    ("The term went from 5 years to 7 years.", PUBLISHED,
     [("5 years", 19, "duration", "P5Y", "duration", "duration"),
      ("7 years", 30, "duration", "P7Y", "duration", "duration")]),
    # "since" opens a range when it stands within 12 characters before the date
    ("Since" + " " * 7 + "2020 it grew.", PUBLISHED,
     [("Since" + " " * 7 + "2020", 0, "range", "2020/..", "year", "explicit")]),
    ("Since" + " " * 8 + "2020 it grew.", PUBLISHED,
     [("2020", 13, "date", "2020", "year", "explicit")]),
    # a date that starts a sentence gives its year to that sentence only
    ("Sept. 27, 2020 was the start. Nov. 10 was the end.", PUBLISHED,
     [("Sept. 27, 2020", 0, "date", "2020-09-27", "day", "explicit"),
      ("Nov. 10", 30, "date", "2021-11-10", "day", "year-from-publication-date")]),
    ("In 2099 it began. 999 decades later it ended.", PUBLISHED,
     [("2099", 3, "date", "2099", "year", "explicit"),
      ("999 decades later", 18, "date", None, "day", "invalid")]),
])
def test_whole_readings(text: str, published: dt.date,
                        expected: list[tuple[str, int, str, str | None, str, str]]) -> None:
    """Every field a reader is shown, for the cases between two branches."""
    assert [(e.text, e.start, e.kind, e.value, e.precision, e.resolution)
            for e in extract(text, published)] == expected
