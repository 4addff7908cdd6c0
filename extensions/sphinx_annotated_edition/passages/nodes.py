"""Doctree nodes of the shared passages: the page's placeholder, its targets, the signs."""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.text import TextTranslator

from sphinx_annotated_edition.private_api import latex_label
from sphinx_annotated_edition.visitors import skip_node

__all__ = ["passage_sign", "passage_target", "shared_passages", "skip_node", "visit_sign_html",
           "visit_sign_latex", "visit_sign_text", "visit_target_latex"]

SIGN = "⇄"  # two copies of one text; FreeSerif has it, so the PDF prints it too


class shared_passages(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """Where the passages go: replaced at ``doctree-resolved``, once every article is read."""


class passage_target(nodes.Inline, nodes.Element):  # noqa: N801
    """A place a sign leads to: the container's id in HTML, a label in LaTeX."""


class passage_sign(nodes.Inline, nodes.Element):  # noqa: N801
    """The discreet sign beside a paragraph that recurs in another article.

    Attributes: ``refuri`` (the passage on the "Shared passages" page, relative to the
    page being written), ``label`` (what it says to a screen reader and on hover).
    """


def visit_sign_html(self: HTML5Translator, node: passage_sign) -> None:
    label = escape(node["label"], quote=True)
    self.body.append(
        f'<a class="passage-sign apparatus" href="{escape(node["refuri"], quote=True)}" '
        f'title="{label}" aria-label="{label}">{SIGN}</a>')
    raise nodes.SkipNode


def visit_sign_latex(self: LaTeXTranslator, node: passage_sign) -> None:
    target = latex_label(node["refuri"])
    if target is not None:
        self.body.append(r"\,\textsuperscript{" + self.hyperlink(target) +
                         r"\textsf{" + SIGN + "}}}}")
    raise nodes.SkipNode


def visit_sign_text(self: TextTranslator, node: passage_sign) -> None:
    self.add_text(f" [{SIGN} {node['label']}]")
    raise nodes.SkipNode


def visit_target_latex(self: LaTeXTranslator, node: passage_target) -> None:
    self.body.append(self.hypertarget(node["refid"]))
    raise nodes.SkipNode

