"""The review record: which paragraph of which article was reviewed, for what, by whom, when.

The editor records one entry per paragraph (``docs/review.yaml``); each keeps a fingerprint
of the paragraph's text as it was reviewed, so that a later change of the text shows the
review no longer vouches for it. :func:`unreviewed` compares the record with the articles:
a paragraph with no record, a record whose text has changed, a record that left out some of
the questions.

A review date may not lie after "today": the date of ``SOURCE_DATE_EPOCH`` when it is set
(so that a build is reproducible), otherwise the clock's, in UTC, with one day of grace for
an editor east of Greenwich. Nor may it lie before the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from annotated_edition.articles import Article, Block, by_file_or_slug
from annotated_edition.datafile import DataFile, load_yaml, validate
from annotated_edition.problems import Problem, Subtype

# The questions a review asks of every sentence (issue 15), in the order they are shown.
CHECKS: dict[str, str] = {
    "contested-claims": "a contested claim stated as fact (who attacked whom, legal status, "
                        "“occupation” and “liberation”, territories, casualties, intentions)",
    "facts": "errors of fact, date, weekday, number, name or title",
    "language": "typos, repeated words or attributions, mistranslations",
    "referents": "ambiguous referents (“the ministry”, “the two countries”, “he”)",
    "headline-and-quotes": "a headline or quote the body does not bear out",
    "attribution": "a claim attributed to the wrong body",
}
FINGERPRINT_LENGTH = 16
GRACE = dt.timedelta(days=1)  # an editor in Baku may date a review "tomorrow" in UTC

# Problem subtypes (the Sphinx adapter turns them into suppressible warning subtypes).
DATA = Subtype.REVIEW  # a record that cannot be used: wrong field, unknown article or paragraph
UNREVIEWED = Subtype.UNREVIEWED  # a paragraph with no (valid, current, complete) review

REVIEW_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["records"],
    "additionalProperties": False,
    "properties": {
        "records": {
            "type": ["array", "null"],
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["article", "paragraph", "fingerprint", "checks", "by", "on"],
                "properties": {
                    "article": {"type": "string", "minLength": 1},
                    "paragraph": {"type": "string", "pattern": "^p[1-9][0-9]*$",
                                  "x-expected": "a paragraph anchor such as p1, p12"},
                    "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{16}$",
                                    "x-expected": "16 hexadecimal digits (lower case), as "
                                                  "`annotated-edition review stamp` writes them"},
                    # names checked by hand, so that an unknown check gets its own message
                    "checks": {"type": "array", "minItems": 1, "uniqueItems": True,
                               "items": {"type": "string"}},
                    "by": {"type": "string", "minLength": 1, "pattern": r"\S",
                           "x-expected": "the name or role of the reviewer"},
                    # a date as a string: parsed by hand, to say what is wrong with it
                    "on": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                           "x-expected": "a date written YYYY-MM-DD"},
                },
            },
        }
    },
}


def fingerprint(text: str) -> str:
    """The fingerprint of a paragraph's text: the same text (in any Unicode normal form)
    gives the same fingerprint, any other change of a character another one."""
    normal = unicodedata.normalize("NFC", text).encode("utf-8")
    return hashlib.sha256(normal).hexdigest()[:FINGERPRINT_LENGTH]


@dataclass(frozen=True)
class ReviewRecord:
    """One paragraph reviewed: what, how its text read then, for what, by whom, when."""

    path: str
    line: int
    article: str  # the seed file or the slug, as the editor wrote it
    paragraph: str  # the block's anchor, e.g. "p3"
    fingerprint: str
    checks: tuple[str, ...]
    by: str
    on: dt.date
    article_line: int
    paragraph_line: int
    on_line: int


@dataclass(frozen=True)
class Review:
    """The usable records, each resolved to its article's seed file, and their problems."""

    records: tuple[ReviewRecord, ...]
    files: Mapping[ReviewRecord, str]  # record -> the seed file of its article
    problems: tuple[Problem, ...]

    def of(self, file: str) -> dict[str, ReviewRecord]:
        """The records of one article, by paragraph anchor."""
        return dict(self._by_file.get(file, {}))

    @cached_property
    def _by_file(self) -> dict[str | None, dict[str, ReviewRecord]]:
        """Every article's records, filed once (performance: ``of`` is asked for every
        article, and scanning every record each time was quadratic in the articles)."""
        index: dict[str | None, dict[str, ReviewRecord]] = {}
        for record in self.records:
            index.setdefault(self.files.get(record), {})[record.paragraph] = record
        return index


