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
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, ClassVar

from sphinx.environment.collectors import EnvironmentCollector

from annotator.catalog import CatalogEntry
from annotator_sphinx.articles.corpus import env_corpus

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

NAVIGATION = "edition_article_navigation"  # env attribute: what the navigation showed


def digest(*shown: object) -> str:
    """A stable fingerprint of what a page shows (reprs of frozen records and strings)."""
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()


class ArticleInputCollector(EnvironmentCollector):
    """Keeps, per article page, the fingerprint of what it showed of one input.

    A subclass names its env attribute and says how to fingerprint an article's part of
    the input (``fingerprint``) and, optionally, the input as a whole (``input_digest``):
    while that is unchanged, no page is checked.
    """

    attribute: ClassVar[str]  # env attribute: docname -> (seed file, fingerprint)

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
        if not hasattr(env, cls.attribute):
            setattr(env, cls.attribute, {})
        return getattr(env, cls.attribute)

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
        if whole is not None and getattr(env, seen, None) == whole:
            return []
        setattr(env, seen, whole)
        return [docname for docname, (file, fingerprint) in sorted(self.pages(env).items())
                if docname not in removed and docname not in changed
                and self.fingerprint(env, file) != fingerprint]


def entry_fingerprint(entry: CatalogEntry) -> str:
    """What an article page shows of its entry (not its line: editing others moves it)."""
    return digest(entry.file, entry.slug, entry.title, entry.outlet, entry.outlet_basis,
                  entry.date, entry.date_basis, entry.date_evidence, entry.byline,
                  entry.dateline, entry.occasion, entry.short_title, entry.outlet_country)


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
        if getattr(env, NAVIGATION, None) == navigation:
            return []
        first_build = not hasattr(env, NAVIGATION)
        setattr(env, NAVIGATION, navigation)
        return [] if first_build else sorted(env.found_docs)
