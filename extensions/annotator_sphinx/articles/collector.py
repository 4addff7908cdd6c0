"""What each article page was built from, so that an incremental build redoes just enough.

An article page shows its seed (a plain file dependency) and its own catalog entry. The
catalog as a whole is not a dependency of the article pages: editing one entry re-reads
the page of that entry only (and the landing page, which shows every entry). When the
titles or the reading order change, every page is written again, because every page
shows them in its navigation (sidebar, previous/next links).
"""

from __future__ import annotations

import hashlib
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from sphinx.environment.collectors import EnvironmentCollector

from annotator.catalog import CatalogEntry
from annotator_sphinx.articles.corpus import env_corpus

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

ENTRIES = "edition_article_entries"  # env attribute: docname -> (seed file, fingerprint)
NAVIGATION = "edition_article_navigation"  # env attribute: what the navigation showed


def entry_fingerprint(entry: CatalogEntry) -> str:
    """What an article page shows of its entry (not its line: editing others moves it)."""
    shown = (entry.file, entry.slug, entry.title, entry.outlet, entry.outlet_basis,
             entry.date, entry.date_basis, entry.date_evidence, entry.byline, entry.dateline)
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()


def _entries(env: BuildEnvironment) -> dict[str, tuple[str, str]]:
    if not hasattr(env, ENTRIES):
        setattr(env, ENTRIES, {})
    return getattr(env, ENTRIES)


def note_article_entry(env: BuildEnvironment, docname: str, entry: CatalogEntry) -> None:
    """Called by the article directive: this page shows this entry."""
    _entries(env)[docname] = (entry.file, entry_fingerprint(entry))


class ArticleEntriesCollector(EnvironmentCollector):
    """Keeps, per article page, the fingerprint of the catalog entry it was read with."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        _entries(env).pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: AbstractSet[str],
                    other: BuildEnvironment) -> None:
        theirs = _entries(other)
        for docname in docnames:
            if docname in theirs:
                _entries(env)[docname] = theirs[docname]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        """Nothing to do: the directive records the entry while the page is read."""

    def get_outdated_docs(self, app: Sphinx, env: BuildEnvironment, added: set[str],
                          changed: set[str], removed: set[str]) -> list[str]:
        """The article pages whose catalog entry is no longer what they were read with."""
        corpus = env_corpus(env)
        outdated = []
        for docname, (file, fingerprint) in sorted(_entries(env).items()):
            entry = corpus.entry(file)
            if docname in removed or docname in changed:
                continue
            if entry is None or entry_fingerprint(entry) != fingerprint:
                outdated.append(docname)
        return outdated

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """Every page, when the articles' titles or order (the navigation) have changed."""
        corpus = env_corpus(env)
        navigation = tuple((corpus.docname(entry), entry.title) for entry in corpus.entries)
        if getattr(env, NAVIGATION, None) == navigation:
            return []
        first_build = not hasattr(env, NAVIGATION)
        setattr(env, NAVIGATION, navigation)
        return [] if first_build else sorted(env.found_docs)
