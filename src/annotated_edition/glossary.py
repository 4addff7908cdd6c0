"""The glossary: entries an editor writes once, checked with the line of every mistake.

The data file (YAML) holds a list of entries. Each entry has a stable ``id`` (what other
entries' ``see_also`` and the exports name), the ``term`` as the glossary prints it, the
``aliases`` as they occur in the texts, a ``category``, a neutral ``definition``, and
optionally ``index`` (how the index files it: "Çavuşoğlu, Mevlüt"), ``dates``, ``case``
and ``skip`` (quotes inside which an occurrence must not be linked: the opt-out marker).
A place has ``coordinates`` (latitude, longitude and where they come from), which put it
on the map of places; where a map is drawn, a place without them is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotated_edition.articles import Article
from annotated_edition.collation import ascii_key, sort_key
from annotated_edition.datafile import DataFile, load_yaml, validate
from annotated_edition.folding import fold_in_place
from annotated_edition.markup import markup_problems
from annotated_edition.matching import (
    CASE_ANY,
    CASE_EXACT,
    Match,
    Matcher,
    Term,
    skip_opted_out,
)
from annotated_edition.problems import Problem, Subtype, excerpt

# The edition's categories, in the glossary's order; a project may name its own
# (``edition_glossary_categories``): every function that needs them takes them.
CATEGORIES = ("person", "place", "organisation", "agreement", "event", "concept")
# Categories whose occurrences also go into the book's index (the registers).
REGISTER_CATEGORIES = frozenset({"person", "place", "organisation"})

SUBTYPE_COORDINATES = Subtype.PLACE_COORDINATES  # a place the map cannot show
COORDINATES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["lat", "lon", "source"],
    "additionalProperties": False,
    "properties": {
        "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "lon": {"type": "number", "minimum": -180, "maximum": 180},
        "source": {"type": "string", "minLength": 1},
        "area": {"enum": ["country", "region"]},
        "names": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
    },
}

JSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["entries"],
    "additionalProperties": False,
    "properties": {
        "entries": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "term", "category", "definition"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
                    "term": {"type": "string", "minLength": 1},
                    "index": {"type": "string", "minLength": 1},
                    "aliases": {"type": "array", "items": {"type": "string", "minLength": 1}},
                    "category": {"type": "string"},
                    "definition": {"type": "string"},
                    "dates": {"type": "string", "minLength": 1},
                    "case": {"enum": [CASE_EXACT, CASE_ANY]},
                    "see_also": {"type": "array", "items": {"type": "string"}},
                    "skip": {"type": "array", "items": {"type": "string", "minLength": 1}},
                    "coordinates": COORDINATES_SCHEMA,
                    "link": {"type": "boolean"},
                },
            },
        },
    },
}


@dataclass(frozen=True)
class Coordinates:
    """Where a place is on the map, and who says so.

    ``area``: ``"country"`` or ``"region"``, labelled across it rather than at a dot;
    ``names``: what the map prints (the names both sides use, where they differ).
    """

    lat: float
    lon: float
    source: str
    area: str | None = None
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One glossary entry, as checked; ``line`` is where it starts in the data file."""

    id: str
    term: str
    category: str
    definition: str
    aliases: tuple[str, ...] = ()
    index_name: str = ""
    dates: str | None = None
    case: str = CASE_EXACT
    see_also: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    link: bool = True  # False: never linked in the articles (what the whole edition is about)
    path: str = ""
    line: int = 0
    coordinates: Coordinates | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and every alias, each once, in the order written."""
        return tuple(dict.fromkeys((self.term, *self.aliases)))

    @property
    def in_register(self) -> bool:
        return self.category in REGISTER_CATEGORIES

    @property
    def index_label(self) -> str:
        return self.index_name or self.term


def _entry(raw: dict[str, Any], path: str, line: int) -> Entry:
    category = raw["category"]
    return Entry(
        id=raw["id"], term=raw["term"].strip(), category=category,
        definition=" ".join(raw["definition"].split()),
        aliases=tuple(a.strip() for a in raw.get("aliases", ())),
        index_name=raw.get("index", "").strip(), dates=raw.get("dates"),
        case=raw.get("case", CASE_ANY if category == "concept" else CASE_EXACT),
        see_also=tuple(raw.get("see_also", ())), skip=tuple(raw.get("skip", ())),
        link=raw.get("link", True), path=path, line=line,
        coordinates=_coordinates(raw.get("coordinates")))


def _coordinates(raw: dict[str, Any] | None) -> Coordinates | None:
    if raw is None:
        return None
    return Coordinates(float(raw["lat"]), float(raw["lon"]), " ".join(raw["source"].split()),
                       raw.get("area"), tuple(raw.get("names", ())))


def _coordinate_problems(raw: dict[str, Any], data: DataFile,
                         where: tuple[str | int, ...]) -> list[Problem]:
    """Only a place can have coordinates, and the names the map prints must be its own."""
    coordinates = raw.get("coordinates")
    if raw["category"] != "place":
        if coordinates is None:
            return []
        return [Problem(data.path, data.line_of((*where, "coordinates")),
                        f"the entry {raw['id']!r} has coordinates, but only places have "
                        f"them (its category is {raw['category']})", SUBTYPE_COORDINATES)]
    if coordinates is None:
        return []  # reported where a map is drawn: places_without_coordinates
    forms = {fold_in_place(form) for form in (raw["term"], *raw.get("aliases", ()))}
    return [Problem(data.path, data.line_of((*where, "coordinates", "names", k)),
                    f"the map name {name!r} of {raw['id']!r} is neither its term nor one of "
                    "its aliases", SUBTYPE_COORDINATES)
            for k, name in enumerate(coordinates.get("names", ()))
            if fold_in_place(name) not in forms]


def check_entries(data: DataFile, categories: tuple[str, ...] = CATEGORIES
                  ) -> tuple[list[Entry], list[Problem]]:
    """Cross-checks the schema cannot make; a faulty entry is reported and left out."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    raw_entries = data.data["entries"]
    ids = {raw["id"] for raw in raw_entries}
    seen_ids: dict[str, int] = {}
    claimed: dict[str, tuple[str, int]] = {}  # folded form -> (entry id, line)
    for number, raw in enumerate(raw_entries):
        where = ("entries", number)
        line = data.line_of(where)
        bad = False
        if raw["id"] in seen_ids:
            problems.append(Problem(data.path, data.line_of((*where, "id")),
                                    f"the id {raw['id']!r} is already used by the entry at "
                                    f"line {seen_ids[raw['id']]}"))
            bad = True
        seen_ids.setdefault(raw["id"], line)
        if raw["category"] not in categories:
            problems.append(Problem(data.path, data.line_of((*where, "category")),
                                    f"unknown category {excerpt(raw['category'])} in entry "
                                    f"{raw['id']!r}; expected one of {', '.join(categories)}"))
            bad = True
        if not raw["definition"].strip():
            problems.append(Problem(data.path, data.line_of((*where, "definition")),
                                    f"the entry {raw['id']!r} has an empty definition"))
            bad = True
        label = raw.get("index") or raw["term"]
        if not ascii_key(label).strip():
            field = "index" if "index" in raw else "term"
            problems.append(Problem(data.path, data.line_of((*where, field)),
                                    f"the {field} {excerpt(label)} of the entry {raw['id']!r} "
                                    "has no letter or digit: the book's index cannot file it",
                                    "glossary"))
            bad = True
        refused = markup_problems(raw["definition"], data.path,
                                  data.line_of((*where, "definition")),
                                  f"the definition of {raw['id']!r}", "the entry is left out")
        problems.extend(refused)
        bad = bad or bool(refused)
        for k, target in enumerate(raw.get("see_also", ())):
            if target not in ids:
                problems.append(Problem(data.path, data.line_of((*where, "see_also", k)),
                                        f"the entry {raw['id']!r} points (see_also) to "
                                        f"{excerpt(target)}, which is not an entry"))
                bad = True
        forms = [("term", raw["term"])] + [(("aliases", k), alias) for k, alias in
                                            enumerate(raw.get("aliases", ()))]
        for place, form in forms:
            key = fold_in_place(form.strip())
            owner = claimed.get(key)
            form_line = data.line_of((*where, *place) if isinstance(place, tuple)
                                     else (*where, place))
            if owner is not None and owner[0] != raw["id"]:
                problems.append(Problem(data.path, form_line,
                                        f"the entry {raw['id']!r} claims {excerpt(form)}, already "
                                        f"claimed by the entry {owner[0]!r} (line {owner[1]})"))
                bad = True
            claimed.setdefault(key, (raw["id"], form_line))
        problems.extend(_coordinate_problems(raw, data, where))
        if not bad:
            entries.append(_entry(raw, data.path, line))
    return entries, problems


