"""The notes core: loading, anchoring quotes to offsets, and every kind of bad input."""

from __future__ import annotations

import json
import textwrap

import pytest

from annotated_edition.articles import Article, parse_seed
from annotated_edition.catalog import CatalogEntry
from annotated_edition.datafile import parse_yaml
from annotated_edition.notes import AnchoredNote, Note, anchor_notes, notes_from
from annotated_edition.problems import Problem
from annotated_edition.webannotation import AnnotationRecord, collection

SEED = textwrap.dedent("""\
    The war began on Sept. 27, 2021, says the text, and it was not not over.

    Shusha is named here, and Shusha is named again.

    A crosshead

    The last paragraph mentions "Victory Day" and ends here.
""")


def make_article(text: str = SEED, file: str = "a_first.txt", slug: str = "first") -> Article:
    entry = CatalogEntry(file=file, slug=slug, title="Untitled", outlet="O", outlet_basis="",
                         date=None, date_basis="inferred", date_evidence="", byline=None,
                         dateline=None, line=1)
    article, problems = parse_seed(text, entry)
    assert problems == []
    return article


def load(yaml_text: str) -> tuple[list[Note], list[Problem]]:
    data, problems = parse_yaml(textwrap.dedent(yaml_text), "notes.yaml")
    assert data is not None and problems == []
    return notes_from(data)


def place(yaml_text: str, *articles: Article) -> tuple[dict[str, list[AnchoredNote]],
                                                      list[Problem]]:
    notes, problems = load(yaml_text)
    placed, more = anchor_notes(notes, list(articles) or [make_article()])
    return placed, problems + more


def test_a_note_is_anchored_to_offsets_paragraph_and_context() -> None:
    article = make_article()
    placed, problems = place("""\
        notes:
          - article: a_first.txt
            quote: not not
            kind: sic
            text: Read "not".
    """, article)
    assert problems == []
    (note,) = placed["a_first.txt"]
    assert article.text[note.start:note.end] == "not not"
    block = next(b for b in article.blocks if b.anchor == note.anchor)
    assert note.anchor == "p1"
    assert block.text[note.block_start:note.block_end] == "not not"
    assert note.prefix == block.text[:note.block_start][-32:]
    assert note.prefix.endswith("and it was ") and note.suffix == " over."
    assert note.marker == note.block_end  # a space follows: the marker goes right there
    assert (note.note.line, note.note.kind, note.note.occurrence) == (2, "sic", None)


def test_the_marker_follows_closing_punctuation_and_a_notes_slug_names_its_article() -> None:
    article = make_article()
    placed, problems = place("""\
        notes:
          - article: first
            quote: Sept. 27, 2021
            kind: sic
            text: Read 2020.
          - article: first
            quote: Victory Day
            kind: framing
            text: A framing note.
    """, article)
    assert problems == []
    sept, victory = placed["a_first.txt"]
    paragraph = article.blocks[0].text
    assert paragraph[:sept.marker].endswith("Sept. 27, 2021,")
    last = article.blocks[3].text
    assert last[:victory.marker].endswith('"Victory Day"')  # after the closing quote


def test_an_occurrence_number_picks_one_of_several() -> None:
    article = make_article()
    placed, problems = place("""\
        notes:
          - article: a_first.txt
            quote: Shusha
            occurrence: 2
            kind: context
            text: The second one.
    """, article)
    assert problems == []
    (note,) = placed["a_first.txt"]
    assert note.block_start == article.blocks[1].text.index("Shusha", 1)


def test_notes_are_in_reading_order() -> None:
    placed, problems = place("""\
        notes:
          - article: a_first.txt
            quote: Victory Day
            kind: framing
            text: Last.
          - article: a_first.txt
            quote: not not
            kind: sic
            text: Second.
          - article: a_first.txt
            quote: The war began on Sept. 27, 2021, says the text, and it was not not over.
            kind: context
            text: Third, the whole paragraph (a note may contain another).
          - article: a_first.txt
            quote: The war
            kind: framing
            text: First.
    """)
    assert problems == []
    assert [n.note.text.split()[0] for n in placed["a_first.txt"]] == \
        ["First.", "Second.", "Third,", "Last."]


@pytest.mark.parametrize(("note", "subtype", "line", "message"), [
    ("quote: not there\n    kind: context", "note-quote", 3, "'not there' is not in the text"),
    ("quote: Shusha\n    kind: context", "note-ambiguous", 3, "occurs 2 times"),
    ("quote: Shusha\n    occurrence: 3\n    kind: context", "note-quote", 3,
     "occurrence 3 of the quote 'Shusha' asked for, but it occurs 2 times"),
    ("quote: named again. A crosshead\n    kind: context", "note-quote", 3,
     "spans two paragraphs"),
    ("quote: A crosshead\n    kind: context", "note-quote", 3, "is in the crosshead p3"),
    ("quote: not not\n    kind: contxt", "note-kind", 4, "unknown kind 'contxt'"),
])
def test_bad_notes_are_problems_with_file_line_and_article(note: str, subtype: str, line: int,
                                                           message: str) -> None:
    placed, problems = place(f"""\
notes:
  - article: a_first.txt
    {note}
    text: A note.
  - article: a_first.txt
    quote: Victory Day
    kind: framing
    text: A good note, kept.
""")
    assert [(p.path, p.line, p.subtype) for p in problems] == [("notes.yaml", line, subtype)]
    assert message in problems[0].message
    if subtype != "note-kind":
        assert "a_first.txt" in problems[0].message
    assert [n.exact for n in placed["a_first.txt"]] == ["Victory Day"]


