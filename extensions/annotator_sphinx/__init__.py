"""Sphinx extensions of the annotated reading edition: thin adapters over ``annotator``.

Each concern is its own extension, listed in ``conf.py``:

- ``annotator_sphinx.articles``: one page per seed, paragraph anchors, cards, reading order.
- ``annotator_sphinx.search``: the search index and the reader's query folded alike
  ("Cavusoglu" finds "Çavuşoğlu").
- ``annotator_sphinx.reading``: type for long reading, phone header, accessible toctree
  captions.
"""

from __future__ import annotations
