"""Reading note markers, [sic] marks and footnotes out of a built page."""

from __future__ import annotations

import html
import re

_REF = re.compile(r'<a class="footnote-reference[^"]*\bedition-note-ref\b[^"]*"[^>]*>(.*?)</a>',
                  re.S)
_SIC = re.compile(r'<span class="apparatus sic[^"]*">(.*?)</span>', re.S)
_PILCROW = re.compile(r'<a class="paragraph-permalink[^"]*"[^>]*>.*?</a>', re.S)
_MARGIN = re.compile(r'<small [^>]*\bmargin-note\b[^>]*>.*?</small>', re.S)
_TAG = re.compile(r"<[^>]+>")


def paragraph_html(page: str, anchor: str) -> str:
    match = re.search(rf'<p class="article-paragraph" id="{anchor}"[^>]*>(.*?)</p>', page, re.S)
    assert match, anchor
    return match.group(1)


def marked_text(page: str, anchor: str) -> str:
    """The paragraph as a reader sees it, markers as ⟦N⟧ and [sic] marks as ⟦sic⟧
    (the margin notes, copies of the footnotes, left out)."""
    body = _MARGIN.sub("", _PILCROW.sub("", paragraph_html(page, anchor)))
    body = _SIC.sub(lambda m: "⟦sic⟧" if "sic" in _TAG.sub("", m.group(1)) else "?", body)
    body = _REF.sub(lambda m: "⟦" + _TAG.sub("", m.group(1)).strip("[]") + "⟧", body)
    return html.unescape(_TAG.sub("", body))


def before_marker(page: str, anchor: str, number: int) -> str:
    """The source text before marker ``number``, additions taken out."""
    text = marked_text(page, anchor)
    head = text[:text.index(f"⟦{number}⟧")]
    return re.sub(r"⟦[^⟧]*⟧", "", head)


def footnote_text(page: str, ident: str) -> str:
    match = re.search(rf'<aside class="footnote[^"]*" id="{ident}"[^>]*>(.*?)</aside>', page,
                      re.S)
    assert match, ident
    return " ".join(html.unescape(_TAG.sub(" ", match.group(1))).split())


def plain_words(markup: str) -> str:
    """The longest stretch of a note's text without markup: it must appear as written."""
    runs = re.split(r"\{[a-z]+\}`[^`]*`|[*`{}]", markup)
    return max((" ".join(run.split()) for run in runs), key=len)


def straight(text: str) -> str:
    """Quotes made straight: the edition prints the editor's straight quotes curly."""
    return text.translate(str.maketrans("“”‘’", "\"\"''"))


def build_warnings(output: str) -> list[str]:
    """The warnings of a build, without Sphinx's notices that a test session's second app
    registers node classes again (the session's edition app is still alive)."""
    return [line for line in output.splitlines()
            if line.strip() and "is already registered" not in line]
