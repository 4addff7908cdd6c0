"""The title page and colophon of the printed book, from the edition's own metadata.

Sphinx's title page prints the release, ``author`` and the build date: a book prints its
title, its editors, and on the back of the title page the colophon: what the sources are,
where the method is set out, the licence, and when the text was last checked. The page is
written into ``editiontitlepage.ltx`` beside the ``.tex`` at ``build-finished`` (when the
catalog and every page title are known) and read by ``\\editiontitlepage``
(editionbook.sty), the ``maketitle`` of the book.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.texescape import escape

from annotated_edition.articles import Article
from sphinx_annotated_edition.articles.corpus import env_corpus
from sphinx_annotated_edition.articles.directives import format_date
from sphinx_annotated_edition.i18n import _, _lazy

# not .tex: Sphinx's Makefile (and Read the Docs) compile every .tex file of the folder
TITLEPAGE = "editiontitlepage.ltx"
# The key to what the edition adds to the texts, as the colophon prints it.
SIGNS = (_lazy("° after a word: explained in the glossary"),
         _lazy("[sic]: so printed in the source, see the note"),
         _lazy("[ ] around a title: the editor's, the source prints none"),
         _lazy("the numbers in the margin: the paragraphs, as cited in every edition"))


def build_date() -> dt.date:
    """The day of the build (``SOURCE_DATE_EPOCH`` when set, for reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def titlepage_latex(app: Sphinx) -> str:
    """The LaTeX of the title page (recto) and the colophon (verso)."""
    config = app.config

    def tex(text: str) -> str:
        return escape(text, config.latex_engine)

    title = tex(config.project)
    editors = [tex(name) for name in config.edition_editors]
    lines = [r"\hypersetup{pdfauthor={" + ", ".join(editors) + "}}",
             r"\begin{titlepage}\centering\py@HeaderFamily",
             r"\vspace*{.22\textheight}",
             rf"{{\LARGE\bfseries {title}\par}}"]
    if config.edition_subtitle:
        lines += [r"\vspace{1.2em}",
                  rf"{{\large\normalfont\itshape {tex(config.edition_subtitle)}\par}}"]
    if editors:
        edited_by = tex(_("Edited by"))
        lines += [r"\vspace{2.5em}", rf"{{\normalfont {edited_by}\par}}",
                  r"\vspace{.4em}", rf"{{\large {', '.join(editors)}\par}}"]
    lines += [r"\vfill", r"\end{titlepage}",
              r"\thispagestyle{empty}\null\vfill",
              r"{\footnotesize\raggedright\parskip=.5\baselineskip"]
    lines += [rf"\textbf{{{title}}}\par"]
    lines += _sources(app, tex)
    lines += _method(app, tex)
    lines.append(tex(_("Signs")) + ": " + "; ".join(tex(str(sign)) for sign in SIGNS) +
                 r".\par")
    if config.edition_licence:
        licence = tex(_("Licence"))
        lines.append(rf"{licence}: {tex(config.edition_licence.rstrip('.'))}.\par")
    reviewed = config.edition_reviewed
    checked = (tex(_("Text reviewed against the source files on")) + " " + tex(reviewed)
               if reviewed else
               tex(_("Text checked word for word against the source files when this book "
                     "was made, on")) + " " + tex(_day(build_date())))
    lines += [checked + r".\par"]
    lines += _review(app, tex)
    lines += ["}", r"\clearpage"]
    return "\n".join(lines) + "\n"


def _review(app: Sphinx, tex: Callable[[str], str]) -> list[str]:
    """What the review record vouches for, when the edition keeps one."""
    if "sphinx_annotated_edition.review" not in app.extensions or not app.config.edition_review:
        return []
    from sphinx_annotated_edition.review.data import review_set  # only with that extension

    states = review_set(app.config).status
    total = sum(state.paragraphs for state in states)
    reviewed = sum(len(state.reviewed) for state in states)
    latest = max((state.latest for state in states if state.latest), default=None)
    line = tex(_("Editorial review: {reviewed} of {total} paragraphs reviewed").format(
        reviewed=reviewed, total=total))
    if latest is not None:
        line += ", " + tex(_("the latest on {date}").format(date=_day(latest)))
    return [line + r".\par"]


def edition_articles(env: BuildEnvironment) -> list[Article]:
    """The articles of the catalog in reading order (those whose seed could be read)."""
    corpus = env_corpus(env)
    found = (corpus.article(entry.file) for entry in corpus.entries)
    return [pair[0] for pair in found if pair is not None]


def _sources(app: Sphinx, tex: Callable[[str], str]) -> list[str]:
    """One line per article: outlet, date and title, in reading order."""
    items = [rf"\item {tex(article.outlet)}, {tex(format_date(article, app.config.language))}: "
             rf"\emph{{{tex(article.title)}}}" for article in edition_articles(app.env)]
    if not items:
        return []
    return [tex(_("The sources")) + r":\par",
            r"\begin{itemize}\setlength{\itemsep}{0pt}\setlength{\parskip}{0pt}",
            *items, r"\end{itemize}"]


def _method(app: Sphinx, tex: Callable[[str], str]) -> list[str]:
    """Where the front matter (the method, the sources) is, with its page."""
    page = tex(_("p."))  # before a page number
    pages = [rf"{tex(app.env.titles[name].astext())}, {page}\,\pageref{{{name}::doc}}"
             for name in app.config.edition_book_frontmatter
             if name in app.env.all_docs and name in app.env.titles]
    if not pages:
        return []
    return [tex(_("How the texts were edited")) + ": " + "; ".join(pages) + r".\par"]


def write_titlepage(app: Sphinx, exception: Exception | None) -> None:
    """Write editiontitlepage.ltx into the LaTeX output (the book reads it when present)."""
    if exception is not None or app.builder.format != "latex":
        return
    (Path(app.builder.outdir) / TITLEPAGE).write_text(titlepage_latex(app), encoding="utf-8")
