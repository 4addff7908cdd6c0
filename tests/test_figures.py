"""The timeline and the map as drawn by the core: complete, exact, readable, deterministic."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from annotated_edition.articles import load_article
from annotated_edition.catalog import load_catalog, reading_order
from annotated_edition.chronology import Chronology, Event, build, candidates_of, load_overlay
from annotated_edition.datafile import load_yaml
from annotated_edition.figures.placemap import FONT as MAP_FONT
from annotated_edition.figures.placemap import Place, draw_map
from annotated_edition.figures.timeline import FONT, LANE, Publication, draw_timeline
from annotated_edition.glossary import check_entries, load_glossary, places_without_coordinates

from conftest import DOCS, SEEDS
from figuretools import SVG, groups, label_boxes, overlapping, title_of

ENTRIES = reading_order(load_catalog(SEEDS / "catalog.yaml", SEEDS)[0])


@pytest.fixture(scope="module")
def chronology() -> Chronology:
    """The real edition's chronology, as chronology.json holds it."""
    candidates = []
    for entry in ENTRIES:
        article = load_article(SEEDS, entry)[0]
        candidates += candidates_of(article, entry.file)[0]
    overlay = load_overlay(DOCS / "chronology.yaml")[0]
    return build(candidates, overlay, [entry.slug for entry in ENTRIES])


@pytest.fixture(scope="module")
def publications() -> list[Publication]:
    return [Publication(e.slug, n, e.date, e.title) for n, e in enumerate(ENTRIES, 1)
            if e.date]


@pytest.fixture(scope="module")
def places() -> list[Place]:
    entries = load_glossary(DOCS / "glossary.yaml")[0]
    return [Place(e.id, e.coordinates.names or (e.term,), e.coordinates.lat,
                  e.coordinates.lon, e.coordinates.area)
            for e in entries if e.category == "place" and e.coordinates]


def test_every_event_and_article_is_on_the_timeline(chronology: Chronology,
                                                    publications: list[Publication]) -> None:
    svg = draw_timeline(chronology.events, publications).svg
    shown = {g.get("data-event"): title_of(g) for g in groups(svg, "timeline-event")}
    assert set(shown) == {event.key for event in chronology.events}
    for event in chronology.events:
        assert event.title in shown[event.key]
    dated = {g.get("data-article"): g.get("data-date")
             for g in groups(svg, "timeline-publication")}
    assert dated == {p.key: p.date.isoformat() for p in publications}


def test_spans_are_as_long_as_their_precision(chronology: Chronology,
                                              publications: list[Publication]) -> None:
    """A month, a season or a year takes its share of its year, measured on the axis."""
    svg = draw_timeline(chronology.events, publications).svg
    from defusedxml import ElementTree

    root = ElementTree.fromstring(svg)
    ticks = {}
    for text in root.iter(f"{SVG}text"):
        if re.fullmatch(r"\d{4}", text.text or ""):
            ticks[int(text.text)] = float(text.get("x")) - 2  # labels sit 2 right of ticks
    checked = set()
    for group in groups(svg, "timeline-event"):
        precision, value = group.get("data-precision"), group.get("data-date")
        if precision not in ("month", "season", "year"):
            continue
        year = int(value[:4])
        if year not in ticks or year + 1 not in ticks:
            continue
        rect = group.find(f"{SVG}rect")
        days = int(rect.get("data-days"))
        length = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
        expected = (ticks[year + 1] - ticks[year]) * days / length
        assert float(rect.get("width")) == pytest.approx(expected, abs=0.15), value
        low, high = {"month": (28, 31), "season": (89, 92), "year": (365, 366)}[precision]
        assert low <= days <= high, value
        checked.add(precision)
    assert checked == {"month", "season", "year"}


def test_the_conflict_is_a_split_mark_with_both_dates(chronology: Chronology,
                                                      publications: list[Publication]) -> None:
    svg = draw_timeline(chronology.events, publications).svg
    war = next(e for e in chronology.events if e.conflict and e.date == "2020-09-27")
    marks = [g for g in groups(svg, "timeline-conflict") if g.get("data-event") == war.key]
    assert [g.get("data-date") for g in marks] == ["2021-09-27"]
    label = marks[0].find(f"{SVG}text").text
    akar = next(p.number for p in publications if p.key.startswith("akar"))
    assert label == f"27 Sep 2021: the date in [{akar}]"
    event = next(g for g in groups(svg, "timeline-event") if g.get("data-event") == war.key)
    assert "27 Sep 2020 ≠ 27 Sep 2021" in event.find(f"{SVG}text").text
    assert "alert" in event.find(f"{SVG}circle").get("class")


