"""Every Sphinx builder a reader or a translator may use builds the real edition fully.

``singlehtml`` puts every page into one: ids stay unique and links land, so a note marker
opens its own article's note. ``dirhtml`` gives every page a folder: links and exports
still land. An EPUB can be built twice in a row (the website's exports never go into its
folder). ``text`` and ``gettext`` build clean. LaTeX is tested in test_pdf.py.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_annotated_edition import exports

from buildtools import EDITION, Prebuilt, built, copy_project, differences, output_files
from conftest import build_edition
from htmltext import texts_by_class

EXPORTS = ("glossary.json", "chronology.json", "annotations.jsonld")


@dataclass
class Page:
    """What a page holds for its links: its ids, its links, and the article of each."""

    ids: list[str] = field(default_factory=list)
    links: list[tuple[str, str, str | None]] = field(default_factory=list)  # href, class, art.
    article_of: dict[str, str | None] = field(default_factory=dict)  # id -> article section
    described_by: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.sections: list[str | None] = []  # the article section each open section is in

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        here = self.sections[-1] if self.sections else None
        if tag == "section":
            is_article = "article" in values.get("class", "").split()
            here = values.get("id") if is_article else here
            self.sections.append(here)
        if "id" in values:
            self.page.ids.append(values["id"])
            self.page.article_of[values["id"]] = here
        if tag == "a" and "href" in values:
            self.page.links.append((values["href"], values.get("class", ""), here))
        if "aria-describedby" in values:
            self.page.described_by.append(values["aria-describedby"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.sections:
            self.sections.pop()


def parse(path: Path) -> Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


def broken_links(outdir: Path) -> list[str]:
    """Every link between the pages of a build that does not land: no file, or no such id."""
    pages = {path: parse(path) for path in outdir.rglob("*.html")
             if not path.relative_to(outdir).parts[0].startswith("_")}
    broken = []
    for path, page in pages.items():
        for href, _, _ in page.links:
            parts = urlsplit(html.unescape(href))
            if parts.scheme or parts.netloc or parts.path.startswith("_") \
                    or "/_" in parts.path:
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(outdir)}: {href} (no such page)")
            elif parts.fragment and target in pages and \
                    unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{path.relative_to(outdir)}: {href} (no such id)")
    return sorted(broken)


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> tuple[SphinxTestApp, Page]:
    app = build_edition(tmp_path_factory.mktemp("singlehtml"), "singlehtml")
    app.cleanup()
    return app, parse(Path(app.outdir) / "index.html")


def test_singlehtml_builds_clean_with_every_id_once(
        single: tuple[SphinxTestApp, Page]) -> None:
    app, page = single
    assert app.warning.getvalue() == ""
    repeated = {ident: n for ident, n in Counter(page.ids).items() if n > 1}
    assert repeated == {}
    # every article is there, each with its paragraphs and notes
    articles = {article for article in page.article_of.values() if article}
    assert len(articles) == 5
    assert sum(ident.endswith("/p1") for ident in page.ids) == 5
    assert sum(ident.endswith("/note-1") for ident in page.ids) >= 4


def test_singlehtml_links_have_one_fragment_and_land(
        single: tuple[SphinxTestApp, Page]) -> None:
    _, page = single
    inside = [href for href, _, _ in page.links if href.startswith("#") and href != "#"]
    assert len(inside) > 300  # glossary links, notes, "appears in", chronology, pilcrows
    assert [href for href, _, _ in page.links if href.count("#") > 1] == []
    assert sorted({href for href in inside
                   if unquote(html.unescape(href[1:])) not in page.ids}) == []
    assert [target for target in page.described_by if target not in page.ids] == []


def test_singlehtml_note_markers_and_pilcrows_stay_in_their_article(
        single: tuple[SphinxTestApp, Page]) -> None:
    """The notes' popover shows the footnote its marker links to: it must be its own."""
    _, page = single
    markers = [(href, article) for href, classes, article in page.links
               if "edition-note-ref" in classes.split()]
    pilcrows = [(href, article) for href, classes, article in page.links
                if "paragraph-permalink" in classes.split()]
    assert len(markers) >= 40 and len(pilcrows) >= 50
    for href, article in markers + pilcrows:
        assert article is not None
        assert page.article_of[unquote(href[1:])] == article, href


