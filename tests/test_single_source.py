"""One source of truth: an article holds its catalog entry; fingerprints follow the fields."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from annotated_edition.articles import Article, parse_seed
from annotated_edition.catalog import CatalogEntry
from sphinx_annotated_edition.articles.collector import NOT_SHOWN, entry_fingerprint

ENTRY = CatalogEntry(
    file="a.txt", slug="a", title="Talks in Baku", outlet="Daily Sabah",
    outlet_basis="The site's header.", date=dt.date(2021, 6, 15), date_basis="stated",
    date_evidence="The dateline.", byline=None, dateline="BAKU", line=3)


def other_value(value: object) -> object:
    """A value of the same kind that differs from ``value``."""
    if value is None:
        return "something"
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, str):
        return value + " (changed)"
    raise AssertionError(f"no other value for {value!r}: extend other_value")


SHOWN = [field.name for field in dataclasses.fields(CatalogEntry) if field.name not in NOT_SHOWN]


@pytest.mark.parametrize("name", SHOWN)
def test_every_field_of_the_entry_is_in_the_fingerprint(name: str) -> None:
    """A field added to CatalogEntry is covered without editing the fingerprint."""
    changed = dataclasses.replace(ENTRY, **{name: other_value(getattr(ENTRY, name))})
    assert entry_fingerprint(changed) != entry_fingerprint(ENTRY)


def test_the_line_of_the_entry_is_not_in_the_fingerprint() -> None:
    assert entry_fingerprint(dataclasses.replace(ENTRY, line=40)) == entry_fingerprint(ENTRY)
    assert {"line"} == NOT_SHOWN


def test_an_article_holds_its_entry_and_copies_none_of_its_fields() -> None:
    article, problems = parse_seed("Talks in Baku\nBAKU\nThe ministers met.\n", ENTRY)
    assert problems == [] and article.entry is ENTRY
    own = {field.name for field in dataclasses.fields(Article)}
    assert own.isdisjoint(field.name for field in dataclasses.fields(CatalogEntry))
    assert (article.title, article.date, article.dateline) == (
        "Talks in Baku", dt.date(2021, 6, 15), "BAKU")
    assert [block.text for block in article.blocks] == ["The ministers met."]
