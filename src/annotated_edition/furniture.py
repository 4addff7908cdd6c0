"""Page furniture: lines a web page put around the article that are not its text.

Each rule matches a whole line, so a sentence of the article can never be taken for one.
"""

from __future__ import annotations

import re

FURNITURE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("clock", re.compile(r"^(?:[•·*-]\s*)?clock(?:-[a-z]+)?\s+\d{1,2}:\d{2}$", re.I)),
    ("calendar", re.compile(r"^(?:[•·*-]\s*)?calendar(?:-[a-z]+)?\s+\d{1,2}\s+[A-Za-z]+\s+\d{4}$",
                            re.I)),
    ("date stamp", re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\s+By\s+\S.*$")),
    ("site link", re.compile(r"^(?:Other news|Related news|Read more|Comments are closed\.?)$",
                             re.I)),
)


def furniture_kind(line: str) -> str | None:
    """The kind of furniture ``line`` is (without its surrounding spaces), or None."""
    for kind, pattern in FURNITURE_RULES:
        if pattern.match(line):
            return kind
    return None
