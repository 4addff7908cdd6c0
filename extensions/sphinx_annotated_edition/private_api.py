"""Every use the extensions make of what Sphinx, MyST and sphinx-design do not promise.

Everything else in ``sphinx_annotated_edition`` uses the public API of Sphinx and docutils
(events, ``app.add_*``, domains, collectors, post-transforms, visitors of our own nodes).
What follows has no public equivalent that gives the same output; each use is here, once,
with why it is needed, and ``tests/test_private_api.py`` checks every one of them against
the installed versions, so that a release that changes one fails that test by name
instead of breaking a build somewhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx.search
from docutils import nodes
from sphinx.search.en import SearchEnglish

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.latex import LaTeXTranslator

# --- Sphinx: the doctrees kept for writing (buildgc) ----------------------------------

#: Sphinx keeps the doctrees read in this build for the writing phase in this attribute
#: of the environment (since 7.2). ``buildgc`` empties it before freezing the garbage
#: collector: there is no public way to let Sphinx read them from their pickles instead.
DOCTREE_CACHE = "_write_doc_doctree_cache"


def read_doctrees_cache(env: BuildEnvironment) -> dict[str, nodes.document] | None:
    """Sphinx's copies of the doctrees read in this build; None if this Sphinx has none."""
    cache = getattr(env, DOCTREE_CACHE, None)
    return cache if isinstance(cache, dict) else None


# --- Sphinx: the English stemmer for the browser (search) ----------------------------

#: Sphinx 9 ships the Snowball stemmers as minified JavaScript in this folder and names the
#: file of a language in ``js_stemmer_rawcode``; Sphinx 8.2 gives English's (Porter) as
#: code in ``js_stemmer_code``. The search language ``FoldingEnglish`` must fold a query
#: before the English stemmer sees it, and a search language can only give all of its
#: stemmer code, so it takes Sphinx's English stemmer from where this Sphinx keeps it.
STEMMERS_JS = Path(sphinx.search.__file__).parent / "minified-js"


def english_stemmer_js() -> str:
    """Sphinx's English stemmer for the browser, as the class ``SphinxEnglishStemmer``."""
    if SearchEnglish.js_stemmer_rawcode:  # Sphinx 9: the Snowball files
        names = ("base-stemmer.js", SearchEnglish.js_stemmer_rawcode)
        code = [(STEMMERS_JS / name).read_text(encoding="utf-8") for name in names]
        return "\n".join([*code, "const SphinxEnglishStemmer = EnglishStemmer;"])
    # Sphinx 8.2: the Porter stemmer's code defines ``Stemmer``
    return "\n".join([SearchEnglish.js_stemmer_code,
                      "const SphinxEnglishStemmer = Stemmer;"])


#: The functions of Sphinx's ``searchtools.js`` the edition's search script wraps: the
#: text a result's summary is made from (without the edition's apparatus) and the summary
#: itself (cut around the word as the page spells it). No option or hook of Sphinx changes
#: either; the script leaves a function alone when it is missing.
SEARCHTOOLS_FUNCTIONS = ("Search.htmlToText", "Search.makeSearchSummary")


# --- MyST: inline markup of a note (notes.markup) --------------------------------------


def myst_inline_parser(env: BuildEnvironment, document: nodes.document) -> MarkdownIt:
    """MyST's markdown-it parser with its Sphinx renderer, writing into ``document``.

    MyST's public API parses whole documents; a note is one run of inline text, parsed as
    inline markup (``parseInline``) so that a note starting "1." is no list. MyST's
    renderer (``myst_parser.mdit_to_docutils``), its parser factory and the project's
    MyST settings (``env.myst_config``, set by MyST) are not promised by MyST.
    """
    # imported here: the glossary, which uses this module too, works without MyST
    from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
    from myst_parser.parsers.mdit import create_md_parser

    md = create_md_parser(env.myst_config, SphinxRenderer)  # type: ignore[attr-defined]
    md.options["document"] = document
    return md


def render_myst_inline(md: MarkdownIt, text: str, holder: nodes.Element,
                       line: int) -> None:
    """Render ``text`` (MyST inline markup) into ``holder``; messages name ``line``."""
    md.options["current_node"] = holder
    md_env: dict[str, Any] = {}
    tokens = md.parseInline(text, md_env)
    for token in tokens:
        token.map = [line - 1, line - 1]  # the renderer makes them 1-based
    md.renderer.render(tokens, md.options, md_env)


@contextmanager
def collected_logs() -> Iterator[list[logging.LogRecord]]:
    """The records Sphinx's loggers make inside the block, kept out of the build's output.

    MyST logs a note's problems at the page being read; they are reported again at the
    note's line. Sphinx's ``LogCollector`` does that but is not documented.
    """
    from sphinx.util.logging import LogCollector

    collector = LogCollector()
    records: list[logging.LogRecord] = []
    with collector.collect():
        yield records
    records.extend(collector.logs)


