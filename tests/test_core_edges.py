"""Notes, catalog and seeds at their edges: the cases between "works" and "is reported"."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from annotated_edition.articles import (
    MAX_SEED_BYTES,
    Article,
    by_file_or_slug,
    first_sentence,
    load_article,
    parse_seed,
)
from annotated_edition.catalog import (
    CatalogEntry,
    load_catalog,
    parse_date,
    reading_order,
    slug_for,
)
from annotated_edition.datafile import parse_yaml
from annotated_edition.notes import AnchoredNote, anchor_notes, marker_offset, notes_from
from annotated_edition.problems import Problem

SEED = textwrap.dedent("""\
    Shusha is named here, and Shusha is named again.

    A crosshead

    The last paragraph says "Victory Day" and ends here.
""")


def entry(file: str = "a.txt", slug: str = "a", **fields: object) -> CatalogEntry:
    values: dict[str, object] = {
        "file": file, "slug": slug, "title": "The Title", "outlet": "O", "outlet_basis": "",
        "date": None, "date_basis": "inferred", "date_evidence": "", "byline": None,
        "dateline": None, "line": 1}
    values.update(fields)
    return CatalogEntry(**values)  # type: ignore[arg-type]


def article(text: str = SEED, **fields: object) -> Article:
    parsed, problems = parse_seed(text, entry(**fields))
    assert problems == []
    return parsed


def place(notes_yaml: str, *articles: Article) -> tuple[dict[str, list[AnchoredNote]],
                                                         list[Problem]]:
    data, problems = parse_yaml(textwrap.dedent(notes_yaml), "notes.yaml")
    assert data is not None and problems == []
    notes, more = notes_from(data)
    placed, rest = anchor_notes(notes, list(articles) or [article()])
    return placed, more + rest


# -- notes --------------------------------------------------------------------------------

def place_shusha(occurrence: str, text: str = SEED) -> tuple[dict[str, list[AnchoredNote]],
                                                            list[Problem]]:
    """One note on "Shusha", with ``occurrence`` as its fourth line (or none)."""
    return place(f"""\
        notes:
          - article: a.txt
            quote: Shusha
            {occurrence}
            kind: context
            text: Both names.
    """, article(text))


@pytest.mark.parametrize(("occurrence", "offset"), [("", 0), ("occurrence: 1", 0),
                                                    ("occurrence: 2", 26)])
def test_an_explicit_occurrence_is_kept_and_placed(occurrence: str, offset: int) -> None:
    text = "Shusha is named here, and Shusha"
    placed, problems = place_shusha(occurrence, text + " is named again.")
    if not occurrence:
        assert [p.subtype for p in problems] == ["note-ambiguous"]
        assert "occurs 2 times" in problems[0].message and problems[0].line == 3
        return
    assert problems == []
    (note,) = placed["a.txt"]
    assert (note.start, note.end, note.note.occurrence) == (offset, offset + 6,
                                                            int(occurrence[-1]))


@pytest.mark.parametrize(("occurrence", "message"), [
    ("occurrence: 3", "occurrence 3 of the quote 'Shusha' asked for, but it occurs 2 times"),
    ("occurrence: 0", "0 is less than the minimum of 1"),
    ("occurrence: true", "True is not of type 'integer'"),
    ("occurrence: '1'", "'1' is not of type 'integer'"),
])
def test_a_bad_occurrence_is_reported_and_the_note_left_out(occurrence: str,
                                                            message: str) -> None:
    placed, problems = place_shusha(occurrence)
    assert placed == {"a.txt": []}
    assert len(problems) == 1 and message in problems[0].message
    assert problems[0].line in (3, 4)


def test_one_time_is_singular() -> None:
    placed, problems = place("""\
        notes:
          - article: a.txt
            quote: Victory Day
            occurrence: 2
            kind: context
            text: A holiday.
    """)
    assert placed == {"a.txt": []}
    assert problems[0].message.endswith("but it occurs 1 time")


@pytest.mark.parametrize("record", ["article: ''", "article: 3", "kind: 4", "quote: ''",
                                    "text: ''", "text: [a]"])
def test_unusable_fields_leave_the_note_out_with_the_schemas_word(record: str) -> None:
    fields = {"article": "a.txt", "quote": "Shusha is named here", "kind": "context",
              "text": "T"}
    key, _, value = record.partition(": ")
    fields[key] = value
    body = "\n".join(f"    {k}: {v}" for k, v in fields.items())
    placed, problems = place("notes:\n  - " + body.strip() + "\n")
    assert placed == {"a.txt": []}
    assert problems and all(p.subtype == "notes" for p in problems)


def test_notes_on_the_crosshead_or_across_paragraphs_are_refused() -> None:
    placed, problems = place("""\
        notes:
          - article: a.txt
            quote: A crosshead
            kind: context
            text: T.
          - article: a.txt
            quote: "again. A crosshead"
            kind: context
            text: T.
          - article: a.txt
            quote: "again.\\n\\nA crosshead"
            kind: context
            text: T.
    """)
    assert placed == {"a.txt": []}
    assert [(p.line, p.subtype) for p in problems] == [(3, "note-quote"), (7, "note-quote"),
                                                       (11, "note-quote")]
    assert "in the crosshead p2; notes attach to paragraphs" in problems[0].message
    assert all("spans two paragraphs" in p.message for p in problems[1:])


def test_the_context_is_cut_at_the_paragraph_and_at_32_characters() -> None:
    long = "x" * 40 + " Shusha " + "y" * 40 + "."
    placed, problems = place("""\
        notes:
          - article: a.txt
            quote: Shusha
            kind: context
            text: T.
    """, article("First paragraph.\n\n" + long + "\n\nLast paragraph here."))
    assert problems == []
    (note,) = placed["a.txt"]
    assert (note.prefix, note.suffix) == ("x" * 31 + " ", " " + "y" * 31)
    assert (note.anchor, note.block_start, note.block_end) == ("p2", 41, 47)
    assert (note.start, note.end) == (59, 65)


@pytest.mark.parametrize(("text", "end", "marker"), [
    ("Shusha, then", 6, 7),
    ("Shusha’s town", 6, 8),
    ("Shushi.) Then", 6, 8),
    ("Shusha — then", 6, 6),
    ("Shushas", 6, 7),
    ("Shusha", 6, 6),
    ("Shusha'", 6, 7),
    ("Shusha\"” x", 6, 8),
])
def test_the_marker_goes_after_the_word_and_its_punctuation(text: str, end: int,
                                                            marker: int) -> None:
    assert marker_offset(text, end) == marker


def test_a_note_names_its_article_by_file_or_slug_and_stays_with_it() -> None:
    one = article(file="a.txt", slug="one")
    two = article("Shusha was taken.", file="b.txt", slug="two")
    placed, problems = place("""\
        notes:
          - article: two
            quote: Shusha
            kind: context
            text: T.
          - article: a.txt
            quote: Victory Day
            kind: context
            text: T.
          - article: b
            quote: Shusha
            kind: context
            text: T.
    """, one, two)
    assert [n.slug for n in placed["b.txt"]] == ["two"]
    assert [n.exact for n in placed["a.txt"]] == ["Victory Day"]
    assert [(p.line, p.subtype) for p in problems] == [(10, "note-article")]
    assert problems[0].message == ("note on 'Shusha': unknown article 'b'; name a seed file or "
                                   "a slug of the catalog")
    assert by_file_or_slug([one, two]) == {"a.txt": one, "one": one, "b.txt": two,
                                           "two": two}


def test_problems_are_sorted_by_line_whichever_step_found_them() -> None:
    _, problems = place("""\
        notes:
          - article: a.txt
            quote: Victory Day
            kind: context
            text: T.
          - article: a.txt
            quote: Victory Day
            kind: context
            text: T.
          - article: nowhere
            quote: Shusha
            kind: context
            text: T.
    """)
    assert [(p.line, p.subtype) for p in problems] == [(7, "note-overlap"),
                                                       (10, "note-article")]
    assert "the note at line 2 overlap" in problems[0].message


def test_a_quote_found_three_times_is_counted_and_the_second_is_the_middle_one() -> None:
    text = "Shusha, Shusha and Shusha again."
    assert "occurs 3 times" in place_shusha("", text)[1][0].message
    placed, problems = place_shusha("occurrence: 2", text)
    assert problems == [] and placed["a.txt"][0].start == 8


def test_a_quote_that_overlaps_itself_is_found_at_each_place() -> None:
    placed, problems = place("""\
        notes:
          - article: a.txt
            quote: mm
            kind: context
            text: T.
    """, article("He said hmmm and left."))
    assert placed == {"a.txt": []}
    assert [p.subtype for p in problems] == ["note-ambiguous"]
    assert "occurs 2 times" in problems[0].message


def test_a_note_after_one_for_an_unknown_article_is_still_placed() -> None:
    placed, problems = place("notes:\n" + note_record("Shusha", "context", "nowhere")
                             + note_record("Victory Day", "context"))
    assert [n.exact for n in placed["a.txt"]] == ["Victory Day"]
    assert [p.subtype for p in problems] == ["note-article"]


def note_record(quote: str, kind: str, article: str = "a.txt") -> str:
    return f"  - article: {article}\n    quote: {quote!r}\n    kind: {kind}\n    text: T.\n"


@pytest.mark.parametrize("sic_first", [True, False])
@pytest.mark.parametrize("kind", ["context", "sic"])
def test_notes_on_touching_words_are_both_rendered(sic_first: bool, kind: str) -> None:
    """A marker right before words marked [sic], or two [sic] marks that only touch."""
    sic, other = note_record("-Karabakh", "sic"), note_record("Nagorno", kind)
    pair = sic + other if sic_first else other + sic
    placed, problems = place("notes:\n" + pair, article("In Nagorno-Karabakh today."))
    assert problems == []
    assert sorted(n.exact for n in placed["a.txt"]) == ["-Karabakh", "Nagorno"]


def test_a_note_refused_for_its_kind_or_markup_leaves_the_next_one_placed() -> None:
    placed, problems = place("""\
        notes:
          - just a string
          - article: a.txt
            quote: Shusha is named here
            kind: opinion
            text: T.
          - article: a.txt
            quote: Shusha is named again
            kind: context
            text: A <b>bold</b> claim.
          - article: a.txt
            quote: Victory Day
            kind: framing
            text: T.
    """)
    (kept,) = placed["a.txt"]
    assert (kept.exact, kept.file, kept.note.kind_line, kept.note.text_line) == (
        "Victory Day", "a.txt", 13, 14)
    assert [(p.path, p.line, p.subtype, p.message) for p in problems] == [
        ("notes.yaml", 2, "notes", "notes.0: 'just a string' is not of type 'object'"),
        ("notes.yaml", 5, "note-kind", "note on 'Shusha is named here' in a.txt: unknown "
         "kind 'opinion'; expected one of context, sic, framing, cross-reference"),
        ("notes.yaml", 10, "markup", "note on 'Shusha is named again' in a.txt: raw HTML "
         "('<b>') is not allowed in the edition's markup; the note is left out")]


@pytest.mark.parametrize("field", ["text: ''", "occurrence: 0", "kind: 4"])
def test_a_note_with_an_unusable_field_leaves_the_next_one_placed(field: str) -> None:
    fields = {"article": "a.txt", "quote": "Shusha is named here", "kind": "context",
              "text": "T.", **dict([field.split(": ")])}
    first = "".join(f"    {key}: {value}\n" for key, value in fields.items())
    placed, problems = place("notes:\n  -" + first[3:] + note_record("Victory Day", "framing"))
    assert [n.exact for n in placed["a.txt"]] == ["Victory Day"]
    assert [p.subtype for p in problems] == ["notes"]


@pytest.mark.parametrize("body", ["- a\n- b\n", "notes: 3\n", "notes:\n"])
def test_notes_of_the_wrong_shape_are_reported_not_raised(body: str) -> None:
    data, problems = parse_yaml(body, "notes.yaml")
    assert data is not None and problems == []
    notes, problems = notes_from(data)
    assert notes == [] and problems and all(p.path == "notes.yaml" for p in problems)


def test_the_messages_of_a_quote_that_cannot_be_placed() -> None:
    _, problems = place("""\
        notes:
          - article: a.txt
            quote: Shusha
            kind: context
            text: T.
          - article: a.txt
            quote: "again. A crosshead"
            kind: context
            text: T.
    """)
    assert [p.message for p in problems] == [
        "article a.txt (a): the quote 'Shusha' occurs 2 times; say which with "
        "`occurrence: N`",
        "article a.txt (a): the quote 'again. A crosshead' spans two paragraphs; a note "
        "attaches to words within one paragraph"]


def test_the_context_of_words_near_the_paragraphs_start_begins_at_its_first_word() -> None:
    placed, problems = place("""\
        notes:
          - article: a.txt
            quote: named
            occurrence: 1
            kind: context
            text: T.
    """)
    assert problems == [] and placed["a.txt"][0].prefix == "Shusha is "


# -- catalog ------------------------------------------------------------------------------

def catalog(tmp_path: Path, body: str, seeds: tuple[str, ...] = ("a.txt",)) -> tuple[
        list[CatalogEntry], list[str]]:
    for seed in seeds:
        (tmp_path / seed).write_text("Text.\n", encoding="utf-8")
    path = tmp_path / "catalog.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    entries, problems = load_catalog(path, tmp_path)
    assert all(p.subtype == "catalog" and p.path == str(path) for p in problems)
    return entries, [f"{p.line}: {p.message}".replace(str(tmp_path), "SEEDS")
                     for p in problems]


def record(file: str, **fields: str) -> str:
    values = {"file": file, "title": "T", "outlet": "O", "outlet_basis": "B",
              "date": '"2021-11-05"', "date_basis": "stated", "date_evidence": "E",
              "byline": "null", "dateline": "null", **fields}
    lines = [f"{key}: {value}" for key, value in values.items()]
    return "  - " + "\n    ".join(lines) + "\n"


def test_slugs_never_clash(tmp_path: Path) -> None:
    seeds = ("a.txt", "b.txt", "c.txt", "B.txt", "b-2.txt")
    entries, problems = catalog(tmp_path, "articles:\n" + record("a.txt", slug="same")
                                + record("b.txt", slug="same") + record("c.txt", slug="b")
                                + record("B.txt", slug="same") + record("b-2.txt"), seeds)
    assert [e.slug for e in entries] == ["same", "b", "c", "b-2", "b-2-2"]
    assert problems == [
        "21: b.txt: slug 'same' is used already at line 2; the page is 'b' for now",
        "31: c.txt: slug 'b' is used already at line 12; the page is 'c' for now",
        "41: B.txt: slug 'same' is used already at line 2; the page is 'b-2' for now",
        "42: b-2.txt: slug 'b-2' is used already at line 32; the page is 'b-2-2' for now"]


def test_an_entry_takes_defaults_only_where_the_schema_has_spoken(tmp_path: Path) -> None:
    entries, problems = catalog(tmp_path, "articles:\n" + record(
        "a.txt", title="''", outlet="''", byline="''", dateline="Baku", slug="Bad Slug",
        date='"2021-02-30"'))
    (found,) = entries
    assert (found.title, found.outlet, found.byline, found.dateline, found.slug, found.date,
            found.line) == ("a", "Unknown outlet", None, "Baku", "a", None, 2)
    assert len(problems) == 4  # title, outlet, slug and date, each once
    assert any("bad date '2021-02-30'" in p for p in problems)
    assert not any("2021-02-30" in p and "bad date" not in p for p in problems)


def test_a_date_the_schema_refuses_is_reported_once(tmp_path: Path) -> None:
    _, problems = catalog(tmp_path, "articles:\n" + record("a.txt", date="2021"))
    assert len(problems) == 1 and "is not of type 'string'" in problems[0]


@pytest.mark.parametrize(("value", "date"), [
    ("2021-11-05", dt.date(2021, 11, 5)), ("2021-02-30", None), ("2021-1-05", None),
    ("x2021-11-05", None), ("2021-11-05x", None), (20211105, None), (None, None),
    ("2024-02-29", dt.date(2024, 2, 29)),
])
def test_parse_date(value: object, date: dt.date | None) -> None:
    assert parse_date(value) == date


@pytest.mark.parametrize(("file", "slug"), [
    ("Akar Interview 2021.txt", "akar-interview-2021"), ("__.txt", "article"),
    ("a.b.txt", "a-b"), ("Çay.txt", "ay"), ("x--y.txt", "x--y"),
])
def test_slug_for(file: str, slug: str) -> None:
    assert slug_for(file) == slug


@pytest.mark.parametrize(("body", "message"), [
    ("", "1: the catalog is empty: it must hold 'articles:', a list of entries, one per seed"),
    ("- a\n- b\n", "1: the catalog must be a mapping with the key 'articles' (a list of "
                   "entries), not a list"),
    ("articles: 3\n", "1: 'articles' must be a list of entries (lines starting with '- '), "
                      "not a int"),
    ("# the seeds\n\narticles: x\n", "3: 'articles' must be a list of entries (lines "
                                      "starting with '- '), not a str"),
    ("articles:\n  a: 1\n", "2: 'articles' must be a list of entries (lines starting with "
                            "'- '), not a dict"),
])
def test_a_catalog_of_the_wrong_shape_gets_one_message(tmp_path: Path, body: str,
                                                       message: str) -> None:
    assert catalog(tmp_path, body) == ([], [message])


def test_every_field_of_an_entry_is_read_and_the_optional_ones_default(tmp_path: Path) -> None:
    full = record("a.txt", outlet_basis="'the masthead'", date_evidence="'the dateline'",
                  occasion="'a press conference'", outlet_country="Turkey",
                  short_title="'Short'", byline="'A. Writer'", dateline="Ankara")
    bare = "  - file: b.txt\n"
    entries, _ = catalog(tmp_path, "articles:\n" + full + bare, ("a.txt", "b.txt"))
    assert [(e.title, e.outlet, e.outlet_basis, e.date, e.date_basis, e.date_evidence,
             e.byline, e.dateline, e.occasion, e.short_title, e.outlet_country)
            for e in entries] == [
        ("T", "O", "the masthead", dt.date(2021, 11, 5), "stated", "the dateline",
         "A. Writer", "Ankara", "a press conference", "Short", "Turkey"),
        ("b", "Unknown outlet", "", None, "inferred", "", None, None, None, None, None)]


def test_an_unknown_file_is_reported_at_its_line_and_the_next_entry_kept(
        tmp_path: Path) -> None:
    unknown = record("x.txt").replace("  - file: x.txt\n    title: T", "  - title: T\n"
                                                                    "    file: x.txt")
    entries, problems = catalog(tmp_path, "articles:\n" + unknown + record("a.txt"))
    assert [e.file for e in entries] == ["a.txt"]
    assert problems == ["3: unknown file 'x.txt': there is no such seed in SEEDS"]


def test_a_slug_taken_three_times_is_numbered_on(tmp_path: Path) -> None:
    seeds = ("b.txt", "B.txt", "b_.txt", "B_.txt")  # all of them "b" as page names
    body = "articles:\n" + "".join(record(seed) for seed in seeds)
    entries, _ = catalog(tmp_path, body, seeds)
    assert [e.slug for e in entries] == ["b", "b-2", "b-3", "b-4"]


def test_entries_that_name_no_usable_file_are_left_out(tmp_path: Path) -> None:
    entries, problems = catalog(tmp_path, "articles:\n  - 3\n  - file: 4\n"
                                + record("../up.txt") + record("a.txt") + record("a.txt")
                                + record("missing.txt"), ("a.txt", "extra.txt"))
    assert [e.file for e in entries] == ["a.txt"]
    assert "22: a.txt: listed twice (first at line 13)" in problems
    assert "31: unknown file 'missing.txt': there is no such seed in SEEDS" in problems
    assert "2: seed extra.txt has no catalog entry: it is not in the edition until one is " \
           "added" in problems  # at the line of the list
    assert "4: articles.2.file: '../up.txt' is not the name of a .txt file in the seed " \
           "folder (no folder, no backquote)" in problems


def test_reading_order_puts_undated_last_then_by_file() -> None:
    dated = [entry("b.txt", date=dt.date(2021, 1, 1)), entry("c.txt"),
             entry("a.txt", date=dt.date(2021, 1, 1)), entry("0.txt", date=dt.date(2022, 1, 1)),
             entry("a0.txt")]
    assert [e.file for e in reading_order(dated)] == ["a.txt", "b.txt", "0.txt", "a0.txt",
                                                      "c.txt"]


# -- seeds --------------------------------------------------------------------------------

def test_header_lines_are_taken_once_and_offsets_count_the_separators() -> None:
    text = ("The Title\n\nBy Jane Doe\nBAKU\n  First paragraph here.  \n\nShort crosshead\n"
            "Second paragraph.\nBy Jane Doe\nThe title\nLast words")
    parsed = article(text, byline="Jane Doe", dateline="Baku")
    assert parsed.title_in_text
    assert [(b.anchor, b.kind, b.text, b.line, b.start) for b in parsed.blocks] == [
        ("p1", "paragraph", "First paragraph here.", 5, 0),
        ("p2", "subheading", "Short crosshead", 7, 23),
        ("p3", "paragraph", "Second paragraph.", 8, 40),
        ("p4", "subheading", "By Jane Doe", 9, 59),  # a byline again, but not in the header
        ("p5", "paragraph", "Last words", 11, 72),
    ]
    assert [(f.line, f.kind) for f in parsed.furniture] == [(10, "repeated title")]
    assert parsed.text[72:] == "Last words"
    assert [b.anchor for b in parsed.paragraphs] == ["p1", "p3", "p5"]


def test_a_repeated_dateline_in_the_header_is_recorded() -> None:
    parsed = article("BAKU\nBaku\nBy Jane Doe\nBY JANE DOE\nText.", byline="Jane Doe",
                     dateline="Baku")
    assert [(f.line, f.kind) for f in parsed.furniture] == [(2, "repeated dateline"),
                                                             (4, "repeated byline")]
    assert [b.text for b in parsed.blocks] == ["Text."]


@pytest.mark.parametrize(("line", "kind"), [
    ("Eight words at most make a short crosshead", "subheading"),
    ("Nine words are one too many for a crosshead", "paragraph"),
    ("Conclusion", "subheading"),
    ("A question?", "paragraph"), ("Said “no”", "paragraph"), ("In brackets)", "paragraph"),
    ("Ends with a colon:", "paragraph"), ("Ellipsis…", "paragraph"),
])
def test_what_a_crosshead_is(line: str, kind: str) -> None:
    parsed = article(f"First paragraph.\n{line}\nLast paragraph.")
    assert parsed.blocks[1].kind == kind


def test_a_crosshead_cannot_end_the_text_nor_begin_it() -> None:
    parsed = article("Short start\nA paragraph.\nShort end")
    assert [b.kind for b in parsed.blocks] == ["paragraph", "paragraph", "paragraph"]


def test_block_at_every_offset() -> None:
    parsed = article("One.\nTwo.")
    assert [parsed.block_at(i).anchor if parsed.block_at(i) else None  # type: ignore[union-attr]
            for i in range(-1, 11)] == [None, "p1", "p1", "p1", "p1", None, None, "p2", "p2",
                                        "p2", "p2", None]


@pytest.mark.parametrize(("text", "sentence"), [
    ("Gen. Aliyev spoke. Then more.", "Gen. Aliyev spoke."),
    ("It was Sept. 27. Then war.", "It was Sept. 27."),
    ("He said “no.” Then left.", "He said “no.”"),
    ("Really? Yes.", "Really?"),
    ("The U.S. Army came. Then more.", "The U.S. Army came."),
    ("No end here", "No end here"),
    ("Ends in 2020. 2021 began.", "Ends in 2020."),
    ("Ends. lower case", "Ends. lower case"),
    (("x" * 20) + " Dr. Who. Then.", ("x" * 20) + " Dr. Who."),
])
def test_first_sentence_cases(text: str, sentence: str) -> None:
    assert first_sentence(text) == sentence


def test_load_article_refuses_a_huge_seed_and_names_a_missing_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"x" * 2_950_000)
    parsed, problems = load_article(tmp_path, entry())
    assert parsed.blocks == ()
    assert [(p.path, p.line, p.message, p.subtype) for p in problems] == [(
        str(tmp_path / "a.txt"), 1, "the seed is 3.0 MB, more than an article can be (2 MB at "
        "most): it was not read; is it the right file?", "seed")]
    (tmp_path / "a.txt").write_bytes(b"x" * (MAX_SEED_BYTES + 1))
    assert load_article(tmp_path, entry())[1][0].message.startswith("the seed is 2.0 MB")
    (tmp_path / "b.txt").write_bytes(b"x" * MAX_SEED_BYTES)
    parsed, problems = load_article(tmp_path, entry("b.txt"))
    assert problems == [] and len(parsed.text) == MAX_SEED_BYTES
    parsed, problems = load_article(tmp_path, entry("c.txt"))
    assert [(p.path, p.line, p.message, p.subtype) for p in problems] == [
        (str(tmp_path / "c.txt"), 1, "cannot read the seed: No such file or directory", "seed")]


def test_load_article_refuses_a_seed_linked_to_a_file_outside_its_folder(
        tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text("A text from elsewhere.\n", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").symlink_to(tmp_path / "outside.txt")
    parsed, problems = load_article(seeds, entry())
    assert parsed.blocks == ()
    assert [(p.path, p.line, p.message, p.subtype) for p in problems] == [(
        str(seeds / "a.txt"), 1, "the seed is a symbolic link to a file outside the seed "
        "folder: it was not read (nothing outside the project is published); copy the text "
        "into the seed folder", "seed-link")]


def test_an_article_keeps_the_occasion_of_its_entry() -> None:
    assert article(occasion="a press conference").occasion == "a press conference"


def test_load_article_locates_the_problems_of_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n\n", encoding="utf-8")
    _, problems = load_article(tmp_path, entry())
    assert [(p.path, p.line, p.subtype) for p in problems] == [
        (str(tmp_path / "a.txt"), 1, "seed")]
    assert problems[0].message.startswith("the seed has no article text")
    assert [p.path for p in parse_seed("", entry())[1]] == ["a.txt"]
    (tmp_path / "a.txt").write_bytes(b"Caf\xe9 text.\n")
    _, problems = load_article(tmp_path, entry())
    assert [(p.path, p.line) for p in problems] == [(str(tmp_path / "a.txt"), 1)]


def test_an_article_carries_its_catalog_entry_and_finds_a_title_with_curly_quotes() -> None:
    fields = {"title": 'The "Victory" Day', "outlet": "Daily Sabah", "outlet_basis": "URL",
              "date": dt.date(2021, 11, 8), "date_basis": "stated", "date_evidence": "dateline",
              "byline": "Jane Doe", "dateline": "Baku"}
    parsed = article("The “Victory”  Day\nText.", **fields)
    assert parsed.title_in_text and [b.text for b in parsed.blocks] == ["Text."]
    # without a byline, no line is taken for one; without the title, none for it
    plain = article("By None\nText.")
    assert plain.title_in_text is False and [b.text for b in plain.blocks] == ["By None",
                                                                                "Text."]
    assert {key: getattr(parsed, key) for key in fields} == fields
    assert (parsed.file, parsed.slug) == ("a.txt", "a")


def test_at_one_place_a_sic_comes_before_other_notes() -> None:
    placed, problems = place("""\
        notes:
          - article: a.txt
            quote: named again
            kind: context
            text: T.
          - article: a.txt
            quote: again
            kind: sic
            text: T.
    """)
    assert problems == []
    assert [n.note.kind for n in placed["a.txt"]] == ["sic", "context"]


def test_load_notes_reads_a_file_and_names_its_problems(tmp_path: Path) -> None:
    from annotated_edition.notes import load_notes

    path = tmp_path / "notes.yaml"
    path.write_text("notes:\n  - article: a.txt\n    quote: Shusha\n    kind: context\n"
                    "    text: T.\n    occurrence: 1\n", encoding="utf-8")
    notes, problems = load_notes(path)
    assert problems == [] and [(n.quote, n.occurrence, n.line) for n in notes] == [
        ("Shusha", 1, 2)]
    path.write_text("notes: [\n", encoding="utf-8")
    notes, problems = load_notes(path)
    assert notes == [] and [(p.path, p.line, p.subtype) for p in problems] == [
        (str(path), 2, "notes")]
    path.write_text("notes:\n  - article: a.txt\n    quote: Shusha\n    kind: context\n"
                    "    text: T.\n    extra: 1\n", encoding="utf-8")
    notes, problems = load_notes(path)
    assert notes and [(p.line, p.subtype) for p in problems] == [(2, "notes")]
