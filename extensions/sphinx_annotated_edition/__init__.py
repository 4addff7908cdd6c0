"""Sphinx extensions of the annotated reading edition: thin adapters over ``annotated-edition``.

Each concern is its own extension, listed in ``conf.py``:

- ``sphinx_annotated_edition.articles``: one page per seed, paragraph anchors, cards, reading order.
- ``sphinx_annotated_edition.chronology``: dated events from the texts, the chronology page and
  ``chronology.json``.
- ``sphinx_annotated_edition.glossary``: the glossary page, terms linked in the articles, popovers,
  index registers and ``glossary.json``.
- ``sphinx_annotated_edition.notes``: editorial notes (context, sic, framing, cross-reference) as
  footnotes after the quoted words, with popovers in HTML and ``\\footnote`` in PDF.
- ``sphinx_annotated_edition.annotations``: ``annotations.jsonld`` (W3C Web Annotations) at the root
  of the HTML output; other extensions add records through the ``edition-annotations`` event.
- ``sphinx_annotated_edition.book``: the PDF as a book (front matter, articles, back matter).
- ``sphinx_annotated_edition.search``: the search index and the reader's query folded alike
  ("Cavusoglu" finds "Çavuşoğlu").
- ``sphinx_annotated_edition.reading``: type for long reading, phone header, accessible toctree
  captions.
- ``sphinx_annotated_edition.buildgc``: the garbage collector kept off what was read while the
  pages are written (at 1,000 articles a build takes a fifth less time).
"""

from __future__ import annotations
