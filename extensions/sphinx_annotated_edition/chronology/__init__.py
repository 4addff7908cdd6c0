"""The chronology: every dated event of the articles, traced to its sentences.

The events are found in the articles' text, so this extension loads
``sphinx_annotated_edition.articles``: listing it alone in ``conf.py`` is enough.

Registers:

- config value ``edition_chronology_overlay`` (the editor's overlay, relative to
  ``conf.py``'s folder; default ``chronology.yaml``);
- the ``chronology`` domain, which keeps the event candidates of every article page (with
  ``clear_doc`` and ``merge_domaindata``, so reading in parallel is safe);
- directive ``chronology`` and its placeholder node ``chronology_list``, filled at
  ``doctree-resolved`` with the events grouped by year;
- an ``env-get-updated`` handler that rewrites the chronology page whenever a dated
  expression of any article changes;
- at ``build-finished`` (HTML): ``chronology.json`` at the root of the output.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from sphinx_annotated_edition.chronology.directives import ChronologyDirective
from sphinx_annotated_edition.chronology.domain import ChronologyDomain, updated_pages
from sphinx_annotated_edition.chronology.exports import write_json
from sphinx_annotated_edition.chronology.nodes import chronology_list
from sphinx_annotated_edition.chronology.render import fill_placeholders
from sphinx_annotated_edition.i18n import add_catalog
from sphinx_annotated_edition.paths import add_path_config_value
from sphinx_annotated_edition.static import add_static_dir
from sphinx_annotated_edition.visitors import skip_node

STATIC = Path(__file__).parent / "static"



def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.setup_extension("sphinx_annotated_edition.articles")
    add_path_config_value(app, "edition_chronology_overlay", "chronology.yaml")
    app.add_domain(ChronologyDomain)
    app.add_directive("chronology", ChronologyDirective)
    app.add_node(chronology_list, html=(skip_node, None), latex=(skip_node, None),
                 text=(skip_node, None), man=(skip_node, None), texinfo=(skip_node, None))
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("env-get-updated", updated_pages)
    app.connect("build-finished", write_json)
    add_static_dir(app, STATIC)
    app.add_css_file("edition-chronology.css")
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
