"""Incremental builds: an edit re-reads what shows it and nothing else, and the result is
the same as a clean build's.

Each case of EDITS is one editor's change. To cover a new input (glossary, notes,
chronology overlay), add one ``pytest.param(Edit(...), id=...)`` to EDITS.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from buildtools import (
    EDITION,
    Prebuilt,
    built,
    clean_build,
    differences,
    edit_file,
    output_files,
    read_docs,
    written_docs,
)
from htmltext import texts_by_class

EVERY_PAGE = frozenset({"*"})  # every document of the project is written again
AKAR = "articles/akar-victory-day-reception-2021-11"  # seed 004 in the real edition
AZERNEWS = "articles/erdogan-victory-day-letter-2021-11"  # seed 002
PRESS = "articles/aliyev-press-conference-2021-02"  # seed 000, the only one naming NATO


@dataclass(frozen=True)
class Edit:
    """One change to one input file, and what an incremental build must redo for it."""

    project: str  # EDITION or a test root's name
    path: str  # relative to the copy's base (the edition: "seeds/...", "docs/...")
    old: str
    new: str
    reread: frozenset[str]  # exactly the documents read again
    rewritten: frozenset[str] | None = None  # exactly those written (default: reread)
    # the paragraphs ("<slug> pN") whose review no longer vouches for them (a warning each)
    unreviewed: frozenset[str] = frozenset()


# Sphinx itself writes a page again when a page of its toctree was read again (its title
# may have changed): "index", whose toctree holds every page, is written after any re-read.
EDITS = [
    pytest.param(Edit("articles", "src/seeds/a_first.txt", "The second paragraph says",
                      "The second paragraph now says", frozenset({"articles/first", "index"})),
                 id="root-seed"),
    pytest.param(Edit("articles", "src/seeds/b_early.txt", "Its last paragraph.",
                      "Its last paragraph, longer.", frozenset({"articles/early", "index"})),
                 id="root-seed-other"),
    pytest.param(Edit("articles", "src/seeds/catalog.yaml", "date_evidence: The calendar line.",
                      "date_evidence: The calendar line of the page.",
                      frozenset({"articles/first", "index"})),
                 id="root-catalog-entry"),
    pytest.param(Edit("articles", "src/seeds/catalog.yaml", "outlet: Another Outlet",
                      "outlet: Another Outlet Still", frozenset({"articles/early", "index"})),
                 id="root-catalog-outlet"),
    pytest.param(Edit("articles", "src/seeds/catalog.yaml", "title: EARLY HEADLINE",
                      "title: \"[The editor's title]\"",
                      frozenset({"articles/early", "index"}), EVERY_PAGE),
                 id="root-catalog-title"),
    pytest.param(Edit("articles", "src/seeds/catalog.yaml", 'date: "2020-09-28"',
                      'date: "2021-09-28"', frozenset({"articles/early", "index"}), EVERY_PAGE),
                 id="root-catalog-reading-order"),
    pytest.param(Edit(EDITION, "seeds/004_4bb7f8f2e395c1ed.txt", "Liberation of Karabakh",
                      "Liberation of Karabakh (crosshead edited)", frozenset({AKAR, "index"}),
                      frozenset({AKAR, "index", "glossary", "chronology", "about"}),
                      frozenset({"akar-victory-day-reception-2021-11 p8"})),
                 id="edition-seed"),
    pytest.param(Edit(EDITION, "seeds/catalog.yaml", "outlet_basis: 'The page furniture",
                      "outlet_basis: 'The furniture of the page",
                      frozenset({AZERNEWS, "index"})),
                 id="edition-catalog-entry"),
    # The glossary: a definition is shown (popover) where its entry is linked, the whole
    # entry on the glossary page; an alias adds links where it occurs; an entry's line is
    # shown nowhere.
    pytest.param(Edit(EDITION, "docs/glossary.yaml", "Türkiye joined in 1952.",
                      "Türkiye joined in February 1952.", frozenset({PRESS, "glossary"}),
                      frozenset({PRESS, "glossary", "index"})),
                 id="edition-glossary-definition"),
    pytest.param(Edit(EDITION, "docs/glossary.yaml",
                      "aliases: [North Atlantic Treaty Organization]",
                      "aliases: [North Atlantic Treaty Organization, reception]",
                      frozenset({AKAR, "glossary"}), frozenset({AKAR, "glossary", "index"})),
                 id="edition-glossary-alias"),
    pytest.param(Edit(EDITION, "docs/glossary.yaml", "  - id: nato\n",
                      "  # an editor's comment\n  - id: nato\n", frozenset({"glossary"}),
                      frozenset({"glossary", "index"})),
                 id="edition-glossary-line"),
    # The notes: a note is shown on its article's page only.
    pytest.param(Edit(EDITION, "docs/notes.yaml", "the report is an\n      English rendering",
                      "the report is an\n      English translation", frozenset({PRESS}),
                      frozenset({PRESS, "index"})),
                 id="edition-note-text"),
    # The chronology overlay: shown on the chronology page only.
    pytest.param(Edit(EDITION, "docs/chronology.yaml",
                      'title: "Armenian forces take Shusha (Shushi)"',
                      'title: "Armenian forces take Shusha (Armenian: Shushi)"',
                      frozenset({"chronology"}), frozenset({"chronology", "index"})),
                 id="edition-overlay-title"),
    # The review record: its status is shown on one page, written again, not read again.
    pytest.param(Edit("review", "src/review.yaml", "by: Editor B\n    on: 2021-06-03",
                      "by: Editor C\n    on: 2021-06-04", frozenset(), frozenset({"index"})),
                 id="root-review-record"),
    # The figures: the timeline is drawn from the overlay too (same page); a place's
    # coordinates are shown on the map page and in its glossary entry's page only.
    pytest.param(Edit(EDITION, "docs/chronology.yaml",
                      'title: "Azerbaijani forces take Shusha (Shushi); Azerbaijan calls it its',
                      'title: "Azerbaijan\'s forces take Shusha (Shushi); Azerbaijan calls it its',
                      frozenset({"chronology"}), frozenset({"chronology", "index"})),
                 id="edition-overlay-timeline"),
    pytest.param(Edit(EDITION, "docs/glossary.yaml", "      lat: 39.7583\n",
                      "      lat: 39.76\n", frozenset({"glossary", "places"}),
                      frozenset({"glossary", "places", "index"})),
                 id="edition-place-coordinates"),
]


def unreviewed_paragraphs(warnings: str) -> set[str]:
    """The paragraphs an ``annotated_edition.unreviewed`` warning names; any other warning fails."""
    found = set()
    for line in strip_escape_sequences(warnings).splitlines():
        match = re.search(r"WARNING: article (\S+), paragraph (p\d+): .*"
                          r"\[annotated_edition\.unreviewed\]$", line)
        assert match, line
        found.add(f"{match[1]} {match[2]}")
    return found


def project_docs(outdir: Path) -> set[str]:
    return {path.relative_to(outdir).with_suffix("").as_posix()
            for path in outdir.rglob("*.html")
            if not path.relative_to(outdir).parts[0].startswith("_")
            and path.stem not in ("genindex", "search", "py-modindex")}


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_rebuilds_what_shows_it_and_equals_a_clean_build(
        edit: Edit, tmp_path: Path, prebuilt: Prebuilt) -> None:
    base, srcdir, builddir, first_warnings = prebuilt.restore(edit.project)
    assert first_warnings == ""
    every_page = project_docs(builddir / "html")

    edit_file(base / edit.path, edit.old, edit.new)

    with built(srcdir, builddir=builddir) as app:
        assert unreviewed_paragraphs(app.warning.getvalue()) == edit.unreviewed
        assert read_docs(app) == edit.reread
        wanted = edit.rewritten or edit.reread
        assert written_docs(app) == (every_page if wanted == EVERY_PAGE else wanted)
        incremental = output_files(Path(app.outdir))

    _, clean = clean_build(base, tmp_path / "clean", srcdir.name)
    assert differences(incremental, clean) == []


def test_a_build_with_no_edit_rebuilds_nothing(prebuilt: Prebuilt) -> None:
    _, srcdir, builddir, _ = prebuilt.restore("articles")
    with built(srcdir, builddir=builddir) as app:
        assert read_docs(app) == set() and written_docs(app) == set()


SIXTH_SEED = """Baku hosts a new round of talks
BAKU
Delegations from Azerbaijan and Türkiye met in Baku on Jan. 12, 2023, to discuss trade.
The talks followed the Shusha Declaration signed in 2021, officials said.
"""
SIXTH_ENTRY = """  - file: 005_sixth.txt
    slug: baku-talks-2023-01
    title: Baku hosts a new round of talks
    outlet: A test outlet
    outlet_basis: Made up for this test.
    date: "2023-01-13"
    date_basis: inferred
    date_evidence: The talks of Jan. 12, 2023.
    byline: null
    dateline: BAKU
