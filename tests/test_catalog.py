"""The catalog is checked: every problem names the catalog file and the line."""

from __future__ import annotations

from pathlib import Path

from annotated_edition.catalog import load_catalog

GOOD = """\
articles:
  - file: a.txt
    title: T
    outlet: O
    outlet_basis: B
    date: "2021-11-05"
    date_basis: stated
    date_evidence: E
    byline: null
    dateline: null
"""


def write(tmp_path: Path, catalog: str, seeds: tuple[str, ...] = ("a.txt",)) -> Path:
    for seed in seeds:
        (tmp_path / seed).write_text("Text.\n", encoding="utf-8")
    path = tmp_path / "catalog.yaml"
    path.write_text(catalog, encoding="utf-8")
    return path


def messages(tmp_path: Path, catalog: str, seeds: tuple[str, ...] = ("a.txt",)) -> list[str]:
    path = write(tmp_path, catalog, seeds)
    return [str(p).replace(str(path), "catalog.yaml")
            for p in load_catalog(path, tmp_path)[1]]


def test_a_good_catalog_has_no_problem(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    entries, problems = load_catalog(path, tmp_path)
    assert problems == [] and entries[0].slug == "a" and str(entries[0].date) == "2021-11-05"


def test_unknown_file(tmp_path: Path) -> None:
    assert messages(tmp_path, GOOD.replace("a.txt", "b.txt")) == [
        "catalog.yaml:2: unknown file 'b.txt': there is no such seed in " + str(tmp_path),
        "catalog.yaml:2: seed a.txt has no catalog entry: it is not in the edition until one "
        "is added"]


def test_missing_field(tmp_path: Path) -> None:
    assert messages(tmp_path, GOOD.replace("    outlet: O\n", "")) == [
        "catalog.yaml:2: articles.0: missing field: 'outlet' is a required property"]


def test_bad_dates(tmp_path: Path) -> None:
    assert messages(tmp_path, GOOD.replace("2021-11-05", "2021-02-30")) == [
        "catalog.yaml:6: a.txt: bad date '2021-02-30': expected a real calendar date as "
        "YYYY-MM-DD"]
    assert messages(tmp_path, GOOD.replace('"2021-11-05"', "5 Nov 2021"))[0].startswith(
        "catalog.yaml:6: a.txt: bad date '5 Nov 2021'")


def test_unknown_field_and_bad_basis(tmp_path: Path) -> None:
    found = messages(tmp_path, GOOD.replace("date_basis: stated", "date_basis: guessed\n"
                                                                  "    colour: red"))
    assert found == [
        "catalog.yaml:2: articles.0: Additional properties are not allowed ('colour' was "
        "unexpected)",
        "catalog.yaml:7: articles.0.date_basis: 'guessed' is not one of ['stated', 'inferred']"]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    found = messages(tmp_path, GOOD.replace("    title: T\n", "    title: [T\n"))
    assert len(found) == 1 and found[0].startswith("catalog.yaml:4: not valid YAML")


def test_duplicate_key_and_duplicate_file(tmp_path: Path) -> None:
    doubled = GOOD + GOOD.split("\n", 1)[1]
    found = messages(tmp_path, doubled.replace("    byline: null\n", "    byline: null\n"
                                                                      "    byline: null\n", 1))
    assert found == ["catalog.yaml:10: duplicate key 'byline'",
                     "catalog.yaml:12: a.txt: listed twice (first at line 2)"]


def test_short_title_is_optional_and_short(tmp_path: Path) -> None:
    """The running head of the printed book: at most 60 characters, the title without it."""
    assert load_catalog(write(tmp_path, GOOD), tmp_path)[0][0].short_title is None
    short = GOOD + '    short_title: "Akar: stability"\n'
    assert load_catalog(write(tmp_path, short), tmp_path)[0][0].short_title == "Akar: stability"
    found = messages(tmp_path, GOOD + f'    short_title: "{"x" * 61}"\n')
    assert len(found) == 1 and found[0].startswith("catalog.yaml:11:"), found
    assert "short_title" in found[0] and "too long" in found[0], found
