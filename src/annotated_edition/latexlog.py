"""Reading a LaTeX log for what a PDF build must not hide: glyphs no font could print.

XeLaTeX writes ``Missing character: There is no ə (U+0259) in font ...!`` to its log and
goes on; the PDF simply lacks the letter, and Read the Docs reports the build a success.
This module finds those lines (and overfull lines, which run into the margin) so that the
build command and the tests can fail on them. Run it as

    python -m annotated_edition.latexlog _build/latex     (exit status 1 on a missing character)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from annotated_edition.problems import Problem

# With \tracinglostchars=3 the line is an error ("! Missing ..."); TeX wraps log lines at
# 79 characters, so the font's name may run on to the next line.
MISSING = re.compile(r"^(?:! )?Missing character: There is no "
                     r"(?P<char>\S+(?: \(U\+[0-9A-F]+\))?)(?: in font (?P<font>[^!]*))?")
OVERFULL = re.compile(r"^Overfull \\hbox \((?P<points>[\d.]+)pt too wide\)(?P<where>.*)$")


def _lines(log: Path) -> list[str]:
    # TeX writes the log in the engine's own way; a byte it cannot map must not stop us.
    return log.read_text(encoding="utf-8", errors="replace").splitlines()


def missing_characters(log: Path) -> list[Problem]:
    """Every ``Missing character`` line of a LaTeX log, with its line in the log."""
    return [Problem(str(log), number, f"missing glyph: no {found['char']} in font "
                    f"{found['font'] or '?'}", "latex")
            for number, line in enumerate(_lines(log), start=1)
            if (found := MISSING.match(line))]


def overfull_lines(log: Path, tolerance: float = 0.0) -> list[Problem]:
    """Every ``Overfull \\hbox`` wider than ``tolerance`` points: a line into the margin."""
    return [Problem(str(log), number, f"overfull line, {found['points']}pt too wide"
                    f"{found['where']}", "latex")
            for number, line in enumerate(_lines(log), start=1)
            if (found := OVERFULL.match(line)) and float(found["points"]) > tolerance]


def logs_of(folder: Path) -> list[Path]:
    """The LaTeX logs of a build folder (one per document), not latexmk's or xindy's own."""
    return sorted(log for log in folder.glob("*.log") if (log.with_suffix(".tex")).exists())


def check_folder(folder: Path) -> list[Problem]:
    """Missing glyphs in any log of a LaTeX build folder; a folder without a log is one."""
    logs = logs_of(folder)
    if not logs:
        return [Problem(str(folder), None, "no LaTeX log found: was the PDF built here?",
                        "latex")]
    return [problem for log in logs for problem in missing_characters(log)]


def main(argv: list[str]) -> int:
    """Print the problems of the folders given (default ``_build/latex``); 1 if any."""
    folders = [Path(arg) for arg in argv] or [Path("_build/latex")]
    problems = [problem for folder in folders for problem in check_folder(folder)]
    for problem in problems:
        print(problem, file=sys.stderr)
    for folder in folders:
        for log in logs_of(folder):
            overfull = overfull_lines(log)
            if overfull:  # a layout matter, not a lost letter: reported, tested elsewhere
                print(f"{log}: {len(overfull)} overfull line(s)", file=sys.stderr)
    if problems:
        print(f"{len(problems)} missing character(s): the PDF lacks letters of the text",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
