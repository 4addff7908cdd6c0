"""Shared passages: recall, precision and time on synthetic articles with planted reuse.

    python3 -m benchmarks.passages                     # 125, 250, 500 and 1000 articles
    python3 -m benchmarks.passages --sizes 100,200     # a quick run
    python3 -m benchmarks.passages --collatex          # also: CollateX against our collation

Each corpus is made of article-length texts of invented words (drawn with a Zipf law, so
some words are common) into which passages of 30 to 70 words are planted: each passage is
copied into two to four articles, every copy but the first changed about once every 12
words (a word added, dropped or replaced, a number changed), and a third of the copies
split across two paragraphs. A planted pair (two copies of one passage) is *recalled*
when one passage found holds both copies (each overlapping the found witness by half);
a found pair is *precise* when its two witnesses are copies of one planted passage.
Time is for finding (:func:`annotated_edition.passages.find_passages`) and collating every
passage (the best of three runs); the time per 1,000 words shows how it grows with the
corpus.
"""

from __future__ import annotations

import argparse
import random
import string
import time
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from annotated_edition.apparatus import collate, sigla_of
from annotated_edition.articles import Article, load_article, parse_seed
from annotated_edition.catalog import CatalogEntry, load_catalog, reading_order
from annotated_edition.passage_variants import article_sigla, collate_all
from annotated_edition.passages import SharedPassage, find_passages

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Copy:
    article: int
    start: int  # offsets in Article.text
    end: int


@dataclass
class Corpus:
    articles: list[Article]
    planted: list[list[Copy]]  # per planted passage, its copies
    words: int


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(string.ascii_lowercase)
                          for _ in range(rng.randint(2, 9))))
    return sorted(words)


def _sentence(rng: random.Random, vocabulary: list[str], weights: list[float]) -> list[str]:
    words = rng.choices(vocabulary, weights, k=rng.randint(8, 24))
    words[0] = words[0].capitalize()
    return words


