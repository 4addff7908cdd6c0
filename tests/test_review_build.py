"""The review record in a Sphinx build and in ``annotated-edition check``: the same problems at the
same file and line, and the review status a reader finds on the page that states it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from annotated_edition.articles import load_article
from annotated_edition.catalog import load_catalog
from annotated_edition.cli import main

from buildtools import PROJECT, built, edit_file, read_docs, written_docs
from htmltext import texts_by_class
from pdftext import pdf_text
from reviewcases import CASES, EPOCH, REVIEW, ROOT, Found, not_reviewed, sort_found

_WARNING = re.compile(r"^(?P<path>.+?):(?P<line>\d+): WARNING: (?P<message>.*) "
                      r"\[annotated_edition\.(?P<subtype>[a-z-]+)\]$")


def warnings_of(output: str, src: Path) -> list[Found]:
    """The build's warnings as (file relative to the project, line, message, subtype)."""
    found: list[Found] = []
    for line in strip_escape_sequences(output).splitlines():
        if not line.strip() or "is already registered" in line:
            continue
        match = _WARNING.match(line)
        assert match, line  # every warning is one of ours, with a file and a line
        path = Path(match["path"]).resolve().relative_to(src.resolve()).as_posix()
        found.append((path, int(match["line"]), match["message"], match["subtype"]))
    return sort_found(found)


