"""The shared passages of the edition, worked out once the articles are read.

Finding passages needs every article, so it runs at ``env-get-updated`` (after reading,
in the main process) from the corpus, not from doctrees. The collations are kept in the
environment between builds, keyed by the witnesses' texts, so editing one seed
re-collates only the passages it takes part in. What each article page and each
"Shared passages" page showed is fingerprinted, and only the pages whose part changed are
written again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from annotated_edition.apparatus import Apparatus
from annotated_edition.passage_variants import (
    PassageReport,
    describe,
    shared_passages,
    variant_problems,
)
from annotated_edition.passages import Settings, find_passages
from sphinx_annotated_edition.articles.corpus import env_corpus
from sphinx_annotated_edition.state import stores
from sphinx_annotated_edition.warnings_ import Subtype, logger, report

CACHE = "edition_passage_collations"  # store: (key, sigla) -> Apparatus
FOUND = "edition_passages_found"  # store: (digest of the texts, the passages)
STATE = "edition_passages"  # store: the PassageState of the last build
PAGES = "edition_passage_pages"  # store: docname -> line of the directive


@dataclass(frozen=True)
class PassageState:
    """The report of the last build and the fingerprints of what each page shows."""

    report: PassageReport
    numbers: dict[str, int]  # passage key -> its number on the page
    signs: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # docname -> anchors' passages
    page_fingerprint: str


def acknowledgements_path(env: BuildEnvironment) -> Path:
    return Path(env.config.edition_passages)  # absolute since config-inited


def passage_pages(env: BuildEnvironment) -> dict[str, int]:
    pages: dict[str, int] = stores(env).setdefault(PAGES, {})
    return pages


def state_of(env: BuildEnvironment) -> PassageState | None:
    state: PassageState | None = stores(env).get(STATE)
    return state


def _work_out(env: BuildEnvironment) -> PassageState:
    corpus = env_corpus(env)
    articles = []
    for entry in corpus.entries:
        parsed = corpus.article(entry.file)
        if parsed is not None:
            articles.append(parsed[0])
    cache: dict[tuple[str, tuple[str, ...]], Apparatus] = stores(env).get(CACHE, {})
    settings = Settings(min_words=env.config.edition_passages_min_words)
    texts = hashlib.sha256(repr((settings, [(a.slug, a.file, a.blocks) for a in articles]))
                           .encode()).hexdigest()
    digest, found = stores(env).get(FOUND, ("", None))
    if digest != texts:  # finding reads the whole corpus: only when a text has changed
        found = find_passages(articles, settings)
        stores(env)[FOUND] = (texts, found)
    result = shared_passages(articles, acknowledgements_path(env), cache, settings, found)
    # keep only what this build used, so the cache never grows past the passages there are
    used = {(a.key, a.sigla) for a in result.apparatuses}
    stores(env)[CACHE] = {key: value for key, value in cache.items() if key in used}
    docnames = {entry.slug: corpus.docname(entry) for entry in corpus.entries}
    signs: dict[str, dict[str, list[str]]] = {}
    for passage in result.passages:
        for witness in passage.witnesses:
            anchors = signs.setdefault(docnames[witness.slug], {})
            for anchor in witness.anchors:
                anchors.setdefault(anchor, []).append(passage.key)
    frozen = {doc: tuple((a, tuple(keys)) for a, keys in sorted(shown.items()))
              for doc, shown in signs.items()}
    titles = [(entry.slug, entry.title) for entry in corpus.entries]
    # what the page shows: not where a copy stands in its article's text (an edit above it
    # moves it) nor the seed's lines (only the build's messages name them)
    shown = [[(w.slug, w.anchors, w.text) for w in p.witnesses] for p in result.passages]
    # (the page's links to the chronology's conflicts follow the chronology; a change of
    # those alone leaves the page as it was until its passages change)
    page = hashlib.sha256(repr((shown, result.apparatuses, titles)).encode()).hexdigest()
    numbers = {p.key: n for n, p in enumerate(result.passages, start=1)}
    return PassageState(result, numbers, frozen, page)


def report_variants(env: BuildEnvironment, state: PassageState) -> None:
    """Each significant variant: a warning, or information once the editor acknowledged it."""
    corpus = env_corpus(env)

    def seed_path(file: str) -> str:
        entry = corpus.entry(file)
        return str(corpus.seed_path(entry)) if entry else file

    for problem in state.report.problems:
        report(problem, Subtype.PASSAGES)
    for problem in variant_problems(state.report, seed_path):
        report(problem, Subtype.PASSAGE_VARIANT)
    for variant in state.report.variants:
        ack = variant.acknowledged
        if ack is not None:
            logger.info(f"acknowledged variant ({ack.path}:{ack.line}): "
                        f"{describe(variant, seed_path)}")


def update(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Work the passages out again; the pages whose part changed are written again."""
    before = state_of(env)
    state = _work_out(env)
    stores(env)[STATE] = state
    report_variants(env, state)
    changed: set[str] = set()
    if before is None or before.page_fingerprint != state.page_fingerprint:
        changed |= set(passage_pages(env))
    old = before.signs if before is not None else {}
    for docname in set(old) | set(state.signs):
        if old.get(docname) != state.signs.get(docname) and docname in env.all_docs:
            changed.add(docname)
    return sorted(changed)
