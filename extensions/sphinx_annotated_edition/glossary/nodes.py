"""Doctree nodes of the glossary, and how each output format shows them."""

from __future__ import annotations

import functools
import html

from docutils import nodes
from docutils.utils.smartquotes import smartyPants
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from annotated_edition.glossary import Entry
from sphinx_annotated_edition.glossary.latexindex import SEE, register_key
from sphinx_annotated_edition.i18n import _lazy
from sphinx_annotated_edition.private_api import (
    LATEX_INDEX_ENTRY,
    LATEX_INDEX_MAIN_PAGE,
    add_attributes_to_tag,
    latex_escaped_label,
    latex_label,
)


def occurrence_label(docname: str, anchor: str, entry_id: str) -> str:
    """The LaTeX label at an entry's first word in a paragraph: "appears in" gives its page."""
    return f"{docname}:{anchor}-{entry_id}"


@functools.lru_cache(maxsize=4096)  # performance: every page embeds the same definitions
def typographic(text: str) -> str:
    """The editor's straight quotes as curly ones, as the texts print theirs (the data file
    keeps what the editor typed)."""
    return str(smartyPants(text, attr="q", language="en"))

POPOVER_PREFIX = "glossary-def-"  # id of an entry's definition embedded in a page
# the category an entry's definition starts with, as a reader is told it
CATEGORY_NAMES = {
    "person": _lazy("person"),
    "place": _lazy("place"),
    "organisation": _lazy("organisation"),
    "agreement": _lazy("agreement"),
    "event": _lazy("event"),
    "concept": _lazy("concept"),
}


def shown_in_articles(entry: Entry) -> tuple[str, str, str, str, str, str, bool]:
    """What an article page shows of an entry it links to: the popover, the index label,
    whether it is linked at all.

    (Its aliases, case rule and opt-outs decide where it is linked, not what is shown.)
    """
    return (entry.id, entry.term, entry.category, entry.dates or "", entry.definition,
            entry.index_label, entry.link)


class glossary_link(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils naming)
    """Wraps the cross-reference of one linked occurrence: the words are the source's."""


class glossary_occurrences(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for an entry's "appears in" line, filled once every article is read."""


class glossary_definitions(nodes.General, nodes.Element):  # noqa: N801
    """The definitions of the entries linked on a page, for the popovers (HTML only)."""


class page_mark(nodes.Inline, nodes.Element):  # noqa: N801
    """Where an entry first stands in a paragraph: the page "appears in" gives in print."""


def visit_page_mark_latex(self: LaTeXTranslator, node: page_mark) -> None:
    self.body.append(rf"\phantomsection\label{{\detokenize{{{node['label']}}}}}")
    raise nodes.SkipNode


class register_index(nodes.Inline, nodes.Element):  # noqa: N801
    """An index entry whose LaTeX sort key comes from our collation, not the raw text."""


def visit_glossary_link_html(self: HTML5Translator, node: glossary_link) -> None:
    node["body_start"] = len(self.body)


def depart_glossary_link_html(self: HTML5Translator, node: glossary_link) -> None:
    """Tie the link Sphinx wrote to the definition: the resolver's <a> takes no attributes."""
    entry = html.escape(node["entry_id"], quote=True)
    add_attributes_to_tag(self.body, "a", f'aria-describedby="{POPOVER_PREFIX}{entry}" '
                          f'data-glossary="{entry}"', node["body_start"])


def visit_glossary_link_latex(self: LaTeXTranslator, node: glossary_link) -> None:
    """The linked words in the text's own colour (annotator-glossary.sty)."""
    self.body.append(r"\annotatortermstart{}")


def depart_glossary_link_latex(self: LaTeXTranslator, node: glossary_link) -> None:
    """After the linked words, a small mark that links to the entry in the glossary."""
    label = ""
    for ref in node.findall(nodes.reference):
        target = latex_label(ref.get("refuri", ""))
        if target is not None:
            label = latex_escaped_label(self, target)
            break
    self.body.append(rf"\annotatorglossref{{{label}}}" if label else r"\endgroup{}")


def visit_glossary_definitions_html(self: HTML5Translator,
                                    node: glossary_definitions) -> None:
    self.body.append('<div class="glossary-definitions apparatus" hidden="hidden">\n')
    for entry_id, term, category, dates, definition, *_ in node["entries"]:
        extra = f" ({html.escape(dates)})" if dates else ""
        definition = typographic(definition)
        self.body.append(
            f'<span id="{POPOVER_PREFIX}{html.escape(entry_id, quote=True)}" '
            f'class="glossary-definition" role="tooltip">'
            f'<strong class="glossary-definition-term">{html.escape(term)}</strong> '
            f'<span class="glossary-definition-category">'
            f'{html.escape(str(CATEGORY_NAMES.get(category, category)))}</span>'
            f'{extra}: {html.escape(definition)}</span>\n')
    self.body.append("</div>\n")
    raise nodes.SkipNode


def _index_text(self: LaTeXTranslator, text: str) -> str:
    label = self.encode(text)
    for old, new in (("\\{", r"\sphinxleftcurlybrace{}"), ("\\}", r"\sphinxrightcurlybrace{}"),
                     ('"', '""'), ("@", '"@'), ("!", '"!'), ("|", r"\textbar{}")):
        label = label.replace(old, new)
    return label


def visit_register_index_latex(self: LaTeXTranslator, node: register_index) -> None:
    """``\\index{key@entry}`` with an ASCII key, so makeindex and xindy both file Ç by C.

    The key starts with the register's digit (persons, places, …: see latexindex.py); the
    other forms of a name are filed as "see" references to it.
    """
    category = node.get("category", "")
    label = _index_text(self, node["label"])
    main = f"|{LATEX_INDEX_MAIN_PAGE}" if node.get("main") else ""
    key = register_key(category, node["label"])
    self.body.append(rf"\index{{{key}@{LATEX_INDEX_ENTRY}{{{label}}}{main}}}")
    forms: list[str] = node.get("see", [])
    for form in forms:
        self.body.append(rf"\index{{{register_key(category, form)}@{LATEX_INDEX_ENTRY}{{"
                         rf"{_index_text(self, form)}}}|{SEE}{{{label}}}}}")
    raise nodes.SkipNode


def pass_node(self: object, node: nodes.Node) -> None:
    """Formats without popovers or page references show the link as it is."""
