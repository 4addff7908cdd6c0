"""The edition in the reader's language: labels through ``sphinx.locale``, a shipped catalog.

A small root (tests/roots/test-i18n, ``language = "tr"``) is built as a reader gets it;
the same root with ``language = "en"`` must read as before. The catalog itself is checked
against the code: every marked message extracted, translated into Turkish and compiled.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from babel.messages.pofile import read_po
from sphinx.testing.util import SphinxTestApp
from sphinx.util.docutils import patch_docutils

from annotated_edition.chronology import ENGLISH_DATES, display_date
from sphinx_annotated_edition.chronology.render import date_words
from sphinx_annotated_edition.i18n import CATALOG, KEYWORDS, LOCALE_DIR

from buildtools import PROJECT, copy_root, differences, edit_file, output_files, read_docs
from htmltext import strip_tags, texts_by_class
from reviewcases import EPOCH

TURKISH = LOCALE_DIR / "tr" / "LC_MESSAGES" / f"{CATALOG}.po"


def build(app: SphinxTestApp) -> None:
    """Build as ``sphinx-build`` does: docutils has no Turkish module, and sphinx-build
    keeps it from warning so (``patch_docutils``); the test app alone does not."""
    with patch_docutils(app.confdir):
        app.build()


@contextmanager
def built(srcdir: Path, builddir: Path, parallel: int = 1,
          **kwargs: Any) -> Iterator[SphinxTestApp]:
    """Build ``srcdir`` (incrementally when ``builddir`` holds an earlier build)."""
    app = SphinxTestApp("html", srcdir=srcdir, builddir=builddir, parallel=parallel,
                        status=StringIO(), warning=StringIO(), **kwargs)
    try:
        build(app)
        yield app
    finally:
        app.cleanup()


def page(app: SphinxTestApp, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """The page as a reader reads it: its text, spaces collapsed."""
    return " ".join(strip_tags(html).split())


def catalog_tool() -> ModuleType:
    """tools/catalog.py, the command that extracts, updates and compiles the catalog."""
    spec = importlib.util.spec_from_file_location("catalog_tool", PROJECT / "tools" /
                                                  "catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- what a reader of the Turkish edition sees ----------------------------------------
@pytest.mark.sphinx("html", testroot="i18n")
def test_turkish_article_page(app: SphinxTestApp) -> None:
    build(app)
    assert app.warning.getvalue() == ""
    talks = page(app, "articles/talks.html")
    # the header: outlet and date (the month in Turkish), byline, how the date is known
    assert texts_by_class(talks, "article-source")[0][1] == "Test Outlet · 2 Mart 2021"
    assert texts_by_class(talks, "article-byline")[0][1] == "Yazan: A. Writer · ANKARA"
    assert text_of(texts_by_class(talks, "article-basis")[0][1]) == \
        "Tarih sayfada basılıdır: bkz. editör notu."
    text = text_of(talks)
    # the notes under the text, the note in the margin, the legend and the controls
    assert "Notlar [ 1 ] The statement was not published." in text
    assert 'aria-label="Not 1 (bağlam)"' in talks
    assert "Notlar: ○ bağlam" in text
    assert "<legend>Göster</legend>" in talks and "notlar ve sözlük bağlantıları" in text
    # the citation box and the words the script puts on its buttons
    assert "<summary>Bu makaleye atıf</summary>" in talks
    assert 'data-copy="Kopyala"' in talks and 'data-copied="Kopyalandı"' in talks
    assert "Tek bir paragrafa atıf yapmak için numarasını (¶ 12)" in text
    # the editorial note
    assert "Editör notu Yayın organı: Test Outlet. Invented for the tests. " \
           "Tarih (belirtilmiş): Invented." in text
    assert 'title="Paragraf 1: adresi"' in talks
    # the glossary's popover names the category in Turkish
    assert "Mevlüt Çavuşoğlu kişi : Foreign Minister of Türkiye" in text
    for english in ("Editorial note", "Appears in", "Notes:", "The date is printed",
                    "Cite this article", "2 March 2021"):
        assert english not in text


@pytest.mark.sphinx("html", testroot="i18n")
def test_turkish_popover_words_for_the_script(app: SphinxTestApp) -> None:
    """edition-notes.js builds the popover: its words come translated in the page."""
    build(app)
    talks = page(app, "articles/talks.html")
    block = re.search(r'<script type="application/json" id="edition-notes-labels">(.*?)'
                      r"</script>", talks)
    assert block is not None
    words = json.loads(block[1])
    assert words["note"] == "Not {number}"
    assert words["jump"] == "{number} numaralı nota git"
    assert words["kinds"]["context"] == "bağlam"
    script = (Path(app.outdir) / "_static" / "edition-notes.js").read_text(encoding="utf-8")
    assert "edition-notes-labels" in script and '"Go to note "' not in script
    # pages without note markers carry no such block
    assert "edition-notes-labels" not in page(app, "glossary.html")


@pytest.mark.sphinx("html", testroot="i18n")
def test_turkish_glossary_and_chronology(app: SphinxTestApp) -> None:
    build(app)
    glossary = text_of(page(app, "glossary.html"))
    assert "Kişiler" in glossary and "Yerler" in glossary
    assert "kişi . Foreign Minister of Türkiye, 2015–2023." in glossary
    assert "Diğer adları: Çavuşoğlu, Cavusoglu, Mevlut Cavusoglu" in glossary
    assert "Geçtiği yerler: 2 Mart 2021 ¶1" in glossary
    assert 'title="Talks in Ankara, 1. paragraf"' in page(app, "glossary.html")
    chronology = text_of(page(app, "chronology.html"))
    assert "1 makaleden 1 olay; 0 olayda tarihler çelişkili" in chronology
    assert "10 Kasım 2020 — The minister met Mevlut Cavusoglu in Ankara" in chronology
    assert "Başlık cümleden alındı. Tarih, kaynakların verdiği gibi." in chronology
    assert "Talks in Ankara, 1. paragraf" in chronology
    for english in ("Appears in", "People", "Title taken from", "events from"):
        assert english not in glossary + chronology


@pytest.mark.sphinx("html", testroot="i18n")
def test_turkish_figures(app: SphinxTestApp) -> None:
    """The timeline and the map: drawn by the core, in the words the adapter passes."""
    build(app)
    chronology = page(app, "chronology.html")
    assert '<title id="edition-timeline-title">Kronolojinin zaman çizelgesi, 2020–2021' \
           "</title>" in chronology
    assert "Bir zaman ekseninde 1 olay; altında 1 makalenin yayın tarihleri." in chronology
    assert ">Çizginin üstünde olaylar: bir gün için bir nokta;" in chronology
    assert "<title>Makale 1, yayın tarihi 2 Mar 2021: Talks in Ankara</title>" in chronology
    assert "<title>10 Kas 2020 — The minister met" in chronology
    places = page(app, "places.html")
    assert '<title id="edition-map-title">Sözlükteki yerlerin haritası</title>' in places
    assert ">Temel harita: Natural Earth (kamu malı)<" in places
    assert "<title>Ankara (39.9° K, 32.9° D)</title>" in places
    assert "Ankara — 39.93° K, 32.86° D. Kaynak: Invented for the tests." in text_of(places)
    assert "Yerler haritasında" in text_of(page(app, "glossary.html"))
    for english in ("Timeline of the chronology", "Map of the places", "Base map", "° N"):
        assert english not in chronology + places


@pytest.mark.sphinx("html", testroot="i18n", confoverrides={"language": "en"})
def test_english_build_keeps_its_labels(app: SphinxTestApp) -> None:
    """The same root in English, in the same process as the Turkish builds."""
    build(app)
    assert app.warning.getvalue() == ""
    talks = page(app, "articles/talks.html")
    assert texts_by_class(talks, "article-source")[0][1] == "Test Outlet · 2 March 2021"
    assert texts_by_class(talks, "article-byline")[0][1] == "By A. Writer · ANKARA"
    text = text_of(talks)
    assert "Notes: ○ context" in text and "<summary>Cite this article</summary>" in talks
    assert "Editorial note Outlet: Test Outlet." in text
    assert 'data-copy="Copy"' in talks
    glossary = text_of(page(app, "glossary.html"))
    assert "People" in glossary and "Appears in: 2 March 2021 ¶1" in glossary
    chronology = text_of(page(app, "chronology.html"))
    assert "1 events from 1 articles" in chronology
    assert "Title taken from the sentence." in chronology
    assert "10 November 2020 — " in chronology
    figures = page(app, "chronology.html") + page(app, "places.html")
    assert "Timeline of the chronology, 2020–2021</title>" in figures
    assert "<title>Article 1, published 2 Mar 2021: Talks in Ankara</title>" in figures
    assert "Map of the places in the glossary</title>" in figures
    assert "Ankara — 39.93° N, 32.86° E. Source: Invented for the tests." in text_of(figures)
    for turkish in ("Notlar", "Geçtiği", "Kişiler", "Yayın", "Mart", "Kronoloji", "harita"):
        assert turkish not in text + glossary + chronology + figures


@pytest.mark.sphinx("latex", testroot="i18n")
def test_turkish_labels_in_print(app: SphinxTestApp) -> None:
    build(app)
    assert app.warning.getvalue() == ""
    tex = (Path(app.outdir) / "edition.tex").read_text(encoding="utf-8")
    # the article's fields, its editorial note, the glossary's headings and "appears in"
    for label in ("Yayın organı", "Yayın tarihi", "2 Mart 2021 (sayfada belirtildiği gibi)",
                  "Yazar", "Haber yeri", "Editör notu", "Kişiler", "Geçtiği yerler:",
                  "Başlık cümleden alındı."):
        assert label in tex, label
    for english in ("Published", "Editorial note", "Appears in"):
        assert english not in tex
    # "Appears in:" gives pages: "s. 3" in Turkish (the package the glossary ships)
    sty = (Path(app.outdir) / "annotator-glossary.sty").read_text(encoding="utf-8")
    assert r" s.\else s.\fi" in sty and " pp." not in sty


@pytest.mark.sphinx("html", testroot="i18n")
def test_core_dates_in_the_words_the_adapter_passes(app: SphinxTestApp) -> None:
    """The core never imports Sphinx: the adapter passes its language's words for dates
    (the app, in Turkish, has registered the catalog)."""
    assert app.config.language == "tr"
    turkish = date_words("tr")
    shown = {value: display_date(value, None, turkish)
             for value in ("2020-11-10", "2021-07", "2020-FA", "199", "2022-W31", "2021")}
    assert shown == {"2020-11-10": "10 Kasım 2020", "2021-07": "Temmuz 2021",
                     "2020-FA": "2020 sonbaharı", "199": "1990–1999 yılları",
                     "2022-W31": "1 Ağustos 2022 haftası", "2021": "2021"}
    english = {value: display_date(value) for value in shown}
    assert english == {"2020-11-10": "10 November 2020", "2021-07": "July 2021",
                       "2020-FA": "fall 2020", "199": "the 1990s",
                       "2022-W31": "week of 1 August 2022", "2021": "2021"}
    assert date_words("xx-unknown") == ENGLISH_DATES


def test_turkish_review_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The review status (tests/roots/test-review, a clean record) in Turkish."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    srcdir = copy_root("review", tmp_path / "src")
    with built(srcdir, tmp_path / "build", confoverrides={"language": "tr"}) as app:
        assert app.warning.getvalue() == ""
        text = text_of(page(app, "index.html"))
    assert "2 makalenin 6 paragrafından 6 tanesi incelendi (%100)." in text
    assert "İnceleme her cümlede şunları arar: olgu gibi sunulan tartışmalı iddialar" in text
    assert "Makale makale:" in text
    assert "Bu durum her derlemede editörlerin inceleme kaydından yeniden üretilir." in text
    assert "have been reviewed" not in text


# --- parallel and incremental builds stay as they were --------------------------------
def test_turkish_parallel_build_equals_serial(tmp_path: Path) -> None:
    outputs = {}
    for jobs in (1, 2):
        srcdir = copy_root("i18n", tmp_path / f"j{jobs}")
        with built(srcdir, builddir=tmp_path / f"j{jobs}-build", parallel=jobs) as app:
            assert app.warning.getvalue() == ""
            outputs[jobs] = output_files(Path(app.outdir))
    assert "Geçtiği yerler:" in outputs[2]["glossary.html"].decode()
    assert differences(outputs[1], outputs[2]) == []


def test_turkish_incremental_build(tmp_path: Path) -> None:
    srcdir = copy_root("i18n", tmp_path / "src")
    builddir = tmp_path / "build"
    with built(srcdir, builddir=builddir):
        pass
    edit_file(srcdir / "notes.yaml", "was not published", "was never published")
    with built(srcdir, builddir=builddir) as app:
        assert read_docs(app) == {"articles/talks"}
        talks = text_of(page(app, "articles/talks.html"))
    assert "Notlar [ 1 ] The statement was never published." in talks
    assert "Editör notu" in talks


# --- the catalog shipped in the package -----------------------------------------------
def marked_calls(path: Path) -> list[tuple[int, ast.Call]]:
    """Every call of ``_``, ``__`` or ``_lazy`` in a module (f-strings included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.lineno, node) for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and
            node.func.id in KEYWORDS]


