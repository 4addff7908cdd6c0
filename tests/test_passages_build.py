"""The passages extension on a small root and on the real edition: what a reader sees.

The test root's first and second reports share the bridge sentence (the second splits it
across two paragraphs and changes a date and a number); the third shares nothing.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_annotated_edition.passages.data import state_of

from htmltext import strip_tags, texts_by_class
from notehtml import build_warnings, paragraph_html
from pdftext import pdf_text

ROOT = Path(__file__).parent / "roots" / "test-passages"


def page(app: SphinxTestApp, name: str) -> str:
    return (Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8")


def text_of(app: SphinxTestApp, name: str) -> str:
    return " ".join(strip_tags(page(app, name)).split())


def signs(app: SphinxTestApp, slug: str) -> dict[str, str]:
    """paragraph anchor -> where its sign leads."""
    found = {}
    for anchor in ("p1", "p2", "p3"):
        try:
            body = paragraph_html(page(app, f"articles/{slug}"), anchor)
        except AssertionError:
            continue
        match = re.search(r'<a class="passage-sign apparatus" href="([^"]+)"', body)
        if match:
            found[anchor] = match.group(1)
    return found


@pytest.mark.sphinx("html", testroot="passages")
def test_the_page_lists_witnesses_base_text_and_apparatus(app: SphinxTestApp) -> None:
    app.build()
    shown = " ".join(t for _, t in texts_by_class(page(app, "passages"), "shared-passages"))
    assert "Passages shared: 1, by 2 articles. Variant places that change a date, a number " \
        "or a name: 2." in shown
    witnesses = [text for _, text in texts_by_class(page(app, "passages"), "passage-witness")]
    assert [" ".join(w.split()) for w in witnesses] == [
        "A A first report, ¶1 — base text", "B A second report, ¶2, ¶3"]
    apparatus = [" ".join(t.split()) for _, t in
                 texts_by_class(page(app, "passages"), "passage-variant")]
    assert apparatus == ["1 2019 ] 2018 B — a date differs",
                         "2 two ] three B — a number differs"]
    assert "A third report" not in shown
    # the witnesses link to their paragraphs
    assert 'href="articles/second.html#p2"' in page(app, "passages")


@pytest.mark.sphinx("html", testroot="passages")
def test_a_sign_beside_each_recurring_paragraph_leads_to_the_collation(
        app: SphinxTestApp) -> None:
    app.build()
    target = re.search(r'<div class="shared-passage[^"]*" id="(passage-[0-9a-f]+)"',
                       page(app, "passages"))
    assert target
    assert signs(app, "first") == {"p1": f"../passages.html#{target.group(1)}"}
    assert signs(app, "second") == {"p2": f"../passages.html#{target.group(1)}",
                                    "p3": f"../passages.html#{target.group(1)}"}
    assert signs(app, "third") == {}
    body = paragraph_html(page(app, "articles/first"), "p1")
    # the sign stands after the pilcrow, and says where else the passage is
    assert body.index("paragraph-permalink") < body.index("passage-sign")
    assert 'aria-label="Shared passage 1, also in A second report (¶2–3)' in body


@pytest.mark.sphinx("html", testroot="passages")
def test_variants_are_reported_naming_both_places(app: SphinxTestApp) -> None:
    app.build()
    warnings = build_warnings(app.warning.getvalue())
    assert len(warnings) == 1, warnings
    assert "[annotated_edition.passage-variant]" in warnings[0]
    assert "a_first.txt:1" in warnings[0] and "b_second.txt:5" in warnings[0]
    assert "reads “two”" in warnings[0] and "reads “three”" in warnings[0]
    # the acknowledged one is in the build's report, as information
    status = app.status.getvalue()
    assert re.search(r"acknowledged variant \(.*passages.yaml:3\): .*reads “2019”.*"
                     r"reads “2018”", status), status


@pytest.mark.sphinx("html", testroot="passages", confoverrides={
    "suppress_warnings": ["annotated_edition.passage-variant"], "html_baseurl": "https://ed.example/"})
def test_a_variant_warning_can_be_suppressed_and_the_export_links_the_witnesses(
        app: SphinxTestApp) -> None:
    app.build()
    assert build_warnings(app.warning.getvalue()) == []
    data: dict[str, Any] = json.loads(
        (Path(app.outdir) / "annotations.jsonld").read_text(encoding="utf-8"))
    linking = [a for a in data["first"]["items"] if a["motivation"] == "linking"]
    assert len(linking) == 1
    targets = linking[0]["target"]
    assert [t["source"] for t in targets] == ["https://ed.example/articles/first.html",
                                              "https://ed.example/articles/second.html"]
    quotes = [t["selector"][0] for t in targets]
    assert quotes[0]["exact"].startswith("The river bridge at Kemerli was opened on 12 May 2019")
    assert quotes[1]["exact"] == ("The river bridge at Kemerli was opened on 12 May 2018 by "
                                  "the regional governor,")
    assert linking[0]["body"][1]["source"] == "https://ed.example/passages.html"


@pytest.mark.sphinx("latex", testroot="passages", confoverrides={
    "suppress_warnings": ["annotated_edition.passage-variant"]})
def test_latex_has_the_signs_linked_to_labels_and_the_apparatus(app: SphinxTestApp) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    labels = re.findall(r"\\label\{\\detokenize\{passages:(passage-[0-9a-f]+)\}\}", tex)
    assert len(labels) == 1
    links = re.findall(r"\\hyperref\[\\detokenize\{passages:(passage-[0-9a-f]+)\}\]\{"
                       r"\\textsf\{⇄\}\}", tex)
    assert links == labels * 3  # first ¶1, second ¶2 and ¶3
    assert "a date differs" in tex and "a number differs" in tex


@pytest.mark.sphinx("text", testroot="passages", confoverrides={
    "suppress_warnings": ["annotated_edition.passage-variant"]})
def test_text_output_says_where_a_passage_recurs(app: SphinxTestApp) -> None:
    app.build()
    first = (Path(app.outdir) / "articles" / "first.txt").read_text(encoding="utf-8")
    assert "[⇄ Shared passage 1, also in A second report (¶2–3)" in " ".join(first.split())


@pytest.mark.sphinx("html", testroot="passages", parallel=2, srcdir="passages-parallel")
def test_a_parallel_build_shows_the_same_passages(app: SphinxTestApp) -> None:
    app.build()
    assert len(build_warnings(app.warning.getvalue())) == 1
    assert signs(app, "second") and "2 two ] three B" in text_of(app, "passages")


def test_editing_one_seed_recollates_only_its_passages(
        make_app: type[SphinxTestApp], tmp_path: Path) -> None:
    srcdir = tmp_path / "root"
    shutil.copytree(ROOT, srcdir)
    seeds = srcdir / "seeds"
    (seeds / "c_third.txt").write_text(
        (seeds / "c_third.txt").read_text(encoding="utf-8") +
        "\nTraders in the old square sell apricots and walnuts every morning, and the prices "
        "have not moved since spring.\n", encoding="utf-8")
    overrides = {"suppress_warnings": ["annotated_edition.passage-variant"]}
    app = make_app("html", srcdir=srcdir, confoverrides=overrides)
    app.build()
    state = state_of(app.env)
    assert state is not None
    assert len(state.report.passages) == 2 and len(state.report.collated) == 2
    app.cleanup()
    second = seeds / "b_second.txt"
    second.write_text(second.read_text(encoding="utf-8").replace("three hours", "four hours"),
                      encoding="utf-8")
    app = make_app("html", srcdir=srcdir, confoverrides=overrides)
    app.build()
    state = state_of(app.env)
    assert state is not None
    bridge = next(p for p in state.report.passages if "bridge" in p.witnesses[0].text)
    assert state.report.collated == (bridge.key,)  # the apricots passage came from the cache
    assert "two ] four B" in text_of(app, "passages")
    app.cleanup()


# --- the real edition --------------------------------------------------------------------

def test_the_edition_shows_the_akar_date_variant_and_reports_it(
        edition_html: SphinxTestApp) -> None:
    shown = " ".join(strip_tags(page(edition_html, "passages")).split())
    assert re.search(r"\d+ Sept\. 27, 2021, with the Armenian army attacking civilians \] "
                     r"in September 2020 E — a date differs", shown), shown
    assert "the chronology marks this conflict of dates" in shown
    status = edition_html.status.getvalue()
    assert re.search(r"acknowledged variant .*reads “Sept\. 27, 2021[^”]*”; "
                     r"E .*reads “in September 2020”", status), status
    assert build_warnings(edition_html.warning.getvalue()) == []
    akar = page(edition_html, "articles/akar-victory-day-reception-2021-11")
    for anchor in ("p9", "p10", "p11", "p14"):
        assert "passage-sign" in paragraph_html(akar, anchor), anchor
    assert "passage-sign" not in paragraph_html(akar, "p1")


@pytest.mark.pdf
def test_the_pdf_prints_the_signs_and_the_shared_passages(
        edition_pdf: tuple[SphinxTestApp, Path]) -> None:
    text = " ".join(pdf_text(edition_pdf[1]).split())
    assert "Shared passages" in text
    # the sign stands after the Akar report's date paragraph, and the apparatus gives it
    assert re.search(r"humanitarian cease-fire agreements.{0,16}⇄", text)
    assert re.search(r"Sept\. 27, 2021, with the Armenian army attacking civilians \] in "
                     r"September 2020 E — a date differs", text)


def test_the_edition_exports_one_linking_annotation_per_passage(
        edition_html: SphinxTestApp) -> None:
    data = json.loads((Path(edition_html.outdir) / "annotations.jsonld").read_text("utf-8"))
    linking = [item for item in data["first"]["items"] if isinstance(item["target"], list)]
    state = state_of(edition_html.env)
    assert state is not None
    assert len(linking) == len(state.report.passages) >= 4
    for item in linking:
        assert item["motivation"] == "linking"
        assert len({t["source"] for t in item["target"]}) == len(item["target"]) >= 2
        for target in item["target"]:
            page = (Path(edition_html.outdir) / target["source"]).read_text(encoding="utf-8")
            quote, fragment = target["selector"]
            text = dict(texts_by_class(page, "article-paragraph", skip_apparatus=True))[
                fragment["value"]]
            refined = fragment["refinedBy"]
            assert text[refined["start"]:refined["end"]] == quote["exact"]
            assert quote.get("prefix", "") + quote["exact"] + quote.get("suffix", "") in text