def _edited(rng: random.Random, words: list[str], vocabulary: list[str]) -> list[str]:
    """A copy with about one change every 12 words."""
    result = list(words)
    for _ in range(max(1, len(words) // 12)):
        at = rng.randrange(1, len(result) - 1)
        change = rng.choice(("add", "drop", "replace", "number"))
        if change == "add":
            result.insert(at, rng.choice(vocabulary))
        elif change == "drop":
            del result[at]
        elif change == "replace":
            result[at] = rng.choice(vocabulary)
        else:
            result[at] = str(rng.randint(2, 99))
    return result


def _entry(number: int) -> CatalogEntry:
    return CatalogEntry(file=f"a{number:05d}.txt", slug=f"a{number:05d}",
                        title=f"Article {number}", outlet="O", outlet_basis="", date=None,
                        date_basis="stated", date_evidence="", byline=None, dateline=None,
                        line=1)


def make_corpus(size: int, seed: int = 21) -> Corpus:
    """``size`` articles of 300 to 600 words; a planted passage per four articles."""
    rng = random.Random(seed * 7919 + size)
    vocabulary = _vocabulary(rng, 20_000)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    paragraphs: list[list[list[str]]] = []
    for _ in range(size):
        article = []
        for _ in range(rng.randint(6, 12)):
            article.append([w for _ in range(rng.randint(2, 3))
                            for w in _sentence(rng, vocabulary, weights)])
        paragraphs.append(article)
    plants: list[list[tuple[int, int, list[list[str]]]]] = []
    for _ in range(size // 4):
        text = [w for _ in range(3) for w in _sentence(rng, vocabulary, weights)]
        text = text[:rng.randint(30, 70)]
        copies = []
        for n, number in enumerate(rng.sample(range(size), rng.randint(2, 4))):
            words = text if n == 0 else _edited(rng, text, vocabulary)
            words[-1] = words[-1].rstrip(".") + "."
            at = rng.randrange(len(paragraphs[number]) + 1)
            parts = [words]
            if n and rng.random() < 1 / 3:
                cut = rng.randrange(8, len(words) - 8)
                parts = [words[:cut], words[cut:]]
            copies.append((number, at, parts))
            for offset, part in enumerate(parts):
                paragraphs[number].insert(at + offset, part)
        plants.append(copies)
    texts = ["\n\n".join(" ".join(p) + ("" if p[-1].endswith(".") else ".")
                         for p in article) for article in paragraphs]
    articles = [parse_seed(text + "\n", _entry(n))[0] for n, text in enumerate(texts)]
    planted = []
    for copies in plants:
        found = []
        for number, _, parts in copies:
            first, last = " ".join(parts[0]), " ".join(parts[-1])
            text = articles[number].text
            start = text.find(first)
            end = text.find(last, start) + len(last)
            found.append(Copy(number, start, end))
        planted.append(found)
    return Corpus(articles, planted, sum(len(t.split()) for t in texts))


def _overlaps(copy: Copy, article: int, start: int, end: int) -> bool:
    shared = min(copy.end, end) - max(copy.start, start)
    return copy.article == article and shared * 2 >= copy.end - copy.start


def score(corpus: Corpus, passages: list[SharedPassage]) -> tuple[float, float]:
    """Recall of planted pairs, precision of found pairs."""
    index = {article.slug: n for n, article in enumerate(corpus.articles)}
    owner: dict[tuple[int, int, int], tuple[int, int]] = {}
    for plant, copies in enumerate(corpus.planted):
        for n, copy in enumerate(copies):
            owner[(copy.article, copy.start, copy.end)] = (plant, n)

    def planted_copy(article: int, start: int, end: int) -> tuple[int, int] | None:
        for (a, s, e), who in owner.items():
            if a == article and _overlaps(Copy(a, s, e), article, start, end):
                return who
        return None

    found_pairs, precise = 0, 0
    recalled: set[tuple[int, int, int]] = set()
    for passage in passages:
        copies = [planted_copy(index[w.slug], w.start, w.end) for w in passage.witnesses]
        for first, second in combinations(copies, 2):
            found_pairs += 1
            if first is not None and second is not None and first[0] == second[0]:
                precise += 1
                recalled.add((first[0], *sorted((first[1], second[1]))))
    wanted = sum(len(c) * (len(c) - 1) // 2 for c in corpus.planted)
    return len(recalled) / wanted, precise / found_pairs if found_pairs else 1.0


def run(sizes: list[int], repeat: int = 3) -> None:
    print("   N   words | passages  recall  precision | find s  collate s  "
          "ms per 1,000 words")
    for size in sizes:
        corpus = make_corpus(size)
        found = collated = float("inf")
        for _ in range(repeat):  # the best of a few runs: the machine may be busy
            start = time.perf_counter()
            passages = find_passages(corpus.articles)
            found = min(found, time.perf_counter() - start)
            start = time.perf_counter()
            collate_all(passages, article_sigla(corpus.articles))
            collated = min(collated, time.perf_counter() - start)
        recall, precision = score(corpus, passages)
        per = (found + collated) * 1000 / (corpus.words / 1000)
        print(f"{size:>5} {corpus.words:>7} | {len(passages):>8} {recall:>7.1%} "
              f"{precision:>10.1%} | {found:>6.2f} {collated:>10.2f} {per:>10.1f}")


def compare_collatex() -> None:
    """CollateX and our collation on the seeds' shared passages: agreement and time."""
    from collatex import Collation  # type: ignore[import-not-found]
    from collatex import collate as collatex_collate

    seeds = ROOT / "seeds"
    entries = reading_order(load_catalog(seeds / "catalog.yaml", seeds)[0])
    articles = [load_article(seeds, entry)[0] for entry in entries]
    passages = find_passages(articles)
    sigla = article_sigla(articles)
    start = time.perf_counter()
    ours = [collate(p, sigla_of(p, sigla)) for p in passages]
    own_time = time.perf_counter() - start
    start = time.perf_counter()
    tables = []
    for passage in passages:
        collation = Collation()
        for siglum, witness in zip(sigla_of(passage, sigla), passage.witnesses, strict=True):
            collation.add_plain_witness(siglum, witness.text)
        tables.append(collatex_collate(collation, output="json", segmentation=True))
    their_time = time.perf_counter() - start
    print(f"{len(passages)} passages of the seeds: our collation {own_time * 1000:.1f} ms, "
          f"CollateX {their_time * 1000:.1f} ms ({their_time / own_time:.0f} times slower)")
    import json

    for apparatus, table in zip(ours, tables, strict=True):
        data = json.loads(table)
        rows = list(zip(*data["table"], strict=True))
        differing = sum(1 for row in rows
                        if len({" ".join(t["t"].strip() for t in cell or []) for cell in row})
                        > 1)
        print(f"  passage {apparatus.key}: our variant places {len(apparatus.locations)}, "
              f"CollateX columns that differ {differing}")
        for row in rows:
            cells = [" ".join(t["t"].strip() for t in cell or []) for cell in row]
            if any("2021" in c for c in cells) and len(set(cells)) > 1:
                print("    CollateX column with “2021”:", " | ".join(c or "–" for c in cells))
        for location in apparatus.locations:
            if "2021" in location.lemma:
                print("    our place with “2021”:", location.lemma, "]",
                      "; ".join(f"{r.text or 'om.'} {' '.join(r.sigla)}"
                                for r in location.readings))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="125,250,500,1000",
                        help="numbers of articles, comma-separated (default 125,250,500,1000)")
    parser.add_argument("--collatex", action="store_true",
                        help="compare CollateX (pip install collatex) with our collation")
    arguments = parser.parse_args(argv)
    run([int(size) for size in arguments.sizes.split(",")])
    if arguments.collatex:
        compare_collatex()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
