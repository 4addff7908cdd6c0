"""Linking the articles to the glossary, and the late changes each output format wants."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.matching import Matcher as PageMatcher

from annotated_edition.articles import Block
from annotated_edition.collation import group_letter
from annotated_edition.glossary import Entry, matches_in
from annotated_edition.matching import Match, skip_opted_out
from sphinx_annotated_edition.articles.corpus import article_of, articles_enabled
from sphinx_annotated_edition.articles.directives import ANCHOR_ATTRIBUTE
from sphinx_annotated_edition.glossary.collector import GlossaryLinksCollector
from sphinx_annotated_edition.glossary.data import env_glossary
from sphinx_annotated_edition.glossary.domain import Occurrence, glossary_domain
from sphinx_annotated_edition.glossary.latexindex import cross_references
from sphinx_annotated_edition.glossary.nodes import (
    glossary_definitions,
    glossary_link,
    occurrence_label,
    page_mark,
    register_index,
    shown_in_articles,
)

REGISTER_MARK = "edition_register"  # on index nodes of ours: the entry's id
APPARATUS = "apparatus"
# Text inside these is not the source's running text, or must not be linked again.
_NOT_TEXT = (nodes.footnote_reference, nodes.footnote, nodes.citation_reference,
             nodes.Invisible, addnodes.index, nodes.substitution_definition)
_NOT_LINKABLE = (nodes.reference, addnodes.pending_xref, nodes.literal, nodes.title,
                 nodes.rubric, nodes.subtitle, nodes.Titular, nodes.FixedTextElement,
                 nodes.raw, glossary_link)


def index_key(label: str) -> str | None:
    """Sphinx's index files a word under its first letter without accents, and a letter
    that has no plain base letter (ı, ə, Ə) after z: only then give it the letter."""
    first = unicodedata.normalize("NFD", label[:1])[:1]
    return None if first.isascii() else group_letter(label)


def register_node(entry: Entry, target: str, main: bool = False) -> addnodes.index:
    node = addnodes.index(entries=[("single", entry.index_label, target, "main" if main else "",
                                    index_key(entry.index_label))], inline=True)
    node[REGISTER_MARK] = entry.id
    return node


def _text_nodes(node: nodes.Element, linkable: bool = True
                ) -> Iterator[tuple[nodes.Text, bool]]:
    """The Text nodes of the source text in order, and whether each may take a link."""
    for child in node.children:
        if isinstance(child, nodes.Text):
            yield child, linkable
        elif isinstance(child, nodes.Element):
            if isinstance(child, _NOT_TEXT) or APPARATUS in child.get("classes", ()):
                continue
            yield from _text_nodes(child, linkable and not isinstance(child, _NOT_LINKABLE))


def links_on_page(env: BuildEnvironment, docname: str) -> bool:
    """Whether the terms are linked on ``docname`` (``edition_glossary_link_pages``).

    The setting's glob patterns of docnames select the pages; unset, the article pages
    when ``sphinx_annotated_edition.articles`` is loaded, every page otherwise. The pages
    that show the glossary itself are never linked.
    """
    if docname in glossary_domain(env).pages:
        return False
    patterns = env.config.edition_glossary_link_pages
    if patterns is None:
        return article_of(env, docname) is not None or not articles_enabled(env.config)
    return PageMatcher(list(patterns))(docname)


class LinkGlossaryTerms(SphinxTransform):
    """Find every occurrence of an entry in the paragraphs of a page and link it to the entry.

    On an article page, the paragraphs of the article (the anchors of its blocks); on any
    other page the terms link to (``links_on_page``), every paragraph, numbered ``p1``,
    ``p2``, … for the "appears in" lines.

    Priority 600: after docutils' and MyST's own reference handling, and before the notes
    (610), which add footnote markers to the same paragraphs. Neither may assume it runs
    alone: matches are located by offsets in the paragraph's source text, counting only
    the Text nodes that are source text (markers of class ``apparatus`` are skipped), and a
    match is linked only when it lies within one Text node outside any link or literal.
    """

    default_priority = 600

    def apply(self, **kwargs: Any) -> None:
        if not links_on_page(self.env, self.env.docname):
            return
        article = article_of(self.env, self.env.docname)
        if article is None:
            self.link_page()
            return
        glossary = env_glossary(self.env)
        # the article's matches, found once: for the links and for the incremental build
        article_matches = matches_in(article, glossary.matcher, glossary.skips)
        GlossaryLinksCollector.note(
            self.env, self.env.docname, article.file,
            GlossaryLinksCollector.fingerprint_of(glossary, article_matches))
        in_block: dict[str, list[Match]] = {block.anchor: [] for block in article.paragraphs}
        for anchor, match in article_matches:
            in_block[anchor].append(match)
        blocks = {block.anchor: block for block in article.blocks}
        mode = self.config.edition_glossary_link
        linked_in_article: set[str] = set()
        found: list[Occurrence] = []
        for paragraph in list(self.document.findall(nodes.paragraph)):
            anchor = paragraph.get(ANCHOR_ATTRIBUTE)
            if not anchor or anchor not in blocks:
                continue
            found += self.link_paragraph(paragraph, blocks[anchor], in_block.get(anchor),
                                         glossary, mode, linked_in_article)
        glossary_domain(self.env).note_occurrences(self.env.docname, found)

    def link_page(self) -> None:
        """Link the paragraphs of a page that is no article: each is its own block."""
        glossary = env_glossary(self.env)
        self.env.note_dependency(str(glossary.path))  # an edit of the glossary re-reads it
        mode = self.config.edition_glossary_link
        linked_in_page: set[str] = set()
        found: list[Occurrence] = []
        paragraphs = [paragraph for paragraph in self.document.findall(nodes.paragraph)
                      if not _in_apparatus(paragraph)]
        for number, paragraph in enumerate(paragraphs, start=1):
            text = "".join(str(piece) for piece, _ in _text_nodes(paragraph))
            block = Block(anchor=f"p{number}", kind="paragraph", text=text,
                          line=paragraph.line or 0, start=0)
            here = self.link_paragraph(paragraph, block, None, glossary, mode, linked_in_page)
            if here and block.anchor not in self.document.ids:
                paragraph["ids"].append(block.anchor)  # where "appears in" points
                self.document.ids[block.anchor] = paragraph
            found += here
        glossary_domain(self.env).note_occurrences(self.env.docname, found)

    def link_paragraph(self, paragraph: nodes.paragraph, block: Block,
                       block_matches: list[Match] | None, glossary: Any, mode: str,
                       linked_in_article: set[str]) -> list[Occurrence]:
        """Link the matches of one paragraph: the block's, when the paragraph shows its text."""
        pieces = list(_text_nodes(paragraph))
        text = "".join(str(piece) for piece, _ in pieces)
        matches = (block_matches if block_matches is not None and text == block.text
                   else skip_opted_out(text, glossary.matcher.find(text), glossary.skips))
        spans: list[tuple[int, int, nodes.Text, bool]] = []
        offset = 0
        for piece, linkable in pieces:
            spans.append((offset, offset + len(piece), piece, linkable))
            offset += len(piece)
        # the paragraph's text is the block's (fidelity); if not, offsets are local only
        base = block.start if text == block.text else 0
        by_node: dict[int, list[tuple[Match, bool]]] = {}
        found: list[Occurrence] = []
        indexed: set[str] = set()
        linked_here: set[str] = set()
        for match in matches:
            span = next((s for s in spans if s[0] <= match.start and match.end <= s[1]), None)
            if span is None or not span[3]:
                continue  # inside a link or a literal, or across a marker: left alone
            entry = glossary.by_id[match.entry_id]
            link = entry.link and (mode == "every"
                    or (mode == "paragraph" and entry.id not in linked_here)
                    or (mode == "article" and entry.id not in linked_in_article))
            linked_here.add(entry.id)
            linked_in_article.add(entry.id)
            found.append(Occurrence(entry.id, self.env.docname, block.anchor,
                                    base + match.start, base + match.end, match.matched))
            index = entry.id not in indexed  # the first in the paragraph: labelled for print
            indexed.add(entry.id)
            by_node.setdefault(id(span[2]), []).append((match, link, index))  # type: ignore[arg-type]
        for start, _end, piece, _ in spans:
            if id(piece) in by_node:
                self.split(piece, start, by_node[id(piece)], glossary, block.anchor)
        return found

    def split(self, piece: nodes.Text, start: int, hits: list[Any], glossary: Any,
              anchor: str) -> None:
        """Replace one Text node by text, index entries and links, in order."""
        source = str(piece)
        out: list[nodes.Node] = []
        at = 0
        for match, link, index in hits:
            begin, end = match.start - start, match.end - start
            if begin > at:
                out.append(nodes.Text(source[at:begin]))
            entry = glossary.by_id[match.entry_id]
            if index:
                out.append(page_mark(label=occurrence_label(self.env.docname, anchor,
                                                            entry.id)))
            if index and entry.in_register:
                out.append(register_node(entry, anchor))
            words = source[begin:end]
            if link:
                xref = addnodes.pending_xref(
                    "", nodes.inline(words, words, classes=["xref", "std", "std-term"]),
                    refdomain="std", reftype="term", reftarget=entry.term,
                    refdoc=self.env.docname, refexplicit=True, refwarn=True)
                out.append(glossary_link("", "", xref, entry_id=entry.id))
            else:
                out.append(nodes.Text(words))
            at = end
        if at < len(source):
            out.append(nodes.Text(source[at:]))
        parent = piece.parent
        # by identity: Text nodes compare as strings, so list.index could pick a twin
        position = next(i for i, child in enumerate(parent.children) if child is piece)
        parent[position:position + 1] = out


