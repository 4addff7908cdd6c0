"""The glossary as the extensions see it: loaded from the data file once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotated_edition.glossary import Entry, load_glossary, matcher_for, opt_outs
from annotated_edition.matching import Matcher
from annotated_edition.problems import Problem

if TYPE_CHECKING:
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

LINK_MODES = ("every", "paragraph", "article")


@dataclass
class Glossary:
    """The checked entries, their automaton, and what was wrong with the file."""

    path: Path
    entries: list[Entry]
    problems: list[Problem]
    matcher: Matcher
    by_id: dict[str, Entry] = field(default_factory=dict)
    skips: dict[str, tuple[str, ...]] = field(default_factory=dict)  # opt-outs, by entry id

    def __post_init__(self) -> None:
        self.by_id = {entry.id: entry for entry in self.entries}
        self.skips = opt_outs(self.entries)


_cache: dict[tuple[object, ...], Glossary] = {}


def glossary_for(config: Config) -> Glossary:
    """The glossary named by the configuration; reloaded only when its file has changed."""
    path = Path(config.edition_glossary)  # absolute: sphinx_annotated_edition.paths
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1
    key = (str(path), stamp)
    if key not in _cache:
        _cache.clear()
        entries, problems = load_glossary(path)
        _cache[key] = Glossary(path, entries, problems, matcher_for(entries))
    return _cache[key]


def env_glossary(env: BuildEnvironment) -> Glossary:
    return glossary_for(env.config)
