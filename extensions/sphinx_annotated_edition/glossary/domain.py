"""Where the glossary's cross-document data lives: occurrences per article, glossary pages.

Each document's part is kept under its docname, so a re-read document replaces only its
own records (``clear_doc``) and parallel readers merge theirs (``merge_domaindata``).
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx.domains import Domain

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


class Occurrence(NamedTuple):
    """One occurrence of an entry in an article: offsets are in the article's text."""

    term_id: str
    docname: str
    anchor: str
    start: int
    end: int
    text: str


class GlossaryDomain(Domain):
    """No roles or directives of its own: ``std:term`` does the linking."""

    name = "edition-glossary"
    label = "Edition glossary"
    # "fingerprint": what the glossary pages showed when last written (events.updated_pages)
    initial_data = {"occurrences": {}, "pages": {}, "fingerprint": ""}  # noqa: RUF012
    data_version = 2

    @property
    def occurrences(self) -> dict[str, list[Occurrence]]:
        return self.data.setdefault("occurrences", {})

    @property
    def pages(self) -> dict[str, bool]:
        """Documents that show the glossary (and must be rewritten when an article changes)."""
        return self.data.setdefault("pages", {})

    def note_occurrences(self, docname: str, found: Iterable[Occurrence]) -> None:
        self.occurrences[docname] = list(found)

    def note_page(self, docname: str) -> None:
        self.pages[docname] = True

    def clear_doc(self, docname: str) -> None:
        self.occurrences.pop(docname, None)
        self.pages.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, found in otherdata.get("occurrences", {}).items():
            if docname in docnames:
                self.occurrences[docname] = found
        for docname in otherdata.get("pages", {}):
            if docname in docnames:
                self.pages[docname] = True

    def all_occurrences(self) -> list[Occurrence]:
        return sorted(o for found in self.occurrences.values() for o in found)


def glossary_domain(env: BuildEnvironment) -> GlossaryDomain:
    return env.domains[GlossaryDomain.name]  # type: ignore[return-value]
