"""A chronology generated from the articles, and the editor's overlay on top of it.

Every dated expression of an article is an event *candidate*: the expression, its sentence,
its article and paragraph. Candidates that report the same event are merged into one
:class:`Event` with all its sources; when the sources give dates that cannot all be true
(27 September 2020 and 27 September 2021 for the outbreak of the war) the event is a
*conflict*, and each source keeps its own date and sentence. The merging is a heuristic (the
same or a compatible date, and the same words around it), so the editor's overlay
(``docs/chronology.yaml``) can title events, merge or split them, drop noise and record
the correct date with a reason. The overlay never clears a conflict: what the sources say
stays visible beside what the editor decided.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotated_edition.articles import Article
from annotated_edition.datafile import DataFile, load_yaml, validate
from annotated_edition.dates import (
    PRECISIONS,
    TemporalExpression,
    extract,
    interval,
    precision_of,
    sentence_spans,
)
from annotated_edition.edtf import to_edtf
from annotated_edition.problems import Problem, Subtype

SUBTYPE_DATE = Subtype.DATE  # an impossible or unresolvable date in an article
SUBTYPE_UNDATED = Subtype.PUBLICATION_DATE  # a relative date in an article of unknown date
SUBTYPE_OVERLAY = Subtype.CHRONOLOGY_OVERLAY  # an overlay entry that is wrong or points at nothing
# How a source's date was found when the catalog, not a date in the text, gives it.
RESOLUTION_OCCASION = "occasion-of-publication"

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}

_WORD = re.compile(r"[A-Za-zÀ-ÿĞğİıŞşƏə0-9]+(?:[-'’][A-Za-zÀ-ÿĞğİıŞşƏə0-9]+)*")
# Words that say nothing about which event a sentence reports: function words, reporting
# verbs, and the names every article of this corpus repeats.
_STOP_WORDS = """
a about after again against all also an and any are as at be been before being between both
but by can could did do does during each for from had has have he her his how i if in into is
it its itself last later more most my new no nor not now of on once only or other our out over
own same she should so some such than that the their them then there these they this those
through to too under until up very was we were what when where which while who whom why will
with would you your said says say added told noted stated reported according statement
turkey turkish türkiye azerbaijan azerbaijani armenia armenian baku ankara yerevan karabakh
nagorno country countries two nations year years month months day days week weeks region
first one several president minister
"""
_STOP = frozenset(_STOP_WORDS.split())
_MONTH_WORDS = frozenset(w.lower() for w in (*MONTH_NAMES, "jan", "feb", "mar", "apr", "jun",
                                             "jul", "aug", "sep", "sept", "oct", "nov", "dec"))
_LEADING = re.compile(r"^(?:(?:which|when|where|and|but|that|while|as|with)\s+)+",
                      re.IGNORECASE)
_SUFFIXES = ("ations", "ation", "ions", "ion", "ings", "ing", "ed", "es", "s")


@dataclass(frozen=True)
class Candidate:
    """A dated expression in an article: the raw material of an event."""

    article: str  # the article's slug
    file: str  # its seed file
    anchor: str  # the paragraph's stable anchor (p4)
    line: int  # the paragraph's line in the seed
    expression: TemporalExpression  # offsets in Article.text
    sentence: str
    sentence_start: int  # offset of the sentence in Article.text
    occurrence: int  # 1 for the first expression with these words in the article

    @property
    def key(self) -> str:
        """Stable within a build: the article and the offset of the expression."""
        return f"{self.article}:{self.expression.start}"

    @property
    def value(self) -> str:
        """The point in time this candidate dates its event to (a range: where it starts)."""
        return point_of(self.expression.value or "")


@dataclass(frozen=True)
class Source:
    """One article's report of an event, as the chronology shows and exports it."""

    article: str
    anchor: str
    quote: str  # the sentence, verbatim
    text: str  # the temporal expression, verbatim
    date: str  # what this source dates the event to
    precision: str
    resolution: str


