"""Which builder writes the page, asked through Sphinx's public post-transform API.

A post-transform that runs for some builders only says so with ``builders``/``formats``
(``SphinxPostTransform.is_supported`` checks them). Where a transform must tell one builder
from another inside ``run`` (the EPUB writes HTML but pops notes up itself), it asks a
probe transform the same question: Sphinx keeps the builder in a different private place
in each release (``app.builder`` in 8.2, ``env._builder_cls`` in 9.x), so only
``is_supported`` works in both.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class _EpubProbe(SphinxPostTransform):
    """Never applied: ``is_supported`` says whether the EPUB builder runs."""

    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:  # pragma: no cover - never registered
        pass


def builds_epub(document: nodes.document) -> bool:
    """Whether the EPUB builder is writing ``document`` (during post-transforms)."""
    return _EpubProbe(document).is_supported()
