"""The review record: which paragraphs the editorial review vouches for, checked at every build.

Registers:

- config value ``edition_review``: the review file, relative to ``conf.py`` (default
  empty: no review record, nothing is checked);
- at ``builder-inited``: the file is checked against the articles; a bad record is a
  warning at its line (subtype ``review``), and every paragraph the record does not vouch
  for one more (subtype ``unreviewed``): at the paragraph's line in its seed when it has
  no record, at the record's line when the text has changed since or a question was left
  out;
- directive ``review-status`` and its placeholder node ``review_status``, filled at
  ``doctree-resolved`` with the edition's review status (HTML, LaTeX, text, EPUB);
- the domain ``edition_review`` (the pages showing the status) and an ``env-get-updated``
  handler: when the status changes, those pages are written again, and nothing else;
- the package's message catalog for the labels (``sphinx.locale``, see ``i18n``).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from sphinx_annotated_edition.i18n import add_catalog
from sphinx_annotated_edition.paths import add_path_config_value
from sphinx_annotated_edition.review.data import review_set
from sphinx_annotated_edition.review.directives import ReviewStatusDirective
from sphinx_annotated_edition.review.domain import ReviewDomain, updated_pages
from sphinx_annotated_edition.review.nodes import review_status
from sphinx_annotated_edition.review.render import fill_placeholders
from sphinx_annotated_edition.visitors import skip_node
from sphinx_annotated_edition.warnings_ import Subtype, report


def check_review(app: Sphinx) -> None:
    """Report the review file's problems and every paragraph it does not vouch for."""
    for problem in review_set(app.config).problems:
        report(problem, Subtype.REVIEW)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinx_annotated_edition.articles")
    add_path_config_value(app, "edition_review", "")
    add_catalog(app)
    app.add_domain(ReviewDomain)
    app.add_directive("review-status", ReviewStatusDirective)
    app.add_node(review_status, html=(skip_node, None), latex=(skip_node, None),
                 text=(skip_node, None), man=(skip_node, None), texinfo=(skip_node, None))
    app.connect("builder-inited", check_review)
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("env-get-updated", updated_pages)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