@dataclass(frozen=True)
class Event:
    """An entry of the chronology: its date, title and every source that reports it."""

    key: str
    date: str
    precision: str
    title: str
    sources: tuple[Source, ...]
    conflict: bool
    title_curated: bool = False
    date_curated: bool = False
    date_reason: str | None = None
    merged_by_editor: bool = False

    @property
    def curated(self) -> bool:
        return self.title_curated or self.date_curated or self.merged_by_editor

    @property
    def year(self) -> str:
        """The heading the event is listed under: its year (a decade: "1990s")."""
        span = interval(self.date)
        if span is None:
            return self.date[:4]
        return f"{span[0].year}s" if self.precision == "decade" else str(span[0].year)

    def sort_key(self) -> tuple[dt.date, int, str]:
        span = interval(self.date)
        first = span[0] if span else dt.date.max
        return first, PRECISIONS.index(self.precision), self.title


def point_of(value: str) -> str:
    """The point a value stands for in a chronology: a range counts from its start."""
    if "/" not in value:
        return value
    first, _, last = value.partition("/")
    return first if first != ".." else last


@dataclass(frozen=True)
class DateWords:
    """The words of a reader's language for dates: English unless the caller (the Sphinx
    adapter, through its message catalog) passes others; templates use ``str.format``."""

    months: tuple[str, ...] = MONTH_NAMES
    seasons: Mapping[str, str] = field(default_factory=lambda: dict(SEASON_NAMES))
    day: str = "{day} {month} {year}"
    week: str = "week of {date}"
    month: str = "{month} {year}"
    season: str = "{season} {year}"
    decade: str = "the {first}s"  # {first}: 1990, {last}: 1999


ENGLISH_DATES = DateWords()


def display_date(value: str, precision: str | None = None,
                 words: DateWords = ENGLISH_DATES) -> str:
    """A date as a reader writes it, at its real precision: 10 November 2020, July 2021."""
    span = interval(value)
    precision = precision or (precision_of(value) if span else "")
    if span is None:
        return value
    first = span[0]
    month = words.months[first.month - 1]
    day = words.day.format(day=first.day, month=month, year=first.year)
    if precision == "day":
        return day
    if precision == "week":
        return words.week.format(date=day)
    if precision == "month":
        return words.month.format(month=month, year=first.year)
    if precision == "season":
        return words.season.format(season=words.seasons[value[-2:]], year=first.year)
    if precision == "decade":
        return words.decade.format(first=first.year, last=first.year + 9)
    return str(first.year)


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'").split("'")[0].replace("-", "")
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:5]


def context_words(candidate: Candidate, window: int = 10) -> frozenset[str]:
    """The stems of the content words near the expression, within its sentence."""
    sentence = candidate.sentence
    offset = candidate.expression.start - candidate.sentence_start
    words = list(_WORD.finditer(sentence))
    before = [w for w in words if w.end() <= offset]
    after = [w for w in words if w.start() >= offset + len(candidate.expression.text)]
    near = before[-window:] + after[:window]
    return frozenset(
        _stem(w.group()) for w in near
        if w.group().lower() not in _STOP and w.group().lower() not in _MONTH_WORDS
        and not w.group().isdigit() and len(w.group()) > 2)


def candidates_of(article: Article, path: str) -> tuple[list[Candidate], list[Problem]]:
    """The event candidates of one article; what cannot be dated becomes a problem."""
    text = article.text
    problems: list[Problem] = []
    found: list[Candidate] = []
    seen: Counter[str] = Counter()
    spans = sentence_spans(text)
    expressions = extract(text, article.date)
    if article.occasion:
        occasion, problem = _occasion(article, path)
        if problem:
            problems.append(problem)
        if occasion:
            expressions = sorted([*expressions, occasion], key=lambda e: e.start)
    for expression in expressions:
        seen[expression.text] += 1
        block = article.block_at(expression.start)
        line = block.line if block else None
        if expression.resolution == "invalid":
            problems.append(Problem(path, line, f"{expression.problem} cannot be a date",
                                    SUBTYPE_DATE))
            continue
        if expression.resolution == "unresolved":
            # Only a missing publication date is the editor's to fix; "two days after the
            # vote" is ordinary prose that dates nothing, so it is left out without a word.
            if article.date is None and "publication date" in (expression.problem or ""):
                problems.append(Problem(path, line, f"{expression.text!r} is left undated: "
                                        f"{expression.problem}", SUBTYPE_UNDATED))
            continue
        if expression.kind == "duration" or not expression.value or block is None:
            continue
        start, end = next(((a, b) for a, b in spans if a <= expression.start < b),
                          (block.start, block.end))
        start, end = max(start, block.start), min(end, block.end)
        found.append(Candidate(article.slug, article.file, block.anchor, block.line,
                               expression, text[start:end], start, seen[expression.text]))
    return found, problems


