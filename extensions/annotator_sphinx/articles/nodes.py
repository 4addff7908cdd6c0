"""Doctree nodes of the article pages."""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator


class paragraph_permalink(nodes.Inline, nodes.Element):  # noqa: N801 (docutils naming)
    """The pilcrow link that lets a reader copy the address of one paragraph."""


def visit_paragraph_permalink_html(self: HTML5Translator, node: paragraph_permalink) -> None:
    anchor = node["anchor"]
    number = node.get("number") or anchor.lstrip("p")
    self.body.append(
        f'<a class="paragraph-permalink apparatus" href="#{anchor}" '
        f'title="Link to paragraph {number}" aria-label="Link to paragraph {number}">¶</a>')
    raise nodes.SkipNode


def visit_paragraph_permalink_latex(self: LaTeXTranslator, node: paragraph_permalink) -> None:
    """A PDF has no pilcrow, but links to the paragraph (from notes, the chronology) land."""
    self.body.append(self.hypertarget(node["anchor"]))
    raise nodes.SkipNode


def skip_node(self: object, node: nodes.Node) -> None:
    raise nodes.SkipNode
