"""The chronology as a timeline: events above a time axis, the articles' dates below it.

An event dated to a day (or a week) is a point; one dated to a month, a season, a year or a
decade is a bar exactly as long as that stretch of time, so the reader sees how precise
each date is. Stretches of time with nothing in them (the 2000s and 2010s here) are cut out
of the axis and marked with a break. A conflict (sources that date one event differently)
is drawn as a split mark: one mark at each date, joined by a dashed arc, each labelled
with the articles that give it. Labels are stacked in lanes so that no label covers
another or another's leader line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape as _escape

from annotated_edition.chronology import (
    ENGLISH_DATES,
    DateWords,
    Event,
    compatible,
    display_date,
)
from annotated_edition.dates import interval, precision_of
from annotated_edition.figures.svg import (
    Box,
    Drawing,
    Label,
    num,
    opening,
    path_data,
    svg_document,
    tag,
    text_box,
    text_element,
    text_width,
)

SCOPE = "edition-timeline"
WIDTH = 860.0
MARGIN = 14.0
FONT = 12.0
LANE = 16.0  # height of a lane of labels
BREAK = 26.0  # width of the mark where the axis skips years
LANES_PREFERRED = 14  # lanes tried for a leader that crosses no label
GAP_YEARS = 3  # empty years (or more) between two stretches: cut out of the axis
TITLE_CHARACTERS = 44  # a longer title is shortened on the figure (never in the list)


@dataclass(frozen=True)
class Publication:
    """An article on the lower track: its number in reading order, its date and title."""

    key: str
    number: int
    date: dt.date
    title: str


@dataclass(frozen=True)
class Stretch:
    """A part of the axis: the days it covers and where it is drawn."""

    first: dt.date
    end: dt.date  # the day after the last
    left: float
    right: float

    def x(self, day: dt.date) -> float:
        share = (day - self.first).days / (self.end - self.first).days
        return self.left + share * (self.right - self.left)


KEY = (
    "Events above the line: a dot for a day, a bar as long as a month, a season, a year or a "
    "decade.",
    "Below it, the dates the articles were published. [n]: reported in article n.",
)


@dataclass(frozen=True)
class TimelineWords:
    """The figure's words: English unless the caller (the Sphinx adapter, through its
    message catalog) passes a language's; templates use ``str.format``."""

    dates: DateWords = ENGLISH_DATES
    key: tuple[str, ...] = KEY
    title: str = "Timeline of the chronology, {first}–{last}"
    untitled: str = "Timeline of the chronology"
    nothing_dated: str = "No event is dated and no article has a publication date yet."
    description: str = ("{events} events on a time axis, with the publication dates of "
                        "{articles} articles below it. ")
    one_conflict: str = ("1 event with conflicting dates drawn as a split mark, one mark "
                         "for each date. ")
    conflicts: str = ("{count} events with conflicting dates drawn as a split mark, one "
                      "mark for each date. ")
    listed: str = "The same events are listed, with their sources, after the figure."
    date_in: str = "{date}: the date in{sources}"
    conflict: str = "Conflict: {title}, dated {date} and {other} by different sources"
    publication: str = "Article {number}, published {date}: {title}"
    gap: str = "{years} years without events left out"


ENGLISH_TIMELINE = TimelineWords()


def short_date(day: dt.date, words: DateWords = ENGLISH_DATES) -> str:
    return f"{day.day} {words.months[day.month - 1][:3]} {day.year}"


def compact_date(value: str, precision: str | None = None,
                 words: DateWords = ENGLISH_DATES) -> str:
    """A date as short as a label allows: 27 Sep 2020, but "July 2022", "fall 2020"."""
    span = interval(value)
    if span and (precision or precision_of(value)) == "day":
        return short_date(span[0], words)
    return display_date(value, precision, words)


