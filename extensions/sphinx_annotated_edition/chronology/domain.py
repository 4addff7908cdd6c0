"""The chronology's cross-document data: event candidates per article page.

A Domain (as in ``sphinx.ext.todo``) keeps ``candidates[docname]`` and the pages that
show the chronology, so that ``clear_doc`` and ``merge_domaindata`` make it safe for
parallel reading and incremental builds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Set
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from annotated_edition.chronology import Candidate, Chronology, build, candidates_of, load_overlay
from annotated_edition.problems import Problem
from sphinx_annotated_edition.articles.corpus import article_of, env_corpus
from sphinx_annotated_edition.warnings_ import Subtype, report


class ChronologyDomain(Domain):
    """Candidates collected from every article page, and the pages showing them."""

    name = "chronology"
    label = "Chronology"
    initial_data = {"candidates": {}, "pages": {}, "fingerprint": ""}  # noqa: RUF012 (Sphinx 8.2 types it per instance)

    @property
    def candidates(self) -> dict[str, list[Candidate]]:
        return self.data.setdefault("candidates", {})

    @property
    def pages(self) -> dict[str, int]:
        return self.data.setdefault("pages", {})

    def clear_doc(self, docname: str) -> None:
        self.candidates.pop(docname, None)
        self.pages.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata.get("candidates", {}):
                self.candidates[docname] = otherdata["candidates"][docname]
            if docname in otherdata.get("pages", {}):
                self.pages[docname] = otherdata["pages"][docname]

    def process_doc(self, env: BuildEnvironment, docname: str,
                    document: nodes.document) -> None:
        """Collect the candidates of an article page; report what cannot be dated."""
        article = article_of(env, docname)
        if article is None:
            return
        corpus = env_corpus(env)
        entry = corpus.entry(article.file)
        path = corpus.seed_path(entry) if entry else Path(article.file)
        found, problems = candidates_of(article, str(path))
        for problem in problems:
            report(problem, Subtype.DATE)
        self.candidates[docname] = found

    def all_candidates(self) -> list[Candidate]:
        """Every candidate, in a fixed order (by page), whatever order pages were read in."""
        return [c for docname in sorted(self.candidates) for c in self.candidates[docname]]

    def fingerprint(self, titles: list[tuple[str, str]]) -> str:
        """Changes whenever a dated expression or an article's title does."""
        return hashlib.sha256(repr((self.all_candidates(), titles)).encode()).hexdigest()


def overlay_path(env: BuildEnvironment) -> Path:
    return Path(env.config.edition_chronology_overlay)  # absolute: sphinx_annotated_edition.paths


def domain_of(env: BuildEnvironment) -> ChronologyDomain:
    domain = env.domains[ChronologyDomain.name]
    assert isinstance(domain, ChronologyDomain)
    return domain


_built: dict[tuple[object, ...], tuple[Chronology, list[Problem]]] = {}


def chronology_of(env: BuildEnvironment, warn: bool) -> Chronology:
    """The chronology from the collected candidates and the overlay (warnings on demand).

    Built once per state of the candidates and the overlay: the chronology page and
    ``chronology.json`` both ask for it, and merging thousands of candidates takes seconds.
    """
    path = overlay_path(env)
    corpus = env_corpus(env)
    slugs = tuple(entry.slug for entry in corpus.entries)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1
    fingerprint = domain_of(env).data.get("fingerprint")
    key = (fingerprint, str(path), stamp, slugs)
    if not fingerprint or key not in _built:
        overlay, problems = load_overlay(path)
        built = build(domain_of(env).all_candidates(), overlay, slugs)
        _built.clear()
        _built[key] = (built, problems)
    chronology, problems = _built[key]
    if warn:
        for problem in [*problems, *chronology.problems]:
            report(problem, Subtype.CHRONOLOGY_OVERLAY)
    return chronology


def updated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The chronology pages, whenever what the articles say about dates has changed."""
    domain = domain_of(env)
    fingerprint = domain.fingerprint(
        [(entry.slug, entry.title) for entry in env_corpus(env).entries])
    if fingerprint == domain.data.get("fingerprint"):
        return []
    domain.data["fingerprint"] = fingerprint
    return sorted(domain.pages)