@pytest.fixture
def src(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return Path(shutil.copytree(ROOT, tmp_path / "src"))


def status_lines(page: str) -> list[str]:
    return [" ".join(text.split()) for _, text in texts_by_class(page, "review-status-article")]


def summary(page: str) -> list[str]:
    return [" ".join(text.split()) for css in ("review-status-summary",
                                               "review-status-open-summary")
            for _, text in texts_by_class(page, css)]


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_build_warns_at_the_file_and_line_of_each_problem(case: str, src: Path) -> None:
    expected = sort_found(CASES[case](src))
    with built(src) as app:
        assert warnings_of(app.warning.getvalue(), src) == expected
        assert (Path(app.outdir) / "articles" / "second.html").exists()  # the rest is built


@pytest.mark.parametrize("case", sorted(CASES))
def test_annotator_check_reports_the_same(case: str, src: Path,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    expected = sort_found(CASES[case](src))
    monkeypatch.chdir(src)
    assert main(["check", "--docs", "."]) == 1
    shown = capsys.readouterr().out.splitlines()
    assert shown == [f"{file}:{line}: {message}" for file, line, message, _ in expected]


def test_a_clean_record_builds_without_warning_and_states_the_status(src: Path) -> None:
    with built(src) as app:
        assert warnings_of(app.warning.getvalue(), src) == []
        page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert summary(page) == [
        "6 of the 6 paragraphs of the 2 articles have been reviewed (100%).",
        "Every paragraph has been reviewed for every question, and none has changed since."]
    assert status_lines(page) == [
        "A first headline — 4 of 4 paragraphs reviewed, for every question, by Editor A, "
        "latest review 1 May 2021.",
        "A second headline — 2 of 2 paragraphs reviewed, for every question, by Editor B, "
        "latest review 3 June 2021."]
    assert '<a class="reference internal" href="articles/first.html">A first headline</a>' \
        in page


def test_the_status_names_what_is_not_reviewed_with_links(src: Path) -> None:
    CASES["changed-text"](src)
    CASES["incomplete"](src)
    with built(src) as app:
        page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert summary(page) == [
        "4 of the 6 paragraphs of the 2 articles have been reviewed (67%).",
        "Not yet vouched for: 0 not reviewed, 1 changed since their review, 1 reviewed for "
        "some of the questions only."]
    assert status_lines(page) == [
        "A first headline — 3 of 4 paragraphs reviewed, for every question, by Editor A, "
        "latest review 1 May 2021. Changed since their review: ¶ 2",
        "A second headline — 1 of 2 paragraphs reviewed, for facts, language, by Editor B, "
        "latest review 3 June 2021. Not reviewed for every question: ¶ 2"]
    assert 'href="articles/first.html#p2">¶ 2</a>' in page


def test_the_status_in_latex(src: Path) -> None:
    CASES["missing-paragraph"](src)
    with built(src, "latex") as app:
        tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    flat = " ".join(tex.split())
    assert "5 of the 6 paragraphs of the 2 articles have been reviewed (83\\%)." in flat
    assert ("1 of 2 paragraphs reviewed, for every question, by Editor B, latest review "
            "1 June 2021.") in flat
    assert ("Not reviewed: {\\hyperref[\\detokenize{articles/second:p2}]"
            "{\\sphinxcrossref{\\P{} 2}}}") in flat
    assert "\\hyperref[\\detokenize{articles/first::doc}]" in flat


def test_a_new_article_shows_at_once_as_unreviewed(src: Path) -> None:
    (src / "seeds" / "c_third.txt").write_text(
        "A third headline\n\nA new paragraph.\n\nAnother new one.\n", encoding="utf-8")
    catalog = src / "seeds" / "catalog.yaml"
    entry = catalog.read_text(encoding="utf-8").split("  - file: b_second.txt")[1]
    catalog.write_text(catalog.read_text(encoding="utf-8") + "  - file: c_third.txt" +
                       entry.replace("second", "third").replace("2021-04-02", "2021-05-02"),
                       encoding="utf-8")
    with built(src) as app:
        assert warnings_of(app.warning.getvalue(), src) == [
            not_reviewed(src, "c_third.txt", "third", "p1", "A new paragraph."),
            not_reviewed(src, "c_third.txt", "third", "p2", "Another new one.")]
        page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert summary(page)[0] == "6 of the 8 paragraphs of the 3 articles have been reviewed (75%)."
    assert status_lines(page)[2] == "A third headline — 0 of 2 paragraphs reviewed. " \
                                    "Not reviewed: ¶ 1, ¶ 2"


def test_editing_the_review_file_rewrites_the_status_page_only(src: Path) -> None:
    builddir = src.parent / "_build"
    with built(src, builddir=builddir) as app:
        assert written_docs(app) == {"index", "articles/first", "articles/second"}
    edit_file(src / REVIEW, "by: Editor B\n    on: 2021-06-03", "by: Editor C\n    on: 2021-07-04")
    with built(src, builddir=builddir) as app:
        assert read_docs(app) == set()
        assert written_docs(app) == {"index"}
        page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert status_lines(page)[1] == ("A second headline — 2 of 2 paragraphs reviewed, for every "
                                     "question, by Editor B; Editor C, latest review 4 July 2021.")
    with built(src, builddir=builddir) as app:  # nothing changed: nothing to write
        assert read_docs(app) == set() and written_docs(app) == set()


def test_a_parallel_build_states_the_same_status(src: Path) -> None:
    CASES["missing-paragraph"](src)
    pages = []
    for jobs in (1, 2):
        with built(src, builddir=src.parent / f"_build{jobs}", parallel=jobs) as app:
            assert len(warnings_of(app.warning.getvalue(), src)) == 1
            pages.append((Path(app.outdir) / "index.html").read_text(encoding="utf-8"))
    assert status_lines(pages[0]) == status_lines(pages[1])
    assert "1 of 2 paragraphs reviewed" in status_lines(pages[1])[1]


def test_without_a_review_file_setting_nothing_is_checked(src: Path) -> None:
    (src / "conf.py").write_text((src / "conf.py").read_text(encoding="utf-8")
                                 .replace('edition_review = "review.yaml"', ""),
                                 encoding="utf-8")
    CASES["missing-paragraph"](src)
    with built(src) as app:
        assert warnings_of(app.warning.getvalue(), src) == []
        page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "The edition keeps no review record." in page


def test_the_stamp_command_records_a_new_article_and_the_check_passes(
        src: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (src / "seeds" / "c_third.txt").write_text(
        "A third headline\n\nA new paragraph.\n\nAnother new one.\n", encoding="utf-8")
    catalog = src / "seeds" / "catalog.yaml"
    entry = catalog.read_text(encoding="utf-8").split("  - file: b_second.txt")[1]
    catalog.write_text(catalog.read_text(encoding="utf-8") + "  - file: c_third.txt" +
                       entry.replace("second", "third"), encoding="utf-8")
    monkeypatch.chdir(src)
    assert main(["check", "--docs", "."]) == 1
    assert capsys.readouterr().out.count("not reviewed") == 2
    assert main(["review", "stamp", "third", "--paragraphs", "p1", "--by", "Editor D",
                 "--checks", "facts,language", "--on", "2023-01-02", "--docs", "."]) == 0
    assert capsys.readouterr().out == \
        "third: 1 paragraph recorded as reviewed on 2023-01-02 by Editor D\n"
    assert main(["check", "--docs", "."]) == 1
    line = (src / REVIEW).read_text(encoding="utf-8").splitlines().index(
        "  - article: c_third.txt") + 1
    assert capsys.readouterr().out.splitlines() == [
        f"review.yaml:{line}: article third, paragraph p1: reviewed on 2023-01-02 by "
        "Editor D but not for contested-claims, referents, headline-and-quotes, attribution",
        "seeds/c_third.txt:5: article third, paragraph p2: not reviewed (no record in the "
        "review file)"]
    assert main(["review", "stamp", "c_third.txt", "--by", "Editor D", "--docs", "."]) == 0
    assert main(["check", "--docs", "."]) == 0
    assert main(["review", "stamp", "fourth", "--by", "Editor D", "--docs", "."]) == 1
    assert "unknown article 'fourth'" in capsys.readouterr().err


def edition_paragraphs() -> int:
    """How many paragraphs (and crossheads) the real edition's articles have."""
    seeds = PROJECT / "seeds"
    entries, _ = load_catalog(seeds / "catalog.yaml", seeds)
    return sum(len(load_article(seeds, entry)[0].blocks) for entry in entries)


def test_the_edition_is_fully_reviewed_and_says_so(edition_html: SphinxTestApp) -> None:
    warnings = strip_escape_sequences(edition_html.warning.getvalue())
    assert "annotated_edition.unreviewed" not in warnings
    assert "annotated_edition.review]" not in warnings
    page = (Path(edition_html.outdir) / "about.html").read_text(encoding="utf-8")
    total = edition_paragraphs()
    assert summary(page)[0] == \
        f"{total} of the {total} paragraphs of the 5 articles have been reviewed (100%)."
    assert len(status_lines(page)) == 5


@pytest.mark.pdf
def test_the_edition_pdf_states_the_review_status(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    text = " ".join(pdf_text(edition_pdf[1]).split())
    total = edition_paragraphs()
    assert f"{total} of the {total} paragraphs of the 5 articles have been reviewed (100%)." \
        in text
    assert "This status is generated from the editors’ review record at every build." \
        in text