def test_every_marked_message_is_extractable() -> None:
    """A label inside an f-string or built from variables escapes the extraction."""
    package = LOCALE_DIR.parent
    extracted = {message.id for message in catalog_tool().extracted() if message.id}
    found: set[str] = set()
    for path in sorted(package.rglob("*.py")):
        if path.name == "i18n.py":  # where the markers are defined
            continue
        for line, call in marked_calls(path):
            where = f"{path.relative_to(package)}:{line}"
            assert len(call.args) == 1 and isinstance(call.args[0], ast.Constant) and \
                isinstance(call.args[0].value, str), f"{where}: mark a literal string"
            found.add(call.args[0].value)
    assert found, "no marked message found: the markers have changed"
    assert found == extracted


def test_template_and_translation_cover_every_message() -> None:
    """A new or changed label needs `python3 tools/catalog.py all` and a translation."""
    tool = catalog_tool()
    extracted = {message.id for message in tool.extracted() if message.id}
    with tool.TEMPLATE.open("rb") as file:
        template = {message.id for message in read_po(file) if message.id}
    assert sorted(extracted - template) == [], "run `python3 tools/catalog.py all`"
    assert sorted(template - extracted) == [], "run `python3 tools/catalog.py all`"
    with TURKISH.open("rb") as file:
        turkish = read_po(file, locale="tr")
    assert {message.id for message in turkish if message.id} == template
    untranslated = [message.id for message in turkish if message.id and
                    (not message.string or message.fuzzy)]
    assert untranslated == [], "translate these in locales/tr/LC_MESSAGES/*.po"
    assert [(message.id, errors) for message, errors in turkish.check()] == []


def test_shipped_mo_files_are_compiled_from_the_po_files() -> None:
    tool = catalog_tool()
    assert tool.po_files() == [TURKISH]
    for po in tool.po_files():
        assert po.with_suffix(".mo").read_bytes() == tool.mo_bytes(po), \
            f"{po.with_suffix('.mo')} is stale: run `python3 tools/catalog.py compile`"


def test_the_wheel_ships_the_catalog() -> None:
    """The package data names the catalog's files, so an installed edition translates."""
    pyproject = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    data = re.search(r"\[tool\.setuptools\.package-data\]\n(.*?)\n\n", pyproject, re.S)
    assert data is not None
    for pattern in ("locales/*/LC_MESSAGES/*.mo", "locales/*/LC_MESSAGES/*.po"):
        assert pattern in data[1]
        assert list(LOCALE_DIR.parent.glob(pattern))
