"""Turning the bytes of a source file into text, without silently changing the text."""

from __future__ import annotations

import re
import unicodedata

from annotated_edition.problems import Problem

_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}


def _line_and_column(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def _cut_short(raw: bytes, error: UnicodeDecodeError) -> str | None:
    """The text of a UTF-8 file whose only fault is a last letter cut in half, else None."""
    if error.end != len(raw) or len(raw) - error.start > 3:
        return None
    try:
        return raw[: error.start].decode("utf-8")
    except UnicodeDecodeError:
        return None


MAX_REPORTED_LINES = 100  # then one summary: a file saved in another encoding entirely
REPLACEMENT = "\ufffd"  # what a reader sees for a byte that is not UTF-8: visibly wrong


def _bad_lines(raw: bytes, path: str) -> list[Problem]:
    """One problem per line holding bytes that are not UTF-8, with the first bad byte."""
    problems: list[Problem] = []
    bad = 0
    for number, line in enumerate(re.split(rb"\r\n|\r|\n", raw), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            bad += 1
            if bad <= MAX_REPORTED_LINES:
                problems.append(Problem(
                    path, number,
                    f"not valid UTF-8 (byte 0x{line[error.start]:02x} at column "
                    f"{error.start + 1}): shown as {REPLACEMENT} (U+FFFD); retype the letters "
                    "of this line and save the file as UTF-8", "encoding"))
    if bad > MAX_REPORTED_LINES:
        problems.append(Problem(path, None, f"{bad - MAX_REPORTED_LINES} more lines are not "
                                            "valid UTF-8: is the file saved as UTF-8?",
                                "encoding"))
    return problems


def decode_text(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a file: UTF-8 (with or without BOM), CRLF or CR line ends.

    A byte that is not UTF-8 is shown as U+FFFD and every line holding one is reported:
    the rest of the file keeps its letters (guessing another encoding for the whole file
    would change every letter elsewhere). Binary data is refused with a clear message.
    """
    problems: list[Problem] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # text, but not in the edition's encoding
        return None, [Problem(path, 1, "saved as UTF-16: it was not read; save the file as "
                                       "UTF-8", "encoding")]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, _ = _line_and_column(raw, nul)
        return None, [Problem(path, line, "not a text file (NUL byte found): it was not read",
                              "encoding")]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(raw, error.start)
        truncated = _cut_short(raw, error)
        if truncated is not None:
            text = truncated
            problems.append(Problem(
                path, line,
                f"the file ends in the middle of a letter (byte 0x{raw[error.start]:02x} at "
                f"column {column}): it was cut short; the incomplete letter is left out",
                "encoding"))
        else:
            text = raw.decode("utf-8", errors="replace")
            problems.extend(_bad_lines(raw, path))
    controls = sum(1 for ch in text if ch in _CONTROL)
    if controls and controls > len(text) // 100:
        first = next(index for index, ch in enumerate(text) if ch in _CONTROL)
        line = text[:first].replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        return None, [Problem(path, line, "not a text file (control characters): it was not read",
                              "encoding")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems + bidi_problems(text, path)


# Characters that reorder how text is shown ("Trojan Source"): a reader would see words in
# another order than the one the file holds. The texts are Latin script: none belongs.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def bidi_problems(text: str, path: str) -> list[Problem]:
    """One problem per line holding a bidirectional control character; the text is kept."""
    if text.isascii():
        return []
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = BIDI_CONTROLS.search(line)
        if found is not None:
            char = found[0]
            problems.append(Problem(
                path, number,
                f"a bidirectional control character U+{ord(char):04X} "
                f"({unicodedata.name(char, 'unnamed')}) at column {found.start() + 1}: it can "
                "show the text in another order than it is read; remove it", "unicode"))
    return problems
