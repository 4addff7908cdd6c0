"""Directives of the article pages: the article itself, the cards and the reading order."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.directives.other import TocTree
from sphinx.util.docutils import SphinxDirective

from annotated_edition.articles import Article, first_sentence
from sphinx_annotated_edition.articles.collector import (
    ArticleEntriesCollector,
    ArticleListingCollector,
)
from sphinx_annotated_edition.articles.corpus import ARTICLE_KEY, Corpus, env_corpus
from sphinx_annotated_edition.i18n import _, __, _lazy, day_month_year
from sphinx_annotated_edition.private_api import (
    DESIGN_CLASSES,
    design_component,
    design_passthrough,
)
from sphinx_annotated_edition.warnings_ import Subtype, report, warn

ANCHOR_ATTRIBUTE = "edition_anchor"  # on paragraph nodes: the block's stable anchor
FILE_ATTRIBUTE = "edition_file"  # on paragraph nodes: the seed the block comes from


def format_date(article: Article, language: str | None = None) -> str:
    """The publication date in the reader's language (``language``; English when None)."""
    return day_month_year(article.date, language) if article.date else _("date unknown")


EDITORIAL_NOTE_ID = "editorial-note"
# the words of the catalog's date_basis and of the furniture kinds, as a reader is told them
DATE_BASES = {"stated": _lazy("stated"), "inferred": _lazy("inferred")}
FURNITURE_KINDS = {"clock": _lazy("clock"), "calendar": _lazy("calendar"),
                   "date stamp": _lazy("date stamp"), "site link": _lazy("site link")}


def outlet_line(article: Article, country: str | None) -> str:
    """The outlet as a reader is told it: its name and, when known, its country."""
    return _("%(outlet)s, %(country)s") % {"outlet": article.outlet, "country": country} \
        if country else article.outlet


def _field(name: str, *body: nodes.Node) -> nodes.field:
    return nodes.field("", nodes.field_name(name, name),
                       nodes.field_body("", nodes.paragraph("", "", *body)))


def _text(value: str) -> nodes.Text:
    return nodes.Text(value)


class ArticleDirective(SphinxDirective):
    """Render one seed as the page of an article: header, anchored text, editorial note."""

    required_arguments = 1
    final_argument_whitespace = True  # a seed's file name may hold spaces
    has_content = False

    def run(self) -> list[nodes.Node]:
        corpus = env_corpus(self.env)
        file = self.arguments[0]
        found = corpus.article(file)
        entry = corpus.entry(file)
        if found is None or entry is None:
            self.env.note_dependency(str(corpus.catalog_path))  # until the entry is added
            warn(__("no catalog entry for the seed %r") % file, Subtype.CATALOG,
                 (self.env.docname, self.lineno))
            return []
        article, problems = found
        # the page depends on its seed and on its own catalog entry, not on the whole catalog
        self.env.note_dependency(str(corpus.seed_path(entry)))
        ArticleEntriesCollector.note(self.env, self.env.docname, file)
        for problem in problems:
            report(problem, Subtype.SEED)
        self.env.metadata[self.env.docname][ARTICLE_KEY] = file
        return [self.section(article)]

    def section(self, article: Article) -> nodes.section:
        ident = nodes.make_id(article.slug)
        if ident in {block.anchor for block in article.blocks}:  # a slug such as "p2"
            ident = nodes.make_id(f"article-{article.slug}")
        section = nodes.section(ids=[ident], classes=["article"])
        # The text and its title are verbatim: no "educated" quotes there. The editor's own
        # words around them (header, notes, editorial note) get typographic quotes.
        title = nodes.title(article.title, article.title)
        title["support_smartquotes"] = False
        section += title
        section += self.header(article)
        for block in article.blocks:
            if block.kind == "subheading":
                node: nodes.Element = nodes.rubric(block.text, block.text, ids=[block.anchor],
                                                   classes=["article-subheading"])
            else:
                node = nodes.paragraph(block.text, block.text, ids=[block.anchor],
                                       classes=["article-paragraph"])
            node[ANCHOR_ATTRIBUTE] = block.anchor
            node[FILE_ATTRIBUTE] = article.file
            node["support_smartquotes"] = False
            node.source, node.line = str(Path(article.file)), block.line
            section += node
        section += self.editorial_note(article)
        self.set_source_info(section)
        return section

    def header(self, article: Article) -> nodes.container:
        """A book's header in HTML (outlet and country, date, byline, dateline, and how the
        date is known, linked to the editorial note); print keeps its list of fields."""
        entry = env_corpus(self.env).entry(article.file)
        outlet = outlet_line(article, entry.outlet_country if entry else None)
        web = addnodes.only(expr="html")
        web += nodes.paragraph("", f"{outlet} · {format_date(article, self.config.language)}",
                               classes=["article-source"])
        by = " · ".join(part for part in (
            _("By %s") % article.byline if article.byline else "", article.dateline or "")
            if part)
        if by:
            web += nodes.paragraph("", by, classes=["article-byline"])
        basis = (_("The date is printed on the page") if article.date_basis == "stated" else
                 _("The date is inferred from the text"))
        web += nodes.paragraph(
            "", "", nodes.Text(_("%s: see the ") % basis),
            nodes.reference("", _("editorial note"), refid=EDITORIAL_NOTE_ID,
                            internal=True),
            nodes.Text("."), classes=["article-basis"])
        fields = nodes.field_list()
        fields += _field(_("Outlet"), _text(article.outlet))
        basis = _("as stated on the page") if article.date_basis == "stated" else \
            _("inferred from the text; see the editorial note")
        published = format_date(article, self.config.language)
        fields += _field(_("Published"), _text(f"{published} ({basis})"))
        if article.byline:
            fields += _field(_("Byline"), _text(article.byline))
        if article.dateline:
            fields += _field(_("Dateline"), _text(article.dateline))
        printed = addnodes.only(expr="not html")
        printed += fields
        return nodes.container("", web, printed, classes=["article-meta"])

    def editorial_note(self, article: Article) -> nodes.admonition:
        note = nodes.admonition(classes=["editorial-note"], ids=[EDITORIAL_NOTE_ID])
        heading = _("Editorial note")
        note += nodes.title(heading, heading)
        facts = nodes.bullet_list()
        if not article.title_in_text:
            facts += nodes.list_item("", nodes.paragraph(
                "", _("The source prints no headline; the title in square brackets is the "
                      "editor's.")))
        facts += nodes.list_item("", nodes.paragraph(
            "", _("Outlet: %(outlet)s. %(basis)s") % {"outlet": article.outlet,
                                                       "basis": article.outlet_basis}))
        facts += nodes.list_item("", nodes.paragraph(
            "", _("Date (%(basis)s): %(evidence)s") % {
                "basis": str(DATE_BASES.get(article.date_basis, article.date_basis)),
                "evidence": article.date_evidence}))
        note += facts
        if article.furniture:
            note += nodes.paragraph("", _("Set aside as page furniture, not article text "
                                          "(with their lines in the source as saved):"))
            removed = nodes.bullet_list(classes=["furniture"])
            for line in article.furniture:
                removed += nodes.list_item("", nodes.paragraph(
                    "", "", _text(_("line %(line)d (%(kind)s): ") % {
                        "line": line.line, "kind": str(FURNITURE_KINDS.get(line.kind, line.kind))}),
                    nodes.literal(line.text, line.text)))
            note += removed
        else:
            note += nodes.paragraph("", _("No page furniture was found in the source."))
        return note


