"""Which article pages an edit of the glossary changes, for incremental builds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotated_edition.glossary import matches_in
from annotated_edition.matching import Match
from sphinx_annotated_edition.articles.collector import ArticleInputCollector, digest
from sphinx_annotated_edition.articles.corpus import env_corpus
from sphinx_annotated_edition.glossary.data import Glossary, env_glossary
from sphinx_annotated_edition.glossary.nodes import shown_in_articles

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


class GlossaryLinksCollector(ArticleInputCollector):
    """An article page is read again when its matches, or an entry it links to, change.

    Editing one definition re-reads the articles that link to that entry; a new alias,
    the articles where it occurs; an entry's line moving (an edit above it), none.
    """

    attribute = "edition_glossary_links"

    @classmethod
    def fingerprint(cls, env: BuildEnvironment, file: str) -> str | None:
        found = env_corpus(env).article(file)
        if found is None:
            return None
        glossary = env_glossary(env)
        return cls.fingerprint_of(glossary, matches_in(found[0], glossary.matcher,
                                                       glossary.skips))

    @staticmethod
    def fingerprint_of(glossary: Glossary, matches: list[tuple[str, Match]]) -> str:
        """The fingerprint of an article's matches (``matches_in``) and the entries linked."""
        linked = sorted({match.entry_id for _, match in matches})
        return digest(matches, [shown_in_articles(glossary.by_id[entry_id])
                                for entry_id in linked])

    @classmethod
    def input_digest(cls, env: BuildEnvironment) -> str | None:
        glossary = env_glossary(env)
        return digest(glossary.entries, glossary.problems)
