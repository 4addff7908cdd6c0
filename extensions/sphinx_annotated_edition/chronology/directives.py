"""The ``chronology`` directive: a placeholder, filled once all articles are read."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_annotated_edition.chronology.domain import ChronologyDomain, overlay_path
from sphinx_annotated_edition.chronology.nodes import chronology_list


class ChronologyDirective(SphinxDirective):
    """Mark the page that shows the chronology; the overlay file is its dependency."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        path = overlay_path(self.env)
        if path.exists():
            self.env.note_dependency(str(path))
        domain = self.env.domains[ChronologyDomain.name]
        assert isinstance(domain, ChronologyDomain)
        domain.pages[self.env.docname] = self.lineno
        node = chronology_list("")
        self.set_source_info(node)
        return [node]
