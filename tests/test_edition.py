"""The real edition: five articles, word for word, one page each, with no warning."""

from __future__ import annotations

from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from annotated_edition.articles import load_article
from annotated_edition.catalog import load_catalog, reading_order

from conftest import SEEDS
from htmltext import is_subsequence, texts_by_class, words

ENTRIES = reading_order(load_catalog(SEEDS / "catalog.yaml", SEEDS)[0])


def article_page(app: SphinxTestApp, slug: str) -> str:
    return (Path(app.outdir) / "articles" / f"{slug}.html").read_text(encoding="utf-8")


def test_the_edition_builds_without_warnings(edition_html: SphinxTestApp) -> None:
    assert edition_html.warning.getvalue() == ""


def test_one_page_per_article(edition_html: SphinxTestApp) -> None:
    pages = sorted(p.stem for p in (Path(edition_html.outdir) / "articles").glob("*.html"))
    assert pages == sorted(entry.slug for entry in ENTRIES)
    assert len(pages) == len(list(SEEDS.glob("*.txt"))) == 5


def test_fidelity_every_word_in_order(edition_html: SphinxTestApp) -> None:
    """Markup may add, never drop or change: each paragraph's words, in order, on its page."""
    for entry in ENTRIES:
        article, _ = load_article(SEEDS, entry)
        page = article_page(edition_html, entry.slug)
        shown = {ident: text for ident, text in
                 texts_by_class(page, "article-paragraph") +
                 texts_by_class(page, "article-subheading")}
        body = [word for block in article.blocks for word in words(shown[block.anchor])]
        for block in article.blocks:
            assert is_subsequence(words(block.text), words(shown[block.anchor])), \
                (entry.file, block.anchor)
        assert is_subsequence(words(article.text), body), entry.file
        # with the edition's own additions taken out, the text is the source's exactly
        bare = dict(texts_by_class(page, "article-paragraph", skip_apparatus=True) +
                    texts_by_class(page, "article-subheading", skip_apparatus=True))
        assert [bare[block.anchor] for block in article.blocks] == \
            [block.text for block in article.blocks], entry.file


def test_furniture_is_not_in_the_article_text(edition_html: SphinxTestApp) -> None:
    for entry in ENTRIES:
        article, _ = load_article(SEEDS, entry)
        page = article_page(edition_html, entry.slug)
        text = " ".join(t for _, t in texts_by_class(page, "article-paragraph") +
                        texts_by_class(page, "article-subheading"))
        for line in article.furniture:
            if line.kind != "repeated title":
                assert line.text not in text, (entry.file, line.text)
        note = texts_by_class(page, "editorial-note")[0][1]
        for line in article.furniture:
            assert line.text in note, (entry.file, line.text)


def test_landing_page_has_a_card_per_article_in_reading_order(
        edition_html: SphinxTestApp) -> None:
    page = (Path(edition_html.outdir) / "index.html").read_text(encoding="utf-8")
    cards = texts_by_class(page, "article-card")
    assert len(cards) == len(ENTRIES)
    for (_, card), entry in zip(cards, ENTRIES, strict=True):
        assert entry.outlet in card
    assert "26 February 2021" in cards[0][1] and "9 August 2022" in cards[-1][1]


def test_about_page_states_the_method(edition_html: SphinxTestApp) -> None:
    page = (Path(edition_html.outdir) / "about.html").read_text(encoding="utf-8")
    for heading in ("word for word", "furniture", "sic", "neutral"):
        assert heading in page.lower()
