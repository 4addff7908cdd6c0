"""The glossary as the extensions see it: loaded from the data file once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotated_edition.glossary import (
    CATEGORIES,
    Entry,
    entry_sort_key,
    load_glossary,
    matcher_for,
    opt_outs,
)
from annotated_edition.matching import Matcher
from annotated_edition.problems import Problem

if TYPE_CHECKING:
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

LINK_MODES = ("every", "paragraph", "article")
# The default of ``edition_glossary_categories``: each category and its section's title,
# in the glossary's order.
CATEGORY_TITLES = {
    "person": "People",
    "place": "Places",
    "organisation": "Organisations",
    "agreement": "Agreements",
    "event": "Events",
    "concept": "Concepts and contested terms",
}
assert tuple(CATEGORY_TITLES) == CATEGORIES


@dataclass
class Glossary:
    """The checked entries, their automaton, and what was wrong with the file."""

    path: Path
    entries: list[Entry]
    problems: list[Problem]
    matcher: Matcher
    categories: tuple[str, ...] = CATEGORIES
    by_id: dict[str, Entry] = field(default_factory=dict)
    skips: dict[str, tuple[str, ...]] = field(default_factory=dict)  # opt-outs, by entry id

    def __post_init__(self) -> None:
        self.by_id = {entry.id: entry for entry in self.entries}
        self.skips = opt_outs(self.entries)

    def sort_key(self, entry: Entry) -> tuple[object, ...]:
        """The glossary's order: category as configured, then the term as filed."""
        return entry_sort_key(entry, self.categories)


_cache: dict[tuple[object, ...], Glossary] = {}


def glossary_for(config: Config) -> Glossary:
    """The glossary named by the configuration; reloaded only when its file has changed."""
    path = Path(config.edition_glossary)  # absolute: sphinx_annotated_edition.paths
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1
    categories = tuple(config.edition_glossary_categories)
    key = (str(path), stamp, categories)
    if key not in _cache:
        _cache.clear()
        entries, problems = load_glossary(path, categories)
        _cache[key] = Glossary(path, entries, problems, matcher_for(entries), categories)
    return _cache[key]


def env_glossary(env: BuildEnvironment) -> Glossary:
    return glossary_for(env.config)
