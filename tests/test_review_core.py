"""The review record in the core: loading, checking and comparing it with the articles."""

from __future__ import annotations

import datetime as dt
import shutil
import unicodedata
from pathlib import Path

import pytest

from annotated_edition.articles import Article, load_article
from annotated_edition.catalog import load_catalog
from annotated_edition.review import (
    CHECKS,
    fingerprint,
    load_review,
    status,
    unreviewed,
)
from annotated_edition.review_stamp import stamp

from reviewcases import CASES, REVIEW, ROOT, TODAY, Found, sort_found

LATEST = dt.date.fromisoformat(TODAY)


def articles_of(src: Path) -> list[Article]:
    entries, problems = load_catalog(src / "seeds" / "catalog.yaml", src / "seeds")
    assert problems == []
    return [load_article(src / "seeds", entry)[0] for entry in entries]


def problems_of(src: Path) -> list[Found]:
    """Every problem of the review file and every paragraph it does not vouch for."""
    articles = articles_of(src)
    review = load_review(src / REVIEW, articles, latest=LATEST)
    seeds = {article.file: str(src / "seeds" / article.file) for article in articles}
    return sort_found([(Path(p.path).relative_to(src).as_posix(), p.line or 0, p.message,
                        p.subtype)
                       for p in [*review.problems, *unreviewed(articles, review, seeds)]])


@pytest.fixture
def src(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ROOT, tmp_path / "src"))


def test_the_root_is_fully_reviewed(src: Path) -> None:
    assert problems_of(src) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_broken_record_is_reported_with_file_and_line(case: str, src: Path) -> None:
    expected = CASES[case](src)
    assert problems_of(src) == sort_found(expected)


def test_the_fingerprint_is_of_the_text_in_nfc() -> None:
    composed = "Çavuşoğlu said"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert fingerprint(decomposed) == fingerprint(composed)
    assert len(fingerprint(composed)) == 16
    assert fingerprint(composed) != fingerprint(composed + " ")


def test_status_counts_what_is_reviewed_changed_and_missing(src: Path) -> None:
    CASES["changed-text"](src)
    CASES["missing-paragraph"](src)
    articles = articles_of(src)
    first, second = status(articles, load_review(src / REVIEW, articles, latest=LATEST))
    assert (first.paragraphs, first.reviewed, first.changed, first.unreviewed) == \
        (4, ("p1", "p3", "p4"), ("p2",), ())
    assert (first.by, first.latest, first.checks) == (("Editor A",), dt.date(2021, 5, 1),
                                                       tuple(CHECKS))
    assert (second.paragraphs, second.reviewed, second.unreviewed) == (2, ("p1",), ("p2",))
    assert (second.by, second.latest) == (("Editor B",), dt.date(2021, 6, 1))


def test_status_names_only_the_checks_every_paragraph_had(src: Path) -> None:
    CASES["incomplete"](src)
    articles = articles_of(src)
    second = status(articles, load_review(src / REVIEW, articles, latest=LATEST))[1]
    assert second.checks == ("facts", "language")
    assert second.incomplete == ("p2",) and second.reviewed == ("p1",)


def test_stamp_writes_records_that_check_clean_and_keeps_the_header(src: Path) -> None:
    path = src / REVIEW
    path.write_text("# my header\n\n# second comment\nrecords: []\n", encoding="utf-8")
    articles = articles_of(src)
    done, problems = stamp(path, articles[1], ["p2"], "Editor C", ["facts", "contested-claims"],
                           dt.date(2022, 1, 5), articles)
    assert (done, problems) == (["p2"], [])
    done, problems = stamp(path, articles[0], None, "Editor D", list(CHECKS),
                           dt.date(2022, 1, 6), articles)
    assert (done, problems) == (["p1", "p2", "p3", "p4"], [])
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my header\n\n# second comment\nrecords:\n  - article: a_first.txt")
    assert "    checks: [contested-claims, facts]\n    by: Editor C\n    on: 2022-01-05\n" in text
    found = problems_of(src)
    assert [(file, message) for file, _, message, _ in found] == [
        ("review.yaml", "article second, paragraph p2: reviewed on 2022-01-05 by Editor C but "
                        "not for language, referents, headline-and-quotes, attribution"),
        ("seeds/b_second.txt", "article second, paragraph p1: not reviewed (no record in the "
                               "review file)")]
    # stamping again replaces the record, it does not add a second one
    stamp(path, articles[1], ["p2"], "Editor C", list(CHECKS), dt.date(2022, 1, 7), articles)
    assert path.read_text(encoding="utf-8").count("paragraph: p2") == 2  # one per article


def test_stamp_refuses_unknown_paragraphs_and_checks_and_writes_nothing(src: Path) -> None:
    path = src / REVIEW
    before = path.read_text(encoding="utf-8")
    articles = articles_of(src)
    done, problems = stamp(path, articles[1], ["p7"], "Editor C", ["fact"],
                           dt.date(2022, 1, 5), articles)
    assert done == []
    assert [p.message for p in problems] == [
        "unknown check 'fact'; expected one of contested-claims, facts, language, referents, "
        "headline-and-quotes, attribution",
        "article second has no paragraph p7"]
    assert path.read_text(encoding="utf-8") == before
