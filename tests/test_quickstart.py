"""``annotated-edition new DIR``: the skeleton it writes builds strictly at once, and a
reader of the result meets the sample's glossary link, its note and its chronology."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from annotated_edition.cli import main

from htmltext import strip_tags

ARTICLE = "articles/eastmere-library-2024-04.html"


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def new_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("quickstart") / "my-edition"
    assert main(["new", str(folder)]) == 0
    return folder


@pytest.fixture(scope="module")
def built_edition(new_edition: Path) -> SphinxTestApp:
    """The skeleton built as HTML, as ``sphinx-build -W --keep-going -n`` would."""
    app = SphinxTestApp("html", srcdir=new_edition / "docs",
                        builddir=new_edition / "_build", status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def page(app: SphinxTestApp, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def test_the_skeleton_has_a_seed_its_catalog_and_every_data_file(new_edition: Path) -> None:
    assert sorted(str(path.relative_to(new_edition)) for path in files_under(new_edition)) == [
        ".gitignore", "README.md", "docs/chronology.md", "docs/chronology.yaml", "docs/conf.py",
        "docs/glossary.md", "docs/glossary.yaml", "docs/index.md", "docs/notes.yaml",
        "seeds/catalog.yaml", "seeds/eastmere-library.txt"]


def test_the_new_edition_builds_without_a_warning(built_edition: SphinxTestApp) -> None:
    assert built_edition.config.nitpicky
    assert built_edition.warning.getvalue() == ""
    assert built_edition.statuscode == 0


def test_a_glossary_term_is_linked_in_the_article(built_edition: SphinxTestApp) -> None:
    article = page(built_edition, ARTICLE)
    links = re.findall(r'<a [^>]*data-glossary="([^"]+)"[^>]*href="([^"]+)"', article)
    assert ("ferreira", "../glossary.html#term-Ana-Ferreira") in links
    glossary = page(built_edition, "glossary.html")
    assert 'id="term-Ana-Ferreira"' in glossary
    assert "Mayor of Eastmere in the sample text" in strip_tags(glossary)


def test_the_note_follows_its_quote(built_edition: SphinxTestApp) -> None:
    text = strip_tags(page(built_edition, ARTICLE))
    assert re.search(r"a regional heritage fund,\s*\[\s*1\s*\]", text)
    assert "The report does not name the fund." in text


def test_the_chronology_shows_the_editors_events(built_edition: SphinxTestApp) -> None:
    text = strip_tags(page(built_edition, "chronology.html"))
    assert re.search(r"13 April 2024\s*—\s*Eastmere’s rebuilt library opens", text)
    assert re.search(r"March 2022\s*—\s*A fire closes Eastmere’s old library", text)


def test_check_finds_no_problem_in_the_new_edition(new_edition: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--docs", str(new_edition / "docs")]) == 0
    assert "no problem found" in capsys.readouterr().out


def test_a_folder_that_holds_anything_is_refused(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "edition"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert main(["new", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip().splitlines() == [
        f"annotated-edition new: {folder} is not empty: give a new or empty folder, "
        "nothing is overwritten"]
    assert files_under(tmp_path) == {folder / "notes.txt"}
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_a_file_or_a_link_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "empty")
    assert main(["new", str(tmp_path / "a-file")]) == 1
    assert main(["new", str(tmp_path / "link")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"annotated-edition new: {tmp_path / 'a-file'} exists and is not a folder",
        f"annotated-edition new: {tmp_path / 'link'} is a symbolic link: give the folder "
        "itself"]
    assert files_under(tmp_path) == {tmp_path / "a-file"}


def test_a_folder_in_a_missing_one_is_refused(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "missing" / "edition")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"annotated-edition new: {tmp_path / 'missing'} does not exist: the new folder is "
        "made inside an existing one"]
    assert list(tmp_path.iterdir()) == []


def test_nothing_is_written_outside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (tmp_path / "beside.txt").write_text("", encoding="utf-8")
    assert main(["new", str(folder)]) == 0
    outside = {path for path in files_under(tmp_path) if folder not in path.parents}
    assert outside == {tmp_path / "beside.txt"}
    assert len(files_under(folder)) == 11
