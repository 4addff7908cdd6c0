"""The seeds' catalog: what the text of a seed does not carry (outlet, date, title, ...)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.datafile import DataFile, load_yaml, validate
from annotator.problems import Problem

DATE_BASES = ("stated", "inferred")

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
                    "file": {"type": "string", "pattern": r"^[^/\\]+\.txt$"},
                    "slug": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
                    "title": {"type": "string", "minLength": 1},
                    "outlet": {"type": "string", "minLength": 1},
                    "outlet_basis": {"type": "string", "minLength": 1},
                    "date": {"type": "string"},
                    "date_basis": {"enum": list(DATE_BASES)},
                    "date_evidence": {"type": "string", "minLength": 1},
                    "byline": {"type": ["string", "null"]},
                    "dateline": {"type": ["string", "null"]},
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


def entries_from(data: DataFile, seed_dir: Path) -> tuple[list[CatalogEntry], list[Problem]]:
    """Build entries from validated data; every entry that names a file is kept."""
    problems = validate(data, CATALOG_SCHEMA)
    records = data.data.get("articles") if isinstance(data.data, dict) else None
    entries: list[CatalogEntry] = []
    seen_files: dict[str, int] = {}
    seen_slugs: dict[str, int] = {}
    for index, record in enumerate(records if isinstance(records, list) else []):
        if not isinstance(record, dict) or not isinstance(record.get("file"), str):
            continue
        line = data.line_of(("articles", index))
        file = record["file"]
        if file in seen_files:
            problems.append(Problem(data.path, line,
                                    f"{file}: listed twice (first at line {seen_files[file]})"))
            continue
        seen_files[file] = line
        if not (seed_dir / file).is_file():
            problems.append(Problem(data.path, data.line_of(("articles", index, "file")),
                                    f"unknown file {file!r}: there is no such seed in {seed_dir}"))
            continue
        slug = _text(record, "slug", slug_for(file))
        if slug in seen_slugs:
            problems.append(Problem(data.path, data.line_of(("articles", index, "slug")),
                                    f"{file}: slug {slug!r} is used already at line "
                                    f"{seen_slugs[slug]}"))
            slug = slug_for(file)
        seen_slugs[slug] = line
        date = parse_date(record.get("date"))
        if "date" in record and date is None:
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
        ))
    listed = set(seen_files)
    for seed in sorted(seed_dir.glob("*.txt")):
        if seed.name not in listed:
            problems.append(Problem(data.path, None,
                                    f"seed {seed.name} has no catalog entry: it is not in the "
                                    "edition until one is added"))
    return entries, problems


def load_catalog(path: Path, seed_dir: Path) -> tuple[list[CatalogEntry], list[Problem]]:
    """Load and check the catalog file against the seeds that exist."""
    data, problems = load_yaml(path)
    if data is None:
        return [], problems
    entries, more = entries_from(data, seed_dir)
    return entries, problems + more


def reading_order(entries: list[CatalogEntry]) -> list[CatalogEntry]:
    """Articles by publication date (undated last), then by file name: a stable order."""
    return sorted(entries, key=lambda e: (e.date or dt.date.max, e.file))
