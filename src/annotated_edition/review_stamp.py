"""Writing the review record: ``annotated-edition review stamp`` records paragraphs as reviewed.

The editor names the article, the paragraphs, the checks and who reviewed; the fingerprint
of each paragraph's text is computed here, never typed. The file is rewritten with its
header comment kept and the records in a fixed order (by article as the catalog lists them,
then by paragraph number), one field a line, so that a stamp makes a small diff.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import yaml

from annotated_edition.articles import Article
from annotated_edition.problems import Problem
from annotated_edition.review import CHECKS, ReviewRecord, fingerprint, load_records

DEFAULT_HEADER = """\
# The review record of the edition: which paragraph of which article was reviewed, for
# which questions, by whom and when. The build warns (annotated_edition.unreviewed) about every
# paragraph with no record here, and about a record whose paragraph has changed since.
#
# Each record:
#   article      the seed file or the slug of the article (as in notes.yaml)
#   paragraph    the paragraph's anchor: p1, p2, ... (its number on the page)
#   fingerprint  of the paragraph's text when it was reviewed (written by
#                `annotated-edition review stamp`; never typed by hand)
#   checks       the questions asked of every sentence:
#                contested-claims, facts, language, referents, headline-and-quotes,
#                attribution
#   by           who reviewed it (a name or a role)
#   on           when (YYYY-MM-DD)
"""


def _paragraph_number(anchor: str) -> int:
    return int(anchor[1:]) if anchor[1:].isdigit() else 0


def _header(path: Path) -> str:
    """The leading comment block of an existing file, or the default one."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return DEFAULT_HEADER
    header = []
    for line in lines:
        if line.startswith("#") or not line.strip():
            header.append(line)
        else:
            break
    text = "\n".join(header).strip("\n")
    return text + "\n" if text else DEFAULT_HEADER


def _scalar(value: str) -> str:
    """A string as YAML: plain when it reads back as the same string, else quoted."""
    try:
        plain = yaml.safe_load(f"value: {value}") == {"value": value}
    except yaml.YAMLError:
        plain = False
    return value if plain and "#" not in value else json.dumps(value, ensure_ascii=False)


def _entry(record: ReviewRecord) -> str:
    checks = ", ".join(record.checks)
    return (f"  - article: {_scalar(record.article)}\n"
            f"    paragraph: {record.paragraph}\n"
            f"    fingerprint: {_scalar(record.fingerprint)}\n"
            f"    checks: [{checks}]\n"
            f"    by: {_scalar(record.by)}\n"
            f"    on: {record.on:%Y-%m-%d}\n")


def render(header: str, records: Sequence[ReviewRecord], articles: Sequence[Article]) -> str:
    """The text of a review file: the header, then the records in a fixed order."""
    order = {}
    for position, article in enumerate(articles):
        order[article.file] = order[article.slug] = position

    def key(record: ReviewRecord) -> tuple[int, str, int]:
        return (order.get(record.article, len(articles)), record.article,
                _paragraph_number(record.paragraph))

    body = "".join(_entry(record) for record in sorted(records, key=key))
    return f"{header}records:\n{body}" if body else f"{header}records: []\n"


def stamp(path: Path, article: Article, anchors: Sequence[str] | None, by: str,
          checks: Sequence[str], on: dt.date, articles: Sequence[Article]
          ) -> tuple[list[str], list[Problem]]:
    """Record ``anchors`` of ``article`` (all its paragraphs when None) as reviewed.

    Returns the anchors stamped; nothing is written when there is a problem (an unknown
    paragraph or check, a review file that cannot be read).
    """
    problems: list[Problem] = []
    unknown_checks = [check for check in checks if check not in CHECKS]
    if unknown_checks:
        problems.append(Problem(str(path), None, f"unknown check "
                                f"{', '.join(map(repr, unknown_checks))}; expected one of "
                                f"{', '.join(CHECKS)}", "review"))
    blocks = {block.anchor: block for block in article.blocks}
    wanted = list(blocks) if anchors is None else list(dict.fromkeys(anchors))
    missing = [anchor for anchor in wanted if anchor not in blocks]
    if missing:
        problems.append(Problem(str(path), None, f"article {article.slug} has no paragraph "
                                f"{', '.join(missing)}", "review"))
    if not by.strip():
        problems.append(Problem(str(path), None, "say who reviewed (--by)", "review"))
    existing: list[ReviewRecord] = []
    if path.exists():
        existing, found = load_records(path, latest=max(on, dt.date.today()))
        problems += found
    if problems:
        return [], problems
    stamped = {anchor for anchor in wanted}
    kept = [record for record in existing
            if not (record.article in (article.file, article.slug)
                    and record.paragraph in stamped)]
    ordered_checks = tuple(check for check in CHECKS if check in checks)
    new = [ReviewRecord(path=str(path), line=0, article=article.file, paragraph=anchor,
                        fingerprint=fingerprint(blocks[anchor].text), checks=ordered_checks,
                        by=by.strip(), on=on, article_line=0, paragraph_line=0, on_line=0)
           for anchor in wanted]
    path.write_text(render(_header(path), kept + new, articles), encoding="utf-8")
    return wanted, []
