"""The search index of an incremental build made equal to a clean build's.

Sphinx (9.0) updates ``searchindex.js`` page by page, from the file the last build
wrote, and two things go wrong: a word no page holds any more stays, with an empty list
of pages, and the index entries (``indexentries``: the glossary's persons, places and
organisations) of every page not written again are lost, as they are not read back from
the file. After Sphinx has written the index, both are mended from the index as it was
before the build: only the file's documented format is used, no internal of Sphinx.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.search import js_index

from sphinx_annotated_edition.exports import write_atomically

# the output folder -> (the index before this build, the pages written in this build)
_builds: dict[str, tuple[dict[str, Any] | None, set[str]]] = {}


def _index_path(builder: Builder) -> Path | None:
    """Where this builder keeps its search index (None: it keeps none, or not as JS)."""
    if not isinstance(builder, StandaloneHTMLBuilder) or not builder.search \
            or builder.indexer_format is not js_index:
        return None
    return Path(builder.outdir) / builder.searchindex_filename


def _load(path: Path) -> dict[str, Any] | None:
    try:
        index = js_index.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return index if isinstance(index, dict) else None


def remember_index(app: Sphinx, builder: Builder) -> None:
    """When writing starts: the index as the last build left it."""
    path = _index_path(builder)
    if path is not None:
        _builds[str(path)] = (_load(path), set())


def note_written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Every page is resolved, in the main process, just before it is written."""
    path = _index_path(app.builder)
    if path is not None and str(path) in _builds:
        _builds[str(path)][1].add(docname)


def _entries_kept(before: dict[str, Any], after: dict[str, Any],
                  written: set[str]) -> dict[str, list[list[Any]]]:
    """The index entries of ``after``, with those of the pages not written from ``before``."""
    old_names = before.get("docnames", [])
    new_number = {docname: number for number, docname in enumerate(after["docnames"])}
    merged: dict[str, list[list[Any]]] = {}
    for key, found in before.get("indexentries", {}).items():
        for number, *rest in found:
            docname = old_names[number] if 0 <= number < len(old_names) else None
            if docname in new_number and docname not in written:
                merged.setdefault(key, []).append([new_number[docname], *rest])
    for key, found in after.get("indexentries", {}).items():
        merged.setdefault(key, []).extend(
            list(entry) for entry in found if after["docnames"][entry[0]] in written)
    # a clean build lists a key's entries page by page, in the order of the pages
    return {key: sorted(found, key=lambda entry: entry[0]) for key, found in merged.items()}


def mend_index(app: Sphinx, exception: BaseException | None) -> None:
    """After the build: no word without a page, no page's index entries lost."""
    path = _index_path(app.builder)
    before, written = _builds.pop(str(path), (None, set()))
    if exception is not None or path is None:
        return
    after = _load(path)
    if after is None:
        return  # Sphinx has said what went wrong with it
    mended = dict(after)
    for key in ("terms", "titleterms"):
        mended[key] = {word: pages for word, pages in after.get(key, {}).items()
                       if pages != []}
    if before is not None:
        mended["indexentries"] = _entries_kept(before, after, written)
    if mended != after:
        write_atomically(app, path, js_index.dumps(mended))


def setup_search_index(app: Sphinx) -> None:
    app.connect("write-started", remember_index)
    app.connect("doctree-resolved", note_written)
    app.connect("build-finished", mend_index)
