"""The ``annotated-edition`` command: checks an edition's inputs without building it.

    annotated-edition check [--docs DIR]

prints every problem as ``file:line: message`` (sorted) and exits 1 when there is one;
otherwise it prints a one-line summary and exits 0. ``python -m annotated_edition`` is the same.

    annotated-edition review stamp ARTICLE... --by NAME [--paragraphs p1,p2] [--checks a,b]
                                  [--on DATE]

records paragraphs as reviewed in the review file (``edition_review``), with the
fingerprints of their text (see :mod:`annotated_edition.review_stamp`).

    annotated-edition passages [--docs DIR]

prints, as entries for ``notes.yaml``, a candidate note for each variant of a shared
passage that changes a date, a number or a name and that the editor has not acknowledged
(the build reports the same variants as warnings ``annotated_edition.passage-variant``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from annotated_edition.checks import candidate_notes_yaml, run_checks
from annotated_edition.problems import Problem
from annotated_edition.review_cli import add_review_commands, review_command


def _shown_path(path: str) -> str:
    """A path relative to the current folder when it is inside it: shorter to read."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def format_problem(problem: Problem) -> str:
    """``file:line: message``; a problem with no line (a missing file) is put on line 1."""
    return f"{_shown_path(problem.path)}:{problem.line or 1}: {problem.message}"


def check(docs: Path) -> int:
    problems, names = run_checks(docs)
    for problem in problems:
        print(format_problem(problem))
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found "
              f"({', '.join(names)})", file=sys.stderr)
        return 1
    print(f"checked {', '.join(names)} of {_shown_path(str(docs))}: no problem found")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="annotated-edition", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser(
        "check", help="validate the seeds, the catalog and the data files without building")
    check_parser.add_argument("--docs", type=Path, default=Path("docs"),
                              help="the Sphinx project folder, holding conf.py (default: docs)")
    add_review_commands(commands)
    passages_parser = commands.add_parser(
        "passages", help="candidate notes from the variants of the shared passages")
    passages_parser.add_argument("--docs", type=Path, default=Path("docs"),
                                 help="the Sphinx project folder (default: docs)")
    arguments = parser.parse_args(argv)
    if arguments.command == "check":
        return check(arguments.docs)
    if arguments.command == "review":
        return review_command(arguments)
    if arguments.command == "passages":
        print(candidate_notes_yaml(arguments.docs), end="")
        return 0
    return 2  # pragma: no cover  (argparse refuses unknown commands)


if __name__ == "__main__":
    sys.exit(main())
