"""Search that finds a name however it is typed: "Cavusoglu" finds "Çavuşoğlu".

Registers:

- the search language ``en`` (``FoldingEnglish``, replacing Sphinx's English one for the
  process, as ``add_search_language`` does): the index holds every word folded to plain
  Latin letters, and the search page folds the reader's query the same way before the
  English stemmer sees it; a result's summary is cut around the word as its page spells
  it (Furo loads Sphinx's searchtools.js before the language data, where this lives);
  the summary leaves out the edition's apparatus (note markers, [sic], pilcrows);
- the post-transform ``KeepApparatusOutOfSearch``: the same apparatus is left out of the
  search index (Sphinx's ``no-search`` class).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from sphinx_annotated_edition.i18n import add_catalog
from sphinx_annotated_edition.search.apparatus import KeepApparatusOutOfSearch
from sphinx_annotated_edition.search.language import FoldingEnglish


def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.add_search_language(FoldingEnglish)
    app.add_post_transform(KeepApparatusOutOfSearch)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
