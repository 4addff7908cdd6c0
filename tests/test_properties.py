"""Property-based tests of ingestion: on any text, no crash, offsets exact, no line lost."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from annotated_edition.articles import _normalise, first_sentence, parse_seed
from annotated_edition.catalog import CatalogEntry
from annotated_edition.datafile import parse_yaml
from annotated_edition.textfile import decode_text

TITLE, BYLINE, DATELINE = "A Headline", "Jane Roe", "ANKARA"
# Lines that ingestion treats specially, mixed into arbitrary text.
SPECIAL_LINES = [TITLE, f"By {BYLINE}", DATELINE, "“A Headline”", "  a headline  ",
                 "• Clock-gray 10:15", "calendar-gray 2 March 2021", "Other news",
                 "date 2021-11-11 By Azernews", "Comments are closed.", "A crosshead",
                 "Gen. Musa said so. Then more.", "", "   ", "\t", "<script>x</script>",
                 "Sept. 27, 2020", "…", "\u2028", "\x0b", "\x85"]

lines = st.lists(st.one_of(st.sampled_from(SPECIAL_LINES), st.text(max_size=40)), max_size=25)
separators = st.sampled_from(["\n", "\r\n", "\r"])


def entry(byline: str | None = BYLINE, dateline: str | None = DATELINE) -> CatalogEntry:
    return CatalogEntry(file="x.txt", slug="x", title=TITLE, outlet="O", outlet_basis="b",
                        date=dt.date(2021, 1, 1), date_basis="stated", date_evidence="e",
                        byline=byline, dateline=dateline, line=1)


def check_article(text: str) -> None:
    article, problems = parse_seed(text, entry())
    full = article.text
    source_lines = text.split("\n")
    for block in article.blocks:
        assert block.text and block.text == block.text.strip()
        assert full[block.start:block.end] == block.text  # offsets point at the text
        assert source_lines[block.line - 1].strip() == block.text  # and at the line
    assert [b.anchor for b in article.blocks] == \
        [f"p{i}" for i in range(1, len(article.blocks) + 1)]
    kept = {b.line for b in article.blocks} | {f.line for f in article.furniture}
    first_block = article.blocks[0].line if article.blocks else len(source_lines) + 1
    header = {_normalise(TITLE), _normalise(f"By {BYLINE}"), _normalise(DATELINE)}
    skipped = [number for number, line in enumerate(source_lines, start=1)
               if line.strip() and number not in kept]
    # every non-blank line is a block, furniture, or one of the header lines above the text
    assert len(skipped) <= 3
    for number in skipped:
        assert number < first_block and _normalise(source_lines[number - 1]) in header
    assert bool(problems) == (not article.blocks)


@given(lines, separators)
@example(["A Headline", "By Jane Roe", "By Jane Roe", "ANKARA", "ANKARA"], "\n")  # was lost
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_lines_parse_with_exact_offsets_and_nothing_lost(parts: list[str],
                                                             separator: str) -> None:
    raw = separator.join(parts).encode("utf-8")
    text, _ = decode_text(raw, "x.txt")
    assert text is None or "\r" not in text
    if text is not None:
        check_article(text)


@given(st.text())
@settings(max_examples=300, deadline=None)  # timing is never asserted
def test_any_text_parses_with_exact_offsets(text: str) -> None:
    check_article(text)


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)  # timing is never asserted
def test_any_bytes_decode_or_give_a_located_problem(raw: bytes) -> None:
    text, problems = decode_text(raw, "x.txt")
    assert text is not None or problems
    for problem in problems:
        assert problem.path == "x.txt" and problem.line is not None and problem.line >= 1
    if text is not None:
        check_article(text)


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)  # timing is never asserted
def test_first_sentence_is_a_prefix(text: str) -> None:
    sentence = first_sentence(text)
    assert text.startswith(sentence) and (sentence or not text)


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)  # timing is never asserted
def test_any_yaml_text_loads_or_gives_a_located_problem(text: str) -> None:
    data, problems = parse_yaml(text, "data.yaml")
    assert data is not None or problems
    for problem in problems:
        assert problem.line is not None and 1 <= problem.line <= text.count("\n") + 2
