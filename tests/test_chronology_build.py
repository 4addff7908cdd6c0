"""The chronology extension: the page, chronology.json, LaTeX, warnings and rebuilds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from annotated_edition import jsonout
from annotated_edition.articles import load_article
from annotated_edition.catalog import load_catalog

from conftest import SEEDS
from htmltext import strip_tags, texts_by_class


def page(app: SphinxTestApp, name: str = "chronology") -> str:
    return (Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8")


def events(html: str) -> list[str]:
    return [" ".join(text.split()) for _, text in texts_by_class(html, "chronology-event")]


@pytest.mark.sphinx("html", testroot="chronology")
def test_the_page_lists_events_by_year_with_sources(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    html = page(app)
    years = [text for _, text in texts_by_class(html, "chronology-year")]
    assert years == ["1992", "1994", "2020", "2021"]
    shown = events(html)
    assert len(shown) == 6  # the Saturday meeting is dropped by the overlay
    assert not any("council met" in event for event in shown)
    war = next(event for event in shown if "The war breaks out" in event)
    assert war.startswith("27 September 2020 — The war breaks out")
    assert "conflict: the sources disagree" in war and "Title by the editor." in war
    assert "this source dates it 27 September 2021" in war
    assert "“New clashes erupted Sept. 27, 2021, with the army attacking civilians.”" in war
    assert "Date recorded by the editor: The review gives 2020" in war
    ceasefire = next(event for event in shown if event.startswith("10 November 2020"))
    assert "Title taken from the sentence." in ceasefire and "conflict" not in ceasefire
    # build words are not a reader's: each entry says what the editor did in a sentence
    assert not any("curated" in event or "generated" in event for event in shown)
    assert any(event.startswith("January 2021 — Pact on economic ties") for event in shown)
    assert any(event.startswith("8 May 1992 — ") for event in shown)
    # the editor split the second 1994 out of the first event
    assert [event.split(" — ")[0] for event in shown].count("1994") == 2
    # links to every source paragraph, the sentence on hover as well as below
    assert 'href="articles/war-report.html#p1" title="New clashes erupted Sept. 27, 2021, ' \
           'with the army attacking civilians."' in html
    assert 'href="articles/review.html#p2"' in html
    marked = re.search(r'<div class="(chronology-event[^"]*)"[^>]*>\s*<p class="chronology-'
                       r'heading"><strong class="chronology-date">27 September 2020</strong>',
                       html)
    assert marked and "chronology-conflict" in marked.group(1).split()


@pytest.mark.sphinx("html", testroot="chronology")
def test_chronology_json(app: SphinxTestApp) -> None:
    app.build()
    raw = (Path(app.outdir) / "chronology.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    # sorted keys, indented down to the sources, a source a line
    assert raw == jsonout.dumps(data, depth=4, sort_keys=True) + "\n"
    lines = raw.splitlines()
    for event in data["events"]:
        for source in event["sources"]:
            assert any(line.strip().rstrip(",") == json.dumps(source, ensure_ascii=False,
                                                              sort_keys=True) for line in lines)
    dates = [event["date"] for event in data["events"]]
    assert dates == ["1992-05-08", "1994", "1994", "2020-09-27", "2020-11-10", "2021-01"]
    war = data["events"][3]
    assert war["conflict"] is True and war["title"] == "The war breaks out"
    assert war["precision"] == "day" and war["curated"]["date"] is True
    sources = {s["document"]: s for s in war["sources"]}
    assert sources["articles/war-report"] == {
        "anchor": "p1", "date": "2021-09-27", "date_label": "27 September 2021",
        "document": "articles/war-report",
        "quote": "New clashes erupted Sept. 27, 2021, with the army attacking civilians.",
        "text": "Sept. 27, 2021", "url": "articles/war-report.html#p1"}
    assert "date" not in sources["articles/review"]
    assert all(set(event) >= {"date", "precision", "title", "conflict", "sources"}
               for event in data["events"])


@pytest.mark.sphinx("latex", testroot="chronology")
def test_latex_links_to_the_paragraphs(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "\\hyperref[\\detokenize{articles/war-report:p1}]" in tex
    assert "\\label{\\detokenize{articles/war-report:p1}}" in tex
    assert "27 September 2020" in tex and "The war breaks out" in tex
    assert "conflict: the sources disagree" in tex
    assert "New clashes erupted Sept. 27, 2021, with the army attacking civilians." in tex


@pytest.mark.sphinx("html", testroot="chronology", srcdir="chronology-rebuild")
def test_the_page_is_rewritten_when_an_article_changes(app: SphinxTestApp) -> None:
    app.build()
    assert "8 May 1992" in page(app)
    seed = Path(app.srcdir) / "seeds" / "b_review.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("May 8, 1992", "May 9, 1992"),
                    encoding="utf-8")
    app.build()
    html = page(app)
    assert "9 May 1992" in html and "8 May 1992" not in html
    data = json.loads((Path(app.outdir) / "chronology.json").read_text(encoding="utf-8"))
    assert data["events"][0]["date"] == "1992-05-09"


@pytest.mark.sphinx("html", testroot="chronology", srcdir="chronology-overlay-edit")
def test_the_page_is_rewritten_when_the_overlay_changes(app: SphinxTestApp) -> None:
    app.build()
    overlay = Path(app.srcdir) / "chronology.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8").replace(
        "title: Pact on economic ties", "title: The economic pact"), encoding="utf-8")
    app.build()
    shown = events(page(app))
    assert any(event.startswith("January 2021 — The economic pact") for event in shown)


@pytest.mark.sphinx("html", testroot="chronology", srcdir="chronology-parallel", parallel=2)
def test_parallel_build_gives_the_same_chronology(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    assert len(events(page(app))) == 6
    data = json.loads((Path(app.outdir) / "chronology.json").read_text(encoding="utf-8"))
    assert sum(event["conflict"] for event in data["events"]) == 1


@pytest.mark.sphinx("html", testroot="chronology", srcdir="chronology-bad-input")
def test_bad_input_is_one_warning_each_with_file_and_line(app: SphinxTestApp) -> None:
    srcdir = Path(app.srcdir)
    catalog = srcdir / "seeds" / "catalog.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace('"2021-11-05"',
                                                                   '"unknown"'),
                       encoding="utf-8")
    review = srcdir / "seeds" / "b_review.txt"
    review.write_text(review.read_text(encoding="utf-8") +
                      "\n\nThe decree is dated February 30, 2021.\n", encoding="utf-8")
    overlay = srcdir / "chronology.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8") +
                       "  - {article: review, text: \"Dec. 25\", reason: none}\n",
                       encoding="utf-8")
    app.build()
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings
    assert re.search(r"a_war\.txt:5: WARNING: 'Saturday' is left undated: a weekday and "
                     r"the publication date is unknown \[annotated_edition\.publication-date\]",
                     warnings)
    line = review.read_text(encoding="utf-8").split("\n").index(
        "The decree is dated February 30, 2021.") + 1
    assert re.search(rf"b_review\.txt:{line}: WARNING: impossible date 'February 30, 2021' "
                     r"cannot be a date \[annotated_edition\.date\]", warnings)
    assert re.search(r"chronology\.yaml:17: WARNING: review: 'Dec\. 25' points at nothing",
                     warnings)
    assert re.search(r"chronology\.yaml:16: WARNING: war-report: 'Saturday' points at "
                     r"nothing.*\[annotated_edition\.chronology-overlay\]", warnings)
    # the rest is built
    assert "The war breaks out" in page(app)


@pytest.mark.sphinx("html", testroot="chronology", srcdir="chronology-suppressed",
                    confoverrides={"suppress_warnings": ["annotated_edition.chronology-overlay"]})
def test_overlay_warnings_can_be_suppressed(app: SphinxTestApp) -> None:
    overlay = Path(app.srcdir) / "chronology.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8") +
                       "  - {article: nowhere, text: \"Dec. 25\", reason: none}\n",
                       encoding="utf-8")
    app.build()
    assert app.warning.getvalue() == ""


# -- the real edition ---------------------------------------------------------------------


def _edition_json(app: SphinxTestApp) -> dict:
    return json.loads((Path(app.outdir) / "chronology.json").read_text(encoding="utf-8"))


def test_edition_chronology_page(edition_html: SphinxTestApp) -> None:
    html = page(edition_html)
    data = _edition_json(edition_html)
    shown = events(html)
    assert len(shown) == len(data["events"]) >= 15
    years = [text for _, text in texts_by_class(html, "chronology-year")]
    assert years == sorted(years) and "1992" in years and "2022" in years
    # the overlay dates the taking of the districts to 1992; both reports' 1991 stays marked
    taken = [event for event in shown if "seven surrounding districts" in event]
    assert len(taken) == 1 and taken[0].startswith("1992 — ")
    assert "conflict: the sources disagree" in taken[0]
    assert "this source dates it 1991" in taken[0]
    war = [event for event in shown if "27 September 2020" in event.split(" — ")[0]]
    assert len(war) == 1
    assert "conflict: the sources disagree" in war[0]
    assert "this source dates it 27 September 2021" in war[0]
    assert any(event.startswith("10 November 2020 — ") for event in shown)
    assert any(event.startswith("15 June 2021 — ") for event in shown)
    assert any(event.startswith("8 May 1992 — ") for event in shown)
    # the press conference's text never dates it: the catalog's occasion and date do
    conference = [event for event in shown if event.startswith("26 February 2021 — ")]
    assert len(conference) == 1 and "press conference" in conference[0]
    assert "held in a video format for local and foreign journalists" in conference[0]
    assert any(event.startswith("January 2021 — ") for event in shown)
    pact = next(event for event in shown if event.startswith("January 2021 — "))
    assert "Two months later" in pact  # the Akar report, resolved from 10 November 2020
    assert 'href="chronology.html"' in page(edition_html, "index")
    assert "Chronology" in strip_tags(page(edition_html, "index"))


def test_edition_json_sources_are_verbatim_and_anchored(edition_html: SphinxTestApp) -> None:
    data = _edition_json(edition_html)
    entries = load_catalog(SEEDS / "catalog.yaml", SEEDS)[0]
    blocks = {}
    for entry in entries:
        article, _ = load_article(SEEDS, entry)
        for block in article.blocks:
            blocks[(f"articles/{entry.slug}", block.anchor)] = block.text
    starts = []
    for event in data["events"]:
        assert set(event) >= {"date", "precision", "title", "conflict", "sources"}
        assert event["sources"]
        for source in event["sources"]:
            paragraph = blocks[(source["document"], source["anchor"])]
            assert source["quote"] in paragraph and source["text"] in source["quote"]
            target = (Path(edition_html.outdir) / source["url"].split("#")[0]).read_text(
                encoding="utf-8")
            assert f'id="{source["anchor"]}"' in target
        starts.append(event["date"])
    conflicts = [event for event in data["events"] if event["conflict"]]
    assert [event["date"] for event in conflicts] == ["1992", "2020-09-27"]
    assert {s.get("date") for s in conflicts[0]["sources"]} == {"1991"}  # both reports
    own = [s.get("date") for s in conflicts[1]["sources"]]
    assert own.count(None) >= 2 and "2021-09-27" in own  # the Akar report's slip
