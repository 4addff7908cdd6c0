"""Precision and recall of two date extractors on the hand-annotated set.

    python benchmarks/dates_eval.py            # our grammar and, if installed, dateparser

The yardstick is ``tests/data/dates_gold.yaml``. A found expression counts as correct when
its words overlap an annotated expression's words and its value is the annotated value
(``strict``): a day invented for "In July" is wrong. ``lenient`` also accepts a value that
falls inside the annotated one (dateparser's 2021-07-15 for "2021-07"), which measures
finding dates apart from keeping their precision. ``found`` counts overlaps only.
dateparser is optional (``pip install dateparser``): it is measured, not used.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "dates_gold.yaml"

sys.path.insert(0, str(ROOT / "src"))
from annotated_edition.dates import extract, interval  # noqa: E402


@dataclass(frozen=True)
class Span:
    """One expression: where it stands and what it means (None: no value)."""

    start: int
    end: int
    value: str | None


@dataclass(frozen=True)
class Item:
    text: str
    published: dt.date | None
    expected: tuple[Span, ...]
    set: str  # "tuned" (seen while writing the grammar) or "heldout"


Predictor = Callable[[str, dt.date | None], list[Span]]


def load_gold(path: Path = GOLD) -> list[Item]:
    """The annotated sentences, with the offsets of every expected expression."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = []
    for record in data["items"]:
        text = record["text"]
        spans = []
        cursor = 0
        for expected in record["expect"]:
            start = text.index(expected["text"], cursor)
            cursor = start + len(expected["text"])
            value = expected["value"]
            spans.append(Span(start, cursor, None if value is None else str(value)))
        published = record["published"]
        items.append(Item(text, dt.date.fromisoformat(str(published)) if published else None,
                          tuple(spans), str(record.get("set", "tuned"))))
    return items


def grammar(text: str, published: dt.date | None) -> list[Span]:
    return [Span(x.start, x.end, x.value) for x in extract(text, published)]


def dateparser_search(text: str, published: dt.date | None) -> list[Span]:
    """dateparser's ``search_dates``, told the publication date and to prefer the past."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(published or dt.date.today(), dt.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False}
    found = search_dates(text, languages=["en"], settings=settings) or []
    spans, cursor = [], 0
    for words, when in found:
        start = text.find(words, cursor)
        if start < 0:
            continue
        cursor = start + len(words)
        spans.append(Span(start, cursor, when.date().isoformat()))
    return spans


def _inside(found: str | None, wanted: str | None) -> bool:
    if found == wanted:
        return True
    outer, inner = interval(wanted), interval(found)
    return bool(outer and inner and outer[0] <= inner[0] and inner[1] <= outer[1])


@dataclass(frozen=True)
class Score:
    predicted: int
    expected: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(predict: Predictor, items: list[Item], mode: str = "strict",
          dates_only: bool = False) -> Score:
    """Match found to expected expressions one to one, by overlapping words."""
    predicted = expected = correct = 0
    for item in items:
        wanted = [s for s in item.expected
                  if not (dates_only and s.value and s.value.startswith("P"))]
        found = [s for s in predict(item.text, item.published)
                 if not (dates_only and s.value and s.value.startswith("P"))]
        predicted += len(found)
        expected += len(wanted)
        unused = list(wanted)
        for span in found:
            for other in unused:
                if span.start < other.end and other.start < span.end and (
                        mode == "found"
                        or (mode == "strict" and span.value == other.value)
                        or (mode == "lenient" and _inside(span.value, other.value))):
                    correct += 1
                    unused.remove(other)
                    break
    return Score(predicted, expected, correct)


def report(items: list[Item]) -> str:
    predictors: list[tuple[str, Predictor]] = [("grammar (annotated_edition.dates)", grammar)]
    try:
        import dateparser  # noqa: F401
    except ImportError:
        pass
    else:
        predictors.append(("dateparser.search_dates", dateparser_search))
    subsets = [("all", items), ("held out", [i for i in items if i.set == "heldout"])]
    lines = [f"{len(items)} sentences, {sum(len(i.expected) for i in items)} expressions "
             f"annotated in {GOLD.relative_to(ROOT)} ({len(subsets[1][1])} sentences, "
             f"{sum(len(i.expected) for i in subsets[1][1])} expressions held out)",
             f"{'extractor':26} {'sentences':9} {'kinds':9} {'mode':8} "
             f"{'P':>5} {'R':>5} {'F1':>5}"]
    for name, predict in predictors:
        for subset, chosen in subsets:
            for dates_only in (False, True):
                for mode in ("strict", "lenient", "found"):
                    result = score(predict, chosen, mode, dates_only)
                    lines.append(
                        f"{name:26} {subset:9} {'dates' if dates_only else 'all':9} "
                        f"{mode:8} {result.precision:5.2f} {result.recall:5.2f} "
                        f"{result.f1:5.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(load_gold()))
