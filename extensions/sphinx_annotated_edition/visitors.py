"""Visitor functions that every extension's nodes share."""

from __future__ import annotations

from docutils import nodes


def skip_node(self: object, node: nodes.Node) -> None:
    """Write nothing of the node nor of its children (a format that does not show it)."""
    raise nodes.SkipNode
