"""Sphinx extensions of the annotated reading edition: thin adapters over ``annotator``.

Each concern is its own extension, listed in ``conf.py``:

- ``annotator_sphinx.articles``: one page per seed, paragraph anchors, cards, reading order.
- ``annotator_sphinx.chronology``: dated events from the texts, the chronology page and
  ``chronology.json``.
- ``annotator_sphinx.glossary``: the glossary page, terms linked in the articles, popovers,
  index registers and ``glossary.json``.
"""

from __future__ import annotations