def places_without_coordinates(entries: list[Entry]) -> list[Problem]:
    """The places a map of the glossary cannot show, each at its entry's line."""
    return [Problem(entry.path, entry.line, f"the place {entry.id!r} has no coordinates, so "
                    "the map of places leaves it out: add coordinates (lat, lon, source)",
                    SUBTYPE_COORDINATES)
            for entry in entries if entry.category == "place" and entry.coordinates is None]


def load_glossary(path: Path, categories: tuple[str, ...] = CATEGORIES
                  ) -> tuple[list[Entry], list[Problem]]:
    """Read, validate and cross-check a glossary file; problems are returned, not raised.

    ``categories``: the categories an entry may have, in the glossary's order.
    """
    data, problems = load_yaml(path)
    if data is None:
        return [], problems
    if data.data is None:
        return [], [*problems, Problem(str(path), 1, "the glossary file is empty")]
    schema_problems = validate(data, JSON_SCHEMA)
    if schema_problems:
        return [], problems + schema_problems
    entries, more = check_entries(data, categories)
    return entries, problems + more


def matcher_for(entries: list[Entry]) -> Matcher:
    """One automaton for every form of every entry."""
    return Matcher(Term(entry.id, form, entry.case) for entry in entries for form in entry.forms)


def opt_outs(entries: list[Entry]) -> dict[str, tuple[str, ...]]:
    """The quotes inside which each entry must not be linked, by entry id (built once)."""
    return {entry.id: entry.skip for entry in entries if entry.skip}


def matches_in(article: Article, matcher: Matcher, skips: dict[str, tuple[str, ...]]
               ) -> list[tuple[str, Match]]:
    """Every occurrence of an entry in an article's paragraphs, opt-outs left out.

    What an article page can show of the glossary: an incremental build compares it
    before and after an edit of the glossary to know which pages to read again.
    """
    return [(block.anchor, match) for block in article.paragraphs
            for match in skip_opted_out(block.text, matcher.find(block.text), skips)]


def entry_sort_key(entry: Entry, categories: tuple[str, ...] = CATEGORIES
                   ) -> tuple[object, ...]:
    """Category in the book's order, then the term as a Turkish reader files it."""
    rank = categories.index(entry.category) if entry.category in categories else len(categories)
    return (rank, sort_key(entry.index_label), entry.id)


def unmatched_skips(entries: list[Entry], texts: list[str]) -> list[Problem]:
    """Opt-out quotes found in no text: a typo there would leave the link in place."""
    problems = []
    for entry in entries:
        for quote in entry.skip:
            if not any(quote in text for text in texts):
                problems.append(Problem(entry.path, entry.line,
                                        f"the entry {entry.id!r} opts out of {excerpt(quote)}, "
                                        "which is in no article", "glossary"))
    return problems
