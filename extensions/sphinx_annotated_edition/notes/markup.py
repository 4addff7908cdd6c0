"""Note text in MyST inline markup, parsed by MyST itself into inline nodes.

The text is rendered into a scratch document that shares the page's settings (so roles
such as ``{term}`` and ``{doc}`` see the page being read, in whatever process reads it)
and whose source is the notes file (so a warning about the markup names the note's line).

The core (:mod:`annotated_edition.markup`) has refused every note outside the safe subset before
it gets here; what MyST makes of the rest is checked again, node by node, with the same
policy (a project may enable MyST syntax the core does not tokenise), and every message
docutils or MyST reports while parsing becomes one of ours at the note's line.
"""

from __future__ import annotations

import logging

from docutils import nodes
from docutils.utils import Reporter
from sphinx import addnodes
from sphinx.util.docutils import new_document

from annotated_edition.markup import construct_refusal, link_refusal, role_refusal
from sphinx_annotated_edition.i18n import __
from sphinx_annotated_edition.private_api import (
    collected_logs,
    myst_inline_parser,
    render_myst_inline,
)

# What a note may hold once rendered: text, emphasis, links and the edition's roles.
_SAFE_NODES = (nodes.Text, nodes.emphasis, nodes.strong, nodes.inline, nodes.reference,
               addnodes.pending_xref)


def parse_inline(text: str, document: nodes.document, source: str,
                 line: int) -> tuple[list[nodes.Node], list[str]]:
    """The inline nodes of ``text``, and why they must not be shown (empty when safe).

    ``line`` is the note's line in ``source``.
    """
    env = document.settings.env
    scratch = new_document(source, document.settings)
    # new_document shares one reporter between documents: this one must be our own
    scratch.reporter = Reporter(source, Reporter.WARNING_LEVEL, Reporter.SEVERE_LEVEL + 1,
                                stream=False)
    messages: list[str] = []
    scratch.reporter.attach_observer(
        lambda message: messages.append(__("docutils reports: %s") % _text_of(message))
        if message["level"] >= Reporter.WARNING_LEVEL else None)
    holder = nodes.paragraph()
    md = myst_inline_parser(env, scratch)
    metadata = env.metadata.get(env.docname, {})
    kept = metadata.get("wordcount")
    # MyST logs its own warnings at the page being read (the generated article): they
    # are collected here and reported at the note's line instead
    with collected_logs() as records:
        render_myst_inline(md, text, holder, line)
    messages += [__("MyST reports: %s") % " ".join(record.getMessage().split())
                 for record in records if record.levelno >= logging.WARNING]
    if kept is None:  # the page's word count is the article's, not the note's
        metadata.pop("wordcount", None)
    else:
        metadata["wordcount"] = kept
    return list(holder.children), messages + unsafe_nodes(holder, bool(messages))


def _text_of(message: nodes.system_message) -> str:
    """A system message's own words, without the source and level docutils puts first."""
    return " ".join(" ".join(child.astext() for child in message.children).split())


def unsafe_nodes(holder: nodes.Element, reported: bool) -> list[str]:
    """What of the rendered note is outside the safe subset, each reason once.

    A refused node's content is not looked at again. The nodes docutils and MyST leave
    where they reported a problem (``problematic``, ``system_message``) are refused too,
    unless that problem was ``reported`` already: its message says more than the node.
    """
    found: list[str] = []

    def walk(node: nodes.Element) -> None:
        for child in node.children:
            if reported and isinstance(child, (nodes.problematic, nodes.system_message)):
                continue
            why = _refusal(child)
            if why is None:
                if isinstance(child, nodes.Element):
                    walk(child)
            elif why not in found:
                found.append(why)

    walk(holder)
    return found


def _refusal(node: nodes.Node) -> str | None:
    if not isinstance(node, _SAFE_NODES):
        return construct_refusal(f"a {type(node).__name__} node", node.astext())
    if isinstance(node, addnodes.download_reference):
        return role_refusal("download")
    if isinstance(node, nodes.reference):
        if "refuri" not in node:
            return construct_refusal("a reference within the page", node.astext())
        return link_refusal(str(node["refuri"]))
    if isinstance(node, addnodes.pending_xref):
        return role_refusal(str(node.get("reftype", "")))
    return None
