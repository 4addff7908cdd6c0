"""The corpus of articles as the extensions see it: catalog and seeds, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotated_edition.articles import Article, load_article
from annotated_edition.catalog import CatalogEntry, load_catalog, reading_order
from annotated_edition.problems import Problem

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
    _by_file: dict[str, CatalogEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            self._by_file.setdefault(entry.file, entry)

    def entry(self, file: str) -> CatalogEntry | None:
        return self._by_file.get(file)

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


# where the corpus is (the settings) -> (its files' stamp, the corpus)
_cache: dict[tuple[str, ...], tuple[tuple[object, ...], Corpus]] = {}


def _fingerprint(catalog: Path, seed_dir: Path) -> tuple[object, ...]:
    def mtime(path: Path) -> int:
        try:
            return path.stat().st_mtime_ns
        except OSError:
            return -1

    seeds = tuple(sorted((p.name, mtime(p)) for p in seed_dir.glob("*.txt")))
    return (mtime(catalog), seeds)


def corpus_for(config: Config, *, refresh: bool = False) -> Corpus:
    """The corpus named by the configuration, loaded once and reloaded when a file changed.

    The files are looked at (a stat per seed) only when ``refresh`` is set, as it is at
    ``builder-inited`` before every build, or when nothing is loaded yet: the corpus is
    asked for by every transform and at every occurrence of a term, and checking the
    seeds at each call made a build quadratic in the number of articles.
    """
    where = (config.edition_seed_dir, config.edition_catalog, config.edition_article_dir)
    cached = _cache.get(where)
    if cached is not None and not refresh:
        return cached[1]
    seed_dir = Path(config.edition_seed_dir)  # absolute: sphinx_annotated_edition.paths
    catalog = Path(config.edition_catalog)
    stamp = _fingerprint(catalog, seed_dir)
    if cached is None or cached[0] != stamp:
        _cache.clear()
        entries, problems = load_catalog(catalog, seed_dir)
        _cache[where] = (stamp, Corpus(seed_dir, catalog, config.edition_article_dir,
                                       reading_order(entries), problems))
    return _cache[where][1]


def env_corpus(env: BuildEnvironment) -> Corpus:
    return corpus_for(env.config)


def articles_enabled(config: Config) -> bool:
    """Whether the project loads ``sphinx_annotated_edition.articles`` (its settings exist).

    The other extensions work without it: then there are no article pages, and what they
    do only for articles (paragraph anchors, the catalog's fields) is not done.
    """
    return "edition_catalog" in config


def article_of(env: BuildEnvironment, docname: str) -> Article | None:
    """The article shown on ``docname``, for the other extensions (None on other pages)."""
    if not articles_enabled(env.config):
        return None
    file = env.metadata.get(docname, {}).get(ARTICLE_KEY)
    if not file:
        return None
    found = env_corpus(env).article(str(file))
    return found[0] if found else None