def shorten(text: str, limit: int = TITLE_CHARACTERS) -> str:
    """A title cut at a word to fit the figure; the full title is in the list below it."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:—–(")
    return cut + "…"


def _span(value: str) -> tuple[dt.date, dt.date]:
    found = interval(value)
    assert found is not None, value
    return found[0], found[1] + dt.timedelta(days=1)


class Axis:
    """Time to x, a year at a time: busy years wider, empty decades cut out.

    Each year is a stretch as wide as what starts in it needs (an empty year is narrow),
    so the axis is linear within a year: a month or a season is drawn exactly that share
    of its year. Runs of more than ``GAP_YEARS`` years with nothing in them are left out
    and the axis breaks there.
    """

    def __init__(self, spans: Sequence[tuple[dt.date, dt.date]], left: float, right: float):
        years = sorted(
            {
                year
                for first, end in spans
                for year in range(first.year, (end - dt.timedelta(days=1)).year + 1)
            }
        )
        groups: list[list[int]] = []
        for year in years:
            if groups and year - groups[-1][-1] <= GAP_YEARS:
                groups[-1].extend(range(groups[-1][-1] + 1, year + 1))
            else:
                groups.append([year])
        weights = {
            year: 0.5 + sum(1 for first, _ in spans if first.year == year)
            for group in groups
            for year in group
        }
        unit = (right - left - BREAK * (len(groups) - 1)) / sum(weights.values())
        self.groups: list[list[Stretch]] = []
        x = left
        for group in groups:
            stretches = []
            for year in group:
                width = weights[year] * unit
                stretches.append(
                    Stretch(dt.date(year, 1, 1), dt.date(year + 1, 1, 1), x, x + width)
                )
                x += width
            self.groups.append(stretches)
            x += BREAK
        self.stretches = [stretch for group in self.groups for stretch in group]

    def x(self, day: dt.date) -> float:
        previous = None
        for stretch in self.stretches:
            if day < stretch.first:  # in a break: where the years before it end
                return previous.right if previous else stretch.left
            if day < stretch.end:
                return stretch.x(day)
            previous = stretch
        return self.stretches[-1].right

    def ticks(self) -> list[tuple[float, str, bool]]:
        """(x, year, labelled) of every year's start and each group's end."""
        out = []
        for group in self.groups:
            for stretch in group:
                wide = stretch.right - stretch.left >= 30 or stretch is group[0]
                out.append(
                    (stretch.left, str(stretch.first.year), wide or stretch.first.year % 5 == 0)
                )
            out.append((group[-1].right, str(group[-1].end.year), False))
        return out


class Columns:
    """Boxes filed by the vertical strips of the figure they cover (performance).

    A label tried lane after lane against every label and leader already placed made the
    timeline quadratic in lanes and labels (40 of a build's 80 seconds at 100 articles).
    A box can only overlap boxes that share one of its strips; a query takes one strip
    more on each side, so rounding at a strip's edge cannot hide a box. What overlaps is
    still decided by ``Box.overlaps``: the layout is byte for byte that of the plain scan.
    """

    WIDTH = 64.0

    def __init__(self) -> None:
        self._strips: dict[int, list[tuple[int, Box]]] = {}
        self._count = 0

    def _span(self, low: float, high: float, margin: int) -> range:
        return range(math.floor(low / self.WIDTH) - margin,
                     math.floor(high / self.WIDTH) + 1 + margin)

    def add(self, box: Box) -> None:
        entry = (self._count, box)
        self._count += 1
        for strip in self._span(box.x, box.right, 0):
            self._strips.setdefault(strip, []).append(entry)

    def near(self, low: float, high: float) -> list[Box]:
        """Every box filed (once) that may reach between ``low`` and ``high``."""
        found: dict[int, Box] = {}
        for strip in self._span(low, high, 1):
            found.update(self._strips.get(strip, ()))
        return list(found.values())


def _clear_of_integers(value: float, margin: float = 1e-6) -> bool:
    """Whether ``value`` is farther than ``margin`` from every whole number."""
    return margin < value - math.floor(value) < 1 - margin


class Lanes:
    """Labels in lanes away from a track; no label covers another label or a leader line."""

    def __init__(
        self, track: float, direction: int, left: float, right: float, prefer: str = "start"
    ):
        self.track = track  # y of the marks the leaders go to
        self.direction = direction  # -1: lanes above the track, +1: below
        self.left, self.right = left, right
        self.prefer = prefer  # labels right of their mark ("start") or left of it ("end")
        self.boxes: list[Box] = []  # labels
        self.leaders: list[Box] = []  # leader lines, as thin boxes
        self.crossings = 0  # labels a leader passes behind
        # the same boxes filed by where they are (performance: see Columns)
        self._box_columns = Columns()
        self._all_columns = Columns()  # labels and leaders

    def baseline(self, lane: int) -> float:
        if self.direction < 0:
            return self.track - 12 - lane * LANE
        return self.track + 12 + FONT * 0.75 + lane * LANE

    def place(self, x: float, text: str) -> tuple[Box, float, str, float]:
        """The box, baseline, anchor and x of a label for a mark at ``x``.

        The lowest lane where the label covers no label and no leader line, its text on the
        preferred side of its leader (the other side at the edge); a leader that would cross
        another label is avoided while a lane within reach allows it, and otherwise passes
        behind that label's halo.
        """
        fallback = None
        width = text_width(text, FONT)
        # one side for every lane: the preferred one where the label fits between the edges
        # (a label that changed sides between lanes would cover leaders it must stay above)
        sides = {"start": x + 3, "end": x - 3}
        order = [self.prefer, "end" if self.prefer == "start" else "start"]
        fits = [
            side
            for side in order
            if self.left <= text_box(sides[side], 0.0, text, FONT, side).x
            and text_box(sides[side], 0.0, text, FONT, side).right <= self.right
        ]
        anchor, at = (
            (fits[0], sides[fits[0]])
            if fits
            else ("start", min(max(self.left, x + 3), self.right - width))
        )
        # every free lane, lowest first, until one suits (one past the labels placed is
        # always free): a crowded chronology makes a tall figure, never a failed build
        for lane in self._free_lanes(at, text, anchor):
            base = self.baseline(lane)
            box = text_box(at, base, text, FONT, anchor)
            top, bottom = (box.bottom, self.track) if self.direction < 0 else (self.track, box.y)
            leader = Box(x - 1.5, min(top, bottom), 3, abs(bottom - top))
            crossed = sum(1 for other in self._box_columns.near(leader.x, leader.right)
                          if leader.overlaps(other))
            if not crossed:
                return self._keep(box, base, anchor, at, leader)
            fallback = fallback or (box, base, anchor, at, leader, crossed)
            if lane >= LANES_PREFERRED:
                break
        assert fallback is not None  # the loop ends by a return or with a fallback
        self.crossings += fallback[-1]
        return self._keep(*fallback[:-1])

    def _keep(
        self, box: Box, base: float, anchor: str, at: float, leader: Box
    ) -> tuple[Box, float, str, float]:
        self.boxes.append(box)
        self.leaders.append(leader)
        self._box_columns.add(box)
        self._all_columns.add(box)
        self._all_columns.add(leader)
        return box, base, anchor, at

    def _free_lanes(self, at: float, text: str, anchor: str) -> Iterator[int]:
        """The lanes, in order, where the label covers no label and no leader (gap 2).

        The same lanes as testing each lane's box against every box with ``Box.overlaps``
        (performance): a box in the label's columns blocks one run of lanes, the lanes
        strictly between two ends worked out from its height; where an end falls within
        rounding of a whole lane, the lanes around it are tested with the very arithmetic
        of ``text_box`` and ``Box.overlaps``. The free lanes lie between the runs.
        """
        first = text_box(at, self.baseline(0), text, FONT, anchor)
        height = FONT * 1.02  # text_box's

        def blocked(lane: int, top: float, bottom: float) -> bool:
            y = self.baseline(lane) - 0.78 * FONT  # text_box's y, to the last bit
            return not (y + height + 2 <= top or bottom + 2 <= y)

        step = self.baseline(1) - self.baseline(0)  # ±LANE
        runs = []
        for other in self._all_columns.near(first.x - 2, first.right + 2):
            if first.right + 2 <= other.x or other.right + 2 <= first.x:
                continue  # beside the label in every lane
            top, bottom = other.y, other.bottom
            # lanes whose box meets the other's band: low < step * lane < high
            ends = sorted(((top - 2 - first.y - height) / step, (bottom + 2 - first.y) / step))
            if _clear_of_integers(ends[0]) and _clear_of_integers(ends[1]):
                # the lanes strictly between the ends; rounding (a few ulps) cannot move
                # an end that lies this far from a whole lane across one
                start, end = max(0, math.floor(ends[0]) + 1), math.ceil(ends[1]) - 1
                if start <= end:
                    runs.append((start, end))
                continue
            # an end at a whole lane (or within rounding of one): every lane tested
            low, high = max(0, math.floor(ends[0]) - 1), max(0, math.ceil(ends[1]) + 1)
            hits = [lane for lane in range(low, high + 1) if blocked(lane, top, bottom)]
            if hits:
                runs.append((hits[0], hits[-1]))
        lane = 0
        for start, end in sorted(runs):
            while lane < start:
                yield lane
                lane += 1
            lane = max(lane, end + 1)
        yield from itertools.count(lane)

    @property
    def extent(self) -> float:
        """How far from the track the lanes reach."""
        if not self.boxes:
            return 0.0
        if self.direction < 0:
            return self.track - min(box.y for box in self.boxes)
        return max(box.bottom for box in self.boxes) - self.track


Placed = dict[int, tuple[Box, float, str, float]]


def _label(xs: Sequence[float], texts: Sequence[str], direction: int) -> tuple[Lanes, Placed]:
    """Labels laid out both ways, keeping the way whose leader lines cross fewer labels.

    Labels right of their marks are placed from right to left (a label then runs over
    marks whose labels are already below it), labels left of their marks from left to
    right, and the few that do not fit on that side at an edge last, in the other order;
    which way crosses fewer labels depends on where the events crowd.
    """
    best: tuple[Lanes, Placed] | None = None
    for prefer in ("start", "end"):
        lanes = Lanes(0.0, direction, MARGIN, WIDTH - MARGIN, prefer)

        # labels that fit on the preferred side first, in the order that keeps a staircase;
        # then those pushed to the other side at the edge, in the opposite order
        def fits(k: int, side: str = prefer) -> bool:
            width = text_width(texts[k], FONT)
            return (
                xs[k] + 3 + width <= WIDTH - MARGIN
                if side == "start"
                else xs[k] - 3 - width >= MARGIN
            )

        sign = -1 if prefer == "start" else 1
        order = sorted(
            range(len(xs)), key=lambda k: (not fits(k), sign * xs[k] * (1 if fits(k) else -1), k)
        )
        placed = {k: lanes.place(xs[k], texts[k]) for k in order}
        if best is None or lanes.crossings < best[0].crossings:
            best = (lanes, placed)
    assert best is not None
    return best


def _sources_note(numbers: Sequence[int]) -> str:
    return " [" + ", ".join(str(n) for n in numbers) + "]" if numbers else ""


@dataclass(frozen=True)
class Mark:
    """A thing drawn on the event track: an event, or a conflicting source's date."""

    event: Event
    value: str  # the date it stands at
    first: dt.date
    end: dt.date
    point: bool
    left: float
    right: float
    x: float  # where its leader line meets it
    text: str
    alternate: bool = False  # the date of a source that conflicts with the event's


def _rows(marks: Sequence[Mark]) -> list[int]:
    """A row for each mark so that no two marks of a row touch (points and bars alike)."""
    ends: list[float] = []
    rows = []
    for mark in marks:
        row = next((k for k, end in enumerate(ends) if mark.left - 5 > end), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = mark.right
        rows.append(row)
    return rows


def _marks(events: Sequence[Event], axis: Axis, number_of: dict[str, int],
           words: TimelineWords) -> list[Mark]:
    marks = []
    for event in events:
        first, end = _span(event.date)
        point = event.precision in ("day", "week")
        left, right = axis.x(first), axis.x(end)
        centre = (left + right) / 2
        numbers = sorted({number_of[s.article] for s in event.sources if s.article in number_of})
        others = sorted(
            {s.date for s in event.sources if s.date and not compatible(s.date, event.date)}
        )
        when = compact_date(event.date, event.precision, words.dates)
        if others:
            when += " ≠ " + " ≠ ".join(compact_date(o, None, words.dates) for o in others)
        text = f"{when} · {shorten(event.title)}{_sources_note(numbers)}"
        marks.append(
            Mark(
                event,
                event.date,
                first,
                end,
                point,
                centre - 4 if point else left,
                centre + 4 if point else right,
                centre if point else left,
                text,
            )
        )
        for other in others:
            first, end = _span(other)
            centre = (axis.x(first) + axis.x(end)) / 2
            givers = sorted(
                {
                    number_of[s.article]
                    for s in event.sources
                    if s.date == other and s.article in number_of
                }
            )
            marks.append(
                Mark(
                    event,
                    other,
                    first,
                    end,
                    True,
                    centre - 5,
                    centre + 5,
                    centre,
                    words.date_in.format(date=compact_date(other, None, words.dates),
                                         sources=_sources_note(givers)),
                    alternate=True,
                )
            )
    return sorted(marks, key=lambda m: (m.first, m.end, m.event.key, m.value))


def draw_timeline(
    events: Sequence[Event],
    publications: Sequence[Publication],
    screen: bool = True,
    words: TimelineWords = ENGLISH_TIMELINE,
) -> Drawing:
    """The timeline of ``events`` with the ``publications`` of the articles below."""
    number_of = {p.key: p.number for p in publications}
    spans = [_span(e.date) for e in events]
    spans += [_span(s.date) for e in events for s in e.sources if s.date]
    spans += [(p.date, p.date + dt.timedelta(days=1)) for p in publications]
    if not spans:  # an edition with no article or no date yet: a figure that says so
        return _nothing_dated(words)
    axis = Axis(spans, MARGIN, WIDTH - MARGIN)
    marks = _marks(events, axis, number_of, words)
    rows = _rows(marks)

    # Lay out with the tracks at 0 (lanes grow away from them), then draw at the offsets.
    above, placed = _label([m.x for m in marks], [m.text for m in marks], -1)
    publications = sorted(publications, key=lambda p: (p.date, p.number))
    pub_x = [(axis.x(p.date) + axis.x(p.date + dt.timedelta(days=1))) / 2 for p in publications]
    pub_text = [
        f"[{p.number}] {short_date(p.date, words.dates)} · {shorten(p.title, 44)}"
        for p in publications
    ]
    below, pub_placed = _label(pub_x, pub_text, 1)

    row_height = 9.0
    marks_height = (max(rows, default=0) + 1) * row_height
    top = 44.0 + above.extent  # the label lanes end here; the key lines are above them
    axis_y = top + marks_height + 10
    pub_track = axis_y + 26
    height = pub_track + below.extent + MARGIN

    def row_y(row: int) -> float:
        return axis_y - 8 - row * row_height

    body: list[str] = [
        text_element(MARGIN, 14.0 + 15 * k, line, "muted") for k, line in enumerate(words.key)
    ]
    body.extend(_axis(axis, axis_y, words))
    labels: list[Label] = []
    for k, mark in enumerate(marks):
        box, base, anchor, at = placed[k]
        y = row_y(rows[k])
        alert = mark.alternate or mark.event.conflict
        css = "alert" if alert else "accent"
        leader = path_data([(mark.x, y - 4), (mark.x, top + base + 0.24 * FONT)])
        label = text_element(
            at, top + base, mark.text, "alert halo" if alert else "ink halo", anchor
        )
        when = compact_date(
            mark.value, None if mark.alternate else mark.event.precision, words.dates
        )
        if mark.alternate:
            body.extend(
                [
                    opening(
                        "g",
                        class_="timeline-conflict",
                        data_event=mark.event.key,
                        data_date=mark.value,
                    ),
                    "<title>"
                    + _escape(
                        words.conflict.format(
                            title=mark.event.title,
                            date=display_date(mark.event.date, None, words.dates),
                            other=display_date(mark.value, None, words.dates),
                        )
                    )
                    + "</title>",
                    tag("path", class_="stroke-rule", d=leader),
                    tag("circle", class_="paper", cx=mark.x, cy=y, r=4.0),
                    tag("circle", class_="stroke-alert", cx=mark.x, cy=y, r=4.0, stroke_width=2),
                    label,
                    "</g>",
                ]
            )
            source = next(
                row_y(rows[j])
                for j, other in enumerate(marks)
                if other.event is mark.event and not other.alternate
            )
            origin = next(
                other.x for other in marks if other.event is mark.event and not other.alternate
            )
            low = max(y, source) + 7
            body.append(
                tag(
                    "path",
                    class_="stroke-alert",
                    stroke_dasharray="4 3",
                    d=f"M{num(origin)} {num(source + 4)}C{num(origin)} {num(low)} "
                    f"{num(mark.x)} {num(low)} {num(mark.x)} {num(y + 4)}",
                )
            )
        else:
            shape = (
                tag("circle", class_=css, cx=mark.x, cy=y, r=4.0)
                if mark.point
                else tag(
                    "rect",
                    class_=css,
                    x=mark.left,
                    y=y - 3,
                    width=max(mark.right - mark.left, 1.0),
                    height=6.0,
                    data_days=(mark.end - mark.first).days,
                )
            )
            body.extend(
                [
                    opening(
                        "g",
                        class_="timeline-event",
                        data_event=mark.event.key,
                        data_date=mark.value,
                        data_precision=mark.event.precision,
                    ),
                    f"<title>{_escape(when)} — {_escape(mark.event.title)}</title>",
                    tag("path", class_="stroke-rule", d=leader),
                    shape,
                    label,
                    "</g>",
                ]
            )
        labels.append(
            Label(
                mark.event.key + ("@" + mark.value if mark.alternate else ""),
                mark.text,
                _shift(box, top),
            )
        )
    for k, publication in enumerate(publications):
        box, base, anchor, at = pub_placed[k]
        x = pub_x[k]
        body.extend(
            [
                opening(
                    "g",
                    class_="timeline-publication",
                    data_article=publication.key,
                    data_date=publication.date.isoformat(),
                ),
                "<title>"
                + _escape(
                    words.publication.format(
                        number=publication.number,
                        date=short_date(publication.date, words.dates),
                        title=publication.title,
                    )
                )
                + "</title>",
                tag(
                    "path",
                    class_="stroke-rule",
                    d=path_data([(x, axis_y + 3), (x, pub_track + base - FONT * 0.78)]),
                ),
                tag(
                    "rect",
                    class_="ink",
                    x=x - 3.5,
                    y=pub_track - 3.5,
                    width=7.0,
                    height=7.0,
                    transform=f"rotate(45 {num(x)} {num(pub_track)})",
                ),
                text_element(at, pub_track + base, pub_text[k], "ink halo", anchor),
                "</g>",
            ]
        )
        labels.append(Label(publication.key, pub_text[k], _shift(box, pub_track)))

    first_year = axis.stretches[0].first.year
    last_year = axis.stretches[-1].first.year
    title = words.title.format(first=first_year, last=last_year)
    conflicts = [e for e in events if e.conflict]
    description = (
        words.description.format(events=len(events), articles=len(publications))
        + (
            words.one_conflict
            if len(conflicts) == 1
            else words.conflicts.format(count=len(conflicts))
            if conflicts
            else ""
        )
        + words.listed
    )
    svg = svg_document(SCOPE, WIDTH, height, title, description, body, screen, FONT)
    return Drawing(svg, tuple(labels), title, description, WIDTH, height)


def _nothing_dated(words: TimelineWords) -> Drawing:
    title = words.untitled
    description = words.nothing_dated
    height = 40.0
    body = [text_element(MARGIN, 24.0, description, "muted")]
    svg = svg_document(SCOPE, WIDTH, height, title, description, body, True, FONT)
    return Drawing(svg, (), title, description, WIDTH, height)


def _shift(box: Box, dy: float) -> Box:
    return Box(box.x, box.y + dy, box.width, box.height)


def _axis(axis: Axis, y: float, words: TimelineWords) -> list[str]:
    """The axis line of each group of years, the breaks between them, the year ticks."""
    body = []
    for group in axis.groups:
        body.append(
            tag(
                "path", class_="stroke-ink", d=path_data([(group[0].left, y), (group[-1].right, y)])
            )
        )
    for left_group, right_group in zip(axis.groups, axis.groups[1:], strict=False):
        left, right = left_group[-1], right_group[0]
        middle = (left.right + right.left) / 2
        skipped = right.first.year - left.end.year
        body.append(f"<g><title>{_escape(words.gap.format(years=skipped))}</title>")
        body.append(
            tag(
                "path",
                class_="stroke-rule",
                stroke_dasharray="2 3",
                d=path_data([(left.right, y), (right.left, y)]),
            )
        )
        for dx in (-3.0, 3.0):
            zig = [(middle + dx - 3, y + 6), (middle + dx + 3, y - 6)]
            body.append(tag("path", class_="stroke-ink", d=path_data(zig)))
        body.append("</g>")
    # Year labels from the right, each keeping a gap from the next: where two crowd, the
    # later year keeps its label (the busy years of the war, not the first year after a
    # break, which the break mark and the next label already place).
    following = math.inf  # where the label to the right begins
    labels = []
    for x, year, labelled in reversed(list(axis.ticks())):
        body.append(tag("path", class_="stroke-ink", d=path_data([(x, y - 3), (x, y + 3)])))
        if labelled and x + 2 + text_width(year, 9.0) + 6 <= following:
            labels.append(text_element(x + 2, y + 13, year, "muted", size=9.0))
            following = x + 2
    return body + labels[::-1]
