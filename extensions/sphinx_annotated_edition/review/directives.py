"""The ``review-status`` directive: a placeholder, filled when the page is written."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_annotated_edition.review.domain import domain_of
from sphinx_annotated_edition.review.nodes import review_status


class ReviewStatusDirective(SphinxDirective):
    """Mark the page that states the edition's review status."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        domain_of(self.env).pages[self.env.docname] = self.lineno
        node = review_status("")
        self.set_source_info(node)
        return [node]
