"""The data files parsed by libyaml when PyYAML has it, and by the Python parser otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotated_edition import datafile
from annotated_edition.datafile import load_yaml, parse_yaml

from conftest import DOCS, SEEDS

DATA_FILES = [DOCS / "glossary.yaml", DOCS / "notes.yaml", DOCS / "chronology.yaml",
              SEEDS / "catalog.yaml"]

needs_libyaml = pytest.mark.skipif(datafile._FastLoader is None,
                                   reason="PyYAML without libyaml: one parser only")


@needs_libyaml
@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_both_parsers_give_the_same_values_and_lines(path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    fast, fast_problems = load_yaml(path)
    monkeypatch.setattr(datafile, "_FastLoader", None)
    slow, slow_problems = load_yaml(path)
    assert fast is not None and slow is not None
    assert fast.data == slow.data and fast.lines == slow.lines
    assert fast_problems == slow_problems
    assert fast.data and len(fast.lines) > 10


@needs_libyaml
@pytest.mark.parametrize(("text", "message"), [
    ("entries:\n  - id: a\n    term: [unclosed\n", "not valid YAML"),
    ("entries:\n  - id: a\x07\n", "character #x0007 is not allowed"),
    ("a: 1\na: 2\n", "duplicate key 'a'"),
])
def test_what_libyaml_refuses_is_reported_as_the_python_parser_says(
        text: str, message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _, problems = parse_yaml(text, "x.yaml")
    monkeypatch.setattr(datafile, "_FastLoader", None)
    _, python_problems = parse_yaml(text, "x.yaml")
    assert problems == python_problems
    assert len(problems) == 1 and message in problems[0].message
