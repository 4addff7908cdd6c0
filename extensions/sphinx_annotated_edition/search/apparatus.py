"""The search index holds the source's words and the edition's notes, not its marks.

What the edition adds inside the text (note markers, ``[sic]``, pilcrows) carries the
class ``apparatus``; Sphinx's indexer skips an element of class ``no-search``, so a search
for "sic" finds the pages that speak of it, not every article the edition marked.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

APPARATUS = "apparatus"
NO_SEARCH = "no-search"  # Sphinx's own class for what its search index leaves out


class KeepApparatusOutOfSearch(SphinxPostTransform):
    """Mark every apparatus element ``no-search`` (HTML builders, which index the page)."""

    default_priority = 950  # after the marks and permalinks are added
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in self.document.findall(nodes.Element):
            if APPARATUS in node.get("classes", ()) and NO_SEARCH not in node["classes"]:
                node["classes"].append(NO_SEARCH)
