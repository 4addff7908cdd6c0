"""Toctree captions that tell screen readers their level.

Sphinx writes a toctree's caption (the sidebar's, the landing page's "The articles") as
``<p class="caption" role="heading">`` without the ``aria-level`` that ARIA requires of a
``role="heading"``. Toctrees are resolved after every transform, so the caption is never
a node the edition could mark: at ``html-page-context`` (before the theme's handler reads
the navigation) the page's body and the ``toctree()`` its template calls get the level.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from sphinx_annotated_edition.private_api import TOCTREE_CAPTION_TAG

# The level of a toctree caption: a section of the navigation, below the page's title.
CAPTION_LEVEL = "2"
CAPTION_WITH_LEVEL = TOCTREE_CAPTION_TAG.replace("<p ", f'<p aria-level="{CAPTION_LEVEL}" ', 1)
# Before furo's handler (500), which builds its navigation from ``toctree()``.
PRIORITY = 400


def with_caption_levels(html: str) -> str:
    return html.replace(TOCTREE_CAPTION_TAG, CAPTION_WITH_LEVEL)


def caption_levels(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                   doctree: nodes.document | None) -> None:
    """The page's toctree captions, in its body and its navigation, with their level."""
    if isinstance(context.get("body"), str):
        context["body"] = with_caption_levels(context["body"])
    toctree = context.get("toctree")
    if callable(toctree):
        context["toctree"] = _leveled(toctree)


def _leveled(toctree: Callable[..., str]) -> Callable[..., str]:
    def leveled_toctree(*args: Any, **kwargs: Any) -> str:
        return with_caption_levels(toctree(*args, **kwargs))

    return leveled_toctree
