"""Doctree nodes of the review record."""

from __future__ import annotations

from docutils import nodes


class review_status(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """Where the review status goes: replaced at ``doctree-resolved``."""
