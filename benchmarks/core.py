"""Micro-benchmarks of the core: how fast terms are matched and dates extracted.

The text is what the corpus generator writes (the seeds' words, terms and dates mixed in),
cut into articles and paragraphs as the edition reads them; the glossary is the real one
completed with synthetic entries to 5,000. The edition matches terms paragraph by
paragraph and extracts dates article by article, so those are the figures that count;
matching the whole text in one call is shown beside them.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from annotated_edition.dates import extract, sentence_spans
from annotated_edition.glossary import load_glossary, matcher_for
from benchmarks.corpus import MAX_GLOSSARY, real_glossary, texts, vocabulary


@dataclass(frozen=True)
class CoreFigures:
    """Throughputs of the core on ``megabytes`` of text."""

    entries: int
    forms: int
    automaton_seconds: float
    megabytes: float
    paragraphs: int
    matches: int
    match_mb_s: float  # paragraph by paragraph, as the glossary transform calls it
    match_whole_mb_s: float  # the whole text in one call
    date_mb_s: float  # article by article, as the chronology reads them
    sentences_s: float
    expressions: int


def _best(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs: the others measured the machine's other work."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings)


def measure(megabytes: float = 10.0, repeat: int = 3) -> CoreFigures:
    """Build a 5,000-entry glossary and ``megabytes`` of articles, then time the core."""
    rng = random.Random(9)
    words = vocabulary(rng, MAX_GLOSSARY - len(real_glossary()[0]), 3000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.yaml"
        path.write_text(yaml.safe_dump({"entries": words.entries}, allow_unicode=True),
                        encoding="utf-8")
        entries, problems = load_glossary(path)
    if problems:
        raise RuntimeError(f"the synthetic glossary has problems: {problems[:3]}")
    started = time.perf_counter()
    matcher = matcher_for(entries)
    automaton = time.perf_counter() - started
    articles = list(texts(words, int(megabytes * 1e6)))
    paragraphs = [p for text, _ in articles for p in text.split("\n\n")]
    whole = "\n\n".join(text for text, _ in articles)
    size = len(whole.encode("utf-8")) / 1e6
    found = sum(len(matcher.find(p)) for p in paragraphs)

    def match_paragraphs() -> None:
        for paragraph in paragraphs:
            matcher.find(paragraph)

    def dates() -> None:
        for text, published in articles:
            extract(text, published)

    match = _best(repeat, match_paragraphs)
    match_whole = _best(repeat, lambda: matcher.find(whole))
    dated = _best(repeat, dates)
    sentences = sum(len(sentence_spans(text)) for text, _ in articles)
    expressions = sum(len(extract(text, published)) for text, published in articles)
    return CoreFigures(
        entries=len(entries), forms=matcher.size, automaton_seconds=automaton,
        megabytes=size, paragraphs=len(paragraphs), matches=found,
        match_mb_s=size / match, match_whole_mb_s=size / match_whole,
        date_mb_s=size / dated, sentences_s=sentences / dated, expressions=expressions)
