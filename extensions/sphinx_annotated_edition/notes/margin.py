"""Margin notes: each note copied beside its marker, for the margin of a wide screen.

The footnotes stay where they are (the list under the article, the popover's source): on
a phone and in print they are the notes. On a wide screen the stylesheet floats each copy
into the right margin at the line of its marker and hides the list, so the note is read
where it is called, with or without JavaScript.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from sphinx_annotated_edition.builders import builds_epub
from sphinx_annotated_edition.i18n import _
from sphinx_annotated_edition.notes.nodes import (
    APPARATUS,
    KIND_CLASS,
    KIND_SIGNS,
    NOTE_REF_CLASS,
    margin_note,
)
from sphinx_annotated_edition.notes.transforms import KIND_ATTRIBUTE


def kind_label(kind: str) -> str:
    """The kind of a note as the reader is told it (legend, popover, margin)."""
    labels = {"context": _("context"), "framing": _("framing"), "sic": _("sic"),
              "cross-reference": _("cross-reference")}
    return labels.get(kind, kind)


def _without_ids(node: nodes.Node) -> nodes.Node:
    """A copy whose elements carry no ids: an id is the original's alone."""
    twin = node.deepcopy()  # copy.deepcopy would follow .parent and copy the document
    if isinstance(twin, nodes.Element):
        for element in twin.findall(nodes.Element):
            element["ids"] = []
    return twin


class AddMarginNotes(SphinxPostTransform):
    """After each note marker, a copy of its note (HTML only).

    Priority 30: after the references are resolved (10), so the copy holds real links.
    """

    default_priority = 30
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if builds_epub(self.document):  # reading systems pop footnotes up themselves
            return
        footnotes = {ident: node for node in self.document.findall(nodes.footnote)
                     for ident in node["ids"]}
        for reference in list(self.document.findall(nodes.footnote_reference)):
            if NOTE_REF_CLASS not in reference["classes"]:
                continue
            footnote = footnotes.get(reference.get("refid", ""))
            if footnote is None:
                continue
            kind = str(reference.get(KIND_ATTRIBUTE, ""))
            body = [_without_ids(child) for paragraph in footnote.findall(nodes.paragraph)
                    for child in paragraph.children]
            note = margin_note("", "", *body, number=reference.astext().strip("[]"),
                               kind=kind, classes=[APPARATUS, "margin-note",
                                                   f"{KIND_CLASS}{kind}"])
            parent = reference.parent
            parent.insert(parent.index(reference) + 1, note)


def visit_margin_note_html(self: HTML5Translator, node: margin_note) -> None:
    """``<small>``: a side comment, and the one inline element a note's text never holds."""
    number, kind = node["number"], node["kind"]
    label = kind_label(kind)
    # focusable: a long note, cut short in the margin, opens in full on focus or hover
    attributes: dict[str, Any] = {"role": "note", "tabindex": "0",
                                  "aria-label": _("Note %s (%s)") % (number, label)}
    self.body.append(self.starttag(node, "small", "", **attributes))
    self.body.append('<span class="margin-note-body">')
    sign = KIND_SIGNS.get(kind, "")
    self.body.append(f'<span class="margin-note-label"><span class="margin-note-number">'
                     f'{self.encode(number)}</span> <span class="note-kind-sign" '
                     f'aria-hidden="true">{sign}</span> <span class="margin-note-kind">'
                     f'{self.encode(label)}</span></span> ')


def depart_margin_note_html(self: HTML5Translator, node: margin_note) -> None:
    self.body.append("</span></small>")
