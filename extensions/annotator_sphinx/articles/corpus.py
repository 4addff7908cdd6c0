"""The corpus of articles as the extensions see it: catalog and seeds, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.articles import Article, load_article
from annotator.catalog import CatalogEntry, load_catalog, reading_order
from annotator.problems import Problem

if TYPE_CHECKING:
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

ARTICLE_KEY = "edition-article"  # in env.metadata[docname]: the seed file of the page


@dataclass
class Corpus:
    """The catalog entries in reading order, and the articles parsed from their seeds."""

    seed_dir: Path
    catalog_path: Path
    article_dir: str
    entries: list[CatalogEntry]
    problems: list[Problem]
    _articles: dict[str, tuple[Article, list[Problem]]] = field(default_factory=dict)

    def entry(self, file: str) -> CatalogEntry | None:
        return next((entry for entry in self.entries if entry.file == file), None)

    def article(self, file: str) -> tuple[Article, list[Problem]] | None:
        """The parsed article of a seed and the problems found in it (cached)."""
        if file not in self._articles:
            entry = self.entry(file)
            if entry is None:
                return None
            self._articles[file] = load_article(self.seed_dir, entry)
        return self._articles[file]

    def docname(self, entry: CatalogEntry) -> str:
        return f"{self.article_dir}/{entry.slug}"

    def seed_path(self, entry: CatalogEntry) -> Path:
        return self.seed_dir / entry.file


_cache: dict[tuple[object, ...], Corpus] = {}


def _fingerprint(catalog: Path, seed_dir: Path) -> tuple[object, ...]:
    def mtime(path: Path) -> int:
        try:
            return path.stat().st_mtime_ns
        except OSError:
            return -1

    seeds = tuple(sorted((p.name, mtime(p)) for p in seed_dir.glob("*.txt")))
    return (str(catalog), mtime(catalog), str(seed_dir), seeds)


def corpus_for(config: Config, confdir: Path) -> Corpus:
    """The corpus named by the configuration; reloaded only when a file has changed."""
    seed_dir = (confdir / config.edition_seed_dir).resolve()
    catalog = (confdir / config.edition_catalog).resolve()
    key = (*_fingerprint(catalog, seed_dir), config.edition_article_dir)
    if key not in _cache:
        _cache.clear()
        entries, problems = load_catalog(catalog, seed_dir)
        _cache[key] = Corpus(seed_dir, catalog, config.edition_article_dir,
                             reading_order(entries), problems)
    return _cache[key]


def env_corpus(env: BuildEnvironment) -> Corpus:
    return corpus_for(env.config, Path(env.srcdir))


def article_of(env: BuildEnvironment, docname: str) -> Article | None:
    """The article shown on ``docname``, for the other extensions (None on other pages)."""
    file = env.metadata.get(docname, {}).get(ARTICLE_KEY)
    if not file:
        return None
    found = env_corpus(env).article(str(file))
    return found[0] if found else None
