"""The PDF and EPUB as books: what a reader of the printed index, pages and e-book meets.

The PDF tests read the real edition's PDF (``edition_pdf``) with pdftotext and pdffonts;
the EPUB tests unpack the real edition's EPUB. Both are marked ``pdf``: they skip without
TeX or epubcheck, except on CI. The LaTeX and HTML tests need nothing but Sphinx.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from annotated_edition.articles import load_article
from annotated_edition.catalog import load_catalog, reading_order
from annotated_edition.folding import fold

from conftest import ROOT, SEEDS, epubcheck_command, require_tools
from pdftext import pdf_text

ENTRIES = reading_order(load_catalog(SEEDS / "catalog.yaml", SEEDS)[0])
ARTICLES = [load_article(SEEDS, entry)[0] for entry in ENTRIES]
REGISTERS = ["Persons", "Places", "Organisations", "Agreements, events and concepts"]
# an index line: the entry, then its pages ("Armenia, 1, 4–8, 11"), or a "see" reference
INDEX_PAGES = re.compile(r"^(?P<entry>.+?), (?P<pages>\d+(?:–\d+)?(?:, \d+(?:–\d+)?)*)$")


def pages_of(pdf: Path) -> list[str]:
    return unicodedata.normalize("NFC", pdf_text(pdf)).split("\f")


def raw_pages(pdf: Path) -> list[str]:
    """The pages in the order TeX set them (``-raw``): an index's columns one after the
    other, where pdftotext's reading order mixes them around a heading."""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFC", text).split("\f")


def first_arabic_page(pages: list[str]) -> int:
    """The index (0-based) of the PDF page printed as page 1: the first chapter's opening."""
    return next(n for n, page in enumerate(pages) if page.lstrip().startswith("CHAPTER 1"))


def index_lines(pages: list[str]) -> list[str]:
    """The index's headings and entries, an entry wrapped over lines joined again
    ("Armed Forces of Armenia, 5, 14, 16," / "26"); the running heads left out."""
    start = min(n for n, page in enumerate(pages) if page.lstrip().startswith("Index"))
    lines: list[str] = []
    current = ""
    for raw in "\n".join(pages[start:]).splitlines():
        line = raw.strip()
        if not line or re.fullmatch(r"Index( \d+)?", line) or (line.isdigit() and not current):
            continue
        if line in REGISTERS or len(line) == 1:  # a register, a letter
            lines += [current, line] if current else [line]
            current = ""
            continue
        current = f"{current} {line}" if current else line
        if (re.search(r", (\d[\d–, ]*)$", current) and not current.endswith(",")) or \
                re.search(r", see \S", current):
            lines.append(current)
            current = ""
    return [*lines, current] if current else lines


def numbers(pages: str) -> list[tuple[int, int]]:
    """ "1, 4–8, 11" as [(1, 1), (4, 8), (11, 11)]."""
    out = []
    for part in pages.replace(" ", "").strip(",").split(","):
        first, _dash, last = part.partition("–")
        out.append((int(first), int(last or first)))
    return out


# --- the printed index --------------------------------------------------------------------