"""


def test_a_sixth_seed_and_its_entry_are_all_it_takes_to_add_an_article(
        tmp_path: Path, prebuilt: Prebuilt) -> None:
    """The promise of the catalog's header, on the real edition, built incrementally."""
    base, srcdir, builddir, _ = prebuilt.restore(EDITION)
    (base / "seeds" / "005_sixth.txt").write_text(SIXTH_SEED, encoding="utf-8")
    catalog = base / "seeds" / "catalog.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8") + SIXTH_ENTRY, encoding="utf-8")
    sixth = "articles/baku-talks-2023-01"
    with built(srcdir, builddir=builddir) as app:
        # the review record shows at once what of the new article is not reviewed
        assert unreviewed_paragraphs(app.warning.getvalue()) == {
            "baku-talks-2023-01 p1", "baku-talks-2023-01 p2"}
        assert {sixth, "index"} <= read_docs(app)
        outdir = Path(app.outdir)
        incremental = output_files(outdir)
    page = incremental[f"{sixth}.html"].decode("utf-8")
    shown = dict(texts_by_class(page, "article-paragraph", skip_apparatus=True))
    assert list(shown.values()) == SIXTH_SEED.splitlines()[2:]  # headline, dateline apart
    landing = incremental["index.html"].decode("utf-8")
    cards = landing[landing.index('class="sd-card'):]
    assert cards.rindex("baku-talks-2023-01.html") > cards.rindex("bayramov-ambassadors")
    glossary = incremental["glossary.html"].decode("utf-8")
    assert "articles/baku-talks-2023-01.html#p1" in glossary  # Baku "appears in" it
    chronology = json.loads(incremental["chronology.json"])
    assert any(event["date"] == "2023-01-12" and
               [source["document"] for source in event["sources"]] == [sixth]
               for event in chronology["events"])

    _, clean = clean_build(base, tmp_path / "clean", "docs")
    assert differences(incremental, clean) == []
