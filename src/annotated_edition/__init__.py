"""The pure-Python core of the annotated reading edition.

It never imports Sphinx: every piece (articles, glossary, notes, dates, chronology)
can be used and tested alone; ``sphinx_annotated_edition`` adapts it to Sphinx.
"""

from __future__ import annotations

__version__ = "0.1.0"
