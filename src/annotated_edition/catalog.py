"""The seeds' catalog: what the text of a seed does not carry (outlet, date, title, ...)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jsonschema

from annotated_edition.datafile import DataFile, load_yaml, validate
from annotated_edition.problems import Problem

DATE_BASES = ("stated", "inferred")
# A seed's file name: in the seed folder (no path), one line, nothing a page source would
# read as markup; the slug becomes a file name and a page address, so it is plainer still.
FILE_PATTERN = r"^[^/\\`\x00-\x1f]+\.txt$"
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

CATALOG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["articles"],
    "additionalProperties": False,
    "properties": {
        "articles": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["file", "title", "outlet", "outlet_basis", "date", "date_basis",
                             "date_evidence", "byline", "dateline"],
                "properties": {
                    "file": {"type": "string", "pattern": FILE_PATTERN,
                             "x-expected": "the name of a .txt file in the seed folder (no "
                                           "folder, no backquote)"},
                    "slug": {"type": "string", "pattern": SLUG_PATTERN,
                             "x-expected": "a page name of lowercase letters, digits and "
                                           "hyphens (e.g. akar-interview-2021)"},
                    "title": {"type": "string", "minLength": 1},
                    "outlet": {"type": "string", "minLength": 1},
                    "outlet_basis": {"type": "string", "minLength": 1},
                    "outlet_country": {"type": "string", "minLength": 1},
                    "date": {"type": "string"},
                    "date_basis": {"enum": list(DATE_BASES)},
                    "date_evidence": {"type": "string", "minLength": 1},
                    "byline": {"type": ["string", "null"]},
                    "dateline": {"type": ["string", "null"]},
                    "occasion": {"type": "string", "minLength": 1},
                    "short_title": {"type": "string", "minLength": 1, "maxLength": 60,
                                    "x-expected": "a title of at most 60 characters for "
                                                  "the running heads of the printed book"},
                },
            },
        }
    },
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class CatalogEntry:
    """What the editor established about one seed, and how."""

    file: str
    slug: str
    title: str
    outlet: str
    outlet_basis: str
    date: dt.date | None
    date_basis: str
    date_evidence: str
    byline: str | None
    dateline: str | None
    line: int
    # The words of the text that name the event the article reports (a press conference),
    # when the text does not date it itself: the chronology dates it by ``date``.
    occasion: str | None = None
    short_title: str | None = None  # the running head in print; the title when absent
    outlet_country: str | None = None  # where the outlet is based, for the reader


def slug_for(file: str) -> str:
    """The default page name of a seed: its file name without the extension."""
    return re.sub(r"[^a-z0-9-]+", "-", Path(file).stem.lower()).strip("-") or "article"


def parse_date(value: object) -> dt.date | None:
    """An ISO calendar date, or None when it is malformed or impossible (2021-02-30)."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _text(record: dict[str, Any], key: str, default: str) -> str:
    value = record.get(key)
    return value if isinstance(value, str) and value else default


def _optional(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) and value else None


def _structure_problem(data: DataFile) -> Problem | None:
    """One clear message when the file is not a mapping holding a list of entries."""
    if data.data is None:
        return Problem(data.path, 1, "the catalog is empty: it must hold 'articles:', a list "
                                     "of entries, one per seed")
    if not isinstance(data.data, dict):
        found = type(data.data).__name__
        return Problem(data.path, data.line_of(()),
                       f"the catalog must be a mapping with the key 'articles' (a list of "
                       f"entries), not a {found}")
    if "articles" in data.data and not isinstance(data.data["articles"], list):
        found = type(data.data["articles"]).__name__
        return Problem(data.path, data.line_of(("articles",)),
                       f"'articles' must be a list of entries (lines starting with '- '), "
                       f"not a {found}")
    return None


