"""JSON for the exports: indented at the top, one record per line below.

``json.dumps`` with ``indent`` runs the pure-Python encoder: for the exports of a
1,000-article edition (90 MB of annotations) that is seconds of a build. Indenting only
the first levels and handing each record to the C encoder keeps the files easy to read
and to diff (a changed record is a changed line) at a fraction of the cost.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def dumps(value: Any, depth: int, indent: int = 2, sort_keys: bool = False) -> str:
    """``value`` as JSON, its containers indented down to ``depth``, compact below it."""
    return _dumps(value, depth, indent, sort_keys, 0)


def iter_dumps(value: Any, depth: int, indent: int = 2,
               sort_keys: bool = False) -> Iterator[str]:
    """The text of ``dumps`` in pieces, to be written as they come (performance: a large
    export is never one string in memory, nor a list of its records' strings)."""
    if depth <= 0 or not isinstance(value, dict | list) or not value:
        yield _dumps(value, depth, indent, sort_keys, 0)
        return
    yield from _iter_dumps(value, depth, indent, sort_keys, 0)


def _iter_dumps(value: Any, depth: int, indent: int, sort_keys: bool,
                level: int) -> Iterator[str]:
    if level + 1 >= depth:  # the members are compact: one piece each, as _dumps makes them
        yield _dumps(value, depth, indent, sort_keys, level)
        return
    inner = "\n" + " " * (indent * (level + 1))
    outer = "\n" + " " * (indent * level)
    if isinstance(value, list):
        yield "["
        for number, item in enumerate(value):
            yield inner if number == 0 else "," + inner
            if isinstance(item, dict | list) and item:
                yield from _iter_dumps(item, depth, indent, sort_keys, level + 1)
            else:
                yield _dumps(item, depth, indent, sort_keys, level + 1)
        yield outer + "]"
        return
    keys = sorted(value) if sort_keys else list(value)
    yield "{"
    for number, key in enumerate(keys):
        yield (inner if number == 0 else "," + inner) + _ENCODERS[False].encode(key) + ": "
        member = value[key]
        if isinstance(member, dict | list) and member:
            yield from _iter_dumps(member, depth, indent, sort_keys, level + 1)
        else:
            yield _dumps(member, depth, indent, sort_keys, level + 1)
    yield outer + "}"


# one encoder per key order: json.dumps would make a new one for every record
_ENCODERS = {sort_keys: json.JSONEncoder(ensure_ascii=False, sort_keys=sort_keys)
             for sort_keys in (False, True)}


def _dumps(value: Any, depth: int, indent: int, sort_keys: bool, level: int) -> str:
    if level >= depth or not isinstance(value, dict | list) or not value:
        return _ENCODERS[sort_keys].encode(value)
    inner = "\n" + " " * (indent * (level + 1))
    outer = "\n" + " " * (indent * level)
    if isinstance(value, list):
        parts = [_dumps(item, depth, indent, sort_keys, level + 1) for item in value]
        return "[" + inner + ("," + inner).join(parts) + outer + "]"
    keys = sorted(value) if sort_keys else list(value)
    parts = [_ENCODERS[False].encode(key) + ": "
             + _dumps(value[key], depth, indent, sort_keys, level + 1) for key in keys]
    return "{" + inner + ("," + inner).join(parts) + outer + "}"
