"""What reference managers and search engines read from an article page: Highwire
``citation_*`` and Dublin Core ``DC.*`` meta tags and schema.org ``NewsArticle`` JSON-LD,
read as they read them (``extruct``, a metadata extractor; Highwire tags as Zotero reads
``<meta name>``), and the page's own description."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import extruct
import pytest
from sphinx.testing.util import SphinxTestApp

from annotated_edition.articles import load_article
from annotated_edition.catalog import load_catalog, reading_order

from conftest import SEEDS

ENTRIES = reading_order(load_catalog(SEEDS / "catalog.yaml", SEEDS)[0])


class _Meta(HTMLParser):
    """Every ``<meta name content>`` of a page, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name"):
            self.tags.setdefault(str(values["name"]), []).append(values.get("content") or "")


def meta_tags(page: str) -> dict[str, list[str]]:
    parser = _Meta()
    parser.feed(page)
    return parser.tags


def read_metadata(page: str, url: str) -> tuple[dict[str, list[str]], dict[str, str],
                                                 dict[str, object]]:
    """Highwire tags, Dublin Core elements and the NewsArticle record of a page."""
    found = extruct.extract(page, base_url=url, syntaxes=["json-ld", "dublincore"],
                            uniform=False)
    dublin = {element["name"]: element["content"]
              for record in found["dublincore"] for element in record["elements"]}
    news = [item for item in found["json-ld"] if item.get("@type") == "NewsArticle"]
    assert len(news) == 1
    highwire = {name: values for name, values in meta_tags(page).items()
                if name.startswith("citation_")}
    return highwire, dublin, news[0]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.slug)
def test_each_article_page_carries_title_date_publisher_and_url(
        edition_html: SphinxTestApp, entry: object) -> None:
    article, _ = load_article(SEEDS, entry)  # type: ignore[arg-type]
    path = f"articles/{article.slug}.html"
    page = (Path(edition_html.outdir) / path).read_text(encoding="utf-8")
    highwire, dublin, news = read_metadata(page, f"http://127.0.0.1/{path}")
    assert article.date is not None
    # titles and publishers exactly as the catalog gives them
    assert highwire["citation_title"] == [article.title]
    assert dublin["DC.title"] == news["headline"] == article.title
    assert highwire["citation_publication_date"] == [article.date.strftime("%Y/%m/%d")]
    assert dublin["DC.date"] == news["datePublished"] == article.date.isoformat()
    assert highwire["citation_publisher"] == [article.outlet]
    assert dublin["DC.publisher"] == article.outlet
    assert news["publisher"]["name"] == article.outlet  # type: ignore[index]
    # no html_baseurl in a local build: the address from the site's root
    assert highwire["citation_public_url"] == [path]
    assert dublin["DC.identifier"] == news["url"] == path
    if article.byline:
        assert highwire["citation_author"] == [article.byline]
        assert news["author"]["name"] == article.byline  # type: ignore[index]
    description = meta_tags(page)["description"]
    assert len(description) == 1 and article.title in description[0]


def test_other_pages_have_a_description_and_no_article_metadata(
        edition_html: SphinxTestApp) -> None:
    for name in ("index.html", "about.html", "glossary.html"):
        page = (Path(edition_html.outdir) / name).read_text(encoding="utf-8")
        tags = meta_tags(page)
        assert len(tags["description"]) == 1 and "Azerbaijan" in tags["description"][0]
        assert not [tag for tag in tags if tag.startswith(("citation_", "DC."))]
        assert "NewsArticle" not in page


@pytest.mark.sphinx("html", testroot="articles", confoverrides={
    "html_baseurl": "https://edition.example.org/en/",
    "extensions": ["myst_parser", "sphinx_annotated_edition.articles",
                   "sphinx_annotated_edition.reading"]})
def test_with_a_base_url_every_address_is_absolute(app: SphinxTestApp) -> None:
    app.build()
    page = (Path(app.outdir) / "articles" / "first.html").read_text(encoding="utf-8")
    url = "https://edition.example.org/en/articles/first.html"
    highwire, dublin, news = read_metadata(page, url)
    assert highwire["citation_public_url"] == [url]
    assert dublin["DC.identifier"] == news["url"] == url
    assert highwire["citation_title"] == ["A test headline"]
    assert f'<link rel="canonical" href="{url}"' in page