def _occasion(article: Article, path: str) -> tuple[TemporalExpression | None, Problem | None]:
    """The event the article itself reports, dated by its publication date (the catalog's).

    For a report whose text never dates its own occasion ("the press conference held in a
    video format"): the catalog names the words, the chronology lists the event there.
    """
    assert article.occasion is not None
    start = article.text.find(article.occasion)
    if start < 0:
        return None, Problem(path, None, f"the occasion the catalog names, "
                             f"{article.occasion[:80]!r}, is not in the text", SUBTYPE_DATE)
    if article.date is None:
        return None, Problem(path, None, f"the occasion {article.occasion[:80]!r} cannot be "
                             "dated: the catalog gives no publication date", SUBTYPE_UNDATED)
    return TemporalExpression(article.occasion, start, start + len(article.occasion), "date",
                              article.date.isoformat(), "day", RESOLUTION_OCCASION), None


def compatible(first: str, second: str) -> bool:
    """Two values can both be true: one lies within the other."""
    a, b = interval(first), interval(second)
    if a is None or b is None:
        return first == second
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def _same_place_other_year(first: str, second: str) -> bool:
    """27 September 2020 against 27 September 2021 (or September 2020): a slip of the year."""
    fine = ("day", "month")
    if precision_of(first) not in fine or precision_of(second) not in fine:
        return False
    if first[:4] == second[:4] or first[5:7] != second[5:7]:
        return False
    return len(first) != len(second) or first[8:] == second[8:]


def same_event(first: Candidate, second: Candidate) -> bool:
    """Whether two candidates look like reports of one event (a heuristic; see the module)."""
    return _same_event(first, second, context_words(first), context_words(second))


def _same_event(first: Candidate, second: Candidate, first_words: frozenset[str],
                second_words: frozenset[str]) -> bool:
    if first.article == second.article and first.expression.start == second.expression.start:
        return True
    a, b = first.value, second.value
    shared = len(first_words & second_words)
    if a == b:
        needed = 1 if precision_of(a) == "day" else 2
        return shared >= needed
    if compatible(a, b):
        coarse = min(PRECISIONS.index(precision_of(a)), PRECISIONS.index(precision_of(b)))
        return coarse >= PRECISIONS.index("month") and shared >= 2
    return _same_place_other_year(a, b) and shared >= 2


def _title(candidate: Candidate, words: int = 14) -> str:
    """The clause around the expression, shortened: a generated title, marked as such."""
    sentence = candidate.sentence
    offset = candidate.expression.start - candidate.sentence_start
    length = len(candidate.expression.text)
    masked = sentence[:offset] + "x" * length + sentence[offset + length:]
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^,;:—–()]+", masked)]
    start, end = next(((a, b) for a, b in pieces if a <= offset < b), (0, len(sentence)))
    clause = sentence[start:end]
    if len(clause.split()) < 5:  # too short to say anything: take the whole sentence
        clause = sentence
    tokens = clause.split()
    title = " ".join(tokens[:words]) + (" …" if len(tokens) > words else "")
    title = _LEADING.sub("", title.strip(" .,;:\"“”'’"))
    return title[:1].upper() + title[1:]


