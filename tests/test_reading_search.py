"""Search folding and the reading extension, on a small root: the index, HTML and LaTeX."""

from __future__ import annotations

import json
import re

import pytest
from sphinx.testing.util import SphinxTestApp


def search_terms(app: SphinxTestApp) -> dict[str, list[str]]:
    """The search index's words -> the pages that hold them."""
    script = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1:script.rindex(")")])
    docnames = index["docnames"]
    return {term: sorted(docnames[i] for i in ([found] if isinstance(found, int) else found))
            for term, found in index["terms"].items()}


@pytest.mark.sphinx("html", testroot="reading")
def test_the_index_holds_folded_words(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    terms = search_terms(app)
    assert terms["cavusoglu"] == ["plain", "turkish"]  # both spellings, one entry
    assert "çavuşoğlu" not in terms
    assert terms["eliyev"] == ["turkish"] and terms["igdir"] == ["turkish"]
    # the search page folds the query with the same rules
    script = (app.outdir / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "editionFold(word)" in script and "window.Stemmer = Stemmer" in script


@pytest.mark.sphinx("html", testroot="reading")
def test_toctree_captions_are_headings_with_a_level(app: SphinxTestApp) -> None:
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<p [^>]*role="heading"[^>]*>', page)
    assert headings  # the content's toctree caption, and the sidebar's where the theme has one
    assert all(tag == '<p aria-level="2" class="caption" role="heading">' for tag in headings)
    assert "<h1>Reading test" in page  # other titles as before
    assert "_static/edition-reading.css" in page


@pytest.mark.sphinx("latex", testroot="reading")
def test_latex_is_untouched(app: SphinxTestApp) -> None:
    """Folding is for the search only: the printed text keeps its letters."""
    app.build()
    assert app.warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "Çavuşoğlu" in tex and "Cavusoglu" in tex
    assert "\\chapter{Turkish spelling}" in tex
