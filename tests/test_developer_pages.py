"""The pages for editors and developers (docs/develop/) are on the website, linked from the
landing page, and stay out of the reader's book: not in the PDF, not in the EPUB."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import build_edition
from htmltext import strip_tags

TITLES = ("Make your own edition", "Configuration reference", "The extension API")


def test_the_website_links_them_from_the_landing_page(edition_html: SphinxTestApp) -> None:
    outdir = Path(edition_html.outdir)
    landing = (outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="develop/index.html"' in landing
    contents = (outdir / "develop" / "index.html").read_text(encoding="utf-8")
    for page, title in zip(("new-edition", "configuration", "extensions"), TITLES, strict=True):
        assert f'href="{page}.html"' in contents
        assert title in strip_tags((outdir / "develop" / f"{page}.html").read_text("utf-8"))
    # not in the reader's navigation: the glossary page's sidebar does not list them
    assert "develop/" not in (outdir / "glossary.html").read_text(encoding="utf-8")


def test_the_pdf_leaves_them_out(tmp_path: Path) -> None:
    app = build_edition(tmp_path, "latex")
    try:
        assert app.warning.getvalue() == ""
        tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
        assert r"\chapter{About this edition}" in tex
        assert not [title for title in TITLES if title in tex]
        assert r"\detokenize{develop/" not in tex
    finally:
        app.cleanup()


@pytest.mark.pdf
def test_the_epub_leaves_them_out(tmp_path: Path) -> None:
    app = build_edition(tmp_path, "epub")
    try:
        assert app.warning.getvalue() == ""
        with zipfile.ZipFile(Path(app.outdir) / "edition.epub") as book:
            names = book.namelist()
            landing = book.read("EPUB/index.xhtml").decode("utf-8") \
                if "EPUB/index.xhtml" in names else book.read("index.xhtml").decode("utf-8")
        assert "glossary.xhtml" in " ".join(names)
        assert [name for name in names if "develop/" in name] == []
        assert "develop/" not in landing
    finally:
        app.cleanup()


def test_the_api_page_names_every_extension_and_event(edition_html: SphinxTestApp) -> None:
    """A new extension or ``edition-*`` event without its line on the page fails here."""
    import pkgutil

    import sphinx_annotated_edition

    page = strip_tags((Path(edition_html.outdir) / "develop" / "extensions.html").read_text(
        encoding="utf-8"))
    modules = [f"sphinx_annotated_edition.{module.name}"
               for module in pkgutil.iter_modules(sphinx_annotated_edition.__path__)
               if module.ispkg]
    assert "sphinx_annotated_edition.glossary" in modules
    assert [name for name in modules if name not in page] == []
    events = [name for name in edition_html.events.events if name.startswith("edition-")]
    assert "edition-annotations" in events
    assert [name for name in events if f"{name}(app, " not in page] == []
