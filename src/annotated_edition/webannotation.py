"""W3C Web Annotations: every annotation of the edition, in a form annotation tools read.

Notes, glossary links and any later kind of annotation are handed over as generic
:class:`AnnotationRecord` values; :func:`collection` turns them into one
``AnnotationCollection`` (https://www.w3.org/TR/annotation-model/), sorted so that the
same edition always gives the same file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_LENGTH = 32  # characters of prefix and suffix kept for a TextQuoteSelector
RFC3987 = "http://tools.ietf.org/rfc/rfc3987"
MOTIVATIONS = frozenset({
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying",
    "tagging"})


@dataclass(frozen=True)
class QuoteTarget:
    """Words of an article paragraph that an annotation targets besides its first target."""

    docname: str
    anchor: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class AnnotationRecord:
    """One annotation on words of an article paragraph; offsets are in the paragraph text."""

    docname: str  # the page of the article
    anchor: str  # the paragraph's id on that page ("p3")
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    body: str  # plain text
    purpose: str  # a W3C motivation: describing, commenting, editing, linking, ...
    ident: str = ""  # an id on the page for this annotation, when it has one ("note-3")
    links: tuple[str, ...] = ()  # docnames the body links to
    also: tuple[QuoteTarget, ...] = ()  # more targets (a shared passage: every witness)


def _natural(value: str) -> tuple[object, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", value))


def sort_key(record: AnnotationRecord) -> tuple[object, ...]:
    return (record.docname, _natural(record.anchor), record.start, record.end, record.purpose,
            record.ident, record.exact, record.body)


def annotation(record: AnnotationRecord, page_url: Callable[[str], str],
               language: str | None = None) -> dict[str, Any]:
    """One record as a W3C Annotation on the article page's URL."""
    if record.purpose not in MOTIVATIONS:
        raise ValueError(f"not a W3C motivation: {record.purpose!r}")
    source = page_url(record.docname)
    fragment = record.ident or f"{record.anchor}-{record.start}-{record.end}-{record.purpose}"
    text: dict[str, Any] = {"type": "TextualBody", "value": record.body,
                            "format": "text/plain", "purpose": record.purpose}
    if language:
        text["language"] = language
    bodies: list[dict[str, Any]] = [text]
    bodies += [{"type": "SpecificResource", "source": page_url(link), "purpose": "linking"}
               for link in record.links]
    places: list[AnnotationRecord | QuoteTarget] = [record, *record.also]
    targets = [_target(page_url(place.docname), place) for place in places]
    return {
        "id": f"{source}#{fragment}",
        "type": "Annotation",
        "motivation": record.purpose,
        "body": bodies[0] if len(bodies) == 1 else bodies,
        "target": targets[0] if len(targets) == 1 else targets,
    }


def _target(source: str, where: AnnotationRecord | QuoteTarget) -> dict[str, Any]:
    """Words of a paragraph: a quote with its context, and the paragraph with offsets."""
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": where.exact}
    if where.prefix:
        quote["prefix"] = where.prefix
    if where.suffix:
        quote["suffix"] = where.suffix
    return {
        "source": source,
        "selector": [
            quote,
            {"type": "FragmentSelector", "conformsTo": RFC3987, "value": where.anchor,
             "refinedBy": {"type": "TextPositionSelector", "start": where.start,
                           "end": where.end}},
        ],
    }


def collection(records: Iterable[AnnotationRecord], page_url: Callable[[str], str],
               collection_id: str, label: str, language: str | None = None,
               epoch: int | None = None) -> dict[str, Any]:
    """All records as one AnnotationCollection with a single page, in a stable order.

    ``epoch`` (from ``SOURCE_DATE_EPOCH``) is the only source of a timestamp, so that two
    builds of the same edition give the same bytes.
    """
    items = [annotation(record, page_url, language)
             for record in sorted(set(records), key=sort_key)]
    result: dict[str, Any] = {"@context": CONTEXT, "id": collection_id,
                              "type": "AnnotationCollection", "label": label}
    if epoch is not None:
        stamp = dt.datetime.fromtimestamp(epoch, tz=dt.UTC)
        result["generated"] = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    result["total"] = len(items)
    result["first"] = {"id": f"{collection_id}#page1", "type": "AnnotationPage",
                       "startIndex": 0, "items": items}
    return result
