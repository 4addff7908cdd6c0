"""Doctree nodes of the article pages."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from sphinx_annotated_edition.i18n import _


class paragraph_permalink(nodes.Inline, nodes.Element):  # noqa: N801 (docutils naming)
    """The paragraph's number, which is also the link that gives its address."""


def paragraph_number(anchor: str) -> str:
    """The number a reader cites (¶ 12) of the anchor ``p12``: the same everywhere."""
    return anchor.lstrip("p")


def visit_paragraph_permalink_html(self: HTML5Translator, node: paragraph_permalink) -> None:
    """The number in the margin (at the paragraph's start on a phone); it is the permalink."""
    anchor = node["anchor"]
    # the number shown stays when singlehtml renames the id (articles/<slug>/p3)
    number = node.get("number") or paragraph_number(anchor)
    label = _("Paragraph %s: its address") % number
    self.body.append(
        f'<a class="paragraph-permalink paragraph-number apparatus" href="#{anchor}" '
        f'title="{label}" aria-label="{label}">{number}</a>')
    raise nodes.SkipNode


def visit_paragraph_permalink_latex(self: LaTeXTranslator, node: paragraph_permalink) -> None:
    """The paragraph's number in the margin (editionarticles.sty), where links to it land."""
    self.body.append(self.hypertarget(node["anchor"]))
    number = node["anchor"].lstrip("p")
    if number.isdigit():
        self.body.append(rf"\editionparnum{{{number}}}")
    raise nodes.SkipNode
