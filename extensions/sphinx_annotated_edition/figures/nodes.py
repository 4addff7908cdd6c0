"""Doctree nodes of the figures."""

from __future__ import annotations

from docutils import nodes


class edition_figure(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """Where a figure goes (``kind``: timeline or map); filled once every page is read."""
