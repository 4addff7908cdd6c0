"""The pages that show a map of places, kept per document for purge and merge."""

from __future__ import annotations

from collections.abc import Set
from typing import Any, ClassVar

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment


class FiguresDomain(Domain):
    """``maps[docname]``: the pages with a map, which glossary entries link to."""

    name = "edition-figures"
    label = "Figures"
    initial_data: ClassVar[dict[str, Any]] = {"maps": {}}

    @property
    def maps(self) -> dict[str, int]:
        return self.data.setdefault("maps", {})

    def clear_doc(self, docname: str) -> None:
        self.maps.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata.get("maps", {}):
                self.maps[docname] = otherdata["maps"][docname]


def figures_domain(env: BuildEnvironment) -> FiguresDomain:
    domain = env.domains[FiguresDomain.name]
    assert isinstance(domain, FiguresDomain)
    return domain


def map_page(env: BuildEnvironment) -> str | None:
    """The page the places link to: the first, in name order, that shows the map."""
    return min(figures_domain(env).maps, default=None)
