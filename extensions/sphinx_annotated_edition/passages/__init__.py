"""Shared passages: the text the articles copy from each other, found and collated.

Registers:

- config values ``edition_passages``: the editor's acknowledged variants, relative to the
  source folder (default ``passages.yaml``; the file is optional), and
  ``edition_passages_min_words``: the threshold, words two copies must share (default 8);
- directive ``shared-passages`` and its placeholder node, filled at ``doctree-resolved``
  with every passage, its witnesses and its apparatus of variants;
- the ``passage_sign`` node (HTML, LaTeX, text): a sign beside each article paragraph that
  recurs elsewhere, leading to its collation, added at ``doctree-resolved``;
- at ``env-get-updated``: the passages are found and collated (collations cached per
  passage), significant variants are reported (warning ``annotated_edition.passage-variant``, or
  information once acknowledged), and the pages whose part changed are written again;
- a handler of ``edition-annotations``: one ``linking`` annotation per passage in
  ``annotations.jsonld``, a target per witness.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from annotated_edition.passages import DEFAULT
from sphinx_annotated_edition.annotations import EVENT
from sphinx_annotated_edition.i18n import add_catalog
from sphinx_annotated_edition.passages.annotations import passage_records
from sphinx_annotated_edition.passages.data import PAGES, passage_pages, update
from sphinx_annotated_edition.passages.directives import SharedPassagesDirective
from sphinx_annotated_edition.passages.nodes import (
    passage_sign,
    passage_target,
    shared_passages,
    visit_sign_html,
    visit_sign_latex,
    visit_sign_text,
    visit_target_latex,
)
from sphinx_annotated_edition.passages.render import add_signs, fill_placeholders
from sphinx_annotated_edition.paths import add_path_config_value
from sphinx_annotated_edition.state import stores
from sphinx_annotated_edition.static import add_static_dir
from sphinx_annotated_edition.visitors import skip_node

STATIC = Path(__file__).parent / "static"



def forget_page(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    stores(env).get(PAGES, {}).pop(docname, None)


def merge_pages(app: Sphinx, env: BuildEnvironment, docnames: set[str],
                other: BuildEnvironment) -> None:
    theirs = stores(other).get(PAGES, {})
    pages = passage_pages(env)
    for docname in docnames & theirs.keys():
        pages[docname] = theirs[docname]


def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.setup_extension("sphinx_annotated_edition.state")
    app.setup_extension("sphinx_annotated_edition.articles")
    app.setup_extension("sphinx_annotated_edition.annotations")
    add_path_config_value(app, "edition_passages", "passages.yaml")
    app.add_config_value("edition_passages_min_words", DEFAULT.min_words, "env",
                         types=frozenset({int}))
    app.add_directive("shared-passages", SharedPassagesDirective)
    app.add_node(shared_passages, html=(skip_node, None), latex=(skip_node, None),
                 text=(skip_node, None), man=(skip_node, None), texinfo=(skip_node, None))
    app.add_node(passage_target, html=(skip_node, None), latex=(visit_target_latex, None),
                 text=(skip_node, None), man=(skip_node, None), texinfo=(skip_node, None))
    app.add_node(passage_sign, html=(visit_sign_html, None), latex=(visit_sign_latex, None),
                 text=(visit_sign_text, None), man=(skip_node, None),
                 texinfo=(skip_node, None))
    app.connect("env-purge-doc", forget_page)
    app.connect("env-merge-info", merge_pages)
    app.connect("env-get-updated", update)
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("doctree-resolved", add_signs)
    add_static_dir(app, STATIC)
    app.connect(EVENT, passage_records)
    app.add_css_file("edition-passages.css")
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
