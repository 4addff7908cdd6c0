"""The benchmark's corpus generator writes editions the project itself accepts.

Timings are the benchmark's business (``python3 edition.py bench``); these tests only
check that what it builds is a valid edition with terms, dates and notes in it, and a
plain project of the same pages without the annotated_edition extensions.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from annotated_edition.articles import load_article
from annotated_edition.catalog import load_catalog
from annotated_edition.checks import run_checks
from annotated_edition.dates import extract
from annotated_edition.glossary import load_glossary, matcher_for
from annotated_edition.notes import load_notes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_corpus",
                                                  ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["benchmark_corpus"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(corpus_module: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> object:
    return corpus_module.generate(4, tmp_path_factory.mktemp("bench") / "n4")


def test_the_edition_passes_the_projects_own_checks(corpus: object) -> None:
    problems, names = run_checks(corpus.edition)  # type: ignore[attr-defined]
    assert problems == []
    assert names == ["catalog", "seeds", "glossary", "notes", "chronology", "review",
                     "passages"]


def test_every_article_has_terms_of_the_glossary_and_dates(corpus: object) -> None:
    seeds = corpus.seeds  # type: ignore[attr-defined]
    entries, _ = load_catalog(seeds / "catalog.yaml", seeds)
    glossary, problems = load_glossary(corpus.edition / "glossary.yaml")  # type: ignore[attr-defined]
    assert len(entries) == 4 and not problems
    assert len(glossary) == corpus.glossary_entries > 64 + 4 * 4  # type: ignore[attr-defined]
    matcher = matcher_for(glossary)
    found: set[str] = set()
    for entry in entries:
        article = load_article(seeds, entry)[0]
        assert 8 <= len(article.blocks) <= 16
        found |= {match.entry_id for match in matcher.find(article.text)}
        assert any(x.resolution != "invalid" for x in extract(article.text, article.date))
    synthetic = {e.id for e in glossary if e.id.startswith("syn-")}
    assert synthetic and synthetic <= found  # each synthetic entry occurs somewhere


def test_notes_quote_the_texts(corpus: object) -> None:
    notes, problems = load_notes(corpus.edition / "notes.yaml")  # type: ignore[attr-defined]
    assert not problems and len(notes) == corpus.notes == 8  # type: ignore[attr-defined]


def test_the_plain_project_has_the_same_pages_without_our_extensions(corpus: object) -> None:
    plain = corpus.plain  # type: ignore[attr-defined]
    pages = sorted(path.stem for path in (plain / "articles").glob("*.md"))
    assert pages == sorted(a.slug for a in corpus.articles)  # type: ignore[attr-defined]
    namespace: dict[str, object] = {"__file__": str(plain / "conf.py")}
    exec((plain / "conf.py").read_text(encoding="utf-8"), namespace)
    assert namespace["extensions"] == ["myst_parser", "sphinx_design"]
    assert namespace["html_theme"] == "furo"
    index = (plain / "index.md").read_text(encoding="utf-8")
    assert index.count("{grid-item-card}") == 4 and "articles/article-00000" in index
