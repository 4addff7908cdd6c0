"""Each extension on its own in a plain Sphinx project, as a new user would try it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from buildtools import built, copy_root, edit_file, read_docs


def files_in(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def glossary_links(html: str) -> list[tuple[str, str, str]]:
    """(entry id, href, linked words) of every glossary link on a page."""
    return re.findall(r'<a aria-describedby="glossary-def-[^"]+" data-glossary="([^"]+)" '
                      r'class="reference internal" href="([^"]+)"><span[^>]*>([^<]+)</span>',
                      html)


def test_glossary_alone_links_terms_on_an_ordinary_page(tmp_path: Path) -> None:
    """No warning: not of the articles' catalog, nor "occurs in no article" (Ceyhan)."""
    srcdir = copy_root("glossary-alone", tmp_path / "src")
    before = files_in(srcdir)
    with built(srcdir) as app:
        assert app.warning.getvalue() == ""
        # nothing of the articles: neither the extension nor sphinx-design
        assert "sphinx_annotated_edition.articles" not in app.extensions
        assert "sphinx_design" not in app.extensions
        index = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
        glossary = (Path(app.outdir) / "glossary.html").read_text(encoding="utf-8")
        exported = json.loads((Path(app.outdir) / "glossary.json").read_text("utf-8"))
        annotations = json.loads((Path(app.outdir) / "annotations.jsonld").read_text("utf-8"))
    assert files_in(srcdir) == before  # nothing written into the user's sources
    # the first occurrence of each term on the page is linked (the default mode)
    assert glossary_links(index) == [
        ("pipeline", "glossary.html#term-BakuTbilisiCeyhan-pipeline", "BTC pipeline"),
        ("baku", "glossary.html#term-Baku", "Baku"),
        ("caspian", "glossary.html#term-Caspian-Sea", "Caspian Sea"),
    ]
    assert 'id="glossary-def-caspian"' in index  # the popover's definition
    # the glossary page is not linked to itself, and says where each entry appears
    assert glossary_links(glossary) == []
    assert re.search(r'<em>Appears in:</em> <span class="glossary-appears-in-title">'
                     r'Notes on the Caspian</span> <a class="reference internal" '
                     r'href="index.html#p1"', glossary)
    assert 'id="p2"' in index
    # categories in the configured order, with their titles
    assert glossary.index(">Places<") < glossary.index(">Agreements<")
    baku = next(e for e in exported["entries"] if e["id"] == "baku")
    assert [(o["document"], o["anchor"], o["text"]) for o in baku["occurrences"]] == [
        ("index", "p1", "Baku"), ("index", "p2", "Baku")]
    # every occurrence is an annotation on its paragraph of the page
    identified = sorted((item["target"]["source"], item["target"]["selector"][1]["value"],
                         item["target"]["selector"][0]["exact"])
                        for item in annotations["first"]["items"])
    assert identified == [
        ("index.html", "p1", "BTC pipeline"), ("index.html", "p1", "Baku"),
        ("index.html", "p2", "Baku"), ("index.html", "p2", "Caspian Sea")]


def test_glossary_alone_pages_and_categories_from_settings(tmp_path: Path) -> None:
    srcdir = copy_root("glossary-alone", tmp_path / "src")
    (srcdir / "other.rst").write_text("Elsewhere\n=========\n\nBaku again.\n", "utf-8")
    (srcdir / "index.rst").write_text(
        (srcdir / "index.rst").read_text("utf-8").replace("   glossary", "   glossary\n   other"),
        "utf-8")
    overrides = {"edition_glossary_link_pages": ["oth*"],
                 "edition_glossary_categories": {"agreement": "Treaties and works",
                                                 "place": "Where"}}
    with built(srcdir, confoverrides=overrides) as app:
        assert app.warning.getvalue() == ""
        out = Path(app.outdir)
        index = (out / "index.html").read_text(encoding="utf-8")
        other = (out / "other.html").read_text(encoding="utf-8")
        glossary = (out / "glossary.html").read_text(encoding="utf-8")
    assert glossary_links(index) == []  # not selected
    assert glossary_links(other) == [("baku", "glossary.html#term-Baku", "Baku")]
    assert glossary.index(">Treaties and works<") < glossary.index(">Where<")


