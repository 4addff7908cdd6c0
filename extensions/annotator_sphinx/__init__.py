"""Sphinx extensions of the annotated reading edition: thin adapters over ``annotator``.

Each concern is its own extension, listed in ``conf.py``:

- ``annotator_sphinx.articles``: one page per seed, paragraph anchors, cards, reading order.
- ``annotator_sphinx.book``: the PDF as a book (front matter, articles, back matter).
"""

from __future__ import annotations