def _in_apparatus(node: nodes.Element) -> bool:
    """Whether a paragraph is inside what is not running text (a glossary, a comment)."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (*_NOT_TEXT, addnodes.glossary)) or \
                APPARATUS in parent.get("classes", ()):
            return True
        parent = parent.parent
    return False


class EmbedDefinitions(SphinxPostTransform):
    """Put the definitions of the terms linked on a page into the page, for the popovers.

    Priority 20: after the reference resolver (10), so only links that resolved count.
    """

    default_priority = 20
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        glossary = env_glossary(self.env)
        ids = sorted({link["entry_id"] for link in self.document.findall(glossary_link)
                      if any(True for _ in link.findall(nodes.reference))})
        entries = [glossary.by_id[i] for i in ids if i in glossary.by_id]
        if entries:
            self.document += glossary_definitions("", entries=[
                shown_in_articles(entry) for entry in entries])


class CollatedLatexIndex(SphinxPostTransform):
    """In LaTeX, our index entries carry a sort key from the collation (see collation.py)."""

    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        glossary = env_glossary(self.env)
        for node in list(self.document.findall(addnodes.index)):
            entry = glossary.by_id.get(node.get(REGISTER_MARK, ""))
            if entry is None:
                continue
            main = any(e[3] == "main" for e in node["entries"])
            node.replace_self(register_index(
                "", label=entry.index_label, main=main, category=entry.category,
                see=cross_references(entry) if main else []))


def data_file_location(entry: Entry) -> str:
    return f"{Path(entry.path)}:{entry.line}"
