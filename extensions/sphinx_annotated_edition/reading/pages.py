"""What the head of each page carries: a description, citation metadata on article pages,
and only the stylesheets and scripts the page uses."""

from __future__ import annotations

import html
from typing import Any

from sphinx.application import Sphinx

from sphinx_annotated_edition.private_api import DESIGN_ASSETS_USED_WHEN
from sphinx_annotated_edition.reading.tools import page_citation, page_url

# A static file, and what a page's body holds when the page uses it (a class or attribute
# its rules or script look for). Files not listed here (the theme's own, the search's) are
# always kept.
USED_WHEN: dict[str, tuple[str, ...]] = {
    **DESIGN_ASSETS_USED_WHEN,
    "pygments.css": ('class="highlight',),
    "edition-articles.css": ('class="article-',),
    "edition-notes.css": ("edition-note",),
    "edition-notes.js": ("edition-note-ref",),
    "edition-glossary.css": ("data-glossary", 'class="glossary'),
    "edition-glossary.js": ("data-glossary",),
    "edition-chronology.css": ('class="chronology',),
    "edition-reading.js": ("reading-tools",),
}


def _name(asset: Any) -> str:
    return str(getattr(asset, "filename", asset)).rsplit("/", 1)[-1].split("?", 1)[0]


def used(asset: Any, body: str) -> bool:
    markers = USED_WHEN.get(_name(asset))
    return markers is None or any(marker in body for marker in markers)


def light_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
               doctree: Any) -> None:
    """Leave out what the page does not use; give it a description and, on an article,
    the citation metadata reference managers read."""
    if app.builder.name == "epub" or "body" not in context:
        return
    body = context["body"]
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if used(asset, body)]
    citation = page_citation(app.env, pagename, page_url(app.builder, pagename))
    description = citation.description if citation else app.config.edition_description
    tags = [f'<meta name="description" content="{html.escape(description, quote=True)}" />']
    if citation is not None:
        tags += [citation.meta_tags(),
                 f'<script type="application/ld+json">{citation.json_ld()}</script>']
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"
