"""``singlehtml``: every page in one document, so every id made unique across the pages.

Each article numbers its paragraphs (``p1``, ``p2``…), its notes (``note-1``…) and its
footnotes (``id1``…) from one; on one page these repeat once per article, and a note
marker of the fifth article would open the first article's note. Sphinx also links to
another page's target as ``#document-<page>#<id>``, which no browser follows.

So, once the single document is assembled and resolved, every id that more than one
page uses is prefixed, on every page but the root, with its page's name
(``articles/<slug>/p3``, as Sphinx names section numbers in this builder); ids used once
(a glossary term, a place, an event) stay as every other builder writes them. Every link
follows: references within a page, footnote references and back-references, the
paragraphs' permalinks, and links to another page's target. The page anchors themselves
(``#document-<page>``) stay.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.singlehtml import SingleFileHTMLBuilder

from sphinx_annotated_edition.articles.nodes import paragraph_permalink

DOCUMENT = "#document-"  # how this builder addresses an included page


def single_id(docname: str, ident: str) -> str:
    """The id in the single document of ``ident`` of the page ``docname``, when renamed."""
    return f"{docname}/{ident}"


def _ids_by_page(node: nodes.Element, docname: str, found: dict[str, set[str]]) -> None:
    """Which pages (by name) use each id."""
    if isinstance(node, addnodes.start_of_file):
        docname = node["docname"]
    ids: list[str] = node.get("ids", [])
    for ident in ids:
        found.setdefault(ident, set()).add(docname)
    for child in node.children:
        if isinstance(child, nodes.Element):
            _ids_by_page(child, docname, found)


class _Renamer:
    """Renames the ids several pages use, on every page but the root, and their links."""

    def __init__(self, root: str, shared: set[str]) -> None:
        self.root = root
        self.shared = shared

    def final(self, docname: str, ident: str) -> str:
        """What ``ident`` of page ``docname`` is called in the single document."""
        if docname == self.root or ident not in self.shared:
            return ident
        return single_id(docname, ident)

    def link(self, docname: str, refuri: str) -> str:
        """A link as the single document needs it: one fragment, the renamed id."""
        if refuri.startswith(DOCUMENT) and "#" in refuri[len(DOCUMENT):]:
            page, ident = refuri[len(DOCUMENT):].split("#", 1)
            return "#" + self.final(page, ident)
        if refuri.startswith("#") and not refuri.startswith(DOCUMENT):
            return "#" + self.final(docname, refuri[1:])  # a target of the same page
        return refuri

    def walk(self, node: nodes.Element, docname: str) -> None:
        if isinstance(node, addnodes.start_of_file):
            docname = node["docname"]
        ids: list[str] = node.get("ids", [])
        node["ids"] = [self.final(docname, ident) for ident in ids]
        if "refid" in node:
            node["refid"] = self.final(docname, node["refid"])
        backrefs: list[str] = node.get("backrefs", [])
        if backrefs:
            node["backrefs"] = [self.final(docname, ident) for ident in backrefs]
        if isinstance(node, paragraph_permalink):
            node["anchor"] = self.final(docname, node["anchor"])
        if "refuri" in node:  # references, and nodes of ours that link (passage signs)
            node["refuri"] = self.link(docname, node["refuri"])
        for child in node.children:
            if isinstance(child, nodes.Element):
                self.walk(child, docname)


def unique_ids(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """On the single document only: ids unique across the pages, links that land."""
    if not isinstance(app.builder, SingleFileHTMLBuilder) or docname != app.config.root_doc:
        return
    found: dict[str, set[str]] = {}
    _ids_by_page(doctree, docname, found)
    shared = {ident for ident, pages in found.items() if len(pages) > 1}
    _Renamer(docname, shared).walk(doctree, docname)


# The single document has no index page (Sphinx writes none for it): the navigation's
# entry for it would lead nowhere.
_INDEX_ENTRY = re.compile(r'<li class="toctree-l1"><a class="reference internal" '
                          r'href="genindex\.html">[^<]*</a></li>\s*')


def no_index_entry(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                   doctree: nodes.document | None) -> None:
    """Drop the entry of the index from the single document's navigation (Furo's)."""
    if isinstance(app.builder, SingleFileHTMLBuilder):
        for key in ("furo_navigation_tree", "toc"):
            if isinstance(context.get(key), str):
                context[key] = _INDEX_ENTRY.sub("", context[key])
