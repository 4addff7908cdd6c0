"""``annotated-edition review stamp``: record paragraphs as reviewed, fingerprints computed."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from annotated_edition.articles import by_file_or_slug
from annotated_edition.checks import _articles, read_conf, setting_path
from annotated_edition.problems import Problem
from annotated_edition.review import CHECKS, today
from annotated_edition.review_stamp import stamp


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def add_review_commands(commands: Any) -> None:
    """The ``review`` command and its ``stamp`` subcommand."""
    review = commands.add_parser("review", help="the review record (docs/review.yaml)")
    actions = review.add_subparsers(dest="action", required=True)
    stamp_parser = actions.add_parser(
        "stamp", help="record paragraphs as reviewed, with the fingerprints of their text",
        description="Write or update the records of ARTICLE's paragraphs in the review file "
                    "named by edition_review in conf.py.")
    stamp_parser.add_argument("articles", nargs="+", metavar="ARTICLE",
                              help="a seed file or a slug of the catalog")
    stamp_parser.add_argument("--paragraphs", type=_list, default=None,
                              help="the anchors, comma-separated (default: every paragraph)")
    stamp_parser.add_argument("--by", required=True, help="who reviewed (a name or a role)")
    stamp_parser.add_argument("--checks", type=_list, default=list(CHECKS),
                              help=f"comma-separated (default: all: {','.join(CHECKS)})")
    stamp_parser.add_argument("--on", type=_date, default=None,
                              help="the date of the review, YYYY-MM-DD (default: today)")
    stamp_parser.add_argument("--docs", type=Path, default=Path("docs"),
                              help="the Sphinx project folder, holding conf.py (default: docs)")


def _print(problems: list[Problem]) -> None:
    from annotated_edition.cli import format_problem  # the cli imports this module

    for problem in problems:
        print(format_problem(problem), file=sys.stderr)


def review_command(arguments: argparse.Namespace) -> int:
    conf, problems = read_conf(arguments.docs)
    if not conf.get("edition_review"):
        problems.append(Problem(str(arguments.docs / "conf.py"), None,
                                "edition_review is not set: no review file to write"))
    if problems:
        _print(problems)
        return 1
    path = setting_path(arguments.docs, conf, "edition_review", "")
    articles = _articles(arguments.docs, conf)
    by_key = by_file_or_slug(articles)
    unknown = [name for name in arguments.articles if name not in by_key]
    if unknown:
        _print([Problem(str(path), None, f"unknown article {name!r}; name a seed file or a "
                        "slug of the catalog") for name in unknown])
        return 1
    on = arguments.on or today()
    for name in arguments.articles:
        done, problems = stamp(path, by_key[name], arguments.paragraphs, arguments.by,
                               arguments.checks, on, articles)
        if problems:
            _print(problems)
            return 1
        print(f"{by_key[name].slug}: {len(done)} paragraph{'s' if len(done) != 1 else ''} "
              f"recorded as reviewed on {on:%Y-%m-%d} by {arguments.by}")
    return 0
