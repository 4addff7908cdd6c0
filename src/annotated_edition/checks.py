"""Checking the edition's inputs without building it: what ``annotated-edition check`` runs.

The paths come from the ``edition_*`` settings of ``docs/conf.py``, read with :mod:`ast`
(the file is never executed, so neither Sphinx nor anything conf.py imports is needed).

Each check is one entry of :data:`CHECKS`: a name and a function
``(docs_dir, conf) -> list[Problem]``. To check a new data file, add ONE line there, e.g.::

    ("glossary", data_file_check("edition_glossary", "glossary.yaml", load_glossary)),

where ``load_glossary(path)`` returns ``(records, problems)`` like every loader of the core.
Notes and the chronology overlay are checked against the articles, as the build does.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from annotated_edition.articles import Article, load_article
from annotated_edition.catalog import load_catalog, reading_order
from annotated_edition.chronology import build, candidates_of, load_overlay
from annotated_edition.glossary import load_glossary
from annotated_edition.notes import anchor_notes, load_notes
from annotated_edition.passage_variants import PassageReport, candidate_notes, shared_passages
from annotated_edition.problems import Problem
from annotated_edition.review import load_review, unreviewed

Conf = Mapping[str, Any]
Check = Callable[[Path, Conf], list[Problem]]

# The defaults of the articles extension's config values (sphinx_annotated_edition.articles).
DEFAULTS: dict[str, Any] = {
    "edition_seed_dir": "../seeds",
    "edition_catalog": "../seeds/catalog.yaml",
}


def read_conf(docs_dir: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The ``edition_*`` settings and ``extensions`` of ``docs_dir/conf.py``.

    Only plain literals are read; the file is never executed.
    """
    path = docs_dir / "conf.py"
    settings = dict(DEFAULTS)
    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
    except OSError as error:
        return settings, [Problem(str(path), 1, f"cannot read the configuration: "
                                                f"{error.strerror}")]
    except SyntaxError as error:
        return settings, [Problem(str(path), error.lineno or 1,
                                  f"not valid Python: {error.msg}")]
    problems: list[Problem] = []
    for statement in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        for target in targets:
            if not (isinstance(target, ast.Name) and
                    (target.id.startswith("edition_") or target.id == "extensions")):
                continue
            try:
                settings[target.id] = ast.literal_eval(value)  # type: ignore[arg-type]
            except ValueError:
                problems.append(Problem(str(path), statement.lineno,
                                        f"{target.id} is not a plain value (a string, a "
                                        "number, a list...): the check cannot read it"))
    return settings, problems


def setting_path(docs_dir: Path, conf: Conf, name: str, default: str) -> Path:
    """A path setting, relative to the folder of conf.py as in the extensions."""
    value = conf.get(name, default)
    # made absolute, symbolic links left as they are: a data file linked out of its folder
    # must still be seen as a link (annotated_edition.datafile.load_yaml refuses it)
    return Path(os.path.abspath(docs_dir / (value if isinstance(value, str) else default)))


def check_catalog(docs_dir: Path, conf: Conf) -> list[Problem]:
    """The catalog against its schema and against the seeds that exist."""
    seed_dir = setting_path(docs_dir, conf, "edition_seed_dir", DEFAULTS["edition_seed_dir"])
    catalog = setting_path(docs_dir, conf, "edition_catalog", DEFAULTS["edition_catalog"])
    return load_catalog(catalog, seed_dir)[1]


def check_seeds(docs_dir: Path, conf: Conf) -> list[Problem]:
    """Every seed of the catalog: readable, text, with an article in it."""
    seed_dir = setting_path(docs_dir, conf, "edition_seed_dir", DEFAULTS["edition_seed_dir"])
    catalog = setting_path(docs_dir, conf, "edition_catalog", DEFAULTS["edition_catalog"])
    problems: list[Problem] = []
    for entry in load_catalog(catalog, seed_dir)[0]:
        problems += load_article(seed_dir, entry)[1]
    return problems


def data_file_check(setting: str, default: str,
                    loader: Callable[[Path], tuple[Any, Iterable[Problem]]]) -> Check:
    """A check for one data file named by a conf.py setting and read by a core loader."""

    def check(docs_dir: Path, conf: Conf) -> list[Problem]:
        return list(loader(setting_path(docs_dir, conf, setting, default))[1])

    check.__doc__ = f"The data file named by {setting} (default {default})."
    return check


def _articles(docs_dir: Path, conf: Conf) -> list[Article]:
    seed_dir = setting_path(docs_dir, conf, "edition_seed_dir", DEFAULTS["edition_seed_dir"])
    catalog = setting_path(docs_dir, conf, "edition_catalog", DEFAULTS["edition_catalog"])
    return [load_article(seed_dir, entry)[0] for entry in load_catalog(catalog, seed_dir)[0]]