def test_an_unknown_article_is_named_with_its_line() -> None:
    placed, problems = place("""\
        notes:
          - quote: not not
            kind: sic
            text: A note.
            article: no_such.txt
    """)
    assert [(p.line, p.subtype) for p in problems] == [(5, "note-article")]
    assert "unknown article 'no_such.txt'" in problems[0].message
    assert placed["a_first.txt"] == []


def test_a_schema_error_names_the_line() -> None:
    notes, problems = load("""\
        notes:
          - article: a_first.txt
            quote: not not
            kind: sic
          - article: a_first.txt
            quote: Victory Day
            kind: framing
            text: Fine.
            colour: red
    """)
    assert [(p.line, p.subtype) for p in problems] == [(2, "notes"), (5, "notes")]
    assert "missing field" in problems[0].message and "colour" in problems[1].message
    # the note without text is left out; the one with a stray field is reported, and kept
    assert [note.quote for note in notes] == ["Victory Day"]


@pytest.mark.parametrize(("first", "second", "why"), [
    ("quote: not not\n    kind: sic", "quote: not not\n    kind: sic", "same kind on the same"),
    ("quote: it was not not\n    kind: sic", "quote: not not\n    kind: sic", "[sic] marks on"),
    ("quote: 2021, says\n    kind: sic", "quote: Sept. 27, 2021\n    kind: context",
     "would fall inside the words '2021, says' marked [sic]"),
])
def test_notes_that_cannot_both_be_rendered(first: str, second: str, why: str) -> None:
    placed, problems = place(f"""\
notes:
  - article: a_first.txt
    {first}
    text: First.
  - article: a_first.txt
    {second}
    text: Second.
""")
    assert [(p.line, p.subtype) for p in problems] == [(7, "note-overlap")]
    assert why in problems[0].message and "line 2" in problems[0].message
    assert [n.note.text for n in placed["a_first.txt"]] == ["First."]


def test_nested_and_same_place_notes_of_different_kinds_are_fine() -> None:
    placed, problems = place("""\
        notes:
          - article: a_first.txt
            quote: it was not not over
            kind: context
            text: Outer.
          - article: a_first.txt
            quote: not not
            kind: sic
            text: Inner.
          - article: a_first.txt
            quote: not not
            kind: context
            text: Same words, other kind.
    """)
    assert problems == []
    assert len(placed["a_first.txt"]) == 3


def record(**changes: object) -> AnnotationRecord:
    values: dict[str, object] = dict(docname="articles/first", anchor="p1", start=4, end=7,
                                     exact="war", prefix="The ", suffix=" began",
                                     body="A note.", purpose="describing", ident="note-1")
    values.update(changes)
    return AnnotationRecord(**values)  # type: ignore[arg-type]


def test_web_annotations_are_sorted_and_stable() -> None:
    records = [record(anchor="p10", ident="note-3"), record(anchor="p2", ident="note-2"),
               record(docname="articles/a", ident="note-1", links=("articles/first",))]

    def url(docname: str) -> str:
        return f"https://example.org/{docname}.html"

    first = collection(records, url, "https://example.org/annotations.jsonld", "Test", "en")
    again = collection(list(reversed(records)), url, "https://example.org/annotations.jsonld",
                       "Test", "en")
    assert json.dumps(first) == json.dumps(again)
    assert "generated" not in first and first["total"] == 3
    items = first["first"]["items"]
    assert [item["id"] for item in items] == [
        "https://example.org/articles/a.html#note-1",
        "https://example.org/articles/first.html#note-2",
        "https://example.org/articles/first.html#note-3"]  # p2 before p10
    quote, fragment = items[1]["target"]["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": "war", "prefix": "The ",
                     "suffix": " began"}
    assert fragment["value"] == "p2" and fragment["refinedBy"]["start"] == 4
    assert items[0]["body"][1] == {"type": "SpecificResource", "purpose": "linking",
                                   "source": "https://example.org/articles/first.html"}
    stamped = collection(records, url, "x", "Test", epoch=0)
    assert stamped["generated"] == "1970-01-01T00:00:00Z"
    with pytest.raises(ValueError, match="not a W3C motivation"):
        collection([record(purpose="footnoting")], url, "x", "Test")
