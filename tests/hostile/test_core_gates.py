"""The untrusted-input gate of the core, case by case: decoding, YAML shapes, matching."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import annotated_edition.datafile
from annotated_edition.datafile import parse_yaml
from annotated_edition.matching import IGNORED, Matcher, Term
from annotated_edition.problems import MAX_MESSAGE, Problem
from annotated_edition.textfile import MAX_REPORTED_LINES, decode_text

BAD_LINE = ("not valid UTF-8 (byte 0x{byte:02x} at column {column}): shown as \ufffd "
            "(U+FFFD); retype the letters of this line and save the file as UTF-8")


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_every_line_with_a_stray_byte_is_reported_and_the_rest_keeps_its_letters(
        end: str) -> None:
    raw = end.join(["Erdoğan’s visit.", "Caf\udce9.", "Fine ’ line.", "na\udcefve \udce9"])
    text, problems = decode_text(raw.encode("utf-8", "surrogateescape"), "x.txt")
    assert text == "Erdoğan’s visit.\nCaf\ufffd.\nFine ’ line.\nna\ufffdve \ufffd"
    assert [str(p) for p in problems] == [
        "x.txt:2: " + BAD_LINE.format(byte=0xE9, column=4),
        "x.txt:4: " + BAD_LINE.format(byte=0xEF, column=3)]


def test_a_file_in_another_encoding_is_reported_line_by_line_then_counted() -> None:
    lines = [f"Line {n}: Çavuşoğlu" for n in range(MAX_REPORTED_LINES + 20)]
    text, problems = decode_text("\n".join(lines).encode("cp1254"), "x.txt")
    assert text is not None and text.count("\ufffd") == 3 * len(lines)
    assert [p.line for p in problems] == [*range(1, MAX_REPORTED_LINES + 1), None]
    assert str(problems[-1]) == "x.txt: 20 more lines are not valid UTF-8: is the file saved " \
                                "as UTF-8?"


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both of PyYAML's parsers: libyaml's when it is there, and the Python one."""
    if request.param == "python":
        monkeypatch.setattr(annotated_edition.datafile, "_FastLoader", None)
    elif annotated_edition.datafile._FastLoader is None:
        pytest.skip("PyYAML without libyaml")
    return str(request.param)


@pytest.mark.parametrize(("text", "expected"), [
    ("a: 1\nb: &x [1]\nc: 2\n", "t.yaml:2: an anchor (&x) is not allowed: anchors and aliases "
                                "(&name, *name) could expand without limit; write each value "
                                "out"),
    ("a: 1\nb:\n  - 1\n  - *x\n", None),  # an alias without its anchor: a syntax error
    ("a: 1\nb: [" + "[" * 70 + "]" * 71 + "\n",
     "t.yaml:2: not usable YAML: values nested more than 64 deep"),
    ("a:\n" + "".join("  " * depth + "- \n" for depth in range(1, 80)),
     "t.yaml:65: not usable YAML: values nested more than 64 deep"),
])
def test_yaml_shapes_are_refused_with_their_line(parser: str, text: str,
                                                 expected: str | None) -> None:
    data, problems = parse_yaml(text, "t.yaml")
    assert data is None
    if expected is not None:
        assert [str(p) for p in problems] == [expected]
    else:
        assert [p.line for p in problems] == [4]


TERMS = [Term("erdogan", "Erdoğan"), Term("aliyev", "İlham Əliyev"), Term("shusha", "Shusha"),
         Term("occupation", "occupation", "any")]
WORDS = ["Erdoğan", "Erdogan’s", "İlham Əliyev", "Shusha", "occupation", "the", "visit,",
         "Shushas", "Erdoğanism"]
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\u0306"]


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
       st.lists(st.tuples(st.integers(0, 200), st.sampled_from(INVISIBLE[:-1])), max_size=6))
@settings(max_examples=300, deadline=None)  # timing is never asserted
def test_invisible_characters_inside_words_change_no_match(words: list[str],
                                                           inserts: list[tuple[int, str]]) -> None:
    """The same entries are found with soft hyphens or zero-width characters inside words,
    and each match covers the same words as printed, invisible characters included."""
    text = " ".join(words)
    matcher = Matcher(TERMS)
    plain = matcher.find(text)
    marked = text
    for position, char in sorted(inserts, reverse=True):
        at = position % len(marked)
        if at and marked[at - 1].isalpha() and marked[at].isalpha():
            marked = marked[:at] + char + marked[at:]
    found = matcher.find(marked)
    assert [m.entry_id for m in found] == [m.entry_id for m in plain]
    assert [IGNORED.sub("", m.matched) for m in found] == [m.matched for m in plain]
    assert all(marked[m.start:m.end] == m.matched for m in found)


def test_decomposed_letters_match_and_keep_their_marks() -> None:
    text = "Erdog\u0306an and I\u0307lham Ə\u0301liyev met in Shusha\u0306."
    found = Matcher(TERMS).find(text)
    assert [(m.entry_id, m.matched) for m in found] == [
        ("erdogan", "Erdog\u0306an"), ("aliyev", "I\u0307lham Ə\u0301liyev"),
        ("shusha", "Shusha\u0306")]


def test_no_problem_message_is_longer_than_the_cap() -> None:
    """Whatever a check quotes from an input, the message stays readable."""
    assert Problem("x", 1, "y" * 5000).message == "y" * MAX_MESSAGE + "… (cut short)"
