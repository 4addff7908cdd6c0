"""Reading the built HTML the way a reader sees it: text of elements, by id or class."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

APPARATUS = "apparatus"  # the class of everything the edition adds inside the source text


class _Collector(HTMLParser):
    """Collects the text of every element that carries a given class, in document order.

    With ``skip_apparatus``, the text of elements of class ``apparatus`` (pilcrows, note
    markers, popovers: what the edition adds) is left out, leaving the source text.
    """

    VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr", "source", "col", "area"})

    def __init__(self, css_class: str, skip_apparatus: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.skip_apparatus = skip_apparatus
        self.stack: list[tuple[str, bool, bool, bool]] = []
        self.found: list[tuple[str | None, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        hit = self.css_class in classes
        if hit:
            self.found.append((values.get("id"), []))
        apparatus = APPARATUS in classes
        if apparatus and not self.skip_apparatus and self._inside():
            self.found[-1][1].append(" ")  # an addition is never glued to a word of the text
        self.stack.append((tag, hit, self.skip_apparatus and apparatus, apparatus))

    def _inside(self) -> bool:
        return any(hit for _, hit, _, _ in self.stack)

    def handle_endtag(self, tag: str) -> None:
        apparatus = False
        while self.stack:
            open_tag, _, _, apparatus = self.stack.pop()
            if open_tag == tag:
                break
        if apparatus and not self.skip_apparatus and self._inside():
            self.found[-1][1].append(" ")  # nor to the word after it

    def handle_data(self, data: str) -> None:
        inside = self._inside()
        skipped = any(skip for _, _, skip, _ in self.stack)
        if inside and not skipped:
            self.found[-1][1].append(data)


def texts_by_class(page: str, css_class: str,
                   skip_apparatus: bool = False) -> list[tuple[str | None, str]]:
    """(id, text) of every element with ``css_class``, text as a reader sees it."""
    collector = _Collector(css_class, skip_apparatus)
    collector.feed(page)
    return [(ident, "".join(parts)) for ident, parts in collector.found]


def words(text: str) -> list[str]:
    return html.unescape(text).split()


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    """Every word of ``needle`` appears in ``haystack``, in the same order."""
    iterator = iter(haystack)
    return all(any(word == other for other in iterator) for word in needle)


def strip_tags(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))
