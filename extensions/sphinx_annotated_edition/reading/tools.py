"""What stands between an article's header and its text: the legend of the note signs,
the reader's controls (plain text or the full apparatus, notes by kind) and "Cite this".

Without JavaScript the legend and the citation are there and the controls stay hidden, so
everything is shown; the script (``edition-reading.js``) shows the controls, applies and
remembers the reader's choice, copies a citation and fills in the cited paragraph's.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.writers.html5 import HTML5Translator

from sphinx_annotated_edition.articles.corpus import article_of, env_corpus
from sphinx_annotated_edition.articles.directives import format_date, outlet_line
from sphinx_annotated_edition.i18n import _, _lazy
from sphinx_annotated_edition.notes.margin import kind_label
from sphinx_annotated_edition.notes.nodes import KIND_SIGNS
from sphinx_annotated_edition.reading.citation import Citation, citation_of


class reading_tools(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """Placeholder for the legend, the controls and the citation of an article (HTML)."""


class AddReadingTools(SphinxTransform):
    """Put the reading tools after an article's header (read time: any builder)."""

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        if article_of(self.env, self.env.docname) is None:
            return
        for container in self.document.findall(nodes.container):
            if "article-meta" in container["classes"]:
                parent = container.parent
                parent.insert(parent.index(container) + 1, reading_tools())
                return


def page_citation(env: Any, docname: str, url: str) -> Citation | None:
    """The citation of the article shown on ``docname`` at ``url`` (None elsewhere)."""
    article = article_of(env, docname)
    if article is None:
        return None
    entry = env_corpus(env).entry(article.file)
    country = entry.outlet_country if entry else None
    config = env.config
    opening = article.paragraphs[0].text if article.paragraphs else ""
    where = outlet_line(article, country)
    description = _("%(title)s (%(where)s, %(date)s), in an annotated reading edition: "
                    "%(opening)s") % {"title": article.title, "where": where,
                                      "date": format_date(article, config.language),
                                      "opening": opening}
    if len(description) > 300:
        description = description[:297].rsplit(" ", 1)[0] + "…"
    return citation_of(article, country, description, edition=config.project,
                       editors=config.author, version=config.release, url=url,
                       language=config.language or "en",
                       shown_date=format_date(article, config.language))


def page_url(builder: Any, docname: str) -> str:
    """The page's stable address: under ``html_baseurl`` when set, else from the site root."""
    uri = builder.get_target_uri(docname)
    base = builder.config.html_baseurl
    return f"{base.rstrip('/')}/{uri}" if base else uri


def _kinds(document: nodes.document) -> list[str]:
    return [kind for kind in KIND_SIGNS
            if any(f"note-kind-{kind}" in node["classes"]
                   for node in document.findall(nodes.footnote_reference))]


def visit_reading_tools_html(self: HTML5Translator, node: reading_tools) -> None:
    if self.builder.name == "epub":  # no script, no address: a reading system's own tools
        raise nodes.SkipNode
    docname = self.builder.current_docname
    citation = page_citation(self.builder.env, docname, page_url(self.builder, docname))
    kinds = _kinds(self.document)
    words = {"copy": _("Copy"), "copied": _("Copied")}  # the script's buttons
    out: list[str] = ['<div class="reading-tools apparatus" ' + " ".join(
        f'data-{key}="{html.escape(word, quote=True)}"' for key, word in words.items()) + ">"]
    if kinds:
        signs = " · ".join(f'<span class="note-legend-item"><span class="note-kind-sign" '
                           f'aria-hidden="true">{KIND_SIGNS[kind]}</span> '
                           f'{html.escape(kind_label(kind))}</span>' for kind in kinds)
        notes = html.escape(_("Notes"))
        out.append(f'<p class="note-legend"><span class="note-legend-title">'
                   f'{notes}:</span> {signs}</p>')
    show, apparatus = html.escape(_("Show")), html.escape(_("notes and glossary links"))
    out.append(f'<fieldset class="reader-controls" hidden="hidden">'
               f'<legend>{show}</legend>'
               f'<label><input type="checkbox" name="apparatus" checked="checked" /> '
               f'{apparatus}</label>')
    for kind in kinds:
        out.append(f'<label class="reader-filter"><input type="checkbox" name="kind" '
                   f'value="{kind}" checked="checked" /> <span aria-hidden="true">'
                   f'{KIND_SIGNS[kind]}</span> {html.escape(kind_label(kind))}</label>')
    out.append("</fieldset>")
    if citation is not None:
        out.append(cite_box(citation))
    out.append("</div>")
    self.body.append("\n".join(out))
    raise nodes.SkipNode


HINT = _lazy("To cite one paragraph, add its number (¶ 12) and the address its number "
             "links to (…#p12).")


def cite_box(citation: Citation) -> str:
    plain = html.escape(citation.plain())
    bibtex = html.escape(citation.bibtex())
    template = html.escape(citation.plain("NUMBER"), quote=True)
    cite, as_text = html.escape(_("Cite this article")), html.escape(_("As text"))
    hint = html.escape(str(HINT))
    return (f'<details class="cite-this"><summary>{cite}</summary>'
            f'<p class="cite-label">{as_text}</p>'
            f'<p class="cite-plain" data-paragraph-template="{template}">{plain}</p>'
            f'<p class="cite-paragraph-hint">{hint}</p>'
            f'<p class="cite-paragraph" hidden="hidden"></p>'
            f'<p class="cite-label">BibTeX</p><pre class="cite-bibtex">{bibtex}</pre>'
            f"</details>")
