"""What the notes add inside the article text: the [sic] mark (a plain inline).

Every node added into the text carries the class ``apparatus``, so that readers and tests
can tell the edition's additions from the source's words.
"""

from __future__ import annotations

from docutils import nodes

APPARATUS = "apparatus"
NOTE_REF_CLASS = "edition-note-ref"
NOTE_CLASS = "edition-note"


def is_apparatus(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and APPARATUS in node["classes"]


def sic_mark() -> nodes.inline:
    """" [sic]" after the words the source got wrong; its space belongs to the mark and
    does not break, so the mark never starts a line."""
    return nodes.inline("", "", nodes.Text("\u00a0["), nodes.emphasis("sic", "sic"),
                        nodes.Text("]"), classes=[APPARATUS, "sic"])