def test_no_two_labels_overlap(chronology: Chronology, publications: list[Publication],
                               places: list[Place]) -> None:
    timeline = draw_timeline(chronology.events, publications)
    boxes = label_boxes(timeline.svg, FONT)
    assert len(boxes) >= len(chronology.events) + len(publications)
    assert overlapping(boxes) == []
    assert overlapping([(label.text, label.box) for label in timeline.labels]) == []
    drawn = draw_map(places)
    assert overlapping(label_boxes(drawn.svg, MAP_FONT)) == []


def test_figures_are_the_same_bytes_every_time(chronology: Chronology,
                                               publications: list[Publication],
                                               places: list[Place]) -> None:
    assert draw_timeline(chronology.events, publications).svg == \
        draw_timeline(chronology.events, publications).svg
    assert draw_map(places).svg == draw_map(list(reversed(places))).svg


def test_every_place_is_on_the_map_with_both_names(places: list[Place]) -> None:
    svg = draw_map(places).svg
    shown = {g.get("data-place"): g for g in groups(svg, "map-place")}
    assert set(shown) == {place.key for place in places}
    texts = {key: g.find(f"{SVG}text").text for key, g in shown.items()}
    assert texts["shusha"] == "Shusha / Shushi"
    assert texts["aghdam"] == "Aghdam / Akna"
    assert texts["nagorno-karabakh"] == "Nagorno-Karabakh / Artsakh"
    assert "off the map" in title_of(shown["soviet-union"])  # Moscow: an arrow at the edge
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg


def test_the_map_draws_natural_earth_and_says_so(places: list[Place]) -> None:
    svg = draw_map(places).svg
    countries = {m for m in re.findall(r'data-country="([^"]+)"', svg)}
    assert {"Armenia", "Azerbaijan", "Georgia", "Turkey", "Iran", "Russia"} <= countries
    assert "Natural Earth" in svg
    assert draw_map(places, screen=False).svg.count("var(") == 0  # plain colours for print


def test_dark_mode_follows_the_page_and_the_reader(places: list[Place]) -> None:
    svg = draw_map(places).svg
    assert "var(--color-foreground-primary" in svg  # Furo's variables, inline
    assert "@media (prefers-color-scheme:dark)" in svg  # standing alone (EPUB)


GLOSSARY_HEAD = "entries:\n"


def glossary_problems(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY_HEAD + body, encoding="utf-8")
    data, problems = load_yaml(path)
    assert data is not None and not problems
    return [f"{p.line}: {p.message}" for p in check_entries(data)[1]]


def test_a_place_without_coordinates_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY_HEAD + """\
  - id: baku
    term: Baku
    category: place
    definition: Capital of Azerbaijan.
  - id: nato
    term: NATO
    category: organisation
    definition: An alliance.
""", encoding="utf-8")
    entries, problems = load_glossary(path)
    assert problems == []  # a glossary without a map needs no coordinates
    assert [(p.line, p.message, p.subtype) for p in places_without_coordinates(entries)] == [
        (2, "the place 'baku' has no coordinates, so the map of places leaves it out: add "
            "coordinates (lat, lon, source)", "place-coordinates")]


def test_map_names_must_be_the_entrys_own(tmp_path: Path) -> None:
    problems = glossary_problems(tmp_path, """\
  - id: shusha
    term: Shusha
    aliases: [Shushi]
    category: place
    coordinates: {lat: 39.76, lon: 46.75, names: [Shusha, Shushy], source: a gazetteer}
    definition: A town.
  - id: nato
    term: NATO
    category: organisation
    coordinates: {lat: 50.88, lon: 4.43, source: Brussels}
    definition: An alliance.
""")
    assert problems == [
        "6: the map name 'Shushy' of 'shusha' is neither its term nor one of its aliases",
        "11: the entry 'nato' has coordinates, but only places have them (its category is "
        "organisation)"]


def test_every_place_of_the_glossary_has_checked_coordinates() -> None:
    entries, problems = load_glossary(DOCS / "glossary.yaml")
    assert problems == []
    for entry in entries:
        if entry.category == "place":
            assert entry.coordinates is not None and entry.coordinates.source, entry.id


def test_a_timeline_with_nothing_dated_says_so() -> None:
    """An edition whose articles are all gone (a catalog moved away) still builds."""
    drawing = draw_timeline([], [])
    assert drawing.labels == ()
    assert "No event is dated" in drawing.svg and "<title" in drawing.svg


def test_a_crowded_chronology_makes_a_tall_timeline_not_a_failed_build() -> None:
    """450 events of one month need more than the 400 lanes once tried: every label is
    still placed, none covering another (a synthetic edition of 100 articles has as many)."""
    events = [Event(f"event-{k:03d}", "2020-09-27", "day", f"Event number {k} of the month",
                    (), False) for k in range(450)]
    drawing = draw_timeline(events, [])
    assert len(drawing.labels) == 450
    assert overlapping([(label.text, label.box) for label in drawing.labels]) == []
    assert drawing.height > 450 * LANE