def _source(candidate: Candidate) -> Source:
    expression = candidate.expression
    return Source(candidate.article, candidate.anchor, candidate.sentence, expression.text,
                  candidate.value, precision_of(candidate.value), expression.resolution)


def _best_date(sources: Iterable[Source]) -> tuple[str, str]:
    """The date most sources agree with, as precise as they allow (on a tie, the earlier)."""
    listed = list(sources)
    counts = Counter(source.date for source in listed)
    # agreement counted per distinct date: an event with hundreds of sources has few dates
    agree = {date: sum(n for other, n in counts.items() if compatible(date, other))
             for date in counts}

    def support(source: Source) -> tuple[int, int, int]:
        span = interval(source.date)
        return (agree[source.date], PRECISIONS.index(source.precision),
                -(span[0].toordinal() if span else 0))

    best = max(listed, key=support)
    return best.date, best.precision


def _conflict(sources: Iterable[Source], date: str | None = None) -> bool:
    values = sorted({s.date for s in sources} | ({date} if date else set()))
    return any(not compatible(a, b) for i, a in enumerate(values) for b in values[i + 1:])


def make_event(members: list[Candidate], key: str = "") -> Event:
    ordered = sorted(members, key=lambda c: (c.article, c.expression.start))
    sources = tuple(_source(c) for c in ordered)
    date, precision = _best_date(sources)
    leader = max(ordered, key=lambda c: (PRECISIONS.index(precision_of(c.value)),
                                         c.value == date, -len(c.sentence)))
    return Event(key or f"{leader.article}:{leader.expression.start}", date, precision,
                 _title(leader), sources, _conflict(sources))


_FINE = frozenset(("month", "week", "day"))
Block = tuple[str, list[int], list[int]]


def _blocks(candidates: list[Candidate]) -> Iterator[Block]:
    """Sets of candidates outside which :func:`same_event` never holds, and how to pair them.

    Every case of ``same_event`` needs the two values to be equal (one block per value),
    nested at month precision or finer (they share a month of the calendar), or the same
    day or month of another year (the same day of the month; a month against the days and
    months of that month in any year). Each block is ``(how, members, others)``:
    ``"words"``, a day reported alike, where sharing one context word is enough;
    ``"pairs"``, every pair of members (a value coarser than a day, which needs two
    shared words); ``"across"``, pairs of members whose values
    differ (equal values are the value blocks' business); ``"hubs"``, every member against
    every one of ``others`` with another value. Comparing within blocks only keeps the
    grouping near linear in the articles, where comparing every pair made it quadratic.
    """
    by_value: dict[str, list[int]] = {}
    by_month: dict[tuple[int, int], list[int]] = {}
    by_day: dict[str, list[int]] = {}
    months: dict[str, list[int]] = {}  # month of the year -> month-precision candidates
    in_month: dict[str, list[int]] = {}  # month of the year -> day or month candidates
    for index, candidate in enumerate(candidates):
        value = candidate.value
        by_value.setdefault(value, []).append(index)
        precision = precision_of(value)
        span = interval(value)
        if precision in _FINE and span is not None:
            year, month = span[0].year, span[0].month
            while (year, month) <= (span[1].year, span[1].month):
                by_month.setdefault((year, month), []).append(index)
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if precision in ("day", "month"):
            in_month.setdefault(value[5:7], []).append(index)
            if precision == "day":
                by_day.setdefault(value[5:], []).append(index)
            else:
                months.setdefault(value[5:7], []).append(index)
    for value, members in by_value.items():
        yield ("words" if precision_of(value) == "day" else "pairs"), members, []
    for members in (*by_month.values(), *by_day.values()):
        yield "across", members, []
    for of_year, hubs in months.items():
        yield "hubs", hubs, in_month[of_year]


