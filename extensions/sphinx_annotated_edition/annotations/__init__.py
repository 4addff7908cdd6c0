"""The ``annotations.jsonld`` export: every annotation of the edition as a W3C Web Annotation.

Registers:

- the event ``edition-annotations(app, env)``: each handler returns an iterable of
  :class:`annotated_edition.webannotation.AnnotationRecord`; adding a kind of annotation to the
  export is one ``app.connect("edition-annotations", handler)``;
- at ``build-finished`` (the website's builders only: ``sphinx_annotated_edition.exports``):
  ``annotations.jsonld`` at the root of the output, sorted, timestamped only from
  ``SOURCE_DATE_EPOCH``. The target of each annotation is the article page's URL,
  absolute when ``html_baseurl`` is set.
"""

from __future__ import annotations

import functools
import itertools
import os
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__, jsonout
from annotated_edition.webannotation import AnnotationRecord, collection
from sphinx_annotated_edition.exports import gets_html_exports, write_atomically
from sphinx_annotated_edition.i18n import add_catalog

EVENT = "edition-annotations"
FILENAME = "annotations.jsonld"


def gather(app: Sphinx, env: BuildEnvironment) -> list[AnnotationRecord]:
    """The records every handler of the event hands over."""
    records: list[AnnotationRecord] = []
    for result in app.events.emit(EVENT, env):
        records.extend(result or ())
    return records


def write_annotations(app: Sphinx, records: Iterable[AnnotationRecord]) -> Path:
    """Write the collection of ``records`` to the root of the output folder."""
    builder = app.builder
    base = app.config.html_baseurl
    base = base if not base or base.endswith("/") else base + "/"

    @functools.cache  # performance: asked once per annotation, for a few pages
    def page_url(docname: str) -> str:
        return f"{base}{builder.get_target_uri(docname)}"

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    data = collection(records, page_url, collection_id=f"{base}{FILENAME}",
                      label=f"{app.config.project}: editorial annotations",
                      language=app.config.language or None,
                      epoch=int(epoch) if epoch and epoch.isdigit() else None)
    path = Path(app.outdir) / FILENAME
    # indented down to the list of annotations, an annotation a line
    # written in pieces: the text of 10,000s of annotations is never one string in memory
    write_atomically(app, path, itertools.chain(jsonout.iter_dumps(data, depth=3, indent=1),
                                                ["\n"]))
    return path


def export(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and gets_html_exports(app.builder):
        write_annotations(app, gather(app, app.env))


def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.add_event(EVENT)
    app.connect("build-finished", export)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