def today() -> dt.date:
    """The date reviews are checked against: SOURCE_DATE_EPOCH's when set, else the clock's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    try:
        seconds = float(epoch) if epoch else time.time()
    except ValueError:
        seconds = time.time()
    return dt.datetime.fromtimestamp(seconds, dt.UTC).date()


def _date(value: str) -> tuple[dt.date | None, str | None]:
    try:
        return dt.date.fromisoformat(value), None
    except ValueError:
        return None, f"{value!r} is not a date of the calendar"


def records_from(data: DataFile, latest: dt.date | None = None
                 ) -> tuple[list[ReviewRecord], list[Problem]]:
    """The records of parsed data; a record with an unusable field is left out, reported."""
    latest = (latest or today()) + GRACE
    problems = [Problem(p.path, p.line, p.message, DATA) for p in validate(data, REVIEW_SCHEMA)]
    schema_passed = not problems
    found = data.data.get("records") if isinstance(data.data, dict) else None
    records: list[ReviewRecord] = []
    for index, item in enumerate(found if isinstance(found, list) else []):
        if not isinstance(item, dict):
            continue
        values = [item.get(key) for key in ("article", "paragraph", "fingerprint", "by", "on")]
        checks = item.get("checks")
        if not all(isinstance(value, str) and value.strip() for value in values) or \
                not isinstance(checks, list) or not checks or \
                not all(isinstance(check, str) for check in checks) or \
                len(set(checks)) != len(checks):
            continue  # the schema has said what is wrong
        article, paragraph, print_, by, on = (str(value) for value in values)
        # a record the schema refused (reported above, with its line); where the whole file
        # passed, every record did (the same item schema), and none is checked again
        # (performance: the schema checked each record twice)
        if not schema_passed and validate(DataFile(data.path, item),
                                 REVIEW_SCHEMA["properties"]["records"]["items"]):
            continue
        at = ("records", index)
        unknown = [(position, check) for position, check in enumerate(checks)
                   if check not in CHECKS]
        for position, check in unknown:
            problems.append(Problem(
                data.path, data.line_of((*at, "checks", position)),
                f"review of {article} {paragraph}: unknown check {check!r}; expected one of "
                f"{', '.join(CHECKS)}", DATA))
        when, why = _date(on)
        on_line = data.line_of((*at, "on"))
        if when is None:
            problems.append(Problem(data.path, on_line,
                                    f"review of {article} {paragraph}: {why}", DATA))
        elif when > latest:
            problems.append(Problem(
                data.path, on_line,
                f"review of {article} {paragraph}: the date {on} is in the future (today is "
                f"{latest - GRACE:%Y-%m-%d}, from SOURCE_DATE_EPOCH or the clock)", DATA))
        if when is None or when > latest or unknown:
            continue
        records.append(ReviewRecord(
            path=data.path, line=data.line_of(at), article=article, paragraph=paragraph,
            fingerprint=print_, checks=tuple(str(check) for check in checks), by=by.strip(),
            on=when, article_line=data.line_of((*at, "article")),
            paragraph_line=data.line_of((*at, "paragraph")), on_line=on_line))
    return records, problems


def load_records(path: Path, latest: dt.date | None = None
                 ) -> tuple[list[ReviewRecord], list[Problem]]:
    """Read and check a review file; every problem names the file and the line."""
    data, problems = load_yaml(path)
    problems = [Problem(p.path, p.line, p.message, DATA) for p in problems]
    if data is None:
        return [], problems
    records, more = records_from(data, latest)
    return records, problems + more


def _anchors(article: Article) -> str:
    blocks = article.blocks
    if not blocks:
        return "it has no paragraph"
    return f"it has {blocks[0].anchor} to {blocks[-1].anchor}" if len(blocks) > 1 \
        else f"it has {blocks[0].anchor} only"


def resolve(records: Sequence[ReviewRecord], articles: Sequence[Article]) -> Review:
    """Each record matched to its article and paragraph; unknown ones and duplicates reported."""
    by_key = by_file_or_slug(articles)
    files: dict[ReviewRecord, str] = {}
    kept: list[ReviewRecord] = []
    seen: dict[tuple[str, str], ReviewRecord] = {}
    problems: list[Problem] = []
    for record in records:
        article = by_key.get(record.article)
        if article is None:
            problems.append(Problem(
                record.path, record.article_line,
                f"review of {record.paragraph}: unknown article {record.article!r}; name a "
                "seed file or a slug of the catalog", DATA))
            continue
        if record.paragraph not in {block.anchor for block in article.blocks}:
            problems.append(Problem(
                record.path, record.paragraph_line,
                f"review of {record.article}: unknown paragraph {record.paragraph!r} "
                f"({_anchors(article)})", DATA))
            continue
        earlier = seen.get((article.file, record.paragraph))
        if earlier is not None:
            problems.append(Problem(
                record.path, record.line,
                f"duplicate review of {record.article} {record.paragraph}: it is recorded at "
                f"line {earlier.line} already", DATA))
            continue
        if article.date is not None and record.on < article.date:
            problems.append(Problem(
                record.path, record.on_line,
                f"review of {record.article} {record.paragraph}: reviewed on {record.on}, "
                f"before the article was published ({article.date})", DATA))
            continue
        seen[(article.file, record.paragraph)] = record
        files[record] = article.file
        kept.append(record)
    return Review(tuple(kept), files, tuple(problems))


def load_review(path: Path, articles: Sequence[Article], latest: dt.date | None = None
                ) -> Review:
    """The review file read, checked and matched to the articles."""
    records, problems = load_records(path, latest)
    review = resolve(records, articles)
    return Review(review.records, review.files, (*problems, *review.problems))


def _missing_checks(record: ReviewRecord, required: Iterable[str]) -> list[str]:
    return [check for check in required if check not in record.checks]


def block_status(block: Block, record: ReviewRecord | None,
                 required: Iterable[str] = CHECKS) -> str:
    """``reviewed``, ``unreviewed`` (no record), ``changed`` or ``incomplete``."""
    if record is None:
        return "unreviewed"
    if record.fingerprint != fingerprint(block.text):
        return "changed"
    if _missing_checks(record, required):
        return "incomplete"
    return "reviewed"


def unreviewed(articles: Sequence[Article], review: Review, seed_paths: Mapping[str, str],
               required: Iterable[str] = CHECKS) -> list[Problem]:
    """What the review does not vouch for: one problem per paragraph.

    A paragraph with no record is reported at its line in the seed; a record whose
    paragraph has changed, or that left out a required check, at its line in the review
    file, where the editor acts. ``seed_paths`` gives the path shown for each seed file.
    """
    required = tuple(required)
    problems: list[Problem] = []
    for article in articles:
        records = review.of(article.file)
        seed = seed_paths.get(article.file, article.file)
        for block in article.blocks:
            record = records.get(block.anchor)
            status = block_status(block, record, required)
            if record is None:
                problems.append(Problem(
                    seed, block.line,
                    f"article {article.slug}, paragraph {block.anchor}: not reviewed (no "
                    "record in the review file)", UNREVIEWED))
            elif status == "changed":
                problems.append(Problem(
                    record.path, record.line,
                    f"article {article.slug}, paragraph {block.anchor}: text changed since it "
                    f"was reviewed on {record.on:%Y-%m-%d} by {record.by}", UNREVIEWED))
            elif status == "incomplete":
                missing = ", ".join(_missing_checks(record, required))
                problems.append(Problem(
                    record.path, record.line,
                    f"article {article.slug}, paragraph {block.anchor}: reviewed on "
                    f"{record.on:%Y-%m-%d} by {record.by} but not for {missing}",
                    UNREVIEWED))
    return problems


@dataclass(frozen=True)
class ArticleStatus:
    """How far the review of one article has come: what the About page shows."""

    file: str
    slug: str
    title: str
    paragraphs: int
    reviewed: tuple[str, ...]  # anchors reviewed, current and complete
    incomplete: tuple[str, ...]  # reviewed, current, but not for every check
    changed: tuple[str, ...]  # reviewed, but the text has changed since
    unreviewed: tuple[str, ...]  # no record
    checks: tuple[str, ...]  # the checks every current record covers, in CHECKS order
    by: tuple[str, ...]  # who reviewed, sorted
    latest: dt.date | None  # the latest review date of a current record


def status(articles: Sequence[Article], review: Review,
           required: Iterable[str] = CHECKS) -> list[ArticleStatus]:
    """The review status of every article, in the order given."""
    required = tuple(required)
    result = []
    for article in articles:
        records = review.of(article.file)
        states: dict[str, list[str]] = {"reviewed": [], "incomplete": [], "changed": [],
                                        "unreviewed": []}
        current: list[ReviewRecord] = []
        for block in article.blocks:
            record = records.get(block.anchor)
            state = block_status(block, record, required)
            states[state].append(block.anchor)
            if record is not None and state != "changed":
                current.append(record)
        covered = [check for check in CHECKS
                   if current and all(check in record.checks for record in current)]
        result.append(ArticleStatus(
            file=article.file, slug=article.slug, title=article.title,
            paragraphs=len(article.blocks),
            reviewed=tuple(states["reviewed"]), incomplete=tuple(states["incomplete"]),
            changed=tuple(states["changed"]), unreviewed=tuple(states["unreviewed"]),
            checks=tuple(covered), by=tuple(sorted({record.by for record in current})),
            latest=max((record.on for record in current), default=None)))
    return result
