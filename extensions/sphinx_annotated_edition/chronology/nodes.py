"""Doctree nodes of the chronology."""

from __future__ import annotations

from docutils import nodes


class chronology_list(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """Where the chronology goes: replaced at ``doctree-resolved``, once every article is read."""