def test_glossary_alone_refuses_a_category_not_configured(tmp_path: Path) -> None:
    srcdir = copy_root("glossary-alone", tmp_path / "src")
    with built(srcdir, confoverrides={"edition_glossary_categories": {"place": "Places"}}) as app:
        warnings = app.warning.getvalue()
    assert "terms.yaml:9: WARNING: unknown category 'agreement' in entry 'pipeline'; " \
           "expected one of place" in warnings


def test_link_mode_is_checked_by_sphinx(tmp_path: Path) -> None:
    srcdir = copy_root("glossary-alone", tmp_path / "src")
    with built(srcdir, confoverrides={"edition_glossary_link": "sometimes"}) as app:
        warnings = app.warning.getvalue()
    # Sphinx's own check of an ENUM value names the setting and the allowed values
    assert "The config value `edition_glossary_link` has to be a one of" in warnings
    assert all(f"'{mode}'" in warnings for mode in ("every", "paragraph", "article"))


ALONE = {  # test root -> the one extension its conf.py lists, and a file the build writes
    "articles": ("sphinx_annotated_edition.articles", "index.html"),
    "notes": ("sphinx_annotated_edition.notes", "annotations.jsonld"),
    "chronology": ("sphinx_annotated_edition.chronology", "chronology.json"),
}


@pytest.mark.parametrize("root", sorted(ALONE))
def test_an_extension_listed_alone_loads_what_it_needs(tmp_path: Path, root: str) -> None:
    """Notes and chronology need the articles (their docstrings say so) and load them;
    the only folder written into the sources is the articles' ``edition_article_dir``."""
    extension, written = ALONE[root]
    srcdir = copy_root(root, tmp_path / "src")
    before = files_in(srcdir)
    with built(srcdir, confoverrides={"extensions": [extension]}) as app:
        assert app.warning.getvalue() == ""
        assert (Path(app.outdir) / written).is_file()
        pages = sorted(path.name for path in (Path(app.outdir) / "articles").glob("*.html"))
    assert pages  # an article page each
    added = sorted(set(files_in(srcdir)) - set(before))
    assert added and all(name.startswith("articles") for name in added), added


def test_annotations_alone_in_a_plain_project(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_annotated_edition.annotations"]\nproject = "Plain"\n', "utf-8")
    (srcdir / "index.rst").write_text("Plain\n=====\n\nA page.\n", "utf-8")
    with built(srcdir) as app:
        assert app.warning.getvalue() == ""
        exported = json.loads((Path(app.outdir) / "annotations.jsonld").read_text("utf-8"))
    assert exported["type"] == "AnnotationCollection" and exported["label"].startswith("Plain")
    assert files_in(srcdir) == ["conf.py", "index.rst"]


def test_glossary_alone_an_edit_of_the_data_rereads_the_linked_pages(tmp_path: Path) -> None:
    srcdir = copy_root("glossary-alone", tmp_path / "src")
    builddir = tmp_path / "_build"
    with built(srcdir, builddir=builddir):
        pass
    edit_file(srcdir / "terms.yaml", "An inland sea", "The largest inland sea")
    with built(srcdir, builddir=builddir) as app:
        assert read_docs(app) == {"index", "glossary"}
        index = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "The largest inland sea between Europe and Asia." in index  # the popover


def test_glossary_alone_reads_in_parallel_as_in_series(tmp_path: Path) -> None:
    """The occurrences on ordinary pages, read by two processes, merge into the same."""
    srcdir = copy_root("glossary-alone", tmp_path / "src")
    names = [f"page{n}" for n in range(1, 9)]
    for name in names:
        (srcdir / f"{name}.rst").write_text(f"{name}\n=====\n\nBaku, {name}.\n", "utf-8")
    index = srcdir / "index.rst"
    index.write_text(index.read_text("utf-8").replace(
        "   glossary", "   glossary\n" + "\n".join(f"   {name}" for name in names)), "utf-8")
    outputs = []
    for parallel in (0, 2):
        with built(srcdir, builddir=tmp_path / f"_build-{parallel}", parallel=parallel) as app:
            assert app.warning.getvalue() == ""
            out = Path(app.outdir)
            outputs.append(((out / "glossary.json").read_text("utf-8"),
                            (out / "glossary.html").read_text("utf-8")))
    assert outputs[0] == outputs[1]
    baku = next(e for e in json.loads(outputs[1][0])["entries"] if e["id"] == "baku")
    assert {o["document"] for o in baku["occurrences"]} == {"index", *names}