def check_notes(docs_dir: Path, conf: Conf) -> list[Problem]:
    """The notes file, and every note's quote placed in its article as the build places it."""
    notes, problems = load_notes(setting_path(docs_dir, conf, "edition_notes", "notes.yaml"))
    return problems + anchor_notes(notes, _articles(docs_dir, conf))[1]


def check_chronology(docs_dir: Path, conf: Conf) -> list[Problem]:
    """The overlay, applied to the events generated from the articles as the build does."""
    overlay, problems = load_overlay(
        setting_path(docs_dir, conf, "edition_chronology_overlay", "chronology.yaml"))
    articles = _articles(docs_dir, conf)
    seed_dir = setting_path(docs_dir, conf, "edition_seed_dir", DEFAULTS["edition_seed_dir"])
    candidates = []
    for article in articles:
        found, more = candidates_of(article, str(seed_dir / article.file))
        candidates += found
        problems += more
    return problems + list(build(candidates, overlay, [a.slug for a in articles]).problems)


def check_review(docs_dir: Path, conf: Conf) -> list[Problem]:
    """The review record, and every paragraph it does not vouch for (off when unset)."""
    if not conf.get("edition_review"):
        return []
    seed_dir = setting_path(docs_dir, conf, "edition_seed_dir", DEFAULTS["edition_seed_dir"])
    articles = _articles(docs_dir, conf)
    review = load_review(setting_path(docs_dir, conf, "edition_review", ""), articles)
    seeds = {article.file: str(seed_dir / article.file) for article in articles}
    return [*review.problems, *unreviewed(articles, review, seeds)]
def _passage_report(docs_dir: Path, conf: Conf) -> tuple[PassageReport, Path]:
    seed_dir = setting_path(docs_dir, conf, "edition_seed_dir", DEFAULTS["edition_seed_dir"])
    catalog = setting_path(docs_dir, conf, "edition_catalog", DEFAULTS["edition_catalog"])
    articles = [load_article(seed_dir, entry)[0]
                for entry in reading_order(load_catalog(catalog, seed_dir)[0])]
    acknowledged = setting_path(docs_dir, conf, "edition_passages", "passages.yaml")
    return shared_passages(articles, acknowledged), seed_dir


def check_passages(docs_dir: Path, conf: Conf) -> list[Problem]:
    """The acknowledged variants: readable, and each still matching a variant.

    Variants not acknowledged are not problems of the inputs: the build reports them and
    ``annotated-edition passages`` turns them into candidate notes.
    """
    return list(_passage_report(docs_dir, conf)[0].problems)


def candidate_notes_yaml(docs_dir: Path) -> str:
    """The candidate notes of the shared passages, as entries to paste into notes.yaml."""
    report, _ = _passage_report(docs_dir, read_conf(docs_dir)[0])
    notes = candidate_notes(report.variants)
    if not notes:
        return "# no unacknowledged variant of a shared passage: no candidate note\n"
    return yaml.safe_dump({"notes": notes}, allow_unicode=True, sort_keys=False, width=88)


def for_extension(extension: str, check: Check) -> Check:
    """Mark ``check`` as one that applies only to a project whose conf.py loads ``extension``."""
    check.extension = extension  # type: ignore[attr-defined]
    return check


def applies(check: Check, conf: Conf) -> bool:
    extension = getattr(check, "extension", None)
    loaded = conf.get("extensions")
    return extension is None or not isinstance(loaded, list) or extension in loaded


# The checks ``annotated-edition check`` runs, in this order: one line per data file.
CHECKS: tuple[tuple[str, Check], ...] = (
    ("catalog", check_catalog),
    ("seeds", check_seeds),
    ("glossary", for_extension("sphinx_annotated_edition.glossary", data_file_check(
        "edition_glossary", "glossary.yaml", load_glossary))),
    ("notes", for_extension("sphinx_annotated_edition.notes", check_notes)),
    ("chronology", for_extension("sphinx_annotated_edition.chronology", check_chronology)),
    ("review", for_extension("sphinx_annotated_edition.review", check_review)),
    ("passages", for_extension("sphinx_annotated_edition.passages", check_passages)),
)


def run_checks(docs_dir: Path, checks: Iterable[tuple[str, Check]] = CHECKS,
               ) -> tuple[list[Problem], list[str]]:
    """Every problem of every check, sorted by file and line, and the names of the checks."""
    conf, problems = read_conf(docs_dir)
    names = []
    for name, check in checks:
        if not applies(check, conf):
            continue
        names.append(name)
        problems += check(docs_dir, conf)
    unique = set(problems)
    return sorted(unique, key=lambda p: (p.path, p.line or 0, p.message)), names