def test_singlehtml_chronology_and_appears_in_lead_to_the_paragraph(
        single: tuple[SphinxTestApp, Page]) -> None:
    _, page = single
    for css_class in ("chronology-source-link", "reference internal"):
        sources = [href for href, classes, _ in page.links
                   if classes == css_class or css_class in classes.split()]
        assert sources
        for href in sources:
            target = unquote(href[1:])
            assert target in page.ids, href
    paragraph_links = [href for href, _, _ in page.links
                       if href.startswith("#articles/") and "/p" in href]
    assert len(paragraph_links) > 100
    assert not [p for p in single[0].outdir.iterdir() if p.name in EXPORTS]


def test_dirhtml_builds_clean_and_every_link_and_export_lands(tmp_path: Path) -> None:
    app = build_edition(tmp_path, "dirhtml")
    app.cleanup()
    assert app.warning.getvalue() == ""
    outdir = Path(app.outdir)
    assert (outdir / "articles" / "erdogan-victory-day-letter-2021-11" / "index.html").exists()
    assert broken_links(outdir) == []
    chronology = json.loads((outdir / "chronology.json").read_text(encoding="utf-8"))
    urls = [source["url"] for event in chronology["events"] for source in event["sources"]]
    assert urls
    for url in urls:
        path, anchor = url.split("#")
        assert path.endswith("/") and anchor in parse(outdir / path / "index.html").ids, url
    for name in EXPORTS:
        assert (outdir / name).stat().st_size > 100


def test_html_every_link_between_pages_lands(edition_html: SphinxTestApp) -> None:
    assert edition_html.warning.getvalue() == ""
    assert broken_links(Path(edition_html.outdir)) == []


@pytest.mark.pdf
def test_two_epub_builds_in_a_row_are_clean_and_hold_no_export(tmp_path: Path) -> None:
    """The second build packs what the first left in the folder: nothing of the website."""
    for _ in range(2):
        app = build_edition(tmp_path, "epub")
        app.cleanup()
        assert app.warning.getvalue() == ""
        outdir = Path(app.outdir)
        assert not [name for name in EXPORTS if (outdir / name).exists()]
    with zipfile.ZipFile(outdir / "edition.epub") as book:
        names = book.namelist()
    assert "articles/erdogan-victory-day-letter-2021-11.xhtml" in names
    assert not [name for name in names if name.endswith(EXPORTS)]


def test_text_builder_prints_the_articles(tmp_path: Path) -> None:
    app = build_edition(tmp_path, "text")
    app.cleanup()
    assert app.warning.getvalue() == ""
    text = (Path(app.outdir) / "articles" / "erdogan-victory-day-letter-2021-11.txt"
            ).read_text(encoding="utf-8")
    assert "Outlet:" in text and "Azernews" in text
    assert "Victory Day" in text and "[*sic*]" in text  # a note marker and the sic mark
    assert not [name for name in EXPORTS if (Path(app.outdir) / name).exists()]


def test_gettext_builder_collects_the_messages(tmp_path: Path) -> None:
    app = build_edition(tmp_path, "gettext")
    app.cleanup()
    assert app.warning.getvalue() == ""
    catalogs = {path.name: path.read_text(encoding="utf-8")
                for path in Path(app.outdir).glob("*.pot")}
    assert {"index.pot", "articles.pot", "glossary.pot", "chronology.pot"} <= set(catalogs)
    assert 'msgid "Outlet"' in catalogs["articles.pot"]  # the article pages' labels


@pytest.mark.parametrize(("builder", "gets"), [
    ("html", True), ("dirhtml", True), ("singlehtml", False), ("epub", False),
    ("latex", False), ("text", False), ("gettext", False)])