def group(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Candidates in groups that report one event each (single-link clustering)."""
    parent = list(range(len(candidates)))
    words = [context_words(candidate) for candidate in candidates]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        first, second = find(i), find(j)
        if first != second:
            parent[max(first, second)] = min(first, second)

    def link(i: int, j: int) -> None:
        if i != j and find(i) != find(j) and _same_event(candidates[i], candidates[j],
                                                           words[i], words[j]):
            union(i, j)

    def link_other(i: int, j: int) -> None:
        """Unless it is the same expression, same_event needs two shared words here."""
        if len(words[i] & words[j]) >= 2 or (
                candidates[i].article == candidates[j].article
                and candidates[i].expression.start == candidates[j].expression.start):
            link(i, j)

    values = [candidate.value for candidate in candidates]
    for how, members, others in _blocks(candidates):
        if how == "words":  # same day: one shared word, or the same expression, links them
            holders: dict[object, int] = {}
            for i in members:
                place = (candidates[i].article, candidates[i].expression.start)
                for key in (place, *words[i]):
                    if key in holders:
                        union(holders[key], i)
                    else:
                        holders[key] = i
        elif how == "pairs":  # one value coarser than a day: two shared words are needed
            for k, i in enumerate(members):
                for j in members[k + 1:]:
                    link_other(i, j)
        elif how == "across":
            by_value: dict[str, list[int]] = {}
            for i in members:
                by_value.setdefault(values[i], []).append(i)
            groups_of_value = list(by_value.values())
            for k, first in enumerate(groups_of_value):
                for second in groups_of_value[k + 1:]:
                    for i in first:
                        for j in second:
                            link_other(i, j)
        else:
            for i in members:
                for j in others:
                    if values[i] != values[j]:
                        link_other(i, j)
    groups: dict[int, list[Candidate]] = {}
    for index, candidate in enumerate(candidates):
        groups.setdefault(find(index), []).append(candidate)
    return list(groups.values())


def generate(candidates: list[Candidate]) -> list[Event]:
    """The generated chronology: merged events in date order."""
    return sorted((make_event(members) for members in group(candidates)),
                  key=Event.sort_key)


# -- the editor's overlay -----------------------------------------------------------------

_SELECTOR: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["article", "text"],
    "properties": {
        "article": {"type": "string", "minLength": 1},
        "text": {"type": "string", "minLength": 1},
        "occurrence": {"type": "integer", "minimum": 1},
        "reason": {"type": "string", "minLength": 1},
    },
}

OVERLAY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["sources"],
                "properties": {
                    "title": {"type": "string", "minLength": 1},
                    "date": {"type": "string", "minLength": 1},
                    "reason": {"type": "string", "minLength": 1},
                    "sources": {"type": "array", "minItems": 1, "items": _SELECTOR},
                    "split": {"type": "array", "items": _SELECTOR},
                },
                "dependentRequired": {"date": ["reason"]},
            },
        },
        "drop": {
            "type": "array",
            "items": {**_SELECTOR, "required": ["article", "text", "reason"]},
        },
    },
}


@dataclass(frozen=True)
class Selector:
    """Names one candidate: the article, the expression's words, and which occurrence."""

    article: str
    text: str
    occurrence: int
    line: int

    def __str__(self) -> str:
        nth = f" (occurrence {self.occurrence})" if self.occurrence > 1 else ""
        return f"{self.article}: {self.text!r}{nth}"


@dataclass(frozen=True)
class OverlayEvent:
    line: int
    sources: tuple[Selector, ...]
    split: tuple[Selector, ...]
    title: str | None
    date: str | None
    reason: str | None


@dataclass(frozen=True)
class Overlay:
    """The editor's decisions, each with the line it was written on."""

    path: str
    events: tuple[OverlayEvent, ...] = ()
    drop: tuple[Selector, ...] = ()


def _selectors(data: DataFile, records: object, path: tuple[str | int, ...]) -> list[Selector]:
    found = []
    for index, record in enumerate(records if isinstance(records, list) else []):
        if isinstance(record, Mapping) and isinstance(record.get("article"), str) \
                and isinstance(record.get("text"), str):
            occurrence = record.get("occurrence", 1)
            found.append(Selector(record["article"], record["text"],
                                  occurrence if isinstance(occurrence, int) else 1,
                                  data.line_of((*path, index))))
    return found


def overlay_from(data: DataFile) -> tuple[Overlay, list[Problem]]:
    """The overlay in a loaded data file; schema violations are problems with lines."""
    problems = [replace(p, subtype=SUBTYPE_OVERLAY) for p in validate(data, OVERLAY_SCHEMA)]
    root = data.data if isinstance(data.data, Mapping) else {}
    events = []
    for index, record in enumerate(root.get("events") or []):
        if not isinstance(record, Mapping):
            continue
        where = ("events", index)
        date = record.get("date") if isinstance(record.get("date"), str) else None
        if date is not None and (interval(date) is None or "/" in date):
            problems.append(Problem(data.path, data.line_of((*where, "date")),
                                    f"bad date {date!r}: expected an ISO date at its "
                                    "precision (2020-09-27, 2021-07, 2020-FA, 2020)",
                                    SUBTYPE_OVERLAY))
            date = None
        title = record.get("title") if isinstance(record.get("title"), str) else None
        reason = record.get("reason") if isinstance(record.get("reason"), str) else None
        events.append(OverlayEvent(
            data.line_of(where),
            tuple(_selectors(data, record.get("sources"), (*where, "sources"))),
            tuple(_selectors(data, record.get("split"), (*where, "split"))),
            title, date, reason))
    drop = _selectors(data, root.get("drop"), ("drop",))
    return Overlay(data.path, tuple(events), tuple(drop)), problems


def load_overlay(path: Path) -> tuple[Overlay, list[Problem]]:
    """Read and check the overlay file; a missing file is an empty overlay, not a problem."""
    if not path.exists():
        return Overlay(str(path)), []
    data, problems = load_yaml(path)
    if data is None:
        return Overlay(str(path)), [replace(p, subtype=SUBTYPE_OVERLAY) for p in problems]
    overlay, more = overlay_from(data)
    return overlay, problems + more


CandidateIndex = dict[tuple[str, str, int], Candidate]


def _index(candidates: list[Candidate]) -> CandidateIndex:
    """Candidates by what a selector names: article, words and occurrence (first one kept)."""
    found: CandidateIndex = {}
    for candidate in candidates:
        found.setdefault((candidate.article, candidate.expression.text, candidate.occurrence),
                         candidate)
    return found


def _lookup(selector: Selector, candidates: CandidateIndex, articles: set[str],
            path: str) -> tuple[Candidate | None, Problem | None]:
    if selector.article not in articles:
        return None, Problem(path, selector.line, f"unknown article {selector.article!r}: "
                             "no article has this slug", SUBTYPE_OVERLAY)
    found = candidates.get((selector.article, selector.text, selector.occurrence))
    if found is not None:
        return found, None
    return None, Problem(path, selector.line, f"{selector} points at nothing: the article has "
                         "no dated expression with these words", SUBTYPE_OVERLAY)


def apply_overlay(candidates: list[Candidate], overlay: Overlay,
                  articles: Iterable[str]) -> tuple[list[Event], list[Problem]]:
    """The chronology with the editor's decisions applied on top of the generated one."""
    known = set(articles)
    problems: list[Problem] = []
    groups = group(candidates)
    group_of = {c.key: index for index, members in enumerate(groups) for c in members}
    by_selector = _index(candidates)
    claimed: dict[str, int] = {}  # candidate key -> line of the overlay entry that took it
    dropped: set[str] = set()
    for selector in overlay.drop:
        found, problem = _lookup(selector, by_selector, known, overlay.path)
        if problem:
            problems.append(problem)
        elif found:
            dropped.add(found.key)
    curated: list[Event] = []
    for entry in overlay.events:
        members: dict[str, Candidate] = {}
        for selector in entry.sources:
            found, problem = _lookup(selector, by_selector, known, overlay.path)
            if problem:
                problems.append(problem)
                continue
            assert found is not None
            for member in groups[group_of[found.key]]:
                members.setdefault(member.key, member)
        for selector in entry.split:
            found, problem = _lookup(selector, by_selector, known, overlay.path)
            if problem:
                problems.append(problem)
            elif found and found.key in members:
                del members[found.key]
            elif found:
                problems.append(Problem(overlay.path, selector.line, f"{selector} is not "
                                        "part of this event: nothing to split",
                                        SUBTYPE_OVERLAY))
        for key in list(members):
            if key in claimed:
                problems.append(Problem(overlay.path, entry.line, f"{members[key].article}: "
                                        f"{members[key].expression.text!r} is claimed by the "
                                        f"entry at line {claimed[key]} already",
                                        SUBTYPE_OVERLAY))
                del members[key]
            elif key in dropped:
                problems.append(Problem(overlay.path, entry.line, f"{members[key].article}: "
                                        f"{members[key].expression.text!r} is both dropped "
                                        "and kept", SUBTYPE_OVERLAY))
                del members[key]
        if not members:
            continue
        for key in members:
            claimed[key] = entry.line
        event = make_event(list(members.values()))
        merged = len({group_of[key] for key in members}) > 1
        if entry.date:
            event = replace(event, date=entry.date, precision=precision_of(entry.date),
                            date_curated=True, date_reason=entry.reason,
                            conflict=_conflict(event.sources, entry.date))
        if entry.title:
            event = replace(event, title=entry.title, title_curated=True)
        curated.append(replace(event, merged_by_editor=merged or bool(entry.split)))
    events = list(curated)
    for generated in groups:
        rest = [c for c in generated if c.key not in claimed and c.key not in dropped]
        # what a split took out of a group stays an event of its own
        for part in (group(rest) if len(rest) < len(generated) else [rest]):
            if part:
                events.append(make_event(part))
    return sorted(events, key=Event.sort_key), problems


@dataclass(frozen=True)
class Chronology:
    events: tuple[Event, ...]
    problems: tuple[Problem, ...]

    @property
    def conflicts(self) -> tuple[Event, ...]:
        return tuple(event for event in self.events if event.conflict)


def build(candidates: list[Candidate], overlay: Overlay | None,
          articles: Iterable[str]) -> Chronology:
    """Generated events with the overlay applied (when there is one)."""
    events, problems = apply_overlay(candidates, overlay or Overlay(""), articles)
    return Chronology(tuple(events), tuple(problems))


# The export's format: 2 writes dates in EDTF with a label beside each (1, unversioned,
# wrote the private notation of annotated_edition.dates: 2020-FA, 199, 2022-W31).
JSON_SCHEMA_VERSION = 2
JSON_DATE_FORMAT = "EDTF"


def _dated(value: str, precision: str, uncertain: bool = False) -> dict[str, str]:
    """A date as the export gives it: EDTF, and the words a reader would use beside it."""
    return {"date": to_edtf(value, uncertain=uncertain),
            "date_label": display_date(value, precision)}


def to_json(chronology: Chronology, href: Mapping[str, str]) -> dict[str, Any]:
    """The export: plain data, sorted, nothing that changes from one build to the next.

    ``href`` maps an article slug to the document the edition shows it on. Dates are
    EDTF (:mod:`annotated_edition.edtf`); an event whose sources disagree and whose date
    the editor has not decided is uncertain (``2020-09-27?``).
    """
    events = []
    for event in chronology.events:
        sources = []
        for source in event.sources:
            record: dict[str, Any] = {"document": href.get(source.article, source.article),
                                      "anchor": source.anchor, "quote": source.quote,
                                      "text": source.text}
            if source.date != event.date:
                record |= _dated(source.date, source.precision)
            sources.append(record)
        events.append({
            "id": event.key,
            **_dated(event.date, event.precision, event.conflict and not event.date_curated),
            "precision": event.precision,
            "title": event.title, "conflict": event.conflict,
            "curated": {"title": event.title_curated, "date": event.date_curated,
                        "merge": event.merged_by_editor},
            **({"reason": event.date_reason} if event.date_reason else {}),
            "sources": sources,
        })
    return {"schema_version": JSON_SCHEMA_VERSION, "date_format": JSON_DATE_FORMAT,
            "events": events}
