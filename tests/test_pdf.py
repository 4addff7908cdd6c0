"""The PDF and EPUB editions: what a reader finds in them, and what their logs must not say.

The LaTeX tests need nothing but Sphinx. The tests marked ``pdf`` compile with xelatex or
run epubcheck: they skip when those are missing, except on CI (``CI`` set), where they
fail; ``python3 edition.py pdf`` and ``python3 edition.py epub`` install them.
"""

from __future__ import annotations

import re
import runpy
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml
from sphinx.testing.util import SphinxTestApp

from annotated_edition.articles import load_article
from annotated_edition.catalog import load_catalog, reading_order
from annotated_edition.latexlog import check_folder, main, missing_characters, overfull_lines

from conftest import ROOT, SEEDS, edition_module, make_pdf
from pdftext import (
    destination_pages,
    first_missing,
    in_order,
    link_destinations,
    pdf_text,
    pdf_tokens,
    without_apparatus,
    words,
)

ENTRIES = reading_order(load_catalog(SEEDS / "catalog.yaml", SEEDS)[0])
ARTICLES = [load_article(SEEDS, entry)[0] for entry in ENTRIES]
AZERBAIJANI = "əƏİıŞşĞğÇçÖöÜü"  # the letters a Latin-1 font lacks, and their neighbours


def tex_of(app: SphinxTestApp) -> str:
    return next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")


def positions(text: str, *needles: str) -> list[int]:
    found = [text.find(needle) for needle in needles]
    assert -1 not in found, [n for n, at in zip(needles, found, strict=True) if at == -1]
    return found


# --- LaTeX, no TeX needed ---------------------------------------------------------------

@pytest.mark.sphinx("latex", testroot="book")
def test_book_is_arranged_front_main_back(app: SphinxTestApp) -> None:
    """The toctree puts the glossary first and about last; the book puts them in place."""
    app.build()
    assert app.warning.getvalue() == ""
    tex = tex_of(app)
    order = positions(tex, r"\editionfrontmatter", r"\chapter{About this book}",
                      r"\editionmainmatter", r"\chapter{EARLY HEADLINE}",
                      r"\chapter{A test headline}", r"\editionbackmatter",
                      r"\chapter{Glossary}", r"\chapter{Chronology}", r"\printindex")
    assert order == sorted(order)
    assert tex.count(r"\chapter{Glossary}") == 1  # moved, not copied
    assert "This introduction is for the web only" not in tex  # the root's toctrees only
    assert r"\usepackage{editionbook}" in tex
    assert (Path(app.outdir) / "editionbook.sty").exists()
    assert r"\renewcommand{\contentsname}" in (Path(app.outdir) / "editionbook.sty").read_text()


@pytest.mark.sphinx("latex", testroot="book", srcdir="book-parallel", parallel=2)
def test_book_arrangement_in_a_parallel_build(app: SphinxTestApp) -> None:
    """The extension keeps nothing in the environment: -j 2 arranges the same book."""
    app.build()
    assert app.warning.getvalue() == ""
    tex = tex_of(app)
    order = positions(tex, r"\chapter{About this book}", r"\editionmainmatter",
                      r"\chapter{EARLY HEADLINE}", r"\editionbackmatter", r"\chapter{Glossary}")
    assert order == sorted(order)


@pytest.mark.sphinx("latex", testroot="book")
def test_book_latex_footnote_term_link_and_index(app: SphinxTestApp) -> None:
    app.build()
    tex = tex_of(app)
    assert r"\begin{footnote}" in tex and "A footnote that belongs at the foot" in tex
    assert r"\hyperref[\detokenize{glossary:term-Lachin-corridor}]" in tex
    assert r"\index{Çavuşoğlu, Mevlüt@\spxentry{Çavuşoğlu, Mevlüt}}" in tex
    assert r"\setmainfont{FreeSerif}" in tex and r"\tracinglostchars=3" in tex


def test_the_edition_latex_has_about_in_front_and_every_article(
        edition_latex_build: SphinxTestApp) -> None:
    app = edition_latex_build
    assert app.warning.getvalue() == ""
    tex = tex_of(app)
    titles = [a.title.replace("[", "{[}").replace("]", "{]}").replace(
        "-", r"\sphinxhyphen{}") for a in ARTICLES]
    order = positions(tex, r"\editionfrontmatter", r"\chapter{About this edition}",
                      r"\editionmainmatter", *(rf"\chapter{{{t}}}" for t in titles))
    assert order == sorted(order)
    assert app.config.latex_engine == "xelatex" and app.config.latex_use_xindy


# --- the log check ----------------------------------------------------------------------

LOG = """\
This is XeTeX, Version 3.141592653-2.6-0.999994 (TeX Live 2022/Debian)
Overfull \\hbox (0.05pt too wide) in paragraph at lines 10--11
Missing character: There is no ə (U+0259) in font [lmroman10-regular]:mapping=tex-text;!
! Missing character: There is no 中 (U+4E2D) in font [FreeSerif.otf]/OT:script=l
atn;language=dflt;.
Overfull \\hbox (12.5pt too wide) in paragraph at lines 80--81
"""


