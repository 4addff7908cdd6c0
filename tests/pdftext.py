"""Reading a built PDF the way a reader sees it: its text, word by word, via pdftotext.

What the layout does to words is undone here, and only this:

- Unicode compatibility forms are folded (NFKC) on both sides, so a ligature glyph
  ("ﬁ") reads as its letters and "…" as "...";
- a word broken at the end of a line ("Azerbai-" / "jan") is joined, and may be read
  with or without its hyphen (a compound broken at its own hyphen keeps it); pdftotext
  itself joins some such lines and drops the hyphen ("Russian-brokered" can come out as
  "Russianbrokered"), so a word of the source also matches without one of its hyphens;
- a footnote number glued to a word ("Karabakh1") may be read without its digits;
- what the edition adds inside the text is taken out: a glossary term's mark
  ("Turkey°.") and a sic mark ("conducted [sic]"), like the class ``apparatus`` in HTML.

A token of the PDF is the set of readings it allows; the source's words must be found,
in order, among them. Pages never end on a hyphenated line (``\\brokenpenalty``), so a
joined word never has a page head between its halves.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zlib
from pathlib import Path

LETTER_HYPHEN = re.compile(r"\w-$")
# a sic mark, and the raised circle after a glossary term (annotator-glossary.sty), which
# pdftotext sets apart as a word of its own, with the punctuation that follows it
APPARATUS = re.compile(r"""[ \t\n]*\[sic\]|[ \t]*°(?:[ \t]*(?=[.,;:!?’”"')\]]))?""")


def pdf_text(pdf: Path) -> str:
    """The text of a PDF in reading order (pdftotext from poppler-utils)."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is missing: it comes with Debian's poppler-utils"
    return subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def without_apparatus(text: str) -> str:
    """The PDF's text without the page references and sic marks the edition adds."""
    return APPARATUS.sub("", normalise(text))


def words(text: str) -> list[str]:
    return normalise(text).split()


def pdf_tokens(text: str) -> list[frozenset[str]]:
    """The PDF's words, each as the set of readings it allows (see the module's note)."""
    tokens: list[frozenset[str]] = []
    pending = ""  # the first half of a word broken at the end of the previous line
    for line in without_apparatus(text).splitlines():
        parts = line.split()
        if not parts:
            continue
        if pending:
            first = parts.pop(0)
            readings = {pending[:-1] + first, pending + first}
            tokens.append(frozenset(readings | {r.rstrip("0123456789") for r in readings}))
            pending = ""
        if parts and LETTER_HYPHEN.search(parts[-1]):
            pending = parts.pop()
        tokens += [frozenset({part, part.rstrip("0123456789") or part}) for part in parts]
    if pending:
        tokens.append(frozenset({pending}))
    return tokens


def variants(word: str) -> set[str]:
    """The word, and the word without one of its hyphens (pdftotext's own dehyphenation)."""
    return {word} | {word[:i] + word[i + 1:] for i, ch in enumerate(word) if ch == "-"}


def _found(word: str, readings: frozenset[str]) -> bool:
    return not variants(word).isdisjoint(readings)


def in_order(needle: list[str], haystack: list[frozenset[str]]) -> bool:
    """Every word of ``needle`` is a reading of a token of ``haystack``, in the same order."""
    iterator = iter(haystack)
    return all(any(_found(word, readings) for readings in iterator) for word in needle)


def first_missing(needle: list[str], haystack: list[frozenset[str]]) -> tuple[int, str] | None:
    """Where ``in_order`` fails: the index and word of the first source word not found."""
    iterator = iter(haystack)
    for index, word in enumerate(needle):
        if not any(_found(word, readings) for readings in iterator):
            return index, word
    return None


def link_destinations(pdf: Path) -> list[str]:
    """The named destination of every internal link (``/GoTo``) in the PDF.

    XeTeX compresses the PDF's objects, so every stream is inflated and read as text.
    """
    data = pdf.read_bytes()
    chunks = [data]
    for start in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", start.end())
        try:
            chunks.append(zlib.decompress(data[start.end():end]))
        except zlib.error:
            continue  # not a deflated stream (an image, a font)
    text = b"\n".join(chunks).decode("latin-1")
    return re.findall(r"/Subtype\s*/Link.*?/S\s*/GoTo\s*/D\s*\((.*?)\)", text)


def destination_pages(pdf: Path) -> dict[str, int]:
    """Each named destination and its page (1-based), from ``pdfinfo -dests``."""
    listing = subprocess.run(["pdfinfo", "-dests", str(pdf)], check=True,
                             capture_output=True, text=True).stdout
    return {found[2]: int(found[1]) for found in
            re.finditer(r'^\s*(\d+)\s+\[.*\]\s+"(.*)"$', listing, re.M)}
