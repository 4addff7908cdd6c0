"""The review record as the extension sees it: loaded and matched once per state of its inputs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotated_edition.articles import Article
from annotated_edition.problems import Problem
from annotated_edition.review import ArticleStatus, Review, load_review, status, unreviewed
from sphinx_annotated_edition.articles.corpus import Corpus, corpus_for

if TYPE_CHECKING:
    from sphinx.config import Config


@dataclass(frozen=True)
class ReviewSet:
    """The records matched to the articles, what they do not vouch for, and the status."""

    path: Path | None  # None: the feature is off (edition_review is empty)
    corpus: Corpus
    review: Review
    problems: tuple[Problem, ...]  # bad records, then unreviewed or changed paragraphs
    status: tuple[ArticleStatus, ...]


_cache: dict[tuple[object, ...], ReviewSet] = {}


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


def _articles(corpus: Corpus) -> list[Article]:
    return [found[0] for entry in corpus.entries
            if (found := corpus.article(entry.file)) is not None]


def review_set(config: Config) -> ReviewSet:
    """The review named by ``edition_review``; reloaded when the file or the corpus changes."""
    corpus = corpus_for(config)
    setting = config.edition_review  # absolute since config-inited (sphinx_annotated_edition.paths)
    path = Path(setting) if setting else None
    key = (str(path), _mtime(path) if path else 0)
    cached = _cache.get(key)
    if cached is not None and cached.corpus is corpus:
        return cached
    _cache.clear()
    articles = _articles(corpus)
    if path is None:
        review = Review((), {}, ())
        problems: tuple[Problem, ...] = ()
    else:
        review = load_review(path, articles)
        seeds = {entry.file: str(corpus.seed_path(entry)) for entry in corpus.entries}
        problems = (*review.problems, *unreviewed(articles, review, seeds))
    _cache[key] = ReviewSet(path, corpus, review, problems, tuple(status(articles, review)))
    return _cache[key]
