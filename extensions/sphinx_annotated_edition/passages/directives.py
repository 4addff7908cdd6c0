"""The ``shared-passages`` directive: a placeholder, filled once all articles are read."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_annotated_edition.passages.data import acknowledgements_path, passage_pages
from sphinx_annotated_edition.passages.nodes import shared_passages


class SharedPassagesDirective(SphinxDirective):
    """Mark the page that shows the shared passages; the signs of the articles lead here."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        path = acknowledgements_path(self.env)
        if path.exists():
            self.env.note_dependency(str(path))
        passage_pages(self.env)[self.env.docname] = self.lineno
        node = shared_passages("")
        self.set_source_info(node)
        return [node]
