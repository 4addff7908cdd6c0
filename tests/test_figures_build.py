"""The figures in the built edition: HTML pages, glossary links, the PDF and the EPUB."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from annotated_edition.glossary import load_glossary

from buildtools import EDITION, Prebuilt
from conftest import DOCS, build_edition, copy_docs
from figuretools import groups
from pdftext import pdf_text

PLACES = [e for e in load_glossary(DOCS / "glossary.yaml")[0] if e.category == "place"]


def page(app: SphinxTestApp, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def inline_svg(html: str, figure: str) -> str:
    start = html.index("<svg", html.index(f'id="figure-{figure}"'))
    return html[start:html.index("</svg>", start) + len("</svg>")]


def test_the_chronology_page_opens_with_the_timeline(edition_html: SphinxTestApp) -> None:
    html = page(edition_html, "chronology.html")
    data = json.loads(page(edition_html, "chronology.json"))
    svg = inline_svg(html, "timeline")
    assert html.index('id="figure-timeline"') < html.index('class="chronology-summary')
    assert {g.get("data-event") for g in groups(svg, "timeline-event")} == \
        {event["id"] for event in data["events"]}
    assert 'tabindex="0"' in html and "<figcaption>" in html


def test_the_chronology_list_speaks_to_readers(edition_html: SphinxTestApp) -> None:
    html = page(edition_html, "chronology.html")
    assert "chronology-badge-curated" not in html and "chronology-badge-generated" not in html
    assert ">curated<" not in html and ">generated<" not in html
    assert "as found in the texts" in html
    # the conflict in one short line (the sources below it say which article gives what)
    assert "The sources give different dates: 27 September 2021 (1 source); " in html


def test_the_places_page_maps_and_lists_every_place(edition_html: SphinxTestApp) -> None:
    html = page(edition_html, "places.html")
    svg = inline_svg(html, "map")
    assert {g.get("data-place") for g in groups(svg, "map-place")} == {e.id for e in PLACES}
    for entry in PLACES:
        assert f'id="place-{entry.id}"' in html
        assert entry.coordinates is not None
        assert entry.coordinates.source.split(" (")[0].replace("'", "&#x27;") in html \
            or entry.coordinates.source.split(",")[0] in html
    assert "Shusha / Shushi" in html


def test_each_place_in_the_glossary_links_to_its_spot(edition_html: SphinxTestApp) -> None:
    html = page(edition_html, "glossary.html")
    for entry in PLACES:
        assert f'href="places.html#place-{entry.id}"' in html, entry.id
    assert 'href="places.html#place-nato"' not in html


@pytest.mark.pdf
def test_the_pdf_holds_both_figures_as_text(edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    app, pdf = edition_pdf
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\sphinxincludegraphics{{timeline}.pdf}" in tex
    assert r"\sphinxincludegraphics{{map}.pdf}" in tex
    text = pdf_text(pdf)
    # the labels are text in the PDF (CairoSVG keeps them as glyphs): pdftotext reads them
    for label in ("Shusha / Shushi", "Aghdam / Akna", "Rize-Artvin Airport",
                  "27 Sep 2021: the date in [2]", "Base map: Natural Earth"):
        assert label in text, label
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True,
                            text=True).stdout
    assert len(images.splitlines()) <= 2  # vector graphics, not pictures


@pytest.mark.pdf
def test_the_epub_holds_both_figures(edition_epub_build: SphinxTestApp) -> None:
    """(That this EPUB builds clean and passes epubcheck: tests/test_pdf.py.)"""
    with zipfile.ZipFile(Path(edition_epub_build.outdir) / "edition.epub") as book:
        names = book.namelist()
        svgs = [n for n in names if n.endswith(".svg")]
        assert sorted(Path(n).name for n in svgs) == ["map.svg", "timeline.svg"]
        places = book.read(next(n for n in names if n.endswith("places.xhtml"))).decode()
        assert "map.svg" in places and 'id="place-shusha"' in places
        assert not [n for n in names if n.endswith("edition-figures.css")]
        assert "Shusha / Shushi" in book.read(next(n for n in svgs if "map" in n)).decode()


def test_a_place_without_coordinates_warns_at_its_line(tmp_path: Path) -> None:
    """The editor adds a place and forgets its coordinates: one warning, file and line."""
    docs = copy_docs(tmp_path / "docs")
    glossary = docs / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text + NEW_PLACE, encoding="utf-8")
    line = text.count("\n") + 1  # where the new entry starts
    app = build_edition(tmp_path, "html")
    try:
        warnings = app.warning.getvalue()
        assert f"glossary.yaml:{line}: WARNING: the place 'nakhchivan' has no coordinates" \
            in warnings
        assert "[annotated_edition.place-coordinates]" in warnings
        assert warnings.count("WARNING") == 2  # and, as ever, an entry found in no article
    finally:
        app.cleanup()


NEW_PLACE = """\
  - id: nakhchivan
    term: Nakhchivan
    category: place
    definition: An exclave of Azerbaijan.
"""


def test_two_builds_draw_the_same_bytes(edition_html: SphinxTestApp, prebuilt: Prebuilt) -> None:
    """Both figures, from a second clean build of the edition (the first build of a fresh
    copy, made once for the incremental tests): byte for byte the same."""
    _, _, builddir, _ = prebuilt.restore(EDITION)
    for name, figure in (("chronology.html", "timeline"), ("places.html", "map")):
        again = (builddir / "html" / name).read_text(encoding="utf-8")
        assert inline_svg(again, figure) == inline_svg(page(edition_html, name), figure)
