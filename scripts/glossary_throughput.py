"""Print how fast the glossary's matcher reads text: about 1 MB of the articles, repeated.

A measurement for the record, never a test: timings depend on the machine.
    .venv/bin/python scripts/glossary_throughput.py
"""

from __future__ import annotations

import time
from pathlib import Path

from annotator.articles import load_article
from annotator.catalog import load_catalog
from annotator.glossary import load_glossary, matcher_for

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    entries, problems = load_glossary(ROOT / "docs" / "glossary.yaml")
    assert not problems, problems
    started = time.perf_counter()
    matcher = matcher_for(entries)
    built = time.perf_counter() - started
    seeds = ROOT / "seeds"
    catalog, _ = load_catalog(seeds / "catalog.yaml", seeds)
    corpus = "\n\n".join(load_article(seeds, entry)[0].text for entry in catalog)
    text = (corpus + "\n\n") * (1_000_000 // (len(corpus) + 2) + 1)
    size = len(text.encode("utf-8"))
    started = time.perf_counter()
    found = matcher.find(text)
    elapsed = time.perf_counter() - started
    print(f"{len(entries)} entries, {matcher.size} forms; automaton built in {built * 1000:.1f} ms")
    print(f"{size / 1e6:.2f} MB of text, {len(found)} matches in {elapsed:.3f} s: "
          f"{size / 1e6 / elapsed:.1f} MB/s")


if __name__ == "__main__":
    main()
