"""The pages that show a map of places, kept per document for purge and merge."""

from __future__ import annotations

import hashlib
from collections.abc import Set
from typing import Any

from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from sphinx_annotated_edition.glossary.data import env_glossary


class FiguresDomain(Domain):
    """``maps[docname]``: the pages with a map (which glossary entries link to), each with
    the fingerprint of the places it was read with."""

    name = "edition-figures"
    label = "Figures"
    initial_data = {"maps": {}}  # noqa: RUF012 (Sphinx 8.2 types it per instance)

    @property
    def maps(self) -> dict[str, str]:
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


def places_fingerprint(env: BuildEnvironment) -> str:
    """What the map shows of the glossary: its places, their names, coordinates, sources."""
    shown = [(entry.id, entry.term, entry.coordinates) for entry in env_glossary(env).entries
             if entry.category == "place"]
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()


def outdated_maps(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                  removed: set[str]) -> list[str]:
    """The map pages whose places changed: not every edit of the glossary, only these."""
    current = places_fingerprint(env)
    return sorted(doc for doc, seen in figures_domain(env).maps.items()
                  if seen != current and doc not in removed)


def map_page(env: BuildEnvironment) -> str | None:
    """The page the places link to: the first, in name order, that shows the map."""
    return min(figures_domain(env).maps, default=None)