def _unique_slug(wanted: str, file: str, taken: dict[str, int]) -> str:
    """``wanted`` if free, else the file's own slug, numbered if need be: pages never clash."""
    if wanted not in taken:
        return wanted
    base = slug_for(file)
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def entries_from(data: DataFile, seed_dir: Path) -> tuple[list[CatalogEntry], list[Problem]]:
    """Build entries from validated data; every entry that names a usable file is kept."""
    broken = _structure_problem(data)
    if broken is not None:
        return [], [broken]
    problems = validate(data, CATALOG_SCHEMA)
    flagged = {tuple(p) for p in _schema_paths(data)}
    records = data.data.get("articles") or []
    entries: list[CatalogEntry] = []
    seen_files: dict[str, int] = {}
    seen_slugs: dict[str, int] = {}
    for index, record in enumerate(records):
        if not isinstance(record, dict) or not isinstance(record.get("file"), str):
            continue
        line = data.line_of(("articles", index))
        file = record["file"]
        if not re.search(FILE_PATTERN, file):
            continue  # the schema has said why; such a name is never opened
        if file in seen_files:
            problems.append(Problem(data.path, line,
                                    f"{file}: listed twice (first at line {seen_files[file]})"))
            continue
        seen_files[file] = line
        if not (seed_dir / file).is_file():
            problems.append(Problem(data.path, data.line_of(("articles", index, "file")),
                                    f"unknown file {file!r}: there is no such seed in {seed_dir}"))
            continue
        wanted = record.get("slug")
        if not isinstance(wanted, str) or not re.search(SLUG_PATTERN, wanted):
            wanted = slug_for(file)  # a bad slug is reported by the schema, never used
        slug = _unique_slug(wanted, file, seen_slugs)
        if slug != wanted:
            problems.append(Problem(data.path, data.line_of(("articles", index, "slug")),
                                    f"{file}: slug {wanted!r} is used already at line "
                                    f"{seen_slugs[wanted]}; the page is {slug!r} for now"))
        seen_slugs[slug] = line
        date = parse_date(record.get("date"))
        if "date" in record and date is None and ("articles", index, "date") not in flagged:
            problems.append(Problem(data.path, data.line_of(("articles", index, "date")),
                                    f"{file}: bad date {record.get('date')!r}: "
                                    "expected a real calendar date as YYYY-MM-DD"))
        entries.append(CatalogEntry(
            file=file, slug=slug,
            title=_text(record, "title", Path(file).stem),
            outlet=_text(record, "outlet", "Unknown outlet"),
            outlet_basis=_text(record, "outlet_basis", ""),
            date=date,
            date_basis=_text(record, "date_basis", "inferred"),
            date_evidence=_text(record, "date_evidence", ""),
            byline=_optional(record, "byline"),
            dateline=_optional(record, "dateline"),
            line=line,
            occasion=_optional(record, "occasion"),
            short_title=_optional(record, "short_title"),
            outlet_country=_optional(record, "outlet_country"),
        ))
    listed = set(seen_files)
    for seed in sorted(seed_dir.glob("*.txt")):
        if seed.name not in listed:
            problems.append(Problem(data.path, data.line_of(("articles",)),
                                    f"seed {seed.name} has no catalog entry: it is not in the "
                                    "edition until one is added"))
    return entries, problems


def _schema_paths(data: DataFile) -> list[tuple[str | int, ...]]:
    """Where the schema found something wrong, so that no value is reported twice."""
    validator = jsonschema.Draft202012Validator(CATALOG_SCHEMA)
    return [tuple(error.absolute_path) for error in validator.iter_errors(data.data)]


def load_catalog(path: Path, seed_dir: Path) -> tuple[list[CatalogEntry], list[Problem]]:
    """Load and check the catalog file against the seeds that exist."""
    data, problems = load_yaml(path)
    entries, more = entries_from(data, seed_dir) if data is not None else ([], [])
    # every problem of this file is a catalog problem, whichever layer found it
    return entries, [replace(problem, subtype="catalog") for problem in problems + more]


def reading_order(entries: list[CatalogEntry]) -> list[CatalogEntry]:
    """Articles by publication date (undated last), then by file name: a stable order."""
    return sorted(entries, key=lambda e: (e.date or dt.date.max, e.file))
