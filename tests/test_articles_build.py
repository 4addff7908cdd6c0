"""The article extension on a small test root: what a reader sees in HTML and LaTeX."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from htmltext import texts_by_class


@pytest.mark.sphinx("html", testroot="articles")
def test_article_pages_header_anchors_and_note(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    page = (app.outdir / "articles" / "first.html").read_text(encoding="utf-8")
    assert "<h1>A test headline" in page
    assert "Test Outlet · 2 March 2021" in page and "The date is printed on the page" in page
    paragraphs = texts_by_class(page, "article-paragraph", skip_apparatus=True)
    assert [ident for ident, _ in paragraphs] == ["p1", "p2"]
    assert paragraphs[1][1] == 'The second paragraph says "not not" as printed.'
    assert ('<a class="paragraph-permalink paragraph-number apparatus" href="#p1"'
            in page)
    # markup in the source is text: escaped, never executed
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    note = texts_by_class(page, "editorial-note")[0][1]
    assert "line 3 (clock): • Clock-gray 10:15" in note
    assert "line 10 (site link): Other news" in note
    assert "Other news" not in "".join(text for _, text in paragraphs)


@pytest.mark.sphinx("html", testroot="articles")
def test_header_lines_become_metadata(app: SphinxTestApp) -> None:
    app.build()
    page = (app.outdir / "articles" / "early.html").read_text(encoding="utf-8")
    assert "<h1>EARLY HEADLINE" in page
    meta = texts_by_class(page, "article-meta")[0][1]
    assert "Jane Roe" in meta and "ANKARA" in meta and "28 September 2020" in meta
    blocks = texts_by_class(page, "article-paragraph", skip_apparatus=True)
    assert blocks[0][1].startswith("An earlier article")
    assert texts_by_class(page, "article-subheading", skip_apparatus=True) == [
        ("p2", "A crosshead")]


@pytest.mark.sphinx("html", testroot="articles")
def test_landing_page_cards_and_reading_order(app: SphinxTestApp) -> None:
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    cards = texts_by_class(page, "article-card")
    assert len(cards) == 2 and 'class="sd-card' in page  # rendered cards, not plain text
    assert "EARLY HEADLINE" in cards[0][1] and "Another Outlet · 28 September 2020" in cards[0][1]
    assert "An earlier article, published on Sept. 27, 2020, first." in cards[0][1]
    assert 'href="articles/early.html"' in page
    toc = page[page.index('class="toctree-wrapper'):]
    assert toc.index("articles/early.html") < toc.index("articles/first.html")


@pytest.mark.sphinx("latex", testroot="articles")
def test_latex_has_the_text_without_pilcrows(app: SphinxTestApp) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    # the label where links land, the number in the margin, then the text
    assert ("\\phantomsection\\label{\\detokenize{articles/first:p2}}\\editionparnum{2}"
            'The second paragraph says "not not" as printed.') in tex
    assert "¶" not in tex
    assert "\\textless{}script\\textgreater{}" in tex


@pytest.mark.sphinx("html", testroot="articles")
def test_a_broken_seed_is_one_warning_and_the_rest_builds(app: SphinxTestApp) -> None:
    (app.srcdir / "seeds" / "a_first.txt").write_bytes(b"\x00\x01binary")
    app.build()
    warnings = app.warning.getvalue()
    assert "a_first.txt:1: WARNING: not a text file (NUL byte found)" in warnings
    assert "[annotated_edition.encoding]" in warnings and "Traceback" not in warnings
    assert (app.outdir / "articles" / "early.html").exists()
