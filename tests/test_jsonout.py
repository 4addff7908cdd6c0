"""The exports' JSON layout: the same data as ``json.dumps``, a record a line below a depth."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from annotated_edition import jsonout

DATA = {"b": [{"x": 1, "y": ["ş", 2]}, {"x": 3, "y": []}], "a": {}, "c": "Çavuşoğlu"}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


def test_containers_are_indented_down_to_the_depth_and_compact_below() -> None:
    assert jsonout.dumps(DATA, depth=2, sort_keys=True) == "\n".join([
        "{",
        '  "a": {},',
        '  "b": [',
        '    {"x": 1, "y": ["ş", 2]},',
        '    {"x": 3, "y": []}',
        "  ],",
        '  "c": "Çavuşoğlu"',
        "}"])


def test_keys_keep_their_order_unless_sorted() -> None:
    assert list(json.loads(jsonout.dumps(DATA, depth=1))) == ["b", "a", "c"]
    assert jsonout.dumps(DATA, depth=0, sort_keys=True) == json.dumps(
        DATA, ensure_ascii=False, sort_keys=True)


@given(json_values, st.integers(min_value=0, max_value=4))
def test_any_value_reads_back_as_itself(value: object, depth: int) -> None:
    text = jsonout.dumps(value, depth=depth, sort_keys=True)
    assert json.loads(text) == value
    assert "\n" not in jsonout.dumps(value, depth=0)
