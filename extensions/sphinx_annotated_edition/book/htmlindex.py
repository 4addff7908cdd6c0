"""The web index: each page an entry points at, named by words, not "[1] … [38]".

Sphinx's index page links an entry's first place under the entry's own name and every
further place as "[2]", "[3]": for "Azerbaijan" that is thirty-eight numbers a reader
must open one by one. Here each place becomes a sub-entry named by its page and
paragraph ("Akar: stability in the region, ¶3"; the glossary entry in bold), which the
theme's own index template shows as ordinary links.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from sphinx_annotated_edition.articles.corpus import article_of, env_corpus

Links = list[tuple[str, str]]  # (main, uri), as Sphinx's genindex gives them


def page_labels(app: Sphinx) -> dict[str, str]:
    """The address of each page (from the index page) and the name a reader knows it by,
    in reading order: the articles first, as the catalog orders them."""
    corpus = env_corpus(app.env)
    labels = {}
    articles = [corpus.docname(entry) for entry in corpus.entries]
    for docname in [*articles, *sorted(set(app.env.all_docs) - set(articles))]:
        if docname not in app.env.all_docs:
            continue
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
        article = article_of(app.env, docname)
        entry = corpus.entry(article.file) if article is not None else None
        if entry is not None and entry.short_title:
            title = entry.short_title
        labels[app.builder.get_target_uri(docname)] = title
    return labels


def place_label(uri: str, labels: dict[str, str]) -> str:
    """"Short title, ¶3" for a paragraph, the page's title otherwise."""
    page, _hash, anchor = uri.partition("#")
    title = labels.get(page, page)
    if anchor[:1] == "p" and anchor[1:].isdigit():
        return f"{title}, ¶{anchor[1:]}"
    return title


def place_order(uri: str, main: str, pages: list[str]) -> tuple[bool, int, int]:
    """The glossary entry (main) first, then the places in reading order."""
    page, _hash, anchor = uri.partition("#")
    number = int(anchor[1:]) if anchor[:1] == "p" and anchor[1:].isdigit() else 0
    return (not main, pages.index(page) if page in pages else len(pages), number)


def named_places(entries: list[tuple[str, list[Any]]], labels: dict[str, str]) -> None:
    """Every entry with more than one place: its places as named sub-entries (in place)."""
    pages = list(labels)
    for _key, column in entries:
        for position, (name, (links, subitems, key)) in enumerate(column):
            if len(links) <= 1:  # one place: the name itself is the link
                continue
            ordered = sorted(links, key=lambda link: place_order(link[1], link[0], pages))
            places = [(place_label(uri, labels), [(main, uri)]) for main, uri in ordered]
            column[position] = (name, ([], places + list(subitems), key))


def name_index_links(app: Sphinx, pagename: str, templatename: str,
                     context: dict[str, Any], doctree: Any) -> None:
    """At ``html-page-context`` of the index pages: the places named (HTML and EPUB)."""
    if not pagename.startswith("genindex") or "genindexentries" not in context:
        return
    named_places(context["genindexentries"], page_labels(app))

