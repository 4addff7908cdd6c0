"""Temporal expressions in English news prose, found and resolved with explicit precision.

A small grammar of regular expressions rather than a general date parser: news prose uses a
handful of forms ("Sept. 27, 2020", "8 November", "In July", "the fall of 2020", "on
Saturday", "two months later", "since 1991"), and a general parser invents what the text
does not say (a day for "In July", a year for "Nov. 10"). Measured against dateparser's
``search_dates`` on ``tests/data/dates_gold.yaml`` (see ``benchmarks/dates_eval.py``).

Values are ISO 8601 at the precision the text gives, never more:

========== =============== ==========================================================
precision  value           example
========== =============== ==========================================================
day        ``2020-09-27``  "Sept. 27, 2020"
week       ``2022-W31``    "last week" (ISO week)
month      ``2021-07``     "In July" (published 2021)
season     ``2020-FA``     "the fall of 2020"; ``SP``, ``SU``, ``FA``, ``WI`` as in
                           TimeML/TIMEX3 (ISO 8601-2 writes them 2020-21 … 2020-24)
year       ``2020``        "in 2020"
decade     ``199``         "the 1990s" (ISO 8601-2 decade)
duration   ``P30Y``        "for nearly 30 years" (``modifier`` "approx")
========== =============== ==========================================================

A range has ``kind`` "range" and the value ``start/end`` with ``..`` for an open end
("since 1991" is ``1991/..``). ``resolution`` says where a value comes from: ``explicit``
(all in the words), ``year-from-context`` (a year given earlier in the same sentence),
``year-from-publication-date`` (the latest such day or month on or before publication),
``relative-to-publication-date`` ("on Saturday", "last week"), ``relative-to-previous-date``
("two months later"), ``duration`` (a length of time, not anchored), ``unresolved`` (the
anchor is unknown) or ``invalid`` (an impossible date such as "February 30").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a": 1, "an": 1,
}
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y"}
MODIFIERS = {"nearly": "approx", "almost": "approx", "about": "approx", "around": "approx",
             "some": "approx", "roughly": "approx", "over": "more-than",
             "more than": "more-than", "less than": "less-than"}
PRECISIONS = ("decade", "year", "season", "month", "week", "day")  # coarse to fine

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
          r"(?![a-z])")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[89]|20)\d\d(?![\d%])"
_NUM = r"(?:\d{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
       r"fifteen|twenty|thirty|forty|fifty))"
_MOD = r"(?:(?P<mod>nearly|almost|about|around|some|roughly|over|more than|less than)\s+)?"
_UNIT = r"(?P<unit>day|week|month|year|decade)"


@dataclass(frozen=True)
class TemporalExpression:
    """A time expression as it stands in the text, and what it means."""

    text: str
    start: int
    end: int
    kind: str  # "date", "range" or "duration"
    value: str | None
    precision: str
    resolution: str
    modifier: str | None = None  # "approx", "more-than", "less-than", "early", "mid", "late"
    problem: str | None = None  # why the value is missing, for a warning


@dataclass(frozen=True)
class _Match:
    """A raw match before resolution: its span and the fields its handler read."""

    start: int
    end: int
    rule: str
    fields: dict[str, str | None]


_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})")),
    ("dmy", re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})"
                       rf"(?:,?\s+(?P<y>{_YEAR})|\s+(?P<rel>last|this|next)\s+year\b)?")),
    ("md", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?!,?\s+{_YEAR})")),
    ("my", re.compile(rf"(?:\b(?P<mod>[Ee]arly|[Ll]ate|[Mm]id-?)\s*)?\b(?P<m>{_MONTH}),?\s+"
                      rf"(?:of\s+)?(?P<y>{_YEAR})")),
    # a month followed by its year is the "my" rule's: "till March 2021" is not "till March"
    ("m", re.compile(rf"\b(?:(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Oo]f|[Tt]o|"
                     rf"[Tt]ill|[Bb]efore|[Aa]fter|[Tt]hrough|"
                     rf"(?P<rel>[Tt]his|[Ll]ast|[Nn]ext))\s+|(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)"
                     rf"(?:\s+|-))(?P<m>{_MONTH})(?!,?\s+(?:of\s+)?{_YEAR})")),
    ("season", re.compile(rf"\b(?:[Tt]he\s+)?(?:(?P<mod>early|late)\s+)?(?P<s>fall|autumn|"
                          rf"spring|summer|winter)\s+(?:of\s+)?(?P<y>{_YEAR})")),
    ("season_rel", re.compile(r"\b(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+(?P<s>fall|autumn|"
                              r"spring|summer|winter)\b")),
    ("decade", re.compile(r"\b(?:[Tt]he\s+)?(?:(?P<mod>early|late|mid-?)\s*)?"
                          r"(?P<c>(?:1[89]|20)\d)0s\b")),
    ("year_range", re.compile(rf"\b(?:[Bb]etween\s+(?P<a>{_YEAR})\s+and\s+(?P<b>{_YEAR})|"
                              rf"[Ff]rom\s+(?P<a2>{_YEAR})\s+(?:to|until|till)\s+"
                              rf"(?P<b2>{_YEAR})|(?P<a3>{_YEAR})[-–](?P<b3>{_YEAR}))\b")),
    ("year", re.compile(rf"(?<![\d$£€.,/-])\b(?P<y>{_YEAR})\b(?![.,]\d|[-–]\w)")),
    ("weekday", re.compile(r"\b(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<w>Monday|Tuesday|"
                           r"Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("relative", re.compile(r"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]revious)\s+"
                            r"(?P<unit>week|month|year)\b")),
    ("yesterday", re.compile(r"\b[Yy]esterday\b")),
    ("shift", re.compile(rf"\b(?P<n>{_NUM}|[Aa]n?)\s+{_UNIT}s?\s+(?P<dir>later|earlier|"
                         rf"after(?:wards)?|before|ago)\b")),
    ("following", re.compile(r"\b[Tt]he\s+(?P<dir>following|next|previous)\s+"
                             r"(?P<unit>day|week|month|year)\b")),
    ("duration_adj", re.compile(rf"{_MOD}\b(?P<n>{_NUM})-{_UNIT}\b")),
    ("duration", re.compile(rf"{_MOD}\b(?P<n>{_NUM})\s+{_UNIT}s?\b")),
    ("another", re.compile(rf"\banother\s+{_UNIT}\b")),
]

_OPEN_START = re.compile(r"\b(?:[Ss]ince|[Ff]rom)\s+$")
_OPEN_END = re.compile(r"\b(?:[Uu]ntil|[Tt]ill|[Uu]p to)\s+$")
_DROPPED_PREFIX = re.compile(r"^(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Oo]f|[Tt]o|"
                             r"[Tt]ill|[Bb]efore|[Aa]fter|[Tt]hrough)\s+")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(A-ZÇĞİÖŞÜƏ0-9])|\n\n")
_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Gen|Adm|Col|"
                           r"Lt|Mr|Mrs|Ms|Dr|St|No|U\.S|U\.N|e\.g|i\.e|vs)\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: not cut after "Sept." or "Gen."."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith(".") and _ABBREVIATION.search(text[start:match.start() + 1]):
            continue
        end = match.end() if match.group() != "\n\n" else match.start()
        spans.append((start, end))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _candidates(text: str) -> list[_Match]:
    found: list[_Match] = []
    for rule, pattern in _RULES:
        for match in pattern.finditer(text):
            if match.end() > match.start():
                found.append(_Match(match.start(), match.end(), rule, match.groupdict()))
    # The longest match wins; at equal length, the rule listed first.
    order = {rule: index for index, (rule, _) in enumerate(_RULES)}
    found.sort(key=lambda m: (-(m.end - m.start), m.start, order[m.rule]))
    taken: list[_Match] = []
    for candidate in found:
        if all(candidate.end <= other.start or candidate.start >= other.end for other in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda m: m.start)


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(raw: str) -> int:
    return int(re.sub(r"\D", "", raw))


def _number(raw: str) -> int:
    return int(raw) if raw.isdigit() else NUMBERS[raw.lower()]


def _checked(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_on_or_before(month: int, day: int | None, anchor: dt.date) -> int:
    """The year of the latest such day (or month) that is not after ``anchor``."""
    if (month, day or 1) <= (anchor.month, anchor.day):
        return anchor.year
    return anchor.year - 1


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _shift(base: dt.date, amount: int, unit: str) -> dt.date:
    if unit == "day":
        return base + dt.timedelta(days=amount)
    if unit == "week":
        return base + dt.timedelta(weeks=amount)
    months = amount * (12 if unit == "year" else 120 if unit == "decade" else 1)
    index = base.year * 12 + base.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(base.day, last))  # ValueError beyond 1 .. 9999


def format_value(day: dt.date, precision: str) -> str:
    """The ISO value of ``day`` cut to ``precision``."""
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        return _iso_week(day)
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "decade":
        return f"{day.year // 10:03d}"
    return f"{day.year:04d}"


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a value can mean (ranges: their whole extent)."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a = interval(first) if first != ".." else (dt.date.min, dt.date.min)
        b = interval(last) if last != ".." else (dt.date.max, dt.date.max)
        return (a[0], b[1]) if a and b else None
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if match := re.fullmatch(r"(\d{4})-W(\d\d)", value):
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if match := re.fullmatch(r"(\d{4})-(\d\d)", value):
            year, month = int(match[1]), int(match[2])
            return dt.date(year, month, 1), dt.date(year, month,
                                                     calendar.monthrange(year, month)[1])
        if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            first_month, last_month = SEASON_MONTHS[match[2]]
            season_start = dt.date(int(match[1]), first_month, 1)
            end = _shift(dt.date(int(match[1]), 1, 1), last_month, "month") - \
                dt.timedelta(days=1)
            return season_start, end
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{3}", value):
            return dt.date(max(1, int(value) * 10), 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def precision_of(value: str) -> str:
    """The precision a value is written at."""
    point = value.split("/")[0] if not value.startswith("..") else value.split("/")[-1]
    if re.fullmatch(r"\d{4}-\d\d-\d\d", point):
        return "day"
    if "-W" in point:
        return "week"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", point):
        return "season"
    if re.fullmatch(r"\d{4}-\d\d", point):
        return "month"
    return "decade" if re.fullmatch(r"\d{3}", point) else "year"


class _Resolver:
    """Resolves raw matches in text order, remembering the dates already seen."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self.sentences = sentence_spans(text)
        self.previous: TemporalExpression | None = None  # the last dated point
        self.sentence_year: dict[int, tuple[int, dt.date]] = {}  # sentence -> (year, date)

    def sentence_of(self, offset: int) -> int:
        for index, (start, end) in enumerate(self.sentences):
            if start <= offset < end:
                return index
        return -1

    def make(self, match: _Match, kind: str, value: str | None, precision: str,
             resolution: str, modifier: str | None = None,
             problem: str | None = None) -> TemporalExpression:
        start, end = match.start, match.end
        if match.rule == "m":  # "In July": the preposition is not part of the date
            dropped = _DROPPED_PREFIX.match(self.text[start:end])
            if dropped and dropped.end() < end - start:
                start += dropped.end()
        if match.rule == "weekday" and not match.fields.get("rel"):
            start = self.text.index(match.fields["w"] or "", start)
        return TemporalExpression(self.text[start:end], start, end, kind, value, precision,
                                  resolution, modifier, problem)

    def unresolved(self, match: _Match, kind: str, precision: str,
                   why: str) -> TemporalExpression:
        return self.make(match, kind, None, precision, "unresolved", problem=why)

    def year_for(self, match: _Match, month: int,
                 day: int | None) -> tuple[int | None, str, str | None]:
        """The year of a day or month the text gives without one."""
        context = self.sentence_year.get(self.sentence_of(match.start))
        if context is not None:
            year, seen = context
            if (month, day or 1) < (seen.month, seen.day if day else 1):
                year += 1  # "erupted on Sept. 27, 2020, and ended on Nov. 10"
            return year, "year-from-context", None
        if self.published is None:
            return None, "unresolved", "no year is given and the publication date is unknown"
        return (_latest_on_or_before(month, day, self.published), "year-from-publication-date",
                None)

    def resolve(self, match: _Match) -> TemporalExpression:
        handler: Callable[[_Match], TemporalExpression] = getattr(self, f"_{match.rule}")
        expression: TemporalExpression | None
        try:
            expression = handler(match)
        except (OverflowError, ValueError):  # a date beyond year 1 .. 9999
            expression = None
        if expression is None or (expression.value and expression.kind != "duration"
                                  and interval(expression.value) is None):
            return self.make(match, "date", None, "day", "invalid",
                             problem=f"date out of range {self.text[match.start:match.end]!r}")
        if expression.start > 0 and expression.kind == "date" and expression.value:
            before = self.text[max(0, expression.start - 12):expression.start]
            if _OPEN_START.search(before):
                opener = _OPEN_START.search(before)
                assert opener is not None
                start = expression.start - (len(before) - opener.start())
                expression = replace(expression, kind="range", start=start,
                                     text=self.text[start:expression.end],
                                     value=f"{expression.value}/..")
            elif _OPEN_END.search(before):
                closer = _OPEN_END.search(before)
                assert closer is not None
                start = expression.start - (len(before) - closer.start())
                expression = replace(expression, kind="range", start=start,
                                     text=self.text[start:expression.end],
                                     value=f"../{expression.value}")
        return expression

    def remember(self, expression: TemporalExpression) -> None:
        if expression.kind == "duration" or not expression.value:
            return
        span = interval(expression.value)
        if expression.kind == "date" and span is not None:
            self.previous = expression
        if expression.kind == "date" and span is not None and \
                expression.resolution == "explicit" and expression.precision in ("day", "month"):
            self.sentence_year[self.sentence_of(expression.start)] = (span[0].year, span[0])

    # -- one method per rule ------------------------------------------------------------

    def _full(self, match: _Match, year: int, resolution: str) -> TemporalExpression:
        month, day = _month(match.fields["m"] or ""), _day(match.fields["d"] or "")
        date = _checked(year, month, day)
        if date is None:
            return self.make(match, "date", None, "day", "invalid",
                             problem=f"impossible date {self.text[match.start:match.end]!r}")
        return self.make(match, "date", date.isoformat(), "day", resolution)

    def _mdy(self, match: _Match) -> TemporalExpression:
        return self._full(match, int(match.fields["y"] or 0), "explicit")

    def _dmy(self, match: _Match) -> TemporalExpression:
        if match.fields.get("y"):
            return self._full(match, int(match.fields["y"] or 0), "explicit")
        rel = match.fields.get("rel")
        if rel:
            if self.published is None:
                return self.unresolved(match, "date", "day", f"“{rel} year” and the "
                                       "publication date is unknown")
            shift = {"last": -1, "this": 0, "next": 1}[rel]
            return self._full(match, self.published.year + shift,
                              "relative-to-publication-date")
        return self._md(match)

    def _md(self, match: _Match) -> TemporalExpression:
        month, day = _month(match.fields["m"] or ""), _day(match.fields["d"] or "")
        if _checked(2000, month, day) is None:  # 2000 is a leap year: 29 February passes
            return self.make(match, "date", None, "day", "invalid",
                             problem=f"impossible date {self.text[match.start:match.end]!r}")
        year, resolution, why = self.year_for(match, month, day)
        if year is None:
            return self.unresolved(match, "date", "day", why or "")
        return self._full(match, year, resolution)

    def _my(self, match: _Match) -> TemporalExpression:
        month = _month(match.fields["m"] or "")
        mod = (match.fields.get("mod") or "").lower().rstrip("-") or None
        return self.make(match, "date", f"{int(match.fields['y'] or 0):04d}-{month:02d}",
                         "month", "explicit", mod)

    def _m(self, match: _Match) -> TemporalExpression:
        month = _month(match.fields["m"] or "")
        mod = (match.fields.get("mod") or "").lower().rstrip("-") or None
        rel = (match.fields.get("rel") or "").lower()
        if rel:
            if self.published is None:
                return self.unresolved(match, "date", "month",
                                       "a relative month and the publication date is unknown")
            shifted = self.published.year + {"last": -1, "this": 0, "next": 1}[rel]
            if rel == "last" and month < self.published.month:
                shifted += 1  # "last July", said in August: this year's July
            if rel == "next" and month > self.published.month:
                shifted -= 1  # "next September", said in August: this year's September
            return self.make(match, "date", f"{shifted:04d}-{month:02d}", "month",
                             "relative-to-publication-date", mod)
        year, resolution, why = self.year_for(match, month, None)
        if year is None:
            return self.unresolved(match, "date", "month", why or "")
        return self.make(match, "date", f"{year:04d}-{month:02d}", "month", resolution, mod)

    def _season(self, match: _Match) -> TemporalExpression:
        code = SEASONS[(match.fields["s"] or "").lower()]
        return self.make(match, "date", f"{int(match.fields['y'] or 0):04d}-{code}", "season",
                         "explicit", match.fields.get("mod"))

    def _season_rel(self, match: _Match) -> TemporalExpression:
        code = SEASONS[(match.fields["s"] or "").lower()]
        if self.published is None:
            return self.unresolved(match, "date", "season",
                                   "a relative season and the publication date is unknown")
        year = self.published.year + {"last": -1, "this": 0, "next": 1}[
            (match.fields["rel"] or "").lower()]
        return self.make(match, "date", f"{year:04d}-{code}", "season",
                         "relative-to-publication-date")

    def _decade(self, match: _Match) -> TemporalExpression:
        mod = (match.fields.get("mod") or "").rstrip("-") or None
        return self.make(match, "date", match.fields["c"], "decade", "explicit", mod)

    def _year_range(self, match: _Match) -> TemporalExpression:
        first = match.fields.get("a") or match.fields.get("a2") or match.fields.get("a3")
        last = match.fields.get("b") or match.fields.get("b2") or match.fields.get("b3")
        return self.make(match, "range", f"{first}/{last}", "year", "explicit")

    def _year(self, match: _Match) -> TemporalExpression:
        return self.make(match, "date", match.fields["y"], "year", "explicit")

    def _weekday(self, match: _Match) -> TemporalExpression:
        if self.published is None:
            return self.unresolved(match, "date", "day",
                                   "a weekday and the publication date is unknown")
        wanted = WEEKDAYS.index((match.fields["w"] or "").lower())
        rel = (match.fields.get("rel") or "").lower()
        back = (self.published.weekday() - wanted) % 7
        if rel == "next":
            day = self.published + dt.timedelta(days=(wanted - self.published.weekday()) % 7
                                                or 7)
        elif rel == "last" and back == 0:
            day = self.published - dt.timedelta(days=7)
        else:  # news reports the past: "said on Saturday" is the latest Saturday
            day = self.published - dt.timedelta(days=back)
        return self.make(match, "date", day.isoformat(), "day", "relative-to-publication-date")

    def _relative(self, match: _Match) -> TemporalExpression:
        unit = match.fields["unit"] or "year"
        if self.published is None:
            return self.unresolved(match, "date", unit,
                                   f"“{self.text[match.start:match.end]}” and the "
                                   "publication date is unknown")
        step = {"last": -1, "previous": -1, "this": 0, "next": 1}[
            (match.fields["rel"] or "").lower()]
        day = _shift(self.published, step, unit)
        return self.make(match, "date", format_value(day, unit), unit,
                         "relative-to-publication-date")

    def _yesterday(self, match: _Match) -> TemporalExpression:
        if self.published is None:
            return self.unresolved(match, "date", "day",
                                   "“yesterday” and the publication date is unknown")
        day = self.published - dt.timedelta(days=1)
        return self.make(match, "date", day.isoformat(), "day", "relative-to-publication-date")

    def _shifted(self, match: _Match, amount: int, unit: str) -> TemporalExpression:
        direction = (match.fields.get("dir") or "").lower()
        sign = -1 if direction in ("earlier", "before", "ago", "previous") else 1
        if direction == "ago":
            if self.published is None:
                return self.unresolved(match, "date", unit,
                                       "“ago” and the publication date is unknown")
            base, precision, resolution = self.published, "day", "relative-to-publication-date"
        elif direction in ("after", "before"):  # "two days after the vote": not a date
            return self.unresolved(match, "date", unit,
                                   f"relative to what follows “{direction}”, not to a date")
        else:
            if self.previous is None or self.previous.value is None:
                return self.unresolved(match, "date", unit,
                                       "relative to an earlier date, but none precedes it")
            span = interval(self.previous.value)
            assert span is not None
            base, precision = span[0], self.previous.precision
            resolution = "relative-to-previous-date"
        day = _shift(base, sign * amount, unit)
        finest = min(PRECISIONS.index(precision if precision in PRECISIONS else "day"),
                     PRECISIONS.index(unit if unit != "decade" else "year"))
        return self.make(match, "date", format_value(day, PRECISIONS[finest]),
                         PRECISIONS[finest], resolution)

    def _shift(self, match: _Match) -> TemporalExpression:
        return self._shifted(match, _number(match.fields["n"] or "1"),
                             match.fields["unit"] or "day")

    def _following(self, match: _Match) -> TemporalExpression:
        return self._shifted(match, 1, match.fields["unit"] or "day")

    def _duration(self, match: _Match) -> TemporalExpression:
        amount = _number(match.fields["n"] or "1")
        unit = match.fields["unit"] or "year"
        if unit == "decade":
            amount *= 10
        modifier = MODIFIERS.get((match.fields.get("mod") or "").lower())
        return self.make(match, "duration", f"P{amount}{UNIT_CODES[unit]}", "duration",
                         "duration", modifier)

    _duration_adj = _duration

    def _another(self, match: _Match) -> TemporalExpression:
        unit = match.fields["unit"] or "year"
        amount = 10 if unit == "decade" else 1
        return self.make(match, "duration", f"P{amount}{UNIT_CODES[unit]}", "duration",
                         "duration")


def extract(text: str, published: dt.date | None = None) -> list[TemporalExpression]:
    """Every temporal expression of ``text``, resolved against the publication date.

    Never raises: what cannot be resolved carries ``resolution`` "unresolved" or "invalid"
    and a ``problem`` saying why.
    """
    resolver = _Resolver(text, published)
    found: list[TemporalExpression] = []
    for match in _candidates(text):
        expression = resolver.resolve(match)
        resolver.remember(expression)
        found.append(expression)
    return found
