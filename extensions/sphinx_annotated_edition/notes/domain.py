"""The notes of every article page, kept in the environment for the exports."""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import Any

from sphinx.domains import Domain

from annotated_edition.webannotation import AnnotationRecord


class NotesDomain(Domain):
    """Per page, the annotation records of its notes; cleared and merged per document."""

    name = "edition_notes"
    label = "Editorial notes"
    initial_data = {"annotations": {}}  # noqa: RUF012 (Sphinx 8.2 types it per instance)
    data_version = 1

    @property
    def annotations(self) -> dict[str, list[AnnotationRecord]]:
        return self.data.setdefault("annotations", {})

    def add(self, docname: str, records: list[AnnotationRecord]) -> None:
        self.annotations[docname] = records

    def records(self) -> Iterator[AnnotationRecord]:
        for docname in sorted(self.annotations):
            yield from self.annotations[docname]

    def clear_doc(self, docname: str) -> None:
        self.annotations.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, records in otherdata.get("annotations", {}).items():
            if docname in docnames:
                self.annotations[docname] = records

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []
