"""Notes become real footnotes: a marker after the quoted words, the note at the end.

``AddNotes`` runs at priority 610: after the glossary's linking (which may already have
split the paragraph's text into several nodes) and before docutils' ``Footnotes``
transform (620), which numbers the footnotes in the order they are noted here.
``GatherNotes`` runs at 625, after MyST's ``CollectFootnotes`` (623) has moved every
footnote to the end of the document, and puts the notes back under the article's text.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import docname_join

from annotated_edition.notes import AnchoredNote
from annotated_edition.problems import excerpt
from annotated_edition.webannotation import AnnotationRecord
from sphinx_annotated_edition.articles.corpus import article_of
from sphinx_annotated_edition.articles.directives import ANCHOR_ATTRIBUTE, FILE_ATTRIBUTE
from sphinx_annotated_edition.i18n import _, __
from sphinx_annotated_edition.notes.collector import ArticleNotesCollector
from sphinx_annotated_edition.notes.data import note_set
from sphinx_annotated_edition.notes.domain import NotesDomain
from sphinx_annotated_edition.notes.markup import parse_inline
from sphinx_annotated_edition.notes.nodes import (
    APPARATUS,
    KIND_CLASS,
    NOTE_CLASS,
    NOTE_REF_CLASS,
    is_apparatus,
    sic_mark,
)
from sphinx_annotated_edition.warnings_ import Subtype, warn

PURPOSES = {"context": "describing", "framing": "commenting", "sic": "editing",
            "cross-reference": "linking"}
NOTES_CONTAINER_CLASS = "edition-notes"
KIND_ATTRIBUTE = "edition_note_kind"  # on a note's marker: its kind


def _texts(paragraph: nodes.Element) -> list[tuple[nodes.Text, int]]:
    """Every Text node of the source's words with its offset; additions are skipped."""
    found: list[tuple[nodes.Text, int]] = []
    offset = 0

    def walk(node: nodes.Element) -> None:
        nonlocal offset
        for child in node.children:
            if isinstance(child, nodes.Text):
                found.append((child, offset))
                offset += len(child)
            elif isinstance(child, nodes.Element) and not is_apparatus(child):
                walk(child)

    walk(paragraph)
    return found


def paragraph_text(paragraph: nodes.Element) -> str:
    return "".join(str(text) for text, _ in _texts(paragraph))


def insert_at(paragraph: nodes.Element, offset: int, additions: list[nodes.Node]) -> None:
    """Insert nodes after the character before ``offset`` of the paragraph's source text.

    When that character is inside an inline element (a glossary link, say), the
    additions go right after the element; they follow additions already there.
    """
    for text, start in _texts(paragraph):
        if start < offset <= start + len(text):
            break
    else:
        raise ValueError(f"offset {offset} is not in the paragraph")
    top: nodes.Node = text
    while top.parent is not paragraph:
        top = top.parent
    if top is text and offset < start + len(text):
        cut = offset - start
        before, after = nodes.Text(str(text)[:cut]), nodes.Text(str(text)[cut:])
        paragraph.replace(text, [before, after])
        top = before
    index = paragraph.index(top) + 1
    while index < len(paragraph) and is_apparatus(paragraph[index]):
        index += 1
    for position, node in enumerate(additions):
        paragraph.insert(index + position, node)


DOC_TITLE = "\x00"  # around a docname in a body whose link text is the page's title


def plain_text(node: nodes.Node, docname: str) -> str:
    """The note as plain text; a ``{doc}`` link without a text becomes a title slot."""
    if isinstance(node, addnodes.pending_xref) and node.get("reftype") == "doc" and \
            not node.get("refexplicit"):
        return f"{DOC_TITLE}{docname_join(docname, str(node['reftarget']))}{DOC_TITLE}"
    if isinstance(node, nodes.Element):
        return "".join(plain_text(child, docname) for child in node.children)
    return node.astext()


def _linked_docs(parsed: list[nodes.Node], docname: str, found: set[str]) -> tuple[str, ...]:
    """The pages a note links to (``{doc}`` roles and Markdown links to documents)."""
    docs: list[str] = []
    for node in parsed:
        if not isinstance(node, nodes.Element):
            continue
        for xref in node.findall(addnodes.pending_xref):
            target = str(xref.get("reftarget", ""))
            if xref.get("refdomain") == "std" and xref.get("reftype") == "doc":
                target = docname_join(docname, target)
            elif xref.get("refdomain") != "doc":
                continue
            if target in found and target not in docs:
                docs.append(target)
    return tuple(docs)


