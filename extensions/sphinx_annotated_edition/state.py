"""What the extensions keep from one build to the next, in a domain's data.

Sphinx pickles the environment between builds and, with it, each domain's data
(``env.domaindata``); a parallel read hands each process's data to
``Domain.merge_domaindata``. The collectors and caches of the edition keep theirs here,
one entry per store, instead of as attributes set on the environment, which Sphinx does
not declare. The owner of each store forgets and merges its pages itself (its
``EnvironmentCollector``, or ``env-purge-doc`` and ``env-merge-info`` handlers), as it
did with the attributes: the domain only holds the stores.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__


class EditionStateDomain(Domain):
    """The stores of the edition's extensions; no directives, roles or objects."""

    name = "edition_state"
    label = "Edition state"
    initial_data = {}  # noqa: RUF012 (Sphinx 8.2 types it per instance)

    def clear_doc(self, docname: str) -> None:
        """Nothing: each store's owner forgets its own pages."""

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Nothing: each store's owner merges its own pages."""


def stores(env: BuildEnvironment) -> dict[str, Any]:
    """The stores of ``env`` (also of another process's environment, while merging)."""
    data: dict[str, Any] = env.domaindata[EditionStateDomain.name]
    return data


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_domain(EditionStateDomain)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
