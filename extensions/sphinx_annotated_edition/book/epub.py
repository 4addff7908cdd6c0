"""The EPUB 3 edition: notes that reading systems pop up, and complete package metadata.

Sphinx's EPUB builder writes no language on ``<html>``, no ``epub:type`` on notes, an
identifier, description and contributor "unknown", no accessibility metadata, a nav
without ``role="doc-toc"`` and an empty "Footnotes" heading on pages without notes. The
builder here (registered as ``epub``, replacing Sphinx's) and its translator fix these;
the post-transforms, which run for the EPUB builder only, turn the web's hidden popover
definitions into asides the notes' way and the paragraph permalinks into visible numbers.
The HTML visitors of the project's own nodes are left to HTML.
"""

from __future__ import annotations

import html
import re
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.builders.epub3 import Epub3Builder, NavPoint
from sphinx.locale import _ as sphinx_label  # Sphinx's own words, in its own catalog
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from sphinx_annotated_edition.articles.nodes import paragraph_permalink
from sphinx_annotated_edition.book.titlepage import edition_articles
from sphinx_annotated_edition.glossary.nodes import (
    POPOVER_PREFIX,
    glossary_definitions,
    glossary_link,
    typographic,
)
from sphinx_annotated_edition.i18n import _
from sphinx_annotated_edition.private_api import add_attributes_to_tag, drop_footnote_brackets

if TYPE_CHECKING:  # the NCX points, a type only (of a private module of Sphinx)
    from sphinx.builders._epub_base import NavPoint as NcxPoint

EPUB_CSS = "edition-epub.css"
GLOSSARY_NOTEREF = "edition-glossary-noteref"  # class of a term link to its aside
FOOTNOTES_RUBRIC = "Footnotes"  # what Sphinx's EPUB builder names its rubric
# Readers with CSS: the numbers beside the paragraphs, markers raised, asides quiet.
# basic.css adds a colon after field names, which already end with one.
CSS = """\
.paragraph-number { font-family: sans-serif; font-size: 0.7em; color: #666;
  display: inline-block; min-width: 2em; vertical-align: 0.1em; }
a.footnote-reference { vertical-align: super;
  font-size: 0.7em; text-decoration: none; }
a.footnote-reference.brackets:before, a.footnote-reference.brackets:after { content: none; }
dl.field-list > dt:after { content: none; }
aside.glossary-definition { font-size: 0.9em; margin: 0.4em 0; }
"""


class EditionEpubTranslator(HTML5Translator):
    """Notes as EPUB 3 notes: ``epub:type`` on markers and notes, numbered without
    brackets (square brackets are the edition's sign for what it adds to the text)."""

    def visit_footnote_reference(self, node: nodes.Element) -> None:
        start = len(self.body)
        super().visit_footnote_reference(node)
        add_attributes_to_tag(self.body, "a", 'epub:type="noteref"', start)
        drop_footnote_brackets(self.body, start)

    def depart_footnote_reference(self, node: nodes.footnote_reference) -> None:
        start = len(self.body)
        super().depart_footnote_reference(node)
        drop_footnote_brackets(self.body, start)

    def visit_label(self, node: nodes.label) -> None:
        start = len(self.body)
        super().visit_label(node)
        drop_footnote_brackets(self.body, start)

    def depart_label(self, node: nodes.label) -> None:
        start = len(self.body)
        super().depart_label(node)
        drop_footnote_brackets(self.body, start)

    def visit_footnote(self, node: nodes.footnote) -> None:
        start = len(self.body)
        super().visit_footnote(node)
        add_attributes_to_tag(self.body, "aside", 'epub:type="footnote"', start,
                              having='role="doc-footnote"')

    def visit_reference(self, node: nodes.Element) -> None:
        start = len(self.body)
        super().visit_reference(node)
        if GLOSSARY_NOTEREF in node.get("classes", ()):
            add_attributes_to_tag(self.body, "a", 'epub:type="noteref" role="doc-noteref"', start)


