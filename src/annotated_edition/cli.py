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

    annotated-edition new DIR

writes a working edition skeleton into DIR, a new or empty folder (see
:mod:`annotated_edition.skeleton`); it refuses a folder that holds anything.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from annotated_edition.checks import candidate_notes_yaml, run_checks
from annotated_edition.problems import Problem
from annotated_edition.review_cli import add_review_commands, review_command
from annotated_edition.skeleton import SkeletonError, write_skeleton


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


def new(target: Path) -> int:
    try:
        written = write_skeleton(target)
    except SkeletonError as error:
        print(f"annotated-edition new: {error}", file=sys.stderr)
        return 1
    shown = shlex.quote(_shown_path(str(target)))
    print(f"wrote {len(written)} files into {shown}; build the edition with\n"
          f"  cd {shown} && sphinx-build -W --keep-going -n docs _build/html")
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
    new_parser = commands.add_parser(
        "new", help="write a working edition skeleton into a new or empty folder")
    new_parser.add_argument("folder", type=Path, metavar="DIR",
                            help="the folder to make (it must not exist or be empty)")
    arguments = parser.parse_args(argv)
    if arguments.command == "check":
        return check(arguments.docs)
    if arguments.command == "review":
        return review_command(arguments)
    if arguments.command == "passages":
        print(candidate_notes_yaml(arguments.docs), end="")
        return 0
    if arguments.command == "new":
        return new(arguments.folder)
    return 2  # pragma: no cover  (argparse refuses unknown commands)


if __name__ == "__main__":
    sys.exit(main())
