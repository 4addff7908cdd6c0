"""Ingestion in the core: seeds become articles, the furniture is set aside, nothing is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from annotated_edition.articles import first_sentence, load_article, parse_seed
from annotated_edition.catalog import CatalogEntry, load_catalog, reading_order
from annotated_edition.textfile import decode_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def entry(file: str = "x.txt", title: str = "A headline", byline: str | None = None,
          dateline: str | None = None) -> CatalogEntry:
    return CatalogEntry(file=file, slug="x", title=title, outlet="Outlet", outlet_basis="b",
                        date=dt.date(2021, 1, 1), date_basis="stated", date_evidence="e",
                        byline=byline, dateline=dateline, line=1)


@pytest.fixture(scope="module")
def edition() -> dict[str, object]:
    entries, problems = load_catalog(SEEDS / "catalog.yaml", SEEDS)
    assert problems == []
    return {e.file: load_article(SEEDS, e) for e in entries}


def test_the_seeds_are_verbatim_copies_of_the_shared_seeds() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    for source in sorted(shared.glob("*.txt")):
        assert (SEEDS / source.name).read_bytes() == source.read_bytes(), source.name


def test_every_seed_has_an_entry_and_parses_without_problems(edition: dict) -> None:
    assert sorted(edition) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for file, (article, problems) in edition.items():
        assert problems == [], file
        assert len(article.paragraphs) >= 3, file


def test_reading_order_is_by_date() -> None:
    entries, _ = load_catalog(SEEDS / "catalog.yaml", SEEDS)
    dates = [e.date for e in reading_order(entries)]
    assert dates == sorted(dates)
    assert reading_order(entries)[0].file == "003_b5ff8a1fd90c5886.txt"


def test_no_line_of_a_seed_is_lost(edition: dict) -> None:
    """Every non-blank line is a paragraph, a header line, or recorded furniture."""
    for file, (article, _) in edition.items():
        lines = [line.strip() for line in (SEEDS / file).read_text("utf-8").splitlines()]
        kept = {b.line for b in article.blocks} | {f.line for f in article.furniture}
        header = {article.title, article.dateline, f"By {article.byline}"}
        for number, line in enumerate(lines, start=1):
            if line and number not in kept:
                assert line in header, (file, number, line)


def test_paragraph_text_is_the_line_exactly(edition: dict) -> None:
    for file, (article, _) in edition.items():
        lines = (SEEDS / file).read_text("utf-8").splitlines()
        for block in article.blocks:
            assert block.text == lines[block.line - 1].strip()
            assert article.text[block.start:block.end] == block.text


def test_furniture_of_the_five_seeds(edition: dict) -> None:
    furniture = {file: [(f.kind, f.text) for f in a.furniture] for file, (a, _) in edition.items()}
    assert furniture["003_b5ff8a1fd90c5886.txt"] == [
        ("repeated title", "Azerbaijani President: “We are completely sure that if there is any "
                           "threat against Azerbaijan, brotherly Turkey will support us”"),
        ("clock", "• Clock-gray 19:45"),
        ("calendar", "• calendar-gray 26 February 2021"),
        ("site link", "Other news")]
    assert furniture["001_2a5776a987d213dd.txt"] == [("site link", "Comments are closed.")]
    assert furniture["002_cd80a25cddf8f1f1.txt"] == [("date stamp", "date 2021-11-11 By Azernews")]
    assert furniture["000_ec57c24c9c210df2.txt"] == []


def test_headers_of_the_five_seeds(edition: dict) -> None:
    akar = edition["004_4bb7f8f2e395c1ed.txt"][0]
    assert akar.title_in_text and akar.dateline == "ANKARA"
    assert akar.blocks[0].text.startswith("The main objective")
    assert [b.text for b in akar.blocks if b.kind == "subheading"] == ["Liberation of Karabakh"]
    azernews = edition["002_cd80a25cddf8f1f1.txt"][0]
    assert not azernews.title_in_text and azernews.byline == "Vafa Ismayilova"
    assert azernews.blocks[0].text.startswith("Turkish President Recep Tayyip Erdogan")
    rize = edition["000_ec57c24c9c210df2.txt"][0]
    assert not rize.title_in_text and rize.blocks[0].anchor == "p1"
    assert rize.blocks[-1].text.endswith("he added.")  # the file has no final newline


def test_anchors_are_stable_and_sequential(edition: dict) -> None:
    for article, _ in edition.values():
        assert [b.anchor for b in article.blocks] == [f"p{i}" for i in
                                                      range(1, len(article.blocks) + 1)]
    again = load_article(SEEDS, load_catalog(SEEDS / "catalog.yaml", SEEDS)[0][0])[0]
    first = edition[again.file][0]
    assert [(b.anchor, b.text) for b in again.blocks] == [(b.anchor, b.text) for b in first.blocks]


def test_first_sentence_is_not_cut_at_abbreviations() -> None:
    text = "War erupted on Sept. 27, 2020, said Gen. Musa Avsever. Then it ended."
    assert first_sentence(text) == "War erupted on Sept. 27, 2020, said Gen. Musa Avsever."
    assert first_sentence("“Quoted.” Then more.") == "“Quoted.”"


# --- awkward input -------------------------------------------------------------------------


def test_empty_file_is_an_article_without_text_and_a_problem() -> None:
    article, problems = parse_seed("", entry())
    assert article.blocks == ()
    assert [(p.line, p.message) for p in problems] == [
        (1, "the seed has no article text (only blank lines, its header or page furniture)")]


def test_no_title_in_text_keeps_every_line_as_text() -> None:
    article, _ = parse_seed("First line.\nSecond line.\n", entry(title="[Editor's title]"))
    assert not article.title_in_text
    assert [b.text for b in article.blocks] == ["First line.", "Second line."]


def test_crlf_bom_and_stray_whitespace() -> None:
    raw = "\ufeffA headline  \r\n\r\n   By Jane Roe\r\n  Text one.  \r\nText two.\r".encode()
    text, problems = decode_text(raw, "x.txt")
    assert problems == [] and text is not None and "\r" not in text and "\ufeff" not in text
    article, _ = parse_seed(text, entry(byline="Jane Roe"))
    assert article.title_in_text
    assert [b.text for b in article.blocks] == ["Text one.", "Text two."]


def test_non_utf8_bytes_are_shown_replaced_and_reported_with_their_line() -> None:
    raw = "Line one’s.\nErdo\udcf0an said \udc93yes\udc94.\nLast’s.\n".encode(
        "utf-8", "surrogateescape")
    text, problems = decode_text(raw, "x.txt")
    assert text == "Line one’s.\nErdo\ufffdan said \ufffdyes\ufffd.\nLast’s.\n"
    assert [str(p) for p in problems] == [
        "x.txt:2: not valid UTF-8 (byte 0xf0 at column 5): shown as \ufffd (U+FFFD); retype "
        "the letters of this line and save the file as UTF-8"]


def test_binary_file_is_refused_with_a_clear_message() -> None:
    text, problems = decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image.txt")
    assert text is None
    assert str(problems[0]) == "image.txt:3: not a text file (NUL byte found): it was not read"


def test_markup_in_the_text_is_kept_as_text() -> None:
    article, _ = parse_seed("<script>alert('x')</script> and *stars* and `ticks`\n", entry())
    assert article.blocks[0].text == "<script>alert('x')</script> and *stars* and `ticks`"


def test_furniture_rules_match_whole_lines_only() -> None:
    article, _ = parse_seed("He read Other news daily.\nOther news\n", entry())
    assert [b.text for b in article.blocks] == ["He read Other news daily."]
    assert [f.text for f in article.furniture] == ["Other news"]


def test_a_repeated_byline_or_dateline_is_recorded_not_dropped() -> None:
    """Found by the property tests: the second "By ..." line vanished without a trace."""
    article, _ = parse_seed("A headline\nBy Jane Roe\nBy Jane Roe\nANKARA\nANKARA\nText.\n",
                            entry(byline="Jane Roe", dateline="ANKARA"))
    assert [(f.line, f.kind) for f in article.furniture] == [(3, "repeated byline"),
                                                            (5, "repeated dateline")]
    assert [b.text for b in article.blocks] == ["Text."]