class EditionEpub3Builder(Epub3Builder):
    """Sphinx's EPUB 3 builder with languages, metadata and navigation completed."""

    default_translator_class = EditionEpubTranslator

    def prepare_writing(self, docnames: Any) -> None:
        super().prepare_writing(docnames)
        lang = html.escape(self.config.epub_language or "en")
        self.globalcontext["html_tag"] = (
            '<html xmlns="http://www.w3.org/1999/xhtml" '
            f'xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">')

    def init_css_files(self) -> None:
        super().init_css_files()
        self.add_css_file(EPUB_CSS, priority=900)

    def copy_html_favicon(self) -> None:
        """A book has no browser tab: the web's favicon would be a stray file in it."""

    def copy_static_files(self) -> None:
        super().copy_static_files()
        static = Path(self.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        (static / EPUB_CSS).write_text(CSS, encoding="utf-8")

    def add_visible_links(self, tree: nodes.document, show_urls: str = "inline") -> None:
        """Sphinx adds an empty "Footnotes" rubric to a page without URLs: take it out."""
        super().add_visible_links(tree, show_urls)
        for rubric in list(tree.findall(nodes.rubric)):
            if rubric.astext() == sphinx_label(FOOTNOTES_RUBRIC) and not isinstance(
                    rubric.next_node(descend=False, siblings=True), nodes.footnote):
                rubric.parent.remove(rubric)

    def init(self) -> None:
        """Without ``epub_identifier`` in conf.py, a stable URN from the project's title
        (the OPF and the NCX read the same value); without ``epub_description``, the
        subtitle."""
        config = self.config
        if config.epub_identifier == "unknown":
            config.epub_identifier = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, config.project)}"
            config.epub_scheme = "uuid"
        if config.epub_uid == "unknown":
            config.epub_uid = "edition-id"
        if config.epub_description == "unknown":
            config.epub_description = config.edition_subtitle or config.project
        super().init()

    def build_content(self) -> None:
        super().build_content()
        opf = Path(self.outdir) / "content.opf"
        text = opf.read_text(encoding="utf-8")
        text = re.sub(r"\s*<dc:contributor>unknown</dc:contributor>", "", text)
        text = re.sub(r"\s*<dc:description></dc:description>", "", text)
        text = text.replace("  </metadata>", self.extra_metadata() + "  </metadata>", 1)
        opf.write_text(text, encoding="utf-8")

    def extra_metadata(self) -> str:
        """Contributors, sources, coverage and the EPUB Accessibility 1.1 metadata."""
        lines = [f"<dc:contributor>{html.escape(name)}</dc:contributor>"
                 for name in self.config.edition_editors]
        dates = []
        for article in edition_articles(self.env):
            if article.byline:
                lines.append(f"<dc:contributor>{html.escape(article.byline)}</dc:contributor>")
            when = article.date.isoformat() if article.date else ""
            if article.date:
                dates.append(article.date)
            lines.append(f"<dc:source>{html.escape(f'{article.outlet}, {when}: {article.title}')}"
                         "</dc:source>")
        if dates:
            lines.append(f"<dc:coverage>{min(dates).isoformat()}/{max(dates).isoformat()}"
                         "</dc:coverage>")
        features = ["structuralNavigation", "tableOfContents", "readingOrder"]
        if self.use_index:
            features.append("index")
        summary = _("Text only, with headings for navigation, a table of contents, and notes "
                    "and term definitions linked from their markers; no images carry meaning, "
                    "no media play, nothing flashes.")
        lines += ['<meta property="schema:accessMode">textual</meta>',
                  '<meta property="schema:accessModeSufficient">textual</meta>',
                  *(f'<meta property="schema:accessibilityFeature">{f}</meta>'
                    for f in features),
                  '<meta property="schema:accessibilityHazard">none</meta>',
                  f'<meta property="schema:accessibilitySummary">{html.escape(summary)}</meta>']
        return "".join(f"    {line}\n" for line in lines)

    def toc_metadata(self, level: int, navpoints: list[NcxPoint]) -> dict[str, Any]:
        """The NCX names the book by its identifier, as the OPF does (Sphinx gives the
        identifier's XML id, which epubcheck reports as a mismatch)."""
        metadata = super().toc_metadata(level, navpoints)
        metadata["uid"] = html.escape(self.config.epub_identifier)
        return metadata

    def get_refnodes(self, doctree: nodes.Node, result: list[dict[str, Any]]
                     ) -> list[dict[str, Any]]:
        """The toctrees' pages without the index, which the web's navigation lists: the
        builder puts it into the spine itself (twice would be an epubcheck error), and
        ``build_navlist`` into the navigation."""
        index = "genindex" + self.out_suffix
        return [node for node in super().get_refnodes(doctree, result)
                if node["refuri"].split("#")[0] != index]

    def build_navlist(self, navnodes: list[dict[str, Any]]) -> list[NavPoint]:
        """The toctrees' pages, and the index when it is in the spine."""
        navlist = super().build_navlist(navnodes)
        index = "genindex" + self.out_suffix
        if self.use_index and all(point.refuri != index for point in navlist):
            navlist.append(NavPoint(html.escape(_("Index")), index, []))
        return navlist

    def build_navigation_doc(self) -> None:
        super().build_navigation_doc()
        nav = Path(self.outdir) / "nav.xhtml"
        text = nav.read_text(encoding="utf-8")
        nav.write_text(text.replace('<nav epub:type="toc">',
                                    '<nav epub:type="toc" role="doc-toc">', 1),
                       encoding="utf-8")


