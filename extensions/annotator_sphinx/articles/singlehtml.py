"""``singlehtml``: every page in one document, so every id made unique across the pages.

Each article numbers its paragraphs (``p1``, ``p2``…), its notes (``note-1``…) and its
footnotes (``id1``…) from one; on one page these repeat once per article, and a note
marker of the fifth article would open the first article's note. Sphinx also links to
another page's target as ``#document-<page>#<id>``, which no browser follows.

So, once the single document is assembled and resolved, every id of an included page is
prefixed with its page's name (``articles/<slug>/p3``, as Sphinx names section numbers
in this builder), and every link is rewritten to match: references within a page,
footnote references and back-references, the paragraphs' permalinks, and links to
another page's target. The page anchors themselves (``#document-<page>``) stay.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.singlehtml import SingleFileHTMLBuilder

from annotator_sphinx.articles.nodes import paragraph_permalink

DOCUMENT = "#document-"  # how this builder addresses an included page


def single_id(docname: str, ident: str) -> str:
    """The id in the single document of ``ident`` of the page ``docname``."""
    return f"{docname}/{ident}"


def _rename(docname: str | None, ident: str) -> str:
    return ident if docname is None else single_id(docname, ident)


def _link(docname: str | None, refuri: str) -> str:
    """``#document-<page>#<id>`` as the one fragment the single document has."""
    if not refuri.startswith(DOCUMENT) or "#" not in refuri[len(DOCUMENT):]:
        return refuri
    page, ident = refuri[len(DOCUMENT):].split("#", 1)
    return "#" + single_id(page, ident)


def _walk(node: nodes.Element, docname: str | None) -> None:
    """Rename the ids and links of ``node``'s subtree; ``docname`` None on the root page."""
    if isinstance(node, addnodes.start_of_file):
        docname = node["docname"]
    if docname is not None:
        ids: list[str] = node.get("ids", [])
        node["ids"] = [_rename(docname, ident) for ident in ids]
        if "refid" in node:
            node["refid"] = _rename(docname, node["refid"])
        backrefs: list[str] = node.get("backrefs", [])
        if backrefs:
            node["backrefs"] = [_rename(docname, ident) for ident in backrefs]
        if isinstance(node, paragraph_permalink):
            node["anchor"] = _rename(docname, node["anchor"])
    if isinstance(node, nodes.reference) and "refuri" in node:
        node["refuri"] = _link(docname, node["refuri"])
    for child in node.children:
        if isinstance(child, nodes.Element):
            _walk(child, docname)


def unique_ids(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """On the single document only: ids unique across the pages, links that land."""
    if isinstance(app.builder, SingleFileHTMLBuilder) and docname == app.config.root_doc:
        _walk(doctree, None)
