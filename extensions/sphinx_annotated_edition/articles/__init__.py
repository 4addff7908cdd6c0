"""The article source: every seed of the catalog becomes a page of the edition.

Registers:

- the extensions ``myst_parser`` (the stubs below are Markdown) and ``sphinx_design``
  (the cards);
- config values ``edition_seed_dir``, ``edition_catalog`` (relative to ``conf.py``'s
  folder, made absolute at ``config-inited``: ``sphinx_annotated_edition.paths``) and
  ``edition_article_dir`` (the folder of the article pages in the project: the one place
  where the extensions write into the source folder);
- at ``builder-inited``: the catalog is checked and a stub page is written per article
  into ``edition_article_dir``;
  the corpus is loaded again then and at ``env-get-outdated`` when a file has changed;
- directives ``article`` (one page), ``article-cards`` (the landing page's cards) and
  ``article-toctree`` (all articles in reading order);
- the ``paragraph_permalink`` node (a pilcrow in HTML, a label in LaTeX) and the
  post-transform that adds it;
- the ``ArticleEntriesCollector``: editing one catalog entry re-reads that article's page
  only; a change of titles or reading order rewrites every page (their navigation).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from sphinx_annotated_edition.articles.collector import (
    ArticleEntriesCollector,
    ArticleListingCollector,
)
from sphinx_annotated_edition.articles.corpus import corpus_for
from sphinx_annotated_edition.articles.directives import (
    ArticleCardsDirective,
    ArticleDirective,
    ArticleTocTree,
)
from sphinx_annotated_edition.articles.nodes import (
    paragraph_permalink,
    visit_paragraph_permalink_html,
    visit_paragraph_permalink_latex,
)
from sphinx_annotated_edition.articles.output import setup_output
from sphinx_annotated_edition.articles.singlehtml import no_index_entry, unique_ids
from sphinx_annotated_edition.articles.stubs import write_stubs
from sphinx_annotated_edition.articles.transforms import AddParagraphPermalinks
from sphinx_annotated_edition.i18n import add_catalog
from sphinx_annotated_edition.paths import add_path_config_value
from sphinx_annotated_edition.static import add_static_dir, settle_sphinx_design_static_dir
from sphinx_annotated_edition.visitors import skip_node
from sphinx_annotated_edition.warnings_ import Subtype, report

STATIC = Path(__file__).parent / "static"
# The LaTeX package of the article pages (not in STATIC: HTML would copy it).
STY = Path(__file__).parent / "latex" / "editionarticles.sty"


def prepare_corpus(app: Sphinx) -> None:
    """Check the catalog and write one stub page per article before Sphinx looks for pages."""
    corpus = corpus_for(app.config, refresh=True)  # the seeds may have changed
    for problem in corpus.problems + write_stubs(corpus, Path(app.srcdir))[1]:
        report(problem, Subtype.CATALOG)


def refresh_corpus(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                   removed: set[str]) -> list[str]:
    """Look at the seeds again when a build starts reading (they may have changed since
    ``builder-inited``); the corpus is not checked again during the build."""
    corpus_for(app.config, refresh=True)
    return []


def add_latex_package(app: Sphinx, config: Config) -> None:
    """Ship editionarticles.sty (the paragraph numbers' style) with the LaTeX output."""
    config.latex_additional_files = [*config.latex_additional_files, str(STY)]



def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.setup_extension("myst_parser")  # the article pages' stubs are Markdown
    app.setup_extension("sphinx_design")
    settle_sphinx_design_static_dir(app)
    app.setup_extension("sphinx_annotated_edition.state")
    add_path_config_value(app, "edition_seed_dir", "../seeds")
    add_path_config_value(app, "edition_catalog", "../seeds/catalog.yaml")
    app.add_config_value("edition_article_dir", "articles", "env", types=frozenset({str}))
    # before the other extensions' handlers, which may ask for the corpus
    app.connect("builder-inited", prepare_corpus, priority=400)
    app.connect("env-get-outdated", refresh_corpus, priority=100)  # before the collector
    add_static_dir(app, STATIC)
    app.connect("config-inited", add_latex_package)
    app.add_latex_package(STY.stem)
    app.add_directive("article", ArticleDirective)
    app.add_directive("article-cards", ArticleCardsDirective)
    app.add_directive("article-toctree", ArticleTocTree)
    app.add_node(paragraph_permalink,
                 html=(visit_paragraph_permalink_html, None),
                 latex=(visit_paragraph_permalink_latex, None),
                 text=(skip_node, None), man=(skip_node, None), texinfo=(skip_node, None))
    app.add_post_transform(AddParagraphPermalinks)
    app.add_env_collector(ArticleEntriesCollector)
    app.add_env_collector(ArticleListingCollector)
    setup_output(app)
    app.connect("doctree-resolved", unique_ids, priority=900)  # after every link is made
    app.connect("html-page-context", no_index_entry, priority=900)  # after Furo's
    app.add_css_file("edition-articles.css")
    # env_version 2: the article pages' catalog entries are kept in the environment
    # env_version 3: the HTML header (outlet and country, date, byline) and smartquotes
    # env_version 4: the listing pages' fingerprints are kept in the environment too
    return {"version": __version__, "env_version": 4, "parallel_read_safe": True,
            "parallel_write_safe": True}
