"""The glossary: every key term of the articles linked where it occurs, defined once.

Works in any Sphinx project on its own (``extensions = ["sphinx_annotated_edition.glossary"]``):
with ``sphinx_annotated_edition.articles`` loaded too, the terms are linked in the article
pages and the entries no article mentions are reported; without it, on every page (or the
pages ``edition_glossary_link_pages`` selects), and nothing is said of articles.

Registers:

- config values ``edition_glossary`` (the data file, relative to ``conf.py``'s folder),
  ``edition_glossary_link`` (which occurrences get a link: ``every``, ``paragraph`` = the
  first per paragraph, ``article`` = the first per article or page, the default),
  ``edition_glossary_link_pages`` (glob patterns of the docnames whose paragraphs are
  linked; ``None``, the default: the article pages when the articles extension is
  loaded, else every page; the pages that show the glossary never) and
  ``edition_glossary_categories`` (each category an entry may have and the title of its
  section of the glossary, in order; the default: the edition's six);
- the directive ``edition-glossary`` (the glossary page: ``std:term`` entries by category);
- the read transform ``LinkGlossaryTerms`` (priority 600): ``pending_xref`` to ``std:term``
  and index entries for persons, places and organisations, in the selected pages;
- post-transforms ``EmbedDefinitions`` (HTML popovers) and ``CollatedLatexIndex``;
- the domain ``edition-glossary`` (occurrences per document, glossary pages);
- nodes ``glossary_link``, ``glossary_occurrences``, ``glossary_definitions``,
  ``register_index``; the static files ``edition-glossary.js`` and ``.css``; the LaTeX
  package ``annotator-glossary`` (page references to the entries);
- the ``GlossaryLinksCollector``: an edit of the glossary re-reads the articles whose
  links or linked entries change, not every article;
- the extension ``sphinx_annotated_edition.annotations`` (the event below);
- events: ``builder-inited`` (load and check the data file), ``env-get-updated``
  (rewrite the glossary page when what its "appears in" lines show has changed),
  ``doctree-resolved`` ("appears in"), ``env-check-consistency`` (entries found nowhere:
  ``annotated_edition.glossary-unused``), ``build-finished`` (``glossary.json``),
  ``edition-annotations`` (every occurrence into ``annotations.jsonld``).

``sphinx_annotated_edition.glossary.occurrences(env)`` gives every occurrence, for other exports.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import ENUM
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from sphinx_annotated_edition.glossary.collector import GlossaryLinksCollector
from sphinx_annotated_edition.glossary.data import CATEGORY_TITLES, LINK_MODES
from sphinx_annotated_edition.glossary.directives import GlossaryDirective
from sphinx_annotated_edition.glossary.domain import GlossaryDomain
from sphinx_annotated_edition.glossary.events import (
    STY_NAME,
    annotation_records,
    check_config,
    export,
    fill_occurrences,
    occurrences,
    report_unused,
    updated_pages,
)
from sphinx_annotated_edition.glossary.nodes import (
    depart_glossary_link_html,
    depart_glossary_link_latex,
    glossary_definitions,
    glossary_link,
    glossary_occurrences,
    page_mark,
    pass_node,
    register_index,
    visit_glossary_definitions_html,
    visit_glossary_link_html,
    visit_glossary_link_latex,
    visit_page_mark_latex,
    visit_register_index_latex,
)
from sphinx_annotated_edition.glossary.transforms import (
    CollatedLatexIndex,
    EmbedDefinitions,
    LinkGlossaryTerms,
)
from sphinx_annotated_edition.i18n import add_catalog
from sphinx_annotated_edition.paths import add_path_config_value
from sphinx_annotated_edition.static import add_static_dir
from sphinx_annotated_edition.visitors import skip_node

__all__ = ["occurrences", "setup"]

STATIC = Path(__file__).parent / "static"



def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.setup_extension("sphinx_annotated_edition.state")  # its collectors keep state there
    app.setup_extension("sphinx_annotated_edition.annotations")
    app.connect("edition-annotations", annotation_records)
    add_path_config_value(app, "edition_glossary", "glossary.yaml")
    app.add_config_value("edition_glossary_link", "article", "env", types=ENUM(*LINK_MODES))
    app.add_config_value("edition_glossary_link_pages", None, "env",
                         types=frozenset({list, tuple, type(None)}))
    app.add_config_value("edition_glossary_categories", dict(CATEGORY_TITLES), "env",
                         types=frozenset({dict}))
    app.add_domain(GlossaryDomain)
    app.add_directive("edition-glossary", GlossaryDirective)
    app.add_transform(LinkGlossaryTerms)
    app.add_post_transform(EmbedDefinitions)
    app.add_post_transform(CollatedLatexIndex)
    app.add_node(glossary_link, html=(visit_glossary_link_html, depart_glossary_link_html),
                 latex=(visit_glossary_link_latex, depart_glossary_link_latex),
                 text=(pass_node, pass_node), man=(pass_node, pass_node),
                 texinfo=(pass_node, pass_node))
    app.add_node(glossary_occurrences, html=(skip_node, None), latex=(skip_node, None),
                 text=(skip_node, None), man=(skip_node, None), texinfo=(skip_node, None))
    app.add_node(glossary_definitions, html=(visit_glossary_definitions_html, None),
                 latex=(skip_node, None), text=(skip_node, None), man=(skip_node, None),
                 texinfo=(skip_node, None))
    app.add_node(page_mark, latex=(visit_page_mark_latex, None),
                 html=(skip_node, None), text=(skip_node, None), man=(skip_node, None),
                 texinfo=(skip_node, None))
    app.add_node(register_index, latex=(visit_register_index_latex, None),
                 html=(skip_node, None), text=(skip_node, None), man=(skip_node, None),
                 texinfo=(skip_node, None))
    app.add_latex_package(STY_NAME)
    app.add_env_collector(GlossaryLinksCollector)
    app.connect("builder-inited", check_config)
    add_static_dir(app, STATIC)
    app.connect("env-get-updated", updated_pages)
    app.connect("doctree-resolved", fill_occurrences)
    app.connect("env-check-consistency", report_unused)
    app.connect("build-finished", export)
    app.add_css_file("edition-glossary.css")
    app.add_js_file("edition-glossary.js", loading_method="defer")
    # env_version 2: per article, the fingerprint of the glossary it was linked with
    # env_version 3: entries say whether they are linked at all (link: false)
    # env_version 4: a LaTeX label at each entry's first word in a paragraph (its page)
    return {"version": __version__, "env_version": 4, "parallel_read_safe": True,
            "parallel_write_safe": True}
