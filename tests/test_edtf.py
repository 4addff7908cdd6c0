"""Dates in the exports are EDTF: the conversion, and every date of the real chronology.json
read back by the ``edtf`` package (the Library of Congress format's Python parser)."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from edtf import parse_edtf
from sphinx.testing.util import SphinxTestApp

from annotated_edition.chronology import JSON_SCHEMA_VERSION, display_date
from annotated_edition.dates import interval
from annotated_edition.edtf import qualifier, to_edtf


def bounds(value: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day the edtf package reads in an EDTF value (None: open)."""
    parsed = parse_edtf(value)
    found = []
    for moment in (parsed.lower_strict(), parsed.upper_strict()):
        found.append(None if isinstance(moment, float) and math.isinf(moment)
                     else dt.date(*moment[:3]))
    return found[0], found[1]


def internal_bounds(value: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of a value in the edition's notation (None: open, unknown)."""
    start, _, end = value.partition("/") if "/" in value else (value, "", value)
    first, last = interval(start) if start not in ("..", "") else None, \
        interval(end) if end not in ("..", "") else None
    return first[0] if first else None, last[1] if last else None


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-09-27", "2020-09-27"),  # day
    ("2021-07", "2021-07"),  # month
    ("2020", "2020"),  # year
    ("2020-SP", "2020-21"), ("2020-SU", "2020-22"), ("2020-FA", "2020-23"),  # seasons
    ("199", "199X"), ("202", "202X"),  # decades
    ("2022-W31", "2022-08-01/2022-08-07"),  # ISO week: Monday to Sunday
    ("2020-W53", "2020-12-28/2021-01-03"),  # a week across the new year
    ("2021-W01", "2021-01-04/2021-01-10"),  # week 1 holds the year's first Thursday
    ("1991/2020", "1991/2020"), ("2020-09-27/2020-11-10", "2020-09-27/2020-11-10"),
    ("1991/..", "1991/.."), ("../2020-11", "../2020-11"),  # open ends
    ("1991/", "1991/"), ("/2021-07", "/2021-07"),  # unknown ends
    ("2020-FA/..", "2020-09/.."), ("../2020-WI", "../2021-02"),  # seasons end as months
    ("199/..", "1990/.."), ("../199", "../1999"),  # a decade ends an interval as a year
    ("2022-W31/..", "2022-08-01/.."), ("../2022-W31", "../2022-08-07"),
])
def test_every_form_is_converted_and_read_back_to_the_same_days(value: str,
                                                                 expected: str) -> None:
    converted = to_edtf(value)
    assert converted == expected
    # the edtf package reads the same first and last day as the edition meant
    for read, meant in zip(bounds(converted), internal_bounds(value), strict=True):
        assert meant is None or read == meant, (value, read, meant)
    assert internal_bounds(value) != (None, None)


def test_winter_is_season_24() -> None:
    """Winter spans the new year; the edtf package ends it on 31 December (its limit)."""
    assert to_edtf("2020-WI") == "2020-24"
    assert bounds("2020-24")[0] == interval("2020-WI")[0] == dt.date(2020, 12, 1)


@pytest.mark.parametrize(("uncertain", "approximate", "mark"), [
    (False, False, ""), (True, False, "?"), (False, True, "~"), (True, True, "%")])
def test_qualifiers(uncertain: bool, approximate: bool, mark: str) -> None:
    assert qualifier(uncertain, approximate) == mark
    season = f"2020-09{mark}/2020-11{mark}" if mark else "2020-23"  # no qualified seasons
    for value, expected in [("2020-09-27", f"2020-09-27{mark}"), ("2020-FA", season),
                            ("2021-07", f"2021-07{mark}"), ("199", f"199X{mark}"),
                            ("2022-W31", f"2022-08-01{mark}/2022-08-07{mark}"),
                            ("1991/..", f"1991{mark}/.."), ("../2020", f"../2020{mark}")]:
        converted = to_edtf(value, uncertain=uncertain, approximate=approximate)
        assert converted == expected
        parse_edtf(converted)  # raises on what the format does not allow


@pytest.mark.parametrize("value", [
    "", "2021-02-30", "2021-13", "2020-W54", "2021-W53", "2020-AU", "P30Y", "twenty",
    "../..", "/", "..", "2020/2021/2022", "2020-09-27 ",
])
def test_what_is_no_date_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        to_edtf(value)


def test_every_date_of_the_edition_s_chronology_json_is_edtf(
        edition_html: SphinxTestApp) -> None:
    data = json.loads((Path(edition_html.outdir) / "chronology.json").read_text(
        encoding="utf-8"))
    assert data["schema_version"] == JSON_SCHEMA_VERSION == 2
    assert data["date_format"] == "EDTF"
    dated = [event for event in data["events"]] + \
        [source for event in data["events"] for source in event["sources"] if "date" in source]
    assert len(dated) > len(data["events"]) >= 15  # some sources date their event otherwise
    for record in dated:
        parse_edtf(record["date"])  # raises on a date the format does not know
        assert record["date_label"]
    dates = {record["date"] for record in dated}
    assert "199X" in dates and "2020-23" in dates  # the 1990s, the fall of 2020
    assert "2022-08-01/2022-08-07" in dates  # "last week", said on 8 August 2022
    assert not any(mark in date for date in dates for mark in ("-W", "FA", "SP", "SU", "WI"))
    labels = {record["date"]: record["date_label"] for record in dated}
    assert labels["2020-23"] == "fall 2020" == display_date("2020-FA")
    assert labels["199X"] == "the 1990s"
