"""The directives: placeholders whose pages depend on the data the figures show."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from annotated_edition.figures.svg import HERE
from annotated_edition.glossary import places_without_coordinates
from sphinx_annotated_edition.chronology.domain import domain_of, overlay_path
from sphinx_annotated_edition.figures.domain import figures_domain, places_fingerprint
from sphinx_annotated_edition.figures.nodes import edition_figure
from sphinx_annotated_edition.glossary.data import env_glossary
from sphinx_annotated_edition.warnings_ import Subtype, report


class TimelineDirective(SphinxDirective):
    """The timeline: its page is rewritten whenever the chronology changes."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        path = overlay_path(self.env)
        if path.exists():
            self.env.note_dependency(str(path))
        # a page of the chronology domain: rewritten when any article's dates change
        domain_of(self.env).pages.setdefault(self.env.docname, self.lineno)
        node = edition_figure("", kind="timeline")
        self.set_source_info(node)
        return [node]


class MapDirective(SphinxDirective):
    """The map of places: read again when the places of the glossary or the base map change
    (``outdated_maps``), not at every edit of a definition."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(HERE / "basemap.json"))
        figures_domain(self.env).maps[self.env.docname] = places_fingerprint(self.env)
        for problem in places_without_coordinates(env_glossary(self.env).entries):
            report(problem, Subtype.PLACE_COORDINATES)
        node = edition_figure("", kind="map")
        self.set_source_info(node)
        return [node]
