"""The glossary extension on a small test root: what a reader sees in HTML and LaTeX."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

from buildtools import built, copy_root, edit_file
from htmltext import strip_tags, texts_by_class

UNUSED = ("the glossary entry 'cem' (Cem Test) occurs in no article",
          "the glossary entry 'ilica' (Ilıca) occurs in no article")


def page(app: SphinxTestApp, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def warnings(app: SphinxTestApp) -> list[str]:
    return [line for line in app.warning.getvalue().splitlines() if line.strip()]


def links(html: str) -> list[tuple[str, str, str]]:
    """(entry id, href, linked words) of every glossary link on a page."""
    return re.findall(r'<a aria-describedby="glossary-def-[^"]+" data-glossary="([^"]+)" '
                      r'class="reference internal" href="([^"]+)"><span[^>]*>([^<]+)</span>',
                      html)


@pytest.mark.sphinx("html", testroot="glossary")
def test_article_links_first_occurrence_per_article(app: SphinxTestApp) -> None:
    app.build()
    talks = page(app, "articles/talks.html")
    assert links(talks) == [
        ("azerbaijan", "../glossary.html#term-Azerbaijan", "Azerbaijan’s"),
        ("cavusoglu", "../glossary.html#term-Mevlut-Cavusoglu", "Mevlut Cavusoglu"),
        ("ankara", "../glossary.html#term-Ankara", "Ankara"),
        ("turkish-armed-forces", "../glossary.html#term-Turkish-Armed-Forces",
         "Turkish Armed Forces"),
        ("turkish", "../glossary.html#term-Turkish", "Turkish"),
        ("liberation", "../glossary.html#term-liberation", "liberated"),
        ("shusha", "../glossary.html#term-Shusha", "Shusha"),
    ]
    # the linked words are the source's: the fidelity view still reads the paragraph
    paragraphs = texts_by_class(talks, "article-paragraph", skip_apparatus=True)
    assert paragraphs[0][1] == ("Azerbaijan’s minister met Mevlut Cavusoglu in Ankara, where "
                                "the Turkish Armed Forces hosted them.")
    # the definitions are in the page, hidden, each named by aria-describedby
    definitions = texts_by_class(talks, "glossary-definitions")[0][1]
    assert "Mevlüt Çavuşoğlu person: Foreign Minister of Türkiye, 2015–2023." in definitions
    assert '<div class="glossary-definitions apparatus" hidden="hidden">' in talks
    for entry, _, _ in links(talks):
        assert f'id="glossary-def-{entry}"' in talks
    assert "_static/edition-glossary.js" in talks and "_static/edition-glossary.css" in talks
    assert (Path(app.outdir) / "_static" / "edition-glossary.js").exists()


@pytest.mark.sphinx("html", testroot="glossary")
def test_opt_out_and_case_rules(app: SphinxTestApp) -> None:
    app.build()
    back = page(app, "articles/return.html")
    assert links(back) == [
        ("liberation", "../glossary.html#term-liberation", "Liberated"),
        ("great-return", "../glossary.html#term-Great-Return", "the great return"),
        ("azerbaijan", "../glossary.html#term-Azerbaijan", "Azerbaijan"),
        ("turkish-armed-forces", "../glossary.html#term-Turkish-Armed-Forces",
         "Turkish Armed Forces"),
    ]
    occurrences = json.loads(page(app, "glossary.json"))["entries"]
    azerbaijan = next(e for e in occurrences if e["id"] == "azerbaijan")
    # the opted-out "The Azerbaijan Turkish Armed Forces parade" is no occurrence
    assert [(o["document"], o["anchor"]) for o in azerbaijan["occurrences"]] == [
        ("articles/return", "p1"), ("articles/talks", "p1"), ("articles/talks", "p2"),
        ("articles/talks", "p3")]


@pytest.mark.sphinx("html", testroot="glossary",
                    confoverrides={"edition_glossary_link": "every"})
def test_link_mode_every(app: SphinxTestApp) -> None:
    app.build()
    talks = page(app, "articles/talks.html")
    words = [w for _, _, w in links(talks)]
    assert words.count("liberated") == 2 and "Çavuşoğlu" in words
    assert [w for w in words if w.startswith("Azerbaijan")] == [
        "Azerbaijan’s", "Azerbaijan's", "Azerbaijan"]


@pytest.mark.sphinx("html", testroot="glossary",
                    confoverrides={"edition_glossary_link": "paragraph"})
def test_link_mode_first_per_paragraph(app: SphinxTestApp) -> None:
    app.build()
    talks = page(app, "articles/talks.html")
    words = [w for _, _, w in links(talks)]
    assert words.count("liberated") == 2  # p2 and p3, once each
    assert [w for w in words if w.startswith("Azerbaijan")] == [
        "Azerbaijan’s", "Azerbaijan's", "Azerbaijan"]
    assert "Çavuşoğlu" in words  # first in its paragraph, though not in the article


@pytest.mark.sphinx("html", testroot="glossary")
def test_glossary_page_terms_categories_and_appears_in(app: SphinxTestApp) -> None:
    app.build()
    html = page(app, "glossary.html")
    headings = re.findall(r"<h2>([^<]+)<a", html)
    assert headings == ["People", "Places", "Organisations", "Concepts and contested terms"]
    terms = re.findall(r'<dt id="(term-[^"]+)">([^<]+)<', html)
    # sorted as the registers file them: Cem before Çavuşoğlu; Ilıca between A and S
    assert [t for _, t in terms] == [
        "Cem Test", "Mevlüt Çavuşoğlu", "Ankara", "Azerbaijan", "Ilıca", "Shusha",
        "Turkish Armed Forces", "Great Return", "liberation", "Turkish"]
    text = " ".join(strip_tags(html).split())
    assert "Mevlut Cavusoglu Appears in: 2 March 2021 ¶1 , ¶2 Places" in text
    assert "See also: Shusha Appears in: 2 March 2021 ¶1 , ¶2 , ¶3 ; 1 April 2021 ¶1" in text
    assert 'href="articles/talks.html#p1"' in html and 'href="articles/return.html#p1"' in html
    assert "See also:" in text and 'href="#term-Shusha"' in html
    # a term is a term from anywhere, and is in the inventory for intersphinx
    index = page(app, "index.html")
    assert 'href="glossary.html#term-Mevlut-Cavusoglu"' in index
    inventory = InventoryFile.load((Path(app.outdir) / "objects.inv").open("rb"), "",
                                   lambda *parts: "/".join(parts))
    assert "Mevlüt Çavuşoğlu" in inventory["std:term"]
    assert "Shusha" in inventory["std:term"]


@pytest.mark.sphinx("html", testroot="glossary")
def test_index_lists_every_occurrence_of_persons_and_places(app: SphinxTestApp) -> None:
    app.build()
    html = page(app, "genindex.html")
    row = re.search(r"<li><a [^>]*><strong>Çavuşoğlu, Mevlüt</strong></a>(.*?)</li>",
                    html, re.S)
    assert row is not None
    assert re.findall(r'href="([^"]+)"', row.group(1)) == [
        "articles/talks.html#p1", "articles/talks.html#p2"]
    section_c = html[html.index('<h2 id="C">C</h2>'):html.index('<h2 id="G">G</h2>')]
    assert section_c.index("Cem, Test") < section_c.index("Çavuşoğlu, Mevlüt")
    assert "Turkish Armed Forces" in html
    # concepts are in the glossary, not in the registers: only their glossary entry
    liberation = re.search(r"<strong>liberation</strong></a>(.*?)</li>", html, re.S)
    assert liberation is not None and "articles/" not in liberation.group(1)


@pytest.mark.sphinx("html", testroot="glossary")
def test_glossary_json_export(app: SphinxTestApp) -> None:
    app.build()
    data = json.loads(page(app, "glossary.json"))
    by_id = {entry["id"]: entry for entry in data["entries"]}
    assert set(by_id) == {"cavusoglu", "cem", "azerbaijan", "shusha", "ankara", "ilica",
                          "turkish-armed-forces", "turkish", "liberation", "great-return"}
    cavusoglu = by_id["cavusoglu"]
    assert cavusoglu["category"] == "person"
    assert cavusoglu["aliases"] == ["Çavuşoğlu", "Cavusoglu", "Mevlut Cavusoglu"]
    assert [(o["document"], o["anchor"], o["text"]) for o in cavusoglu["occurrences"]] == [
        ("articles/talks", "p1", "Mevlut Cavusoglu"), ("articles/talks", "p2", "Çavuşoğlu")]
    assert by_id["cem"]["occurrences"] == []
    # offsets are in the article's text
    seeds = Path(app.srcdir) / "seeds"
    text = (seeds / "a_talks.txt").read_text(encoding="utf-8").split("\n\n", 1)[1].strip()
    for occurrence in cavusoglu["occurrences"]:
        assert text[occurrence["start"]:occurrence["end"]] == occurrence["text"]
    # deterministic: a second build writes the same bytes
    before = page(app, "glossary.json")
    app.build(force_all=True)
    assert page(app, "glossary.json") == before


@pytest.mark.sphinx("html", testroot="glossary", freshenv=True)
def test_unused_entries_are_reported_with_file_and_line(app: SphinxTestApp) -> None:
    app.build()
    found = warnings(app)
    assert len(found) == 2
    for line, message in zip(found, UNUSED, strict=True):
        assert "glossary.yaml:" in line and message in line
        assert "[annotated_edition.glossary-unused]" in line
    assert re.search(r"glossary\.yaml:8: WARNING: the glossary entry 'cem'", found[0])


def test_an_entry_the_catalog_names_as_outlet_or_byline_is_not_unused(tmp_path: Path) -> None:
    """Outlets and authors are shown in the article's header, not in its text."""
    srcdir = copy_root("glossary", tmp_path / "src")
    catalog = srcdir / "seeds" / "catalog.yaml"
    edit_file(catalog, "outlet: Test Outlet", "outlet: Ilıca News")
    edit_file(catalog, "byline: null\n    dateline: null\n  - file: b_return.txt",
              "byline: Cem Test\n    dateline: null\n  - file: b_return.txt")
    with built(srcdir) as app:
        assert warnings(app) == []