class EpubParagraphNumbers(SphinxPostTransform):
    """In the EPUB, each paragraph opens with its number instead of ending with a pilcrow.

    Priority 910: after the permalinks are added (900). The paragraph keeps its id, so a
    citation "p3" still lands; the number reads the same as the web's and the PDF's.
    """

    default_priority = 910
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
        for link in list(self.document.findall(paragraph_permalink)):
            paragraph = link.parent
            number = link["anchor"].lstrip("p")
            paragraph.remove(link)
            if number.isdigit():
                paragraph.insert(0, nodes.inline(number, number, classes=["paragraph-number"]))
                paragraph.insert(1, nodes.Text(" "))


class EpubGlossaryAsides(SphinxPostTransform):
    """In the EPUB, a term's definition is an aside on its page, its link a noteref.

    The web hides the definitions for its popovers; an EPUB reader pops up the aside a
    noteref points to, and a reader without CSS finds the terms of the page under a
    heading at its end. Priority 21: after the definitions are embedded (20).
    """

    default_priority = 21
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
        glossary_uris: dict[str, str] = {}
        for link in self.document.findall(glossary_link):
            for ref in link.findall(nodes.reference):
                glossary_uris.setdefault(link["entry_id"], ref.get("refuri", ""))
                ref["refuri"] = f"#{POPOVER_PREFIX}{link['entry_id']}"
                ref["classes"].append(GLOSSARY_NOTEREF)
        for definitions in list(self.document.findall(glossary_definitions)):
            definitions.replace_self(nodes.raw("", self.asides(definitions, glossary_uris),
                                               format="html"))

    @staticmethod
    def asides(definitions: glossary_definitions, uris: dict[str, str]) -> str:
        heading = html.escape(_("Terms on this page"))
        more = html.escape(_("In the glossary"))
        out = [f'<section class="glossary-definitions apparatus" '
               f'aria-label="{heading}">\n<p class="rubric">{heading}</p>\n']
        for entry_id, term, category, dates, definition, *_rest in definitions["entries"]:
            extra = f" ({html.escape(dates)})" if dates else ""
            link = (f' <a href="{html.escape(uris[entry_id], quote=True)}">{more}</a>'
                    if uris.get(entry_id) else "")
            out.append(
                f'<aside id="{POPOVER_PREFIX}{html.escape(entry_id, quote=True)}" '
                f'epub:type="footnote" role="doc-footnote" class="glossary-definition">'
                f'<p><strong>{html.escape(term)}</strong>, {html.escape(category)}{extra}: '
                f'{html.escape(typographic(definition))}{link}</p></aside>\n')
        out.append("</section>\n")
        return "".join(out)