@pytest.mark.pdf
def test_pdf_index_gives_pages_of_the_book_and_ranges_with_en_dashes(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    _, pdf = edition_pdf
    pages = pages_of(pdf)
    last_page = len(pages) - first_arabic_page(pages) - 1  # pdftotext ends with a \f
    lines = index_lines(raw_pages(pdf))
    entries = [m for m in map(INDEX_PAGES.match, lines) if m]
    assert len(entries) > 40
    ranges = []
    for match in entries:
        for first, last in numbers(match["pages"]):
            assert 1 <= first <= last <= last_page, match[0]
            if first < last:
                ranges.append(match[0])
    assert ranges, "no page range in the index"
    index = "\n".join(lines)
    assert "--" not in index


@pytest.mark.pdf
def test_pdf_index_pages_name_the_person_on_that_page(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    """Every page the register of persons gives for a person prints the person's name."""
    _, pdf = edition_pdf
    pages = pages_of(pdf)
    offset = first_arabic_page(pages) - 1
    lines = index_lines(raw_pages(pdf))
    persons = lines[lines.index("Persons"):lines.index("Places")]
    checked = 0
    for match in filter(None, map(INDEX_PAGES.match, persons)):
        surname = fold(match["entry"].split(",")[0])
        for first, last in numbers(match["pages"]):
            for page in range(first, last + 1):
                assert surname in fold(pages[offset + page]), (match[0], page)
                checked += 1
    assert checked > 20


@pytest.mark.pdf
def test_pdf_index_is_in_registers_with_turkish_letters_filed(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    _, pdf = edition_pdf
    lines = index_lines(raw_pages(pdf))
    at = [lines.index(name) for name in REGISTERS]
    assert at == sorted(at)
    persons = lines[at[0]:at[1]]
    # Çavuşoğlu under C, after the plain C names and before D
    assert persons.index("C") < next(n for n, line in enumerate(persons)
                                     if line.startswith("Çavuşoğlu, Mevlüt,"))
    places = lines[at[1]:at[2]]
    assert "Shushi, see Shusha" in places and "Turkey, see Türkiye" in places


@pytest.mark.pdf
def test_pdf_has_no_monospace_type_in_the_index_title_and_glossary(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    _, pdf = edition_pdf
    pages = pages_of(pdf)
    index = max(n for n, page in enumerate(pages) if page.lstrip().startswith("Index"))
    glossary = next(n for n, page in enumerate(pages) if page.lstrip().startswith("Glossary"))
    for first, last in [(1, 2), (glossary + 1, glossary + 3), (index + 1, len(pages) - 1)]:
        fonts = subprocess.run(["pdffonts", "-f", str(first), "-l", str(last), str(pdf)],
                               capture_output=True, text=True, check=True).stdout
        assert "Mono" not in fonts and "Courier" not in fonts, (first, fonts)


# --- the pages ----------------------------------------------------------------------------

@pytest.mark.pdf
def test_pdf_title_page_and_colophon_from_the_edition(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    app, pdf = edition_pdf
    pages = pages_of(pdf)
    front = pages[0] + pages[1]
    assert " ".join(pages[0].split()).startswith(app.config.project)
    assert app.config.edition_subtitle in " ".join(front.split())
    for word in ("Release", "The editors", app.config.release):
        assert word not in front
    colophon = " ".join(pages[1].split())
    for article in ARTICLES:  # the sources
        assert f"{article.outlet}, {article.date.day} {article.date:%B %Y}" in colophon
    assert "About this edition, p. ii" in colophon or "About this edition, p. i" in colophon
    assert "Licence:" in colophon and "source files" in colophon and "Signs: °" in colophon
    # what the review record vouches for, generated from docs/review.yaml
    blocks = sum(len(load_article(SEEDS, entry)[0].blocks) for entry in ENTRIES)
    assert f"Editorial review: {blocks} of {blocks} paragraphs reviewed, the latest on" \
        in colophon


@pytest.mark.pdf
def test_pdf_running_heads_hold_the_chapter_and_short_title(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    _, pdf = edition_pdf
    pages = pages_of(pdf)
    openings = [n for n, page in enumerate(pages) if page.lstrip().startswith("CHAPTER ")]
    assert len(openings) == len(ENTRIES)
    ends = [*openings[1:], next(n for n, p in enumerate(pages) if p.startswith("Glossary"))]
    for number, (entry, start, end) in enumerate(zip(ENTRIES, openings, ends, strict=True),
                                                 1):
        assert entry.short_title, entry.file
        assert end - start > 1
        for page in pages[start + 1:end]:
            head = page.lstrip().splitlines()[0]
            assert head == f"{number} {entry.short_title}", (entry.file, head)


@pytest.mark.pdf
def test_pdf_paragraph_numbers_stand_beside_the_paragraphs(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    """In the margin, on the paragraph's first line: the HTML's numbers (p3 is 3)."""
    _, pdf = edition_pdf
    layout = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    beside = {(m[1], m[2].rstrip("°"))  # a first word may be a glossary term
              for m in re.finditer(r"^ *(\d+) {2,}(\S+)", layout, re.M)}
    for article in ARTICLES:
        for block in article.paragraphs:
            first = block.text.split()[0]
            assert (block.anchor.lstrip("p"), first) in beside, (article.file, block.anchor)


@pytest.mark.pdf
def test_pdf_glossary_marks_are_quiet_and_the_glossary_gives_pages(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    _, pdf = edition_pdf
    pages = pages_of(pdf)
    text = "\f".join(pages)
    assert "[→" not in text and "°" in text
    offset = first_arabic_page(pages) - 1
    glossary = [n for n, page in enumerate(pages) if page.lstrip().startswith("Glossary")]
    assert len(glossary) <= 10  # run in: 17 of 50 pages when each entry had four lines
    entry = " ".join("".join(pages[glossary[0]:glossary[-1] + 1]).split())
    found = re.search(r"Mevlüt Çavuşoğlu .*?Appears in: (pp?)\. ([\d, ]+)\.", entry)
    assert found, "no pages for Çavuşoğlu"
    for page in map(int, found[2].split(",")):
        assert "Çavuşoğlu" in pages[offset + page] or "Cavusoglu" in pages[offset + page]


# --- LaTeX, no TeX needed ---------------------------------------------------------------

@pytest.mark.sphinx("latex", testroot="book", srcdir="book-print")
def test_latex_numbers_paragraphs_and_sets_short_running_heads(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\editionparnum{1}" in tex and r"\editionparnum{2}" in tex
    assert r"\editionchaptermark{" in tex
    assert r"\editiontitlepage" in tex and r"\sphinxmaketitle" not in tex
    titlepage = (Path(app.outdir) / "editiontitlepage.ltx").read_text(encoding="utf-8")
    assert "A test book" in titlepage and "Test Editors" not in titlepage
    assert (Path(app.outdir) / "editionarticles.sty").exists()


# --- the web index --------------------------------------------------------------------------

def test_html_index_names_its_places_and_is_in_the_navigation(
        edition_html: SphinxTestApp) -> None:
    out = Path(edition_html.outdir)
    genindex = (out / "genindex.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">(.*?)</a>', genindex)
    places = [(href, text) for href, text in links if "articles/" in href]
    assert len(places) > 100
    assert not [text for _, text in links if re.fullmatch(r"\[\d+\]", text)]
    for href, text in places:
        if "#p" in href:
            assert text.endswith(f"¶{href.rsplit('#p', 1)[1]}"), (href, text)
    assert 'href="genindex.html">Index</a>' in (out / "index.html").read_text(encoding="utf-8")


def test_search_index_leaves_the_apparatus_out(edition_html: SphinxTestApp) -> None:
    """"sic" is a word of the method page, not of the articles the edition marked [sic]."""
    text = (Path(edition_html.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    found = index["terms"]["sic"]
    pages = {index["docnames"][n] for n in ([found] if isinstance(found, int) else found)}
    # the articles with sic marks are not found by them; the method page and the developer
    # pages (which document the note kinds) are
    assert "about" in pages
    assert not {page for page in pages if page.startswith("articles/")}
    assert pages - {"about"} <= {page for page in index["docnames"]
                                 if page.startswith("develop/")}


# --- the EPUB -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def edition_epub(edition_epub_build: SphinxTestApp) -> Path:
    epubcheck_command()  # skips (or fails on CI) without epubcheck
    assert edition_epub_build.warning.getvalue() == ""
    return Path(edition_epub_build.outdir) / "edition.epub"


class _Text(HTMLParser):
    """The text of a content document as a reader without CSS sees it, and its tags."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in {"head", "script", "style"}:
            self._skip += 1
        if tag in {"p", "li", "dt", "dd", "h1", "h2", "aside", "div", "section"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"head", "script", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def read(epub: Path, name: str) -> _Text:
    parser = _Text()
    with zipfile.ZipFile(epub) as book:
        parser.feed(book.read(name).decode("utf-8"))
    return parser


def documents(epub: Path) -> list[str]:
    with zipfile.ZipFile(epub) as book:
        return [n for n in book.namelist() if n.endswith(".xhtml")]


@pytest.mark.pdf
def test_epub_notes_are_epub_3_notes(edition_epub: Path) -> None:
    notes = markers = terms = 0
    for name in documents(edition_epub):
        tags = read(edition_epub, name).tags
        ids = {attrs.get("id") for _, attrs in tags}
        for tag, attrs in tags:
            classes = (attrs.get("class") or "").split()
            if tag == "a" and "footnote-reference" in classes:
                markers += 1
                assert attrs.get("epub:type") == "noteref", (name, attrs)
            if tag == "aside" and "footnote" in classes:
                notes += 1
                assert attrs.get("epub:type") == "footnote", (name, attrs)
            if tag == "a" and "edition-glossary-noteref" in classes:
                terms += 1
                assert attrs.get("epub:type") == "noteref"
                assert attrs["href"].lstrip("#") in ids, (name, attrs["href"])
            assert "hidden" not in attrs, (name, tag, attrs)
    assert markers and notes and terms


@pytest.mark.pdf
def test_epub_documents_have_a_language_and_read_without_css(edition_epub: Path) -> None:
    for name in documents(edition_epub):
        html_tag = next(attrs for tag, attrs in read(edition_epub, name).tags if tag == "html")
        assert html_tag.get("lang") == "en" and html_tag.get("xml:lang") == "en", name
    article = ARTICLES[0]
    page = read(edition_epub, f"articles/{article.slug}.xhtml")
    text = "".join(page.parts)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    # the header reads as a book's (outlet, country · date), with no form-like labels
    assert any(line.startswith(article.outlet) and " · " in line for line in lines)
    assert "Outlet::" not in text and "Footnotes" not in text
    opening = " ".join(article.blocks[0].text.split()[:3])
    assert any(line.startswith(f"1 {opening}") for line in lines), lines[:12]
    assert "Terms on this page" in lines  # the definitions, under a heading of their own
    assert "¶" not in text and "[1]" not in text


@pytest.mark.pdf
def test_epub_package_metadata_and_navigation(edition_epub: Path) -> None:
    with zipfile.ZipFile(edition_epub) as book:
        opf = book.read("content.opf").decode("utf-8")
        nav = book.read("nav.xhtml").decode("utf-8")
    assert "unknown" not in opf
    assert re.search(r"<dc:identifier id=\"[\w-]+\">urn:uuid:[0-9a-f-]{36}</dc:identifier>", opf)
    for field in ("dc:language", "dc:description", "dc:creator", "dc:date", "dc:source",
                  "dc:contributor"):
        assert f"<{field}>" in opf, field
    for meta in ("schema:accessMode", "schema:accessModeSufficient",
                 "schema:accessibilityFeature", "schema:accessibilityHazard",
                 "schema:accessibilitySummary"):
        assert f'<meta property="{meta}">' in opf, meta
    assert '<nav epub:type="toc" role="doc-toc">' in nav
    assert nav.count('href="genindex.xhtml"') == 1


# --- DAISY Ace, the accessibility checker publishers run ----------------------------------

ACE_DIR = Path(__file__).parent / "ace"  # package.json and its lock; node_modules ignored
CHROMIUM = Path("/usr/bin/chromium")


def ace_command() -> list[str]:
    """ace-puppeteer, installed from tests/ace/package-lock.json on first use (npm ci).

    Electron's and Puppeteer's own browsers are not downloaded: Ace drives Debian's
    Chromium. Without node, npm or Chromium the test skips, except on CI.
    """
    require_tools(["node", "npm"], "apt-get install nodejs npm")
    if not CHROMIUM.exists():
        require_tools([str(CHROMIUM)], "apt-get install chromium")
    ace = ACE_DIR / "node_modules" / ".bin" / "ace-puppeteer"
    if not ace.exists():
        env = {**os.environ, "ELECTRON_SKIP_BINARY_DOWNLOAD": "1",
               "PUPPETEER_SKIP_DOWNLOAD": "1"}
        installed = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ACE_DIR,
                                   env=env, capture_output=True, text=True)
        assert installed.returncode == 0, installed.stdout + installed.stderr
    return [str(ace)]


@pytest.mark.pdf
def test_epub_has_no_serious_or_critical_accessibility_violation(
        edition_epub: Path, tmp_path: Path) -> None:
    ace = ace_command()
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}
    run = subprocess.run([*ace, "--force", "--outdir", str(tmp_path), str(edition_epub)],
                         env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    violations = [
        (document["earl:testSubject"]["url"], check["earl:test"]["dct:title"],
         check["earl:test"]["earl:impact"])
        for document in report["assertions"] for check in document.get("assertions", [])
        if check["earl:test"]["earl:impact"] in {"serious", "critical"}]
    assert violations == []
    checked = {document["earl:testSubject"]["url"].lstrip("/")
               for document in report["assertions"]}
    assert {"content.opf", "nav.xhtml"} <= checked  # the package and its documents


@pytest.mark.pdf
def test_pdf_page_images_for_a_reader_to_look_at(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    """The title page, an article's opening, the glossary and the index as PNG images in
    _build/screenshots/ (as the browser tests' screenshots): to be looked at."""
    _, pdf = edition_pdf
    pages = pages_of(pdf)
    wanted = {
        "pdf-title-page": 1,
        "pdf-colophon": 2,
        "pdf-article-opening": first_arabic_page(pages) + 1,
        "pdf-article-page": first_arabic_page(pages) + 2,
        "pdf-glossary": next(n for n, p in enumerate(pages) if p.startswith("Glossary")) + 2,
        "pdf-index": min(n for n, p in enumerate(pages) if p.lstrip().startswith("Index")) + 1,
    }
    folder = ROOT / "_build" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for name, page in wanted.items():
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page),
                        "-l", str(page), str(pdf), str(folder / name)], check=True)
        assert (folder / f"{name}.png").stat().st_size > 5000, name
