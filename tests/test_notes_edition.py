"""The notes of the real edition: every marker in place, the notes, [sic] marks, exports."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from annotated_edition.articles import load_article
from annotated_edition.catalog import load_catalog, reading_order
from annotated_edition.notes import AnchoredNote, anchor_notes, load_notes

from conftest import DOCS, SEEDS
from htmltext import texts_by_class
from notehtml import (
    before_marker,
    build_warnings,
    footnote_text,
    marked_text,
    plain_words,
    straight,
)

ENTRIES = reading_order(load_catalog(SEEDS / "catalog.yaml", SEEDS)[0])
ARTICLES = [load_article(SEEDS, entry)[0] for entry in ENTRIES]
NOTES, NOTE_PROBLEMS = load_notes(DOCS / "notes.yaml")
PLACED, PLACE_PROBLEMS = anchor_notes(NOTES, ARTICLES)


def article_page(app: SphinxTestApp, slug: str) -> str:
    return (Path(app.outdir) / "articles" / f"{slug}.html").read_text(encoding="utf-8")


def test_the_notes_file_is_clean_and_covers_every_article() -> None:
    assert NOTE_PROBLEMS == [] and PLACE_PROBLEMS == []
    assert len(NOTES) >= 25
    for article in ARTICLES:
        kinds = collections.Counter(note.note.kind for note in PLACED[article.file])
        assert sum(kinds.values()) >= 3, article.file
        assert kinds["context"] >= 1, article.file
    assert {note.kind for note in NOTES} == {"context", "sic", "framing", "cross-reference"}


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.slug for entry in ENTRIES])
def test_every_marker_right_after_its_words_with_its_note(edition_html: SphinxTestApp,
                                                          entry: object) -> None:
    article = next(a for a in ARTICLES if a.slug == entry.slug)  # type: ignore[attr-defined]
    page = article_page(edition_html, article.slug)
    notes: list[AnchoredNote] = PLACED[article.file]
    blocks = {block.anchor: block for block in article.blocks}
    for number, note in enumerate(notes, start=1):
        text = blocks[note.anchor].text
        assert before_marker(page, note.anchor, number) == text[:note.marker], \
            (article.slug, number, note.exact)
        assert text[note.block_start:note.marker].startswith(note.exact)
        shown = footnote_text(page, f"note-{number}")
        assert straight(plain_words(note.note.text)) in straight(shown), (article.slug, number)
        marked = marked_text(page, note.anchor)
        if note.note.kind == "sic":  # the [sic] mark stands just before the note's marker
            assert re.search(rf"⟦sic⟧(⟦\d+⟧)*⟦{number}⟧", marked), (article.slug, number)
    assert f"note-{len(notes) + 1}" not in page
    assert marked_text(page, "p1").count("⟦sic⟧") == sum(
        1 for note in notes if note.anchor == "p1" and note.note.kind == "sic")


def test_the_sources_errors_are_marked_sic(edition_html: SphinxTestApp) -> None:
    bayramov = article_page(edition_html, "bayramov-ambassadors-conference-2022-08")
    paragraph = next(n.anchor for n in PLACED["001_2a5776a987d213dd.txt"] if n.exact == "not not")
    assert "have not not⟦sic⟧" in marked_text(bayramov, paragraph)
    akar = article_page(edition_html, "akar-victory-day-reception-2021-11")
    article = next(a for a in ARTICLES if a.slug == "akar-victory-day-reception-2021-11")
    assert re.search(r"New clashes erupted Sept\. 27, 2021,⟦sic⟧⟦\d+⟧ with",
                     " ".join(marked_text(akar, block.anchor) for block in article.paragraphs))


def test_annotations_jsonld_of_the_edition(edition_html: SphinxTestApp) -> None:
    data = json.loads((Path(edition_html.outdir) / "annotations.jsonld").read_text("utf-8"))
    items = data["first"]["items"]
    assert data["total"] == len(items)
    # not glossary links, not shared passages (one target per copy: a list)
    notes = [item for item in items
             if item["motivation"] != "identifying" and isinstance(item["target"], dict)]
    assert len(notes) == sum(len(placed) for placed in PLACED.values())
    for item in notes:
        source = item["target"]["source"]
        assert source.startswith("articles/") and source.endswith(".html")
        page = (Path(edition_html.outdir) / source).read_text(encoding="utf-8")
        quote, fragment = item["target"]["selector"]
        paragraphs = dict(texts_by_class(page, "article-paragraph", skip_apparatus=True))
        text = paragraphs[fragment["value"]]
        assert quote["exact"] in text
        refined = fragment["refinedBy"]
        assert text[refined["start"]:refined["end"]] == quote["exact"]
        assert quote.get("prefix", "") + quote["exact"] + quote.get("suffix", "") in text
        assert item["body"]["value"] if isinstance(item["body"], dict) else \
            item["body"][0]["value"]
    first = [i["target"] if isinstance(i["target"], dict) else i["target"][0] for i in items]
    assert first == sorted(first, key=lambda t: (
        t["source"], int(t["selector"][1]["value"][1:]), t["selector"][1]["refinedBy"]["start"]))


@pytest.fixture(scope="module")
def edition_tex(edition_latex_build: SphinxTestApp) -> str:
    app = edition_latex_build
    assert build_warnings(app.warning.getvalue()) == []
    return without_glossary_markup(
        next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8"))


def without_glossary_markup(tex: str) -> str:
    """The glossary wraps terms in index entries, links and page references: keep the term."""
    tex = re.sub(r"\\index\{[^{}]*@\\spxentry\{[^{}]*\}(?:\|annotatorsee\{[^{}]*\})?\}", "",
                 tex)
    tex = tex.replace(r"\annotatortermstart{}", "")
    tex = re.sub(r"\{\\hyperref\[[^\]]*\]\{\\sphinxtermref\{\\DUrole\{xref\}\{\\DUrole\{std\}"
                 r"\{\\DUrole\{std-term\}\{([^{}]*)\}\}\}\}\}\}", r"\1", tex)
    tex = re.sub(r"\\phantomsection\\label\{\\detokenize\{[^{}]*\}\}", "", tex)  # its page
    return re.sub(r"\\annotatorglossref\{\\detokenize\{[^{}]*\}\}", "", tex)


def test_latex_has_a_footnote_for_every_note_after_its_words(edition_tex: str) -> None:
    assert edition_tex.count("\\begin{footnote}[") == sum(len(n) for n in PLACED.values())
    checked = 0
    for article in ARTICLES:
        for number, note in enumerate(PLACED[article.file], start=1):
            text = next(b.text for b in article.blocks if b.anchor == note.anchor)
            words = text[note.block_start:note.marker]
            nested = any(other.anchor == note.anchor and
                         note.block_start < other.marker < note.marker
                         for other in PLACED[article.file])
            if nested or not re.fullmatch(r"[A-Za-z0-9 ,.]+", words):
                continue  # LaTeX escapes other characters; the plain ones suffice here
            sic = r"\\DUrole\{apparatus\}\{\\DUrole\{sic\}\{[^\n]*?\}\}\}"
            other = r"%\n\\begin\{footnote\}\[\d+\][^\n]*\n(?:.*\n)*?\\end\{footnote\}"
            mine = rf"%\n\\begin\{{footnote\}}\[{number}\]\\sphinxAtStartFootnote\n"
            pattern = (re.escape(words) + f"(?:{sic}|{other})*" +
                       (sic if note.note.kind == "sic" else "") + mine)
            assert re.search(pattern, edition_tex), (article.slug, number, words)
            checked += 1
    assert checked >= 10