class AddNotes(SphinxTransform):
    """Put each note of an article page after its words, as an auto-numbered footnote."""

    default_priority = 610

    def apply(self, **kwargs: Any) -> None:
        docname = self.env.docname
        article = article_of(self.env, docname)
        if article is None:
            return
        notes = note_set(self.config)
        ArticleNotesCollector.note(self.env, docname, article.file)
        paragraphs = {node[ANCHOR_ATTRIBUTE]: node
                      for node in self.document.findall(nodes.paragraph)
                      if node.get(FILE_ATTRIBUTE) == article.file and
                      node.get(ANCHOR_ATTRIBUTE)}
        records: list[AnnotationRecord] = []
        footnotes: list[nodes.footnote] = []
        for note in notes.of(article.file):
            paragraph = paragraphs.get(note.anchor)
            if paragraph is None:
                continue
            footnote = self.place(note, paragraph, len(footnotes) + 1)
            if footnote is None:
                continue
            footnotes.append(footnote)
            records.append(self.record(note, footnote))
        if footnotes:
            section = next(iter(paragraphs.values())).parent
            container = nodes.container(classes=[NOTES_CONTAINER_CLASS])
            container.extend(footnotes)
            section.append(container)
        domain = self.env.domains[NotesDomain.name]
        assert isinstance(domain, NotesDomain)
        domain.add(docname, records)

    def place(self, note: AnchoredNote, paragraph: nodes.paragraph,
              number: int) -> nodes.footnote | None:
        text = paragraph_text(paragraph)
        if text[note.block_start:note.block_end] != note.exact:
            warn(__("article %(file)s (%(slug)s): the quote %(quote)r is no longer at its "
                    "place in paragraph %(anchor)s; the note is left out") % {
                     "file": note.file, "slug": note.slug, "quote": note.exact,
                     "anchor": note.anchor},
                 Subtype.NOTE_QUOTE, f"{note.note.path}:{note.note.quote_line}")
            return None
        body, refused = parse_inline(note.note.text, self.document, note.note.path,
                                     note.note.text_line)
        for why in refused:
            warn(__("note on %(quote)s in %(article)s: %(why)s; the note is left out") % {
                     "quote": excerpt(note.exact), "article": note.note.article, "why": why},
                 Subtype.MARKUP, f"{note.note.path}:{note.note.text_line}")
        if refused:
            return None
        name = f"edition-note-{number}"
        footnote = nodes.footnote(auto=1, ids=[f"note-{number}"], names=[name],
                                  classes=[NOTE_CLASS, f"{NOTE_CLASS}-{note.note.kind}"])
        footnote += nodes.paragraph("", "", *body)
        footnote.source, footnote.line = note.note.path, note.note.text_line
        self.document.note_autofootnote(footnote)
        self.document.note_explicit_target(footnote, footnote)
        reference = nodes.footnote_reference(
            "", refname=name, auto=1,
            classes=[APPARATUS, NOTE_REF_CLASS, f"{KIND_CLASS}{note.note.kind}"])
        reference[KIND_ATTRIBUTE] = note.note.kind
        self.document.note_autofootnote_ref(reference)
        self.document.note_footnote_ref(reference)
        additions: list[nodes.Node] = [reference]
        if note.note.kind == "sic":
            additions.insert(0, sic_mark())
        insert_at(paragraph, note.marker, additions)
        return footnote

    def record(self, note: AnchoredNote, footnote: nodes.footnote) -> AnnotationRecord:
        body = footnote[0]
        return AnnotationRecord(
            docname=self.env.docname, anchor=note.anchor, start=note.block_start,
            end=note.block_end, exact=note.exact, prefix=note.prefix, suffix=note.suffix,
            body=" ".join(plain_text(body, self.env.docname).split()),
            purpose=PURPOSES[note.note.kind],
            ident=footnote["ids"][0],
            links=_linked_docs(list(body.children), self.env.docname, self.env.found_docs))


class GatherNotes(SphinxTransform):
    """Keep the notes under the article (MyST moves every footnote to the page's end)."""

    default_priority = 625

    def apply(self, **kwargs: Any) -> None:
        for container in self.document.findall(nodes.container):
            if NOTES_CONTAINER_CLASS not in container["classes"]:
                continue
            ours = [footnote for footnote in self.document.findall(nodes.footnote)
                    if NOTE_CLASS in footnote["classes"]]
            for footnote in ours:
                footnote.parent.remove(footnote)
            heading = addnodes.only(expr="html")  # in print the notes are at the foot
            notes = _("Notes")
            heading += nodes.rubric(notes, notes, classes=["edition-notes-heading"])
            container.children = []
            container += [heading, *ours]
            self._drop_dangling_transition()
            self._move_before_editorial_note(container)
            return

    def _drop_dangling_transition(self) -> None:
        last = self.document.children[-1] if self.document.children else None
        if isinstance(last, nodes.transition) and "footnotes" in last["classes"]:
            self.document.remove(last)

    @staticmethod
    def _move_before_editorial_note(container: nodes.container) -> None:
        section = container.parent
        blocks = [index for index, child in enumerate(section.children)
                  if isinstance(child, nodes.Element) and child.get(ANCHOR_ATTRIBUTE)]
        if not blocks:
            return
        section.remove(container)
        section.insert(blocks[-1] + 1, container)
