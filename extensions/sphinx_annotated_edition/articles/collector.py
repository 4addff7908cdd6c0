"""What each article page was built from, so that an incremental build redoes just enough.

An article page shows its seed (a plain file dependency) and, of the other inputs, only a
part: its own catalog entry, the glossary entries found in its text, its own notes. Each
such input has a collector that keeps, per article page, a fingerprint of the part the
page was read with, and re-reads the pages whose part changed: editing one catalog entry,
one glossary definition or one note re-reads the pages that show it, not every article.

When the titles or the reading order change, every page is written again, because every
page shows them in its navigation (sidebar, previous/next links).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Set as AbstractSet
from dataclasses import fields
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.environment.collectors import EnvironmentCollector

from annotated_edition.catalog import CatalogEntry
from sphinx_annotated_edition.articles.corpus import env_corpus
from sphinx_annotated_edition.state import stores

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

NAVIGATION = "edition_article_navigation"  # store: what the navigation showed


def digest(*shown: object) -> str:
    """A stable fingerprint of what a page shows (reprs of frozen records and strings)."""
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()


class ArticleInputCollector(EnvironmentCollector):
    """Keeps, per article page, the fingerprint of what it showed of one input.

    A subclass names its store (``state``) and says how to fingerprint an article's part of
    the input (``fingerprint``) and, optionally, the input as a whole (``input_digest``):
    while that is unchanged, no page is checked.
    """

    attribute: ClassVar[str]  # store: docname -> (seed file, fingerprint)

    @classmethod
    def fingerprint(cls, env: BuildEnvironment, file: str) -> str | None:
        """What the page of the seed ``file`` shows of the input (None: nothing any more)."""
        raise NotImplementedError

    @classmethod
    def input_digest(cls, env: BuildEnvironment) -> str | None:
        """The input as a whole; None to check every page at every build."""
        return None

    @classmethod
    def pages(cls, env: BuildEnvironment) -> dict[str, tuple[str, str | None]]:
        pages: dict[str, Any] = stores(env).setdefault(cls.attribute, {})
        return pages

    @classmethod
    def note(cls, env: BuildEnvironment, docname: str, file: str,
             fingerprint: str | None = None) -> None:
        """Called while the page is read: this page shows the input as it is now.

        A reader that has worked out what the page shows already passes its
        ``fingerprint`` (the same as ``fingerprint(env, file)`` would give).
        """
        cls.pages(env)[docname] = (
            file, cls.fingerprint(env, file) if fingerprint is None else fingerprint)

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        self.pages(env).pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: AbstractSet[str],
                    other: BuildEnvironment) -> None:
        theirs = self.pages(other)
        for docname in docnames:
            if docname in theirs:
                self.pages(env)[docname] = theirs[docname]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        """Nothing to do: the page's directive or transform calls ``note`` while reading."""

    def get_outdated_docs(self, app: Sphinx, env: BuildEnvironment, added: set[str],
                          changed: set[str], removed: set[str]) -> list[str]:
        """The article pages whose part of the input is no longer what they were read with."""
        whole = self.input_digest(env)
        seen = f"{self.attribute}_input"
        if whole is not None and stores(env).get(seen) == whole:
            return []
        stores(env)[seen] = whole
        return [docname for docname, (file, fingerprint) in sorted(self.pages(env).items())
                if docname not in removed and docname not in changed
                and self.fingerprint(env, file) != fingerprint]


# Fields of a catalog entry that an article page does not show: its line in the catalog
# (an edit of another entry moves it). Every other field, present or future, counts.
NOT_SHOWN = frozenset({"line"})


def entry_fingerprint(entry: CatalogEntry) -> str:
    """What an article page shows of its entry: every field of it but its line."""
    return digest([(field.name, getattr(entry, field.name)) for field in fields(entry)
                   if field.name not in NOT_SHOWN])


class ArticleEntriesCollector(ArticleInputCollector):
    """Editing one catalog entry re-reads that entry's page (and the landing page) only."""

    attribute = "edition_article_entries"

    @classmethod
    def fingerprint(cls, env: BuildEnvironment, file: str) -> str | None:
        entry = env_corpus(env).entry(file)
        return None if entry is None else entry_fingerprint(entry)

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """Every page, when the articles' titles or order (the navigation) have changed."""
        corpus = env_corpus(env)
        navigation = tuple((corpus.docname(entry), entry.title) for entry in corpus.entries)
        if stores(env).get(NAVIGATION) == navigation:
            return []
        first_build = NAVIGATION not in stores(env)
        stores(env)[NAVIGATION] = navigation
        return [] if first_build else sorted(env.found_docs)


def _seed_stamp(path: os.PathLike[str]) -> tuple[int, int]:
    try:
        stat = os.stat(path)
    except OSError:
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)


def listing_fingerprint(env: BuildEnvironment) -> str:
    """What a page listing every article (cards, reading order) was read with.

    Sphinx compares a dependency's time with the page's: a seed or catalog moved away
    and back keeps its old time, and the landing page would go on listing the articles of
    the build in between. The entries and the seeds' stamps, compared with what the page
    was read with, catch that.
    """
    corpus = env_corpus(env)
    return digest([(entry_fingerprint(entry), _seed_stamp(corpus.seed_path(entry)))
                   for entry in corpus.entries])


class ArticleListingCollector(EnvironmentCollector):
    """Re-reads the pages that list the articles whenever the list is not what they show."""

    attribute = "edition_article_listings"  # store: docname -> listing fingerprint

    @classmethod
    def pages(cls, env: BuildEnvironment) -> dict[str, str]:
        pages: dict[str, Any] = stores(env).setdefault(cls.attribute, {})
        return pages

    @classmethod
    def note(cls, env: BuildEnvironment, docname: str) -> None:
        """Called by a directive that lists the articles, while its page is read."""
        cls.pages(env)[docname] = listing_fingerprint(env)

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        self.pages(env).pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: AbstractSet[str],
                    other: BuildEnvironment) -> None:
        theirs = self.pages(other)
        self.pages(env).update({name: theirs[name] for name in docnames if name in theirs})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        """Nothing to do: the directives call ``note`` while reading."""

    def get_outdated_docs(self, app: Sphinx, env: BuildEnvironment, added: set[str],
                          changed: set[str], removed: set[str]) -> list[str]:
        now = listing_fingerprint(env)
        return [docname for docname, seen in sorted(self.pages(env).items())
                if seen != now and docname not in removed]