def test_one_predicate_names_the_builders_of_the_website(builder: str, gets: bool,
                                                          tmp_path: Path) -> None:
    app = SphinxTestApp(builder, srcdir=_empty_project(tmp_path))
    try:
        assert exports.gets_html_exports(app.builder) is gets
    finally:
        app.cleanup()


def _empty_project(tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('project = "x"\nversion = "1"\n', encoding="utf-8")
    (srcdir / "index.rst").write_text("Title\n=====\n", encoding="utf-8")
    return srcdir


def test_a_full_disk_leaves_each_export_whole_with_one_warning(
        prebuilt: Prebuilt, monkeypatch: pytest.MonkeyPatch) -> None:
    _, srcdir, builddir, _ = prebuilt.restore(EDITION)  # a first build, made once
    outdir = builddir / "html"
    before = {name: (outdir / name).read_bytes() for name in EXPORTS}

    real = exports.tempfile.NamedTemporaryFile

    class FullDisk:
        """A temporary file that takes a little, then reports the disk full."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            self.handle = real(*args, **kwargs)  # type: ignore[call-overload]
            self.name = self.handle.name

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *args: object) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            self.handle.write(text[:100])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports.tempfile, "NamedTemporaryFile", FullDisk)
    # every page read again, so that the exports are made again from the same data
    with built(srcdir, builddir=builddir, freshenv=True) as second:
        warnings = second.warning.getvalue()
    for name in EXPORTS:
        assert f"WARNING: cannot write {outdir / name}: No space left on device; the file was " \
               "left as it was [annotated_edition.output]" in warnings
        assert (outdir / name).read_bytes() == before[name]
    assert warnings.count("WARNING") == len(EXPORTS)
    assert "Traceback" not in warnings
    assert not [path.name for path in outdir.iterdir() if path.name.endswith(".tmp")]
    # the reader's pages are all there
    assert texts_by_class((outdir / "index.html").read_text(encoding="utf-8"), "article-card")


SETTING = re.compile(r'^(edition_\w+|html_favicon|html_logo) = "([^"]+)"$', re.MULTILINE)


def conf_elsewhere(srcdir: Path, confdir: Path) -> int:
    """docs/conf.py moved to ``confdir``, each path setting rewritten relative to it, as its
    editor would; how many were rewritten."""
    rewritten = 0

    def relative_to_confdir(match: re.Match[str]) -> str:
        nonlocal rewritten
        name, value = match[1], match[2]
        if not (srcdir / value).exists():
            return match[0]  # not a path (edition_glossary_link = "article")
        rewritten += 1
        return f'{name} = "{os.path.relpath(srcdir / value, confdir)}"'

    conf = SETTING.sub(relative_to_confdir, (srcdir / "conf.py").read_text(encoding="utf-8"))
    confdir.mkdir(parents=True)
    (confdir / "conf.py").write_text(conf, encoding="utf-8")
    (srcdir / "conf.py").unlink()
    return rewritten


def test_sphinx_build_c_reads_every_file_relative_to_conf_py(tmp_path: Path,
                                                             prebuilt: Prebuilt) -> None:
    """``sphinx-build -c CONFDIR``: every path setting is relative to conf.py's folder."""
    srcdir = copy_project(EDITION, tmp_path / "project")
    confdir = tmp_path / "project" / "settings" / "edition"  # two folders away from docs/
    # seeds, catalog, glossary, notes, chronology overlay (and any setting added since)
    assert conf_elsewhere(srcdir, confdir) >= 5
    outdir = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
         "-c", str(confdir), "-d", str(tmp_path / "doctrees"), str(srcdir), str(outdir)],
        capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")
    # the same sources with conf.py in docs/: the first build of a fresh copy (made once)
    _, _, builddir, warnings = prebuilt.restore(EDITION)
    assert warnings == ""
    plain = output_files(builddir / "html")
    assert differences(output_files(outdir), plain) == []
    page = plain["articles/erdogan-victory-day-letter-2021-11.html"].decode("utf-8")
    assert "data-glossary=" in page and "edition-note-ref" in page  # glossary and notes read
