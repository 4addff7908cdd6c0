"""Sphinx extensions of the annotated reading edition: thin adapters over ``annotator``.

Each concern is its own extension, listed in ``conf.py``:

- ``annotator_sphinx.articles``: one page per seed, paragraph anchors, cards, reading order.
- ``annotator_sphinx.chronology``: dated events from the texts, the chronology page and
  ``chronology.json``.
- ``annotator_sphinx.glossary``: the glossary page, terms linked in the articles, popovers,
  index registers and ``glossary.json``.
- ``annotator_sphinx.notes``: editorial notes (context, sic, framing, cross-reference) as
  footnotes after the quoted words, with popovers in HTML and ``\\footnote`` in PDF.
- ``annotator_sphinx.annotations``: ``annotations.jsonld`` (W3C Web Annotations) at the root
  of the HTML output; other extensions add records through the ``edition-annotations`` event.
- ``annotator_sphinx.book``: the PDF as a book (front matter, articles, back matter).
- ``annotator_sphinx.search``: the search index and the reader's query folded alike
  ("Cavusoglu" finds "Çavuşoğlu").
- ``annotator_sphinx.reading``: type for long reading, phone header, accessible toctree
  captions.
- ``annotator_sphinx.buildgc``: the garbage collector kept off what was read while the
  pages are written (at 1,000 articles a build takes a fifth less time).
"""

from __future__ import annotations