def test_latexlog_finds_missing_characters_and_overfull_lines(tmp_path: Path) -> None:
    (tmp_path / "book.tex").write_text("")
    log = tmp_path / "book.log"
    log.write_text(LOG, encoding="utf-8")
    missing = missing_characters(log)
    assert [(p.line, p.message.split(" in font")[0]) for p in missing] == [
        (3, "missing glyph: no ə (U+0259)"), (4, "missing glyph: no 中 (U+4E2D)")]
    assert [p.line for p in overfull_lines(log)] == [2, 6]
    assert [p.line for p in overfull_lines(log, tolerance=1.0)] == [6]
    assert check_folder(tmp_path) == missing
    assert main([str(tmp_path)]) == 1
    log.write_text(LOG.replace("Missing", "Found"), encoding="utf-8")
    assert main([str(tmp_path)]) == 0


def test_latexlog_without_a_log_is_a_problem(tmp_path: Path) -> None:
    problems = check_folder(tmp_path)
    assert len(problems) == 1 and "no LaTeX log" in problems[0].message
    assert main([str(tmp_path)]) == 1


# --- the PDF (xelatex) ------------------------------------------------------------------

@pytest.mark.pdf
def test_pdf_has_every_article_word_in_order(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    """As the HTML fidelity test: every word of every article, in reading order."""
    _, pdf = edition_pdf
    tokens = pdf_tokens(pdf_text(pdf))
    for article in ARTICLES:
        source = words(article.text)
        assert first_missing(source, tokens) is None, (article.file,
                                                       first_missing(source, tokens))
    assert in_order([w for article in ARTICLES for w in words(article.text)], tokens)


@pytest.mark.pdf
def test_pdf_prints_the_special_letters(edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    _, pdf = edition_pdf
    text = unicodedata.normalize("NFC", pdf_text(pdf))
    letters = {ch for a in ARTICLES for ch in a.text if ch.isalpha() and ord(ch) > 127}
    assert {"ş", "ğ", "ı", "ü", "ç"} <= letters  # what the texts carry (not ə or İ)
    assert {ch for ch in letters if ch not in text} == set()
    punctuation = {ch for a in ARTICLES for ch in a.text if ch in "“”‘’–—…"}
    assert {ch for ch in punctuation if ch not in text} == set()


@pytest.mark.pdf
def test_pdf_log_has_no_missing_glyph_and_no_overfull_line(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    app, pdf = edition_pdf
    assert check_folder(Path(app.outdir)) == []
    assert overfull_lines(pdf.with_suffix(".log")) == []


@pytest.mark.pdf
def test_pdf_front_matter_then_articles_then_index(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    _, pdf = edition_pdf
    pages = without_apparatus(pdf_text(pdf)).split("\f")
    assert pages[0].startswith("Turkey and Azerbaijan")  # the title page
    contents = next(n for n, page in enumerate(pages) if page.startswith("Contents"))
    body = "\f".join(pages[contents + 1:])
    about = body.index("This edition presents news articles as historical sources.")
    first = body.index(" ".join(ARTICLES[0].blocks[0].text.split()[:3]))
    last = body.index(" ".join(ARTICLES[-1].blocks[-1].text.split()[:3]))
    assert about < first < last
    flat = " ".join(body.split())
    for article in ARTICLES:  # each chapter opens with its metadata, before the text
        start = flat.index(" ".join(article.blocks[0].text.split()[:8]))
        assert f"Outlet: {article.outlet} Published:" in flat[start - 400:start], article.file


@pytest.mark.pdf
def test_pdf_back_matter_glossary_and_chronology(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    """Glossary and chronology close the book, after the last article, when they exist."""
    app, pdf = edition_pdf
    present = [name for name in app.config.edition_book_backmatter if name in app.env.all_docs]
    if not present:
        pytest.skip("this branch has neither docs/glossary.md nor docs/chronology.md yet")
    text = pdf_text(pdf)
    last = text.index(" ".join(ARTICLES[-1].blocks[-1].text.split()[:3]))
    for name in present:
        title = app.env.titles[name].astext()
        assert text.find(title, last) > last, name


@pytest.mark.pdf
@pytest.mark.sphinx("latex", testroot="book")
def test_book_pdf_letters_footnote_index_and_links(app: SphinxTestApp) -> None:
    app.build()
    pdf, log, status = make_pdf(Path(app.outdir))
    assert status == 0, log.read_text(errors="replace")[-2000:]
    assert missing_characters(log) == [] and overfull_lines(log) == []
    text = unicodedata.normalize("NFC", pdf_text(pdf))
    assert "Bakı and Şuşa thank İlham Əliyev’s" in text
    assert all(letter in text for letter in AZERBAIJANI)
    pages = text.split("\f")
    about = next(page for page in pages if "nothing in particular." in page)
    # the footnote sits at the foot of the page that calls it, numbered alike
    assert "nothing in particular.1" in about
    assert about.index("nothing in particular.1") < about.index(
        "1 A footnote that belongs at the foot of its page.")
    body = text[text.index("\f", text.index("Contents")):]  # after the contents
    order = positions(body, "About this book", "CHAPTER 1", "EARLY HEADLINE",
                      "CHAPTER 2", "\fGlossary", "\fChronology", "\fIndex")
    assert order == sorted(order)
    index = text[text.rindex("\fIndex"):]
    # xindy files Çavuşoğlu with the C entries, not in a group of its own at the end
    assert positions(index, "\nA\n", "Aliyev", "\nC\n", "Çavuşoğlu", "\nL\n") == sorted(
        positions(index, "\nA\n", "Aliyev", "\nC\n", "Çavuşoğlu", "\nL\n"))
    # the glossary term is a link to its definition (the contents' link to the chapter
    # lands on the same page, at a "chapter" destination; the term's is its own)
    glossary_page = 1 + next(n for n, page in enumerate(pages) if "The road between" in page)
    on_page = destination_pages(pdf)
    assert [d for d in link_destinations(pdf)
            if on_page.get(d) == glossary_page and not d.startswith("chapter")]
    # the index's page numbers are links too
    assert any(d.startswith("page.") for d in link_destinations(pdf))


@pytest.mark.pdf
@pytest.mark.sphinx("latex", testroot="book", srcdir="book-missing-glyph")
def test_a_missing_glyph_fails_the_pdf_build_and_the_log_check(app: SphinxTestApp) -> None:
    about = Path(app.srcdir) / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nNo font here has 中.\n",
                     encoding="utf-8")
    app.build()
    status = make_pdf(Path(app.outdir))[2]
    assert status != 0  # \tracinglostchars=3: an error, so make and latexmk fail
    problems = check_folder(Path(app.outdir))
    assert problems and "中 (U+4E2D)" in problems[0].message
    assert main([str(app.outdir)]) == 1


# --- the EPUB -----------------------------------------------------------------------------

@pytest.mark.pdf
def test_epub_builds_clean_and_passes_epubcheck(
        edition_epub_build: SphinxTestApp,
        edition_epubcheck: subprocess.CompletedProcess[str]) -> None:
    app = edition_epub_build
    assert app.warning.getvalue() == ""
    epub = Path(app.outdir) / "edition.epub"
    assert epub.exists()
    assert not list(Path(app.outdir).rglob("*.doctree"))
    result = edition_epubcheck
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout + result.stderr


# --- Read the Docs ------------------------------------------------------------------------

def test_read_the_docs_builds_three_formats_and_checks_the_pdf_log() -> None:
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert {"pdf", "epub"} <= set(config["formats"])  # and HTML, always
    assert re.fullmatch(r"ubuntu-\d\d\.\d\d", config["build"]["os"])  # pinned, not "latest"
    assert re.fullmatch(r"3\.\d+", config["build"]["tools"]["python"])
    # the project with the extra the PDF needs (CairoSVG draws its figures), as edition.py
    assert {"method": "pip", "path": ".", "extra_requirements": sorted(
        edition_module().EXTRAS["pdf"])} in config["python"]["install"]
    assert config["sphinx"] == {"configuration": "docs/conf.py", "fail_on_warning": True}
    pdf_job = config["build"]["jobs"]["build"]["pdf"]
    tex = runpy.run_path(str(ROOT / "docs" / "conf.py"))["latex_documents"][0][1]
    assert any("-M latexpdf docs _build -W" in step for step in pdf_job)
    assert "python -m annotated_edition.latexlog _build/latex" in pdf_job
    assert any(f"_build/latex/{Path(tex).stem}.pdf $READTHEDOCS_OUTPUT/pdf" in step
               for step in pdf_job)
    assert set(config["build"]["apt_packages"]) <= set(edition_module().TEX_PACKAGES)


# --- edition.py -------------------------------------------------------------------------

def test_pdf_command_names_the_apt_command_when_not_root(
        monkeypatch: pytest.MonkeyPatch) -> None:
    edition = edition_module()
    monkeypatch.setattr(edition.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(edition, "run", lambda *a, **k: pytest.fail("must not run apt"))
    with pytest.raises(SystemExit) as stopped:
        edition.apt_install(edition.TEX_PACKAGES, "the PDF needs xelatex")
    message = str(stopped.value.code)
    assert "the PDF needs xelatex" in message
    assert ("sudo apt-get install -y --no-install-recommends texlive-xetex "
            "texlive-latex-extra texlive-fonts-recommended latexmk fonts-freefont-otf "
            "xindy make poppler-utils") in message


def test_epubcheck_runs_a_bare_jar_with_java(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    """Debian's epubcheck is a symlink to a .jar: without binfmt_misc it cannot run."""
    edition = edition_module()
    jar = tmp_path / "epubcheck.jar"
    jar.write_bytes(b"PK")
    (tmp_path / "epubcheck").symlink_to(jar)
    monkeypatch.setattr(edition.shutil, "which", lambda name: str(tmp_path / name))
    assert edition.epubcheck_command() == ["java", "-jar", str(jar)]
