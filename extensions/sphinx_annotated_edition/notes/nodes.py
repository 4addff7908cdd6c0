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


# The kinds of note, each with the small sign its marker carries and the word a legend and
# the popover give it; the sign tells a framing note from a stray full stop at a glance.
KIND_SIGNS: dict[str, str] = {"context": "○", "framing": "◆", "sic": "!",
                              "cross-reference": "→"}
KIND_CLASS = "note-kind-"  # + kind: on the marker, the footnote and the margin note


class margin_note(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils naming)
    """A copy of a note beside its marker, shown in the margin of a wide screen (HTML)."""