@pytest.mark.sphinx("html", testroot="glossary",
                    confoverrides={"suppress_warnings": ["annotated_edition.glossary-unused"]})
def test_unused_report_can_be_suppressed(app: SphinxTestApp) -> None:
    app.build()
    assert warnings(app) == []


@pytest.mark.sphinx("html", testroot="glossary",
                    confoverrides={"edition_glossary": "bad-glossary.yaml"})
def test_bad_glossary_is_reported_with_file_and_line(app: SphinxTestApp) -> None:
    app.build()
    found = "\n".join(warnings(app))
    for line, words in ((9, "the entry 'two' claims 'Uno', already claimed by the entry 'one'"),
                        (14, "unknown category 'planet'"),
                        (19, "the entry 'four' has an empty definition"),
                        (24, "points (see_also) to 'nowhere', which is not an entry")):
        assert re.search(rf"bad-glossary\.yaml:{line}: WARNING: .*{re.escape(words)}", found), \
            words
    assert "Traceback" not in found
    # the rest of the build is still produced
    assert (Path(app.outdir) / "articles" / "talks.html").exists()
    assert "term-One" in page(app, "glossary.html")


@pytest.mark.sphinx("latex", testroot="glossary")
def test_latex_page_references_and_collated_index(app: SphinxTestApp) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\usepackage{annotator-glossary}" in tex
    assert (Path(app.outdir) / "annotator-glossary.sty").exists()
    # the link stays and carries a page reference to the entry
    assert re.search(r"\\hyperref\[\\detokenize\{glossary:term-Mevlut-Cavusoglu\}\]"
                     r"\{\\sphinxtermref\{.*?Mevlut Cavusoglu\}+"
                     r"\\annotatorglossref\{\\detokenize\{glossary:term-Mevlut-Cavusoglu\}\}",
                     tex)
    # index entries with an ASCII key in the collation's order, for xindy and makeindex
    assert r"\index{102c1a0v0u0s1o0g1l0u0 m0e0v0l0u1t0@\spxentry{Çavuşoğlu, Mevlüt}}" in tex
    assert r"\index{102c1a0v0u0s1o0g1l0u0 m0e0v0l0u1t0@\spxentry{Çavuşoğlu, Mevlüt}|spxpagem}" \
        in tex
    assert r"\index{102c0e0m0 t0e0s0t0@\spxentry{Cem, Test}|spxpagem}" in tex
    # the glossary entry is a label the page references land on
    assert r"\label{\detokenize{glossary:term-Mevlut-Cavusoglu}}" in tex


@pytest.mark.sphinx("html", testroot="glossary", srcdir="glossary-changed")
def test_glossary_page_follows_a_changed_article(app: SphinxTestApp) -> None:
    app.build()
    assert "articles/return.html#p3" not in page(app, "glossary.html")
    seed = Path(app.srcdir) / "seeds" / "b_return.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nShusha was mentioned.\n",
                    encoding="utf-8")
    app.build()
    html = page(app, "glossary.html")
    assert "articles/return.html#p3" in html


@pytest.mark.sphinx("html", testroot="glossary", srcdir="glossary-parallel", parallel=2)
def test_parallel_build_gives_the_same_export(app: SphinxTestApp,
                                             tmp_path: Path) -> None:
    app.build()
    parallel = page(app, "glossary.json")
    serial_src = tmp_path / "serial"
    shutil.copytree(app.srcdir, serial_src)
    serial = SphinxTestApp("html", srcdir=serial_src, builddir=tmp_path / "out")
    try:
        serial.build()
        assert (Path(serial.outdir) / "glossary.json").read_text(encoding="utf-8") == parallel
    finally:
        serial.cleanup()