class ArticleCardsDirective(SphinxDirective):
    """A sphinx-design card per article: title, outlet, date and first sentence.

    The nodes are the components sphinx-design's ``grid-item-card`` makes, built here
    directly so that no text of the sources is ever parsed as markup.
    """

    has_content = False

    def run(self) -> list[nodes.Node]:
        corpus = env_corpus(self.env)
        self.env.note_dependency(str(corpus.catalog_path))
        ArticleListingCollector.note(self.env, self.env.docname)
        row = design_component("grid-row")
        for entry in corpus.entries:
            found = corpus.article(entry.file)
            if found is None:
                continue
            self.env.note_dependency(str(corpus.seed_path(entry)))
            row += self.card(corpus, found[0])
        container = design_component("grid-container", "article-cards")
        container += row
        container["support_smartquotes"] = False  # titles and openings are quoted verbatim
        self.set_source_info(container)
        return [container]

    def card(self, corpus: Corpus, article: Article) -> nodes.container:
        entry = corpus.entry(article.file)
        assert entry is not None
        title = design_component("card-title", children=[nodes.Text(article.title)])
        meta = nodes.paragraph("", f"{outlet_line(article, entry.outlet_country)} · "
                               f"{format_date(article, self.config.language)}",
                               classes=["article-card-meta"])
        opening = article.blocks[0].text if article.blocks else ""
        body = design_component("card-body", children=[
            title, meta, nodes.paragraph("", first_sentence(opening),
                                         classes=["article-card-opening"])])
        link = addnodes.pending_xref(
            "", nodes.inline(article.title, article.title), refdomain="std", reftype="doc",
            reftarget=f"/{corpus.docname(entry)}", refdoc=self.env.docname, refexplicit=True,
            refwarn=True, classes=list(DESIGN_CLASSES["card-link"]))
        card = design_component("card", "article-card",
                                children=[body, design_passthrough(link)])
        return design_component("grid-item", children=[card])


class ArticleTocTree(TocTree):
    """A toctree of every article of the catalog, in reading order (by date)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        corpus = env_corpus(self.env)
        self.env.note_dependency(str(corpus.catalog_path))
        ArticleListingCollector.note(self.env, self.env.docname)
        self.content = StringList([f"/{corpus.docname(entry)}" for entry in corpus.entries],
                                  source=str(corpus.catalog_path))
        return super().run()