# --- sphinx-design: the article cards (articles.directives) -----------------------------

#: sphinx-design's classes the article cards use, as its ``grid-item-card`` writes them;
#: its stylesheet gives them their look. sphinx-design documents its directives, not its
#: nodes and classes: the cards are built as nodes so that no source text is parsed as
#: markup (a title with ``*`` or a backquote must stay as it is).
DESIGN_CLASSES = {
    "grid-container": ("sd-container-fluid", "sd-sphinx-override", "sd-mb-4"),
    "grid-row": ("sd-row", "sd-row-cols-1", "sd-row-cols-md-2", "sd-g-3"),
    "grid-item": ("sd-col", "sd-d-flex-row"),
    "card": ("sd-card", "sd-sphinx-override", "sd-mb-3", "sd-shadow-sm", "sd-card-hover"),
    "card-body": ("sd-card-body",),
    "card-title": ("sd-card-title", "sd-font-weight-bold"),
    "card-link": ("sd-stretched-link", "sd-hide-link-text"),
}


#: sphinx-design's static files, and what a page that uses them holds (its ``sd-``
#: classes, its tabs): ``reading`` leaves them out of the pages that do not.
DESIGN_ASSETS_USED_WHEN: dict[str, tuple[str, ...]] = {
    "sphinx-design.min.css": ('class="sd-',),
    "design-tabs.js": ("sd-tab",),
}


def design_component(name: str, *extra_classes: str,
                     children: Sequence[nodes.Node] = ()) -> nodes.container:
    """sphinx-design's node for the component ``name``, with its classes and ours."""
    from sphinx_design.shared import create_component

    return create_component(name, [*DESIGN_CLASSES[name], *extra_classes],
                            children=children)


def design_passthrough(*children: nodes.Node) -> nodes.Element:
    """sphinx-design's wrapper that writes its children without an element of its own
    (the card's stretched link)."""
    from sphinx_design.shared import PassthroughTextElement

    return PassthroughTextElement("", "", *children)


# --- Sphinx's LaTeX writer (glossary, passages) ---------------------------------------

#: The LaTeX builder's URIs are ``%docname#id`` and its labels ``docname:id`` (escaped by
#: the translator's ``idescape``); the glossary's and the passages' marks link to a label
#: in print and must spell it as Sphinx's own ``\label`` does.
LATEX_URI_PREFIX = "%"


def latex_label(uri: str) -> str | None:
    """The label ``docname:id`` of a LaTeX URI ``%docname#id``; None for other URIs."""
    if not uri.startswith(LATEX_URI_PREFIX):
        return None
    return uri[len(LATEX_URI_PREFIX):].replace("#", ":")


def latex_escaped_label(translator: LaTeXTranslator, label: str) -> str:
    """``label`` as Sphinx writes it inside ``\\hyperref`` (the translator's ``idescape``)."""
    return str(translator.idescape(label))


#: Sphinx's index macros (sphinx.sty): an entry's text is ``\spxentry{...}``, a main
#: entry's page ``|spxpagem``; the registers' sort keys are our own, so the glossary
#: writes ``\index`` itself and must use the macros Sphinx's index styles expect.
LATEX_INDEX_ENTRY = r"\spxentry"
LATEX_INDEX_MAIN_PAGE = "spxpagem"


# --- The HTML translator's output (glossary links, EPUB, toctree captions) -----------

#: How Sphinx's HTML translator writes a toctree's caption: ``reading`` adds the
#: ``aria-level`` ARIA requires (no node or setting gives the caption an attribute).
TOCTREE_CAPTION_TAG = '<p class="caption" role="heading">'



def add_attributes_to_tag(body: list[str], tag: str, attributes: str, start: int,
                          having: str = "") -> bool:
    """Put ``attributes`` into the first ``<tag`` (with ``having`` in it) written to
    ``body`` since ``start``.

    Sphinx's HTML translator writes a reference it resolved itself (a term's link, a
    footnote reference) and docutils' a footnote with ``starttag``, which takes no
    attributes from the node; each start tag is one item of the translator's ``body``,
    beginning ``<tag``. False if no such tag was written.
    """
    for index in range(start, len(body)):
        if body[index].startswith(f"<{tag} ") and having in body[index]:
            body[index] = f"<{tag} {attributes} " + body[index][len(tag) + 2:]
            return True
    return False


#: docutils writes the brackets around a footnote's number (marker and label) as these;
#: the EPUB drops them (square brackets are the edition's sign for what it adds).
FOOTNOTE_BRACKETS = ('<span class="fn-bracket">[</span>', '<span class="fn-bracket">]</span>')


def drop_footnote_brackets(body: list[str], start: int) -> None:
    """Take docutils' brackets out of what was written to ``body`` since ``start``."""
    for index in range(start, len(body)):
        for bracket in FOOTNOTE_BRACKETS:
            body[index] = body[index].replace(bracket, "")
