"""The glossary in print: dictionary entries run in, one paragraph each.

On the web each entry is a definition list item with its labelled lines (category, dates,
other forms, see also, appears in); printed so, it filled a third of the book. In LaTeX
each item becomes one paragraph: the term in bold, then the lines run on, as a
dictionary sets them.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

PRINT_CLASS = "edition-glossary-print"  # editionbook.sty styles the run-in entries


def _ends_a_sentence(node: nodes.Element) -> bool:
    return node.astext().rstrip().endswith((".", "!", "?", ")."))


def run_in(item: nodes.definition_list_item) -> nodes.paragraph:
    """One paragraph of an entry: target, index entries and term, then its lines."""
    term = next(iter(item.findall(nodes.term)))
    para = nodes.paragraph()
    para += nodes.target("", "", ids=term["ids"] + item["ids"])
    words = [child for child in term.children if isinstance(child, nodes.Text)]
    para += [child.deepcopy() for child in term.children if not isinstance(child, nodes.Text)]
    para += nodes.strong("", "", *[nodes.Text(str(word)) for word in words])
    for definition in item.findall(nodes.definition):
        for child in definition.children:
            para += nodes.Text(" ")
            if isinstance(child, nodes.paragraph):
                para += child.children
                if not _ends_a_sentence(child):
                    para += nodes.Text(".")
            else:  # a placeholder (the "appears in" line, filled later) stays as it is
                para += child
    return para


class CompactGlossary(SphinxPostTransform):
    """Replace each glossary's definition list by run-in paragraphs (LaTeX only).

    Priority 500: after the glossary's own LaTeX index entries (400), which it keeps.
    """

    default_priority = 500
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for glossary in list(self.document.findall(addnodes.glossary)):
            items = list(glossary.findall(nodes.definition_list_item))
            if not items:
                continue
            compact = nodes.container(classes=[PRINT_CLASS])
            compact += [run_in(item) for item in items]
            glossary.replace_self(compact)
