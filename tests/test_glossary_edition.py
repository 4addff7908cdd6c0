"""The glossary in the real edition: the page, the links in the articles, the exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from annotated_edition.glossary import load_glossary

from conftest import DOCS
from htmltext import texts_by_class

ENTRIES, _ = load_glossary(DOCS / "glossary.yaml")


def page(app: SphinxTestApp, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def links(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<a aria-describedby="glossary-def-[^"]+" data-glossary="([^"]+)" '
                      r'class="reference internal" href="([^"]+)"><span[^>]*>([^<]+)</span>',
                      html)


# Outlets and authors: the article headers name them (from the catalog), no text does.
CATALOG_ONLY = {"anadolu-agency", "azernews", "ismayilova"}


def test_glossary_page_has_every_entry_by_category(edition_html: SphinxTestApp) -> None:
    html = page(edition_html, "glossary.html")
    terms = re.findall(r'<dt id="term-[^"]+">([^<]+)<', html)
    assert sorted(terms) == sorted(entry.term for entry in ENTRIES)
    assert len(terms) >= 40
    assert re.findall(r'<h2>([^<]+)<a', html) == [
        "People", "Places", "Organisations", "Agreements", "Events",
        "Concepts and contested terms"]
    # every entry says where it occurs, with links to article paragraphs (but the outlets
    # and the author the catalog names, which occur in no text)
    assert html.count('class="glossary-appears-in"') == len(ENTRIES) - len(CATALOG_ONLY)
    assert 'href="articles/aliyev-press-conference-2021-02.html#p3"' in html
    # the glossary is in the table of contents, beside "about"
    index = page(edition_html, "index.html")
    assert 'href="glossary.html"' in index


def test_article_links_possessive_variant_and_longest_match(
        edition_html: SphinxTestApp) -> None:
    rize = links(page(edition_html, "articles/aliyev-rize-artvin-airport-2022-05.html"))
    # what the whole edition is about (link: false) is found, possessives too, not linked
    assert not [link for link in rize if link[0] in ("azerbaijan", "turkiye", "armenia")]
    exported = json.loads((Path(edition_html.outdir) / "glossary.json").read_text("utf-8"))
    azerbaijan = next(e for e in exported["entries"] if e["id"] == "azerbaijan")
    assert {"document": "articles/aliyev-rize-artvin-airport-2022-05", "text": "Azerbaijan’s"
            } in [{"document": o["document"], "text": o["text"]}
                  for o in azerbaijan["occurrences"]]
    assert ("second-karabakh-war", "../glossary.html#term-Second-Karabakh-War",
            "Second Karabakh War") in rize
    press = links(page(edition_html, "articles/aliyev-press-conference-2021-02.html"))
    assert ("cavusoglu", "../glossary.html#term-Mevlut-Cavusoglu", "Mevlut Cavusoglu") in press
    assert ("turkish-armed-forces", "../glossary.html#term-Turkish-Armed-Forces",
            "Turkish Armed Forces") in press
    glossary = page(edition_html, "glossary.html")
    assert '<dt id="term-Mevlut-Cavusoglu">Mevlüt Çavuşoğlu' in glossary
    # first per article (the default): no entry is linked twice on a page
    for html_page in (Path(edition_html.outdir) / "articles").glob("*.html"):
        ids = [entry for entry, _, _ in links(html_page.read_text(encoding="utf-8"))]
        assert len(ids) == len(set(ids)), html_page.name


def test_headings_are_not_linked(edition_html: SphinxTestApp) -> None:
    html = page(edition_html, "articles/akar-victory-day-reception-2021-11.html")
    rubric = texts_by_class(html, "article-subheading")
    assert rubric and "Liberation of Karabakh" in rubric[0][1]
    heading = re.search(r'<p class="[^"]*article-subheading[^"]*"[^>]*>(.*?)</p>', html, re.S)
    assert heading is not None and "data-glossary" not in heading.group(1)
    title = re.search(r"<h1>(.*?)</h1>", html, re.S)
    assert title is not None and "data-glossary" not in title.group(1)


def test_glossary_json_at_the_root(edition_html: SphinxTestApp) -> None:
    data = json.loads(page(edition_html, "glossary.json"))
    assert len(data["entries"]) == len(ENTRIES)
    by_id = {entry["id"]: entry for entry in data["entries"]}
    shusha = by_id["shusha"]
    assert shusha["category"] == "place" and "Shushi" in shusha["aliases"]
    assert shusha["definition"].startswith("Town in the mountains of Karabakh")
    assert {"document", "anchor", "text", "start", "end"} <= set(shusha["occurrences"][0])
    # none unused: what no text mentions is an outlet or author the catalog names
    catalog = (DOCS.parent / "seeds" / "catalog.yaml").read_text(encoding="utf-8")
    unmentioned = {entry["id"] for entry in data["entries"] if not entry["occurrences"]}
    assert unmentioned == CATALOG_ONLY
    assert all(by_id[name]["term"] in catalog for name in unmentioned)
    texts = {o["text"] for o in by_id["cavusoglu"]["occurrences"]}
    assert texts == {"Mevlut Cavusoglu", "Mevlüt Çavuşoğlu", "Çavuşoğlu"}


def test_every_occurrence_is_a_web_annotation(edition_html: SphinxTestApp) -> None:
    """annotations.jsonld identifies each occurrence at its words in its paragraph."""
    glossary = json.loads(page(edition_html, "glossary.json"))
    expected = sorted((o["document"], o["anchor"], o["text"]) for entry in glossary["entries"]
                      for o in entry["occurrences"])
    items = json.loads(page(edition_html, "annotations.jsonld"))["first"]["items"]
    found = []
    for item in (i for i in items if i["motivation"] == "identifying"):
        quote, fragment = item["target"]["selector"]
        document = item["target"]["source"].removesuffix(".html")
        paragraph = dict(texts_by_class(page(edition_html, item["target"]["source"]),
                                        "article-paragraph", skip_apparatus=True))
        text = paragraph[fragment["value"]]
        position = fragment["refinedBy"]
        assert text[position["start"]:position["end"]] == quote["exact"]
        assert quote.get("prefix", "") + quote["exact"] + quote.get("suffix", "") in text
        assert item["body"][1]["source"] == "glossary.html"
        found.append((document, fragment["value"], quote["exact"]))
    assert sorted(found) == expected and len(found) > 250


def test_index_has_every_occurrence_of_cavusoglu(edition_html: SphinxTestApp) -> None:
    html = page(edition_html, "genindex.html")
    # each place named by its page and paragraph (sphinx_annotated_edition.book), the entry first
    row = re.search(r"<li>\s*Çavuşoğlu, Mevlüt\s*<ul>(.*?)</ul>", html, re.S)
    assert row is not None
    assert re.findall(r'href="([^"]+)"', row.group(1)) == [
        "glossary.html#term-Mevlut-Cavusoglu",
        "articles/aliyev-press-conference-2021-02.html#p3",
        "articles/bayramov-ambassadors-conference-2022-08.html#p16",
        "articles/bayramov-ambassadors-conference-2022-08.html#p17"]
    assert "Ankara-Baku ties (FM Bayramov), ¶17</a>" in row.group(1)
    # filed under C, after the other C entries (ç follows c)
    section = html[html.index("<h2>C</h2>"):html.index("<h2>D</h2>")]
    names = [name.strip() for name in
             re.findall(r"<li>(?:<a [^>]*>(?:<strong>)?)?\s*([^<\n]+)", section)]
    entries = [name for name in names if "¶" not in name and name != "Glossary"]
    assert len(entries) > 2 and entries[-1] == "Çavuşoğlu, Mevlüt", entries


@pytest.fixture(scope="module")
def edition_latex(edition_latex_build: SphinxTestApp) -> SphinxTestApp:
    return edition_latex_build


def test_latex_edition_has_page_references_and_collated_index(
        edition_latex: SphinxTestApp) -> None:
    warnings = [line for line in edition_latex.warning.getvalue().splitlines()
                if "is already registered" not in line]  # a second app in one process
    assert warnings == []
    tex = next(Path(edition_latex.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\index{102c1a0v0u0s1o0g1l0u0 m0e0v0l0u1t0@\spxentry{Çavuşoğlu, Mevlüt}}" in tex
    assert tex.count(r"\annotatorglossref{") >= 40
    assert r"\annotatorglossref{\detokenize{glossary:term-Mevlut-Cavusoglu}}" in tex
    assert r"\label{\detokenize{glossary:term-Mevlut-Cavusoglu}}" in tex
