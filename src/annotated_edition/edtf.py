"""The edition's date values in EDTF, for the exports (``chronology.json``).

Inside the edition a date keeps the notation of :mod:`annotated_edition.dates`, which the
grammar, the chronology's merging and the timeline compute with. Three of its forms are
private: a season (``2020-FA``, as in TimeML), a decade (``199``) and an ISO week
(``2022-W31``). What leaves the edition is EDTF, the Library of Congress Extended
Date/Time Format that became ISO 8601-2, so that any consumer (the ``edtf`` package,
digital-edition tools) can read it:

=========== =================== ===========================================================
internal    EDTF                why
=========== =================== ===========================================================
2020-09-27  ``2020-09-27``      ISO 8601 (EDTF level 0)
2021-07     ``2021-07``
2020        ``2020``
2020-FA     ``2020-23``         level 1 seasons: 21 spring, 22 summer, 23 autumn, 24 winter
                                (the codes independent of hemisphere; 25-32 of level 2
                                name one, which the texts never do)
199         ``199X``            level 1 unspecified digit: some year of the 1990s
2022-W31    ``2022-08-01/2022-08-07``  EDTF has no weeks: the ISO week as an interval of
                                its days, Monday to Sunday
1991/..     ``1991/..``         level 1 interval with an open end (``..``); an unknown
                                end is empty (``1991/``)
=========== =================== ===========================================================

A value known to be uncertain takes ``?`` (possibly this date), an approximate one ``~``
(about this date), both ``%`` (level 1 qualifiers). In an interval each end is
qualified. ISO 8601-2 takes no season as the end of an interval and qualifies no season
(EDTF.js allows both only at its non-standard "level 3"), and the ``edtf`` package reads
no decade (``199X``) there: as the end of an interval a week, a season and a decade give
their first (start) or last (end) day, month or year, and a qualified season is the
interval of its months (``2020-09?/2020-11?``).
"""

from __future__ import annotations

import datetime as dt
import re

from annotated_edition.dates import interval

SEASON_CODES = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}
OPEN, UNKNOWN = "..", ""  # the ends of an interval with no date

_SEASON = re.compile(r"(?P<year>\d{4})-(?P<season>SP|SU|FA|WI)")
_DECADE = re.compile(r"\d{3}")
_WEEK = re.compile(r"(?P<year>\d{4})-W(?P<week>\d\d)")


def qualifier(uncertain: bool = False, approximate: bool = False) -> str:
    """The EDTF qualifier: ``?`` uncertain, ``~`` approximate, ``%`` both, else nothing."""
    if uncertain and approximate:
        return "%"
    return "?" if uncertain else "~" if approximate else ""


def to_edtf(value: str, uncertain: bool = False, approximate: bool = False) -> str:
    """The EDTF form of a value in the edition's notation; ValueError if it is none."""
    mark = qualifier(uncertain, approximate)
    ends = value.split("/")
    if len(ends) == 2:
        if set(ends) <= {OPEN, UNKNOWN}:
            raise ValueError(f"not a date: {value!r} (an interval with no end at all)")
        return f"{_end(ends[0], 0, mark)}/{_end(ends[1], 1, mark)}"
    if len(ends) > 2:
        raise ValueError(f"not a date: {value!r}")
    if _WEEK.fullmatch(value) or (mark and _SEASON.fullmatch(value)):
        return f"{_end(value, 0, mark)}/{_end(value, 1, mark)}"
    return _point(value) + mark


def _span(value: str) -> tuple[dt.date, dt.date]:
    span = interval(value)
    if span is None:
        raise ValueError(f"not a date: {value!r}")
    return span


def _point(value: str) -> str:
    """One date that EDTF writes as one (not a week), without a qualifier."""
    _span(value)  # 2021-02-30, 2021-13 and 2020-W54 are no dates
    season = _SEASON.fullmatch(value)
    if season:
        return f"{season['year']}-{SEASON_CODES[season['season']]}"
    if _DECADE.fullmatch(value):
        return f"{value}X"
    return value  # a day, a month or a year: ISO 8601 already


def _end(value: str, side: int, mark: str) -> str:
    """One end of an interval (``side`` 0 its start, 1 its end), qualified by ``mark``.

    A week gives its Monday or Sunday, a season its first or last month, a decade its
    first or last year (see the module's docstring for why).
    """
    if value in (OPEN, UNKNOWN):
        return value
    if _WEEK.fullmatch(value):
        return _span(value)[side].isoformat() + mark
    if _SEASON.fullmatch(value):
        return _span(value)[side].isoformat()[:7] + mark
    if _DECADE.fullmatch(value):
        return f"{_span(value)[side].year:04d}{mark}"
    return _point(value) + mark
