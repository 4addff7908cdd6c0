"""Event handlers of the glossary: loading, the "appears in" lines, exports, reports."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.texescape import escape

from annotated_edition import jsonout
from annotated_edition.glossary import unmatched_skips
from annotated_edition.webannotation import CONTEXT_LENGTH, AnnotationRecord
from sphinx_annotated_edition.articles.collector import digest
from sphinx_annotated_edition.articles.corpus import article_of, articles_enabled, env_corpus
from sphinx_annotated_edition.articles.directives import format_date
from sphinx_annotated_edition.exports import gets_html_exports, write_atomically
from sphinx_annotated_edition.glossary.data import env_glossary
from sphinx_annotated_edition.glossary.domain import Occurrence, glossary_domain
from sphinx_annotated_edition.glossary.latexindex import extend_xindy_style, latex_macros
from sphinx_annotated_edition.glossary.nodes import glossary_occurrences, occurrence_label
from sphinx_annotated_edition.i18n import _, __
from sphinx_annotated_edition.warnings_ import Subtype, report, warn

EXPORT_NAME = "glossary.json"
STY_NAME = "annotator-glossary"
STY = r"""\NeedsTeXFormat{LaTeX2e}
\ProvidesPackage{annotator-glossary}[2026/01/01 glossary page references of the edition]
\RequirePackage{refcount}
% A linked term of an article keeps the text's own type and colour (italic would read as
% the source's emphasis); a small raised circle after it says "in the glossary", without
% brackets, which are the edition's sign for its own additions. The index and the entry's
% own "Appears in" pages are where a reader looks for the rest.
\renewcommand{\sphinxtermref}[1]{#1}
\newcommand{\annotatortermstart}{\begingroup\hypersetup{linkcolor=.}}
\newcommand{\annotatorglossref}[1]{\endgroup\nobreak
  \hyperref[#1]{{\normalfont\small\textcolor{black!60}{\textdegree}}}}
% "Appears in" of a glossary entry in print: the pages of the paragraphs, each page once.
\newcount\annotator@pages
\newcommand{\annotatorpages}[1]{\begingroup
  \annotator@pages=\z@\def\annotator@last{}%
  \@for\annotator@label:=#1\do{\annotator@newpage{\global\advance\annotator@pages\@ne}}%
  \ifnum\annotator@pages>\@ne pp.\else p.\fi\nobreakspace
  \annotator@pages=\z@\def\annotator@last{}%
  \@for\annotator@label:=#1\do{\annotator@newpage{%
    \ifnum\annotator@pages>\z@, \fi\global\advance\annotator@pages\@ne
    \hyperref[\annotator@label]{\annotator@page}}}%
  \endgroup}
% #1 when the page of \annotator@label is not the one before
\newcommand{\annotator@newpage}[1]{%
  \edef\annotator@page{\getpagerefnumber{\annotator@label}}%
  \ifx\annotator@page\annotator@last\else\let\annotator@last\annotator@page#1\fi}
"""


def occurrences(env: BuildEnvironment) -> list[Occurrence]:
    """Every occurrence of every entry in the articles, sorted (for the exports).

    Each record: ``term_id``, ``docname``, ``anchor`` (the paragraph), ``start`` and
    ``end`` (offsets in the article's text, ``Article.text``) and the matched ``text``.
    """
    return glossary_domain(env).all_occurrences()


def check_config(app: Sphinx) -> None:
    """Load the glossary once and report what is wrong with it."""
    for problem in env_glossary(app.env).problems:
        report(problem, Subtype.GLOSSARY)


def article_label(env: BuildEnvironment, docname: str) -> tuple[str, str]:
    """A page's title and the label "appears in" shows for it (an article's date; title on
    hover); a page that is no article is shown by its title."""
    title = env.titles[docname].astext() if docname in env.titles else docname
    article = article_of(env, docname)
    # the titles are long; the dates tell the articles apart
    return title, format_date(article, env.config.language) if article is not None else title


def updated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The glossary pages, whenever what their "appears in" lines show has changed.

    They show, for each entry, the paragraphs where it occurs and the date and title of
    their article: an edit that changes none of these (a note, the chronology overlay, a
    word of an article that is not a term) leaves the glossary pages as they are.
    """
    domain = glossary_domain(env)
    shown = {(found.term_id, found.docname, found.anchor) for found in occurrences(env)}
    articles = [(docname, *article_label(env, docname))
                for docname in sorted({docname for _, docname, _ in shown})]
    fingerprint = digest(sorted(shown), articles, list(reading_order(env)))
    if fingerprint == domain.data.get("fingerprint"):
        return []
    domain.data["fingerprint"] = fingerprint
    return sorted(domain.pages)


def reading_order(env: BuildEnvironment) -> dict[str, int]:
    """The article pages in reading order (none without articles: pages by name then)."""
    if not articles_enabled(env.config):
        return {}
    corpus = env_corpus(env)
    return {corpus.docname(entry): n for n, entry in enumerate(corpus.entries)}


def anchor_order(anchor: str) -> tuple[int, str]:
    """Paragraph anchors ``p1``, ``p2``, … in the order of their numbers."""
    number = anchor.lstrip("p")
    return (int(number), anchor) if number.isdigit() else (0, anchor)


def fill_occurrences(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    """Replace each placeholder with links to the paragraphs where the entry occurs."""
    placeholders = list(doctree.findall(glossary_occurrences))
    if not placeholders:
        return
    env = app.env
    order = reading_order(env)
    by_entry: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for found in occurrences(env):
        anchors = by_entry[found.term_id].setdefault(found.docname, [])
        if found.anchor not in anchors:
            anchors.append(found.anchor)
    shown: dict[str, tuple[str, str, str]] = {}  # docname -> (title, label, uri)

    def show(docname: str) -> tuple[str, str, str]:
        """Each article's title, label and address, worked out once per page."""
        if docname not in shown:
            shown[docname] = (*article_label(env, docname),
                              app.builder.get_relative_uri(fromdocname, docname))
        return shown[docname]

    for node in placeholders:
        docs = by_entry.get(node["entry_id"], {})
        if not docs:
            node.replace_self([])
            continue
        para = nodes.paragraph(classes=["glossary-appears-in"])
        appears = _("Appears in:")
        para += nodes.emphasis(appears, appears)
        para += nodes.Text(" ")
        if app.builder.format == "latex":  # a book gives pages
            node.replace_self(_printed_pages(para, node["entry_id"], docs, order))
            continue
        for number, docname in enumerate(sorted(docs, key=lambda d: (order.get(d, len(order)), d))):
            if number:
                para += nodes.Text("; ")
            title, label, uri = show(docname)
            para += nodes.inline(label, label, classes=["glossary-appears-in-title"])
            para += nodes.Text(" ")
            anchors = sorted(docs[docname], key=anchor_order)
            for k, anchor in enumerate(anchors):
                if k:
                    para += nodes.Text(", ")
                label = f"¶{anchor.lstrip('p')}"
                para += nodes.reference(label, label, internal=True,
                                        refuri=f"{uri}#{anchor}",
                                        reftitle=_("%(title)s, paragraph %(number)s") % {
                                            "title": title, "number": anchor.lstrip("p")})
        node.replace_self(para)


def _printed_pages(para: nodes.paragraph, entry_id: str, docs: dict[str, list[str]],
                   order: dict[str, int]) -> nodes.paragraph:
    """The pages of the words, in reading order (annotator-glossary.sty prints each page
    once, from the label at the entry's first word in each paragraph: a paragraph may
    begin a page before the word)."""
    labels = [occurrence_label(docname, anchor, entry_id)
              for docname in sorted(docs, key=lambda d: (order.get(d, len(order)), d))
              for anchor in sorted(docs[docname], key=anchor_order)]
    para += nodes.raw("", rf"\annotatorpages{{{','.join(labels)}}}", format="latex")
    para += nodes.Text(".")
    return para


def report_unused(app: Sphinx, env: BuildEnvironment) -> None:
    """An editor's aid: entries that no article mentions (``annotated_edition.glossary-unused``).

    Only in a project with articles: elsewhere a glossary may well define more than the
    pages use, as Sphinx's own glossaries do.
    """
    if not articles_enabled(env.config):
        return
    glossary = env_glossary(env)
    used = {found.term_id for found in occurrences(env)}
    # An outlet or author the catalog names is shown in the article's header, not its text.
    corpus = env_corpus(env)
    used.update(match.entry_id for entry in corpus.entries
                for named in (entry.outlet, entry.byline) if named
                for match in glossary.matcher.find(named))
    for entry in glossary.entries:
        if entry.id not in used:
            warn(__("the glossary entry %(id)r (%(term)s) occurs in no article") % {
                     "id": entry.id, "term": entry.term},
                 Subtype.GLOSSARY_UNUSED, f"{Path(entry.path)}:{entry.line}")
    texts = [found[0].text for found in map(corpus.article, (e.file for e in corpus.entries))
             if found is not None]
    for problem in unmatched_skips(glossary.entries, texts):
        report(problem, Subtype.GLOSSARY)


PAGE_WORDS = r" pp.\else p.\fi"  # in STY: "pp. 3, 5" for pages, "p. 3" for one page


def page_words(sty: str) -> str:
    """The package with "p." and "pp." in the build's language ("s." in Turkish)."""
    if PAGE_WORDS not in sty:
        raise ValueError("the glossary's LaTeX package no longer says p./pp. as expected")
    pages, page = escape(_("pp.")), escape(_("p."))
    return sty.replace(PAGE_WORDS, rf" {pages}\else {page}\fi")


def export(app: Sphinx, exception: Exception | None) -> None:
    """Write glossary.json (HTML) or the LaTeX support file; deterministic, sorted."""
    if exception is not None:
        return
    outdir = Path(app.builder.outdir)
    if app.builder.format == "latex":
        write_atomically(app, outdir / f"{STY_NAME}.sty", page_words(STY) + latex_macros())
        extend_xindy_style(outdir)
        return
    if not gets_html_exports(app.builder):
        return
    glossary = env_glossary(app.env)
    found: dict[str, list[dict[str, object]]] = defaultdict(list)
    for occurrence in occurrences(app.env):
        found[occurrence.term_id].append({
            "document": occurrence.docname, "anchor": occurrence.anchor,
            "text": occurrence.text, "start": occurrence.start, "end": occurrence.end})
    entries = []
    for entry in sorted(glossary.entries, key=glossary.sort_key):
        entries.append({
            "id": entry.id, "term": entry.term, "category": entry.category,
            "definition": entry.definition, "aliases": list(entry.aliases),
            "dates": entry.dates, "see_also": list(entry.see_also),
            "occurrences": sorted(found.get(entry.id, []),
                                  key=lambda o: (o["document"], o["start"]))})
    # indented down to each entry's occurrences, an occurrence a line
    text = jsonout.dumps({"entries": entries}, depth=4, sort_keys=True)
    write_atomically(app, outdir / EXPORT_NAME, text + "\n")


def annotation_records(app: Sphinx, env: BuildEnvironment) -> list[AnnotationRecord]:
    """Every occurrence of a glossary term, for ``annotations.jsonld`` (purpose: identifying).

    Each record points at the words in their paragraph and links to the glossary page, so
    annotation tools can show the edition's identifications over the source pages.
    """
    glossary = env_glossary(env)
    pages = sorted(glossary_domain(env).pages)
    records = []
    for found in occurrences(env):
        entry = glossary.by_id.get(found.term_id)
        if entry is None:
            continue
        body = f"{entry.term}: {entry.definition}"
        article = article_of(env, found.docname)
        if article is None:  # a page that is no article: offsets are in the paragraph
            records.append(AnnotationRecord(
                docname=found.docname, anchor=found.anchor, start=found.start,
                end=found.end, exact=found.text, prefix="", suffix="", body=body,
                purpose="identifying", links=tuple(pages)))
            continue
        block = article.block_at(found.start)
        if block is None:
            continue
        start, end = found.start - block.start, found.end - block.start
        records.append(AnnotationRecord(
            docname=found.docname, anchor=found.anchor, start=start, end=end,
            exact=block.text[start:end],
            prefix=block.text[max(0, start - CONTEXT_LENGTH):start],
            suffix=block.text[end:end + CONTEXT_LENGTH],
            body=body, purpose="identifying", links=tuple(pages)))
    return records
