"""The pages that show the review status, and when they must be written again.

The status is drawn at ``doctree-resolved``, so a change of the review file (or of an
article's paragraphs) needs those pages written again, not read again: ``env-get-updated``
returns them when the status they show has changed. Nothing else is re-read or re-written.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from sphinx_annotated_edition.articles.collector import digest
from sphinx_annotated_edition.review.data import review_set


class ReviewDomain(Domain):
    """Which pages hold a ``review-status`` directive (safe for parallel reading)."""

    name = "edition_review"
    label = "Review record"
    initial_data = {"pages": {}, "shown": None}  # noqa: RUF012 (Sphinx 8.2 types it per instance)

    @property
    def pages(self) -> dict[str, int]:
        return self.data.setdefault("pages", {})

    def clear_doc(self, docname: str) -> None:
        self.pages.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata.get("pages", {}):
                self.pages[docname] = otherdata["pages"][docname]

    def process_doc(self, env: BuildEnvironment, docname: str,
                    document: nodes.document) -> None:
        """Nothing to do: the directive records its page."""


def domain_of(env: BuildEnvironment) -> ReviewDomain:
    domain = env.domains[ReviewDomain.name]
    assert isinstance(domain, ReviewDomain)
    return domain


def shown_status(env: BuildEnvironment) -> str:
    """A fingerprint of everything a status page shows (not the lines of the records)."""
    found = review_set(env.config)
    return digest(found.path is not None, found.status)


def updated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The status pages, when the status they show has changed since they were written."""
    domain = domain_of(env)
    fingerprint = shown_status(env)
    if domain.data.get("shown") == fingerprint:  # the fingerprint of the status last shown
        return []
    domain.data["shown"] = fingerprint
    return sorted(domain.pages)
