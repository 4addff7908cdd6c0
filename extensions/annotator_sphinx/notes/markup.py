"""Note text in MyST inline markup, parsed by MyST itself into inline nodes.

The text is rendered into a scratch document that shares the page's settings (so roles
such as ``{term}`` and ``{doc}`` see the page being read, in whatever process reads it)
and whose source is the notes file (so a warning about the markup names the note's line).
"""

from __future__ import annotations

from docutils import nodes
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from sphinx.util.docutils import new_document


def parse_inline(text: str, document: nodes.document, source: str,
                 line: int) -> list[nodes.Node]:
    """The inline nodes of ``text``; ``line`` is the note's line in ``source``."""
    env = document.settings.env
    scratch = new_document(source, document.settings)
    holder = nodes.paragraph()
    md = create_md_parser(env.myst_config, SphinxRenderer)
    md.options["document"] = scratch
    md.options["current_node"] = holder
    md_env: dict[str, object] = {}
    tokens = md.parseInline(text, md_env)
    for token in tokens:
        token.map = [line - 1, line - 1]  # the renderer makes them 1-based
    metadata = env.metadata.get(env.docname, {})
    kept = metadata.get("wordcount")
    md.renderer.render(tokens, md.options, md_env)
    if kept is None:  # the page's word count is the article's, not the note's
        metadata.pop("wordcount", None)
    else:
        metadata["wordcount"] = kept
    return list(holder.children)
