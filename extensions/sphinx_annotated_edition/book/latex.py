"""The printed arrangement: documents reordered into front, main and back matter."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.texescape import escape

from sphinx_annotated_edition.articles.corpus import article_of, env_corpus

STY = Path(__file__).parent / "static" / "editionbook.sty"


def add_latex_support(app: Sphinx, config: Config) -> None:
    """Ship editionbook.sty with the LaTeX output; its table of contents keeps roman pages."""
    config.latex_additional_files = [*config.latex_additional_files, str(STY)]
    config.latex_elements = {"tableofcontents": r"\editiontableofcontents",
                             "maketitle": r"\editiontitlepage", **config.latex_elements}


# Pages the builders generate: a toctree may list them (the web's navigation shows the
# index), but there is no document to inline, which the LaTeX builder reports.
GENERATED_PAGES = frozenset({"genindex", "modindex", "search"})


def drop_generated_includes(app: Sphinx, doctree: nodes.document) -> None:
    """Keep generated pages in a toctree's entries (the links) but not among the files it
    includes, so that the LaTeX builder does not look for a document "genindex"."""
    for toctree in doctree.findall(addnodes.toctree):
        toctree["includefiles"] = [name for name in toctree["includefiles"]
                                   if name not in GENERATED_PAGES]


def _marker(command: str) -> nodes.raw:
    return nodes.raw("", f"\n{command}\n", format="latex")


def _top_level_files(doctree: nodes.document) -> list[addnodes.start_of_file]:
    """The documents the root's toctrees inlined (not those nested in another document)."""
    found = []
    for node in doctree.findall(addnodes.start_of_file):
        parent = node.parent
        while parent is not None and not isinstance(parent, addnodes.start_of_file):
            parent = parent.parent
        if parent is None:
            found.append(node)
    return found


def arrange_book(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put the front matter first and the back matter last, with the markers between.

    The LaTeX builder inlines every document of the root's toctrees into one tree, in
    toctree order, then resolves it (this event); the writer reads it afterwards, so this
    is the one place where the whole book can be rearranged without touching the toctrees
    that HTML and EPUB follow.
    """
    if app.builder.format != "latex":
        return
    files = _top_level_files(doctree)
    if not files:
        return
    front_names = list(app.config.edition_book_frontmatter)
    back_names = list(app.config.edition_book_backmatter)
    parent = files[0].parent
    if not isinstance(parent, nodes.Element):
        return
    position = parent.index(files[0])
    for node in files:
        if isinstance(node.parent, nodes.Element):
            node.parent.remove(node)
    front = sorted((n for n in files if n["docname"] in front_names),
                   key=lambda n: front_names.index(n["docname"]))
    back = sorted((n for n in files if n["docname"] in back_names),
                  key=lambda n: back_names.index(n["docname"]))
    main = [n for n in files if n not in front and n not in back]
    arranged: list[nodes.Node] = []
    if front:
        arranged += [_marker(r"\editionfrontmatter"), *front]
    arranged += [_marker(r"\editionmainmatter"), *main]
    if back:
        arranged += [_marker(r"\editionbackmatter"), *back]
    parent[position:position] = arranged
    for node in main:
        _mark_short_title(app, node)


def _mark_short_title(app: Sphinx, file: addnodes.start_of_file) -> None:
    """After an article's chapter heading, its short title for the running heads."""
    article = article_of(app.env, file["docname"])
    section = next(iter(file.findall(nodes.section)), None)
    if article is None or section is None or not isinstance(section[0], nodes.title):
        return
    entry = env_corpus(app.env).entry(article.file)
    short = entry.short_title if entry is not None and entry.short_title else article.title
    section.insert(1, _marker(rf"\editionchaptermark{{{escape(short, app.config.latex_engine)}}}"))
