"""Broken review records on a copy of tests/roots/test-review, and what each must report.

Shared by the core, ``annotated-edition check`` and Sphinx build tests: the same edit gives the same
problems, with the same file and line, wherever it is checked. Lines are found in the
edited file (where a record or a paragraph stands), messages are written out in full.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).parent / "roots" / "test-review"
REVIEW = "review.yaml"
EPOCH = "1700000000"  # 2023-11-14: "today" for the review dates (SOURCE_DATE_EPOCH)
TODAY = "2023-11-14"

Found = tuple[str, int, str, str]  # (file relative to the project, line, message, subtype)


def record_line(text: str, article: str, paragraph: str) -> int:
    """The line (1-based) where the record of ``article`` ``paragraph`` starts."""
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if line == f"  - article: {article}" and \
                lines[number].strip() == f"paragraph: {paragraph}":
            return number
    raise AssertionError(f"no record of {article} {paragraph}")


def field_line(text: str, article: str, paragraph: str, field: str) -> int:
    start = record_line(text, article, paragraph)
    lines = text.splitlines()
    for number in range(start, start + 6):
        if lines[number - 1].lstrip(" -").startswith(f"{field}:"):
            return number
    raise AssertionError(f"no field {field} in the record of {article} {paragraph}")


def edit_field(src: Path, article: str, paragraph: str, field: str,
               value: str | None) -> int:
    """Set (or, with None, remove) a field of one record; the line it was on."""
    path = src / REVIEW
    text = path.read_text(encoding="utf-8")
    number = field_line(text, article, paragraph, field)
    lines = text.splitlines(keepends=True)
    indent = re.match(r"\s*-?\s*", lines[number - 1]).group(0)  # type: ignore[union-attr]
    if value is None:
        del lines[number - 1]
    else:
        lines[number - 1] = f"{indent}{field}: {value}\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number


def seed_line(src: Path, seed: str, words: str) -> int:
    for number, line in enumerate((src / "seeds" / seed).read_text(encoding="utf-8")
                                  .splitlines(), start=1):
        if words in line:
            return number
    raise AssertionError(words)


def not_reviewed(src: Path, seed: str, slug: str, anchor: str, words: str) -> Found:
    return (f"seeds/{seed}", seed_line(src, seed, words),
            f"article {slug}, paragraph {anchor}: not reviewed (no record in the review file)",
            "unreviewed")


SECOND_P2 = "And it ends here."


def missing_paragraph(src: Path) -> list[Found]:
    path = src / REVIEW
    text = path.read_text(encoding="utf-8")
    start = record_line(text, "b_second.txt", "p2")
    lines = text.splitlines(keepends=True)
    path.write_text("".join(lines[:start - 1] + lines[start + 5:]), encoding="utf-8")
    return [not_reviewed(src, "b_second.txt", "second", "p2", SECOND_P2)]


def changed_text(src: Path) -> list[Found]:
    seed = src / "seeds" / "a_first.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("more words", "more words now"),
                    encoding="utf-8")
    line = record_line((src / REVIEW).read_text(encoding="utf-8"), "a_first.txt", "p2")
    return [(REVIEW, line, "article first, paragraph p2: text changed since it was reviewed "
                           "on 2021-05-01 by Editor A", "unreviewed")]


def unknown_article(src: Path) -> list[Found]:
    line = edit_field(src, "b_second.txt", "p2", "article", "c_third.txt")
    return [(REVIEW, line, "review of p2: unknown article 'c_third.txt'; name a seed file or "
                           "a slug of the catalog", "review"),
            not_reviewed(src, "b_second.txt", "second", "p2", SECOND_P2)]


def unknown_paragraph(src: Path) -> list[Found]:
    line = edit_field(src, "b_second.txt", "p2", "paragraph", "p9")
    return [(REVIEW, line, "review of b_second.txt: unknown paragraph 'p9' (it has p1 to p2)",
             "review"),
            not_reviewed(src, "b_second.txt", "second", "p2", SECOND_P2)]


def bad_review_date(src: Path, value: str, why: str) -> list[Found]:
    line = edit_field(src, "b_second.txt", "p2", "on", value)
    return [(REVIEW, line, f"review of b_second.txt p2: {why}", "review"),
            not_reviewed(src, "b_second.txt", "second", "p2", SECOND_P2)]


def bad_date(src: Path) -> list[Found]:
    return bad_review_date(src, "2021-02-30", "'2021-02-30' is not a date of the calendar")


def future_date(src: Path) -> list[Found]:
    return bad_review_date(src, "2023-11-16", "the date 2023-11-16 is in the future (today is "
                                              f"{TODAY}, from SOURCE_DATE_EPOCH or the clock)")


def before_publication(src: Path) -> list[Found]:
    return bad_review_date(src, "2021-04-01", "reviewed on 2021-04-01, before the article was "
                                              "published (2021-04-02)")


def unknown_check(src: Path) -> list[Found]:
    line = edit_field(src, "b_second.txt", "p2", "checks", "[facts, langauge]")
    return [(REVIEW, line, "review of b_second.txt p2: unknown check 'langauge'; expected one "
                           "of contested-claims, facts, language, referents, "
                           "headline-and-quotes, attribution", "review"),
            not_reviewed(src, "b_second.txt", "second", "p2", SECOND_P2)]


def duplicate(src: Path) -> list[Found]:
    path = src / REVIEW
    text = path.read_text(encoding="utf-8")
    first = record_line(text, "a_first.txt", "p1")
    lines = text.splitlines(keepends=True)
    path.write_text(text + "".join(lines[first - 1:first + 5]), encoding="utf-8")
    return [(REVIEW, len(lines) + 1, f"duplicate review of a_first.txt p1: it is recorded at "
                                     f"line {first} already", "review")]


def missing_field(src: Path) -> list[Found]:
    text = (src / REVIEW).read_text(encoding="utf-8")
    line = record_line(text, "b_second.txt", "p2")
    edit_field(src, "b_second.txt", "p2", "by", None)
    return [(REVIEW, line, "records.5: missing field: 'by' is a required property", "review"),
            not_reviewed(src, "b_second.txt", "second", "p2", SECOND_P2)]


def incomplete(src: Path) -> list[Found]:
    edit_field(src, "b_second.txt", "p2", "checks", "[facts, language]")
    line = record_line((src / REVIEW).read_text(encoding="utf-8"), "b_second.txt", "p2")
    return [(REVIEW, line, "article second, paragraph p2: reviewed on 2021-06-03 by Editor B "
                           "but not for contested-claims, referents, headline-and-quotes, "
                           "attribution", "unreviewed")]


CASES: dict[str, Callable[[Path], list[Found]]] = {
    "missing-paragraph": missing_paragraph,
    "changed-text": changed_text,
    "unknown-article": unknown_article,
    "unknown-paragraph": unknown_paragraph,
    "bad-date": bad_date,
    "future-date": future_date,
    "before-publication": before_publication,
    "unknown-check": unknown_check,
    "duplicate": duplicate,
    "missing-field": missing_field,
    "incomplete": incomplete,
}


def sort_found(found: list[Found]) -> list[Found]:
    return sorted(found)
