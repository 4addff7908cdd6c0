"""What the extensions cost on top of Sphinx, for editions of 10 to 1,000 articles.

    python3 edition.py bench                    # N = 10, 100, 1000 and the core (~40 min)
    python3 edition.py bench --sizes 10,100     # a quick run

For each N a synthetic corpus is generated (``benchmarks/corpus.py``) and built in fresh
child processes (``benchmarks/build.py``): plain Sphinx on the same pages and the full
edition, with ``-j 1`` and ``-j auto``; the edition with the garbage collector left
alone (``edition_gc_freeze = False``: what the extensions cost without
``sphinx_annotated_edition.buildgc``); then the edition again after one word of one article is
edited. Then the core is timed on 10 MB of text (``benchmarks/core.py``). The table and
the targets are printed; the figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.build import Build, edit_one_article, sphinx_build
from benchmarks.core import CoreFigures, measure
from benchmarks.corpus import Corpus, generate

RATIO_TARGET = 1.25  # the edition at most 1.25 times plain Sphinx, at the largest N
INCREMENTAL_TARGET = 0.10  # a rebuild after one edit under 10% of the full build
MATCH_TARGET = 20.0  # MB/s of term matching with 5,000 entries
LINEAR_TOLERANCE = 1.5  # memory per article between the two largest N, against the first
FREEZE_SETTING = "edition_gc_freeze"  # sphinx_annotated_edition.buildgc


@dataclass(frozen=True)
class Row:
    """Every measurement of one corpus size."""

    corpus: Corpus
    plain: Build
    edition: Build
    plain_auto: Build | None
    edition_auto: Build | None
    incremental: Build
    edited: str
    unfrozen: Build  # the edition with edition_gc_freeze = False: the collector left alone


def run_size(size: int, workdir: Path, auto: bool) -> Row:
    corpus = generate(size, workdir / f"n{size}")
    print(f"N={size}: {corpus.glossary_entries} glossary entries, {corpus.notes} notes, "
          f"{corpus.text_bytes / 1e6:.2f} MB of text", flush=True)
    out = corpus.root / "out"
    plain = sphinx_build(corpus.plain, out / "plain")
    print(f"  plain -j 1    {plain.seconds:7.1f} s", flush=True)
    edition = sphinx_build(corpus.edition, out / "edition")
    print(f"  edition -j 1  {edition.seconds:7.1f} s", flush=True)
    unfrozen = sphinx_build(corpus.edition, out / "edition-unfrozen",
                            settings=[f"{FREEZE_SETTING}=0"])
    print(f"  edition -j 1, {FREEZE_SETTING} = False  {unfrozen.seconds:7.1f} s", flush=True)
    edited = edit_one_article(corpus)
    incremental = sphinx_build(corpus.edition, out / "edition", fresh=False)
    print(f"  incremental   {incremental.seconds:7.1f} s ({incremental.read} read, "
          f"{incremental.written} written)", flush=True)
    plain_auto = edition_auto = None
    if auto:
        plain_auto = sphinx_build(corpus.plain, out / "plain-auto", jobs="auto")
        print(f"  plain -j auto {plain_auto.seconds:7.1f} s", flush=True)
        edition_auto = sphinx_build(corpus.edition, out / "edition-auto", jobs="auto")
        print(f"  edition -j auto {edition_auto.seconds:5.1f} s", flush=True)
    return Row(corpus, plain, edition, plain_auto, edition_auto, incremental, edited,
               unfrozen)


def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def table(rows: list[Row], core: CoreFigures | None) -> str:
    """The figures, then each target beside what was measured."""
    lines = [f"Measured {dt.date.today().isoformat()} on {platform.node() or 'this machine'}: "
             f"{os.cpu_count()} cores, Python {platform.python_version()}; wall times of "
             "one build each, in seconds", "",
             "     N  entries  text MB |  -j 1: plain  edition  ratio | -j auto: plain  "
             "edition  ratio | incremental  of full | peak RSS MB: plain  edition | warnings"]
    for row in rows:
        auto = "   -        -       -  "
        if row.plain_auto and row.edition_auto:
            auto = (f"{row.plain_auto.seconds:7.1f}  {row.edition_auto.seconds:7.1f}  "
                    f"{row.edition_auto.seconds / row.plain_auto.seconds:5.2f}")
        lines.append(
            f"{row.corpus.size:6d}  {row.corpus.glossary_entries:7d}  "
            f"{row.corpus.text_bytes / 1e6:7.2f} |      {row.plain.seconds:7.1f}  "
            f"{row.edition.seconds:7.1f}  {row.edition.seconds / row.plain.seconds:5.2f} | "
            f"       {auto} |     {row.incremental.seconds:7.1f}  "
            f"{row.incremental.seconds / row.edition.seconds:6.1%} |"
            f"          {row.plain.peak_rss_mb:7.0f}  {row.edition.peak_rss_mb:7.0f} | "
            f"{row.edition.warnings:8d}")
    lines += ["", "garbage collection (seconds of each -j 1 build; "
              "sphinx_annotated_edition.buildgc freezes what was read when writing starts), "
              "and the edition built with the "
              f"collector left alone ({FREEZE_SETTING} = False):",
              "     N |  GC: plain  edition | unfrozen edition: wall     GC  ratio to plain"]
    for row in rows:
        lines.append(f"{row.corpus.size:6d} |    {row.plain.gc_seconds:7.1f}  "
                     f"{row.edition.gc_seconds:7.1f} |                 {row.unfrozen.seconds:7.1f}"
                     f"  {row.unfrozen.gc_seconds:5.1f}  "
                     f"{row.unfrozen.seconds / row.plain.seconds:5.2f}")
    lines += ["", "incremental: one word of one article's seed edited, then the edition "
              "rebuilt (-j 1); " + "; ".join(
                  f"N={row.corpus.size}: {row.incremental.read} read, "
                  f"{row.incremental.written} written" for row in rows)]
    if core is not None:
        lines += ["", f"core: {core.entries} glossary entries ({core.forms} forms, automaton "
                  f"built in {core.automaton_seconds:.2f} s), {core.megabytes:.1f} MB of text "
                  f"in {core.paragraphs} paragraphs",
                  f"  term matching, paragraph by paragraph  {core.match_mb_s:6.1f} MB/s "
                  f"({core.matches} occurrences)",
                  f"  term matching, the text in one call    {core.match_whole_mb_s:6.1f} MB/s",
                  f"  date extraction, article by article    {core.date_mb_s:6.1f} MB/s "
                  f"({core.sentences_s:,.0f} sentences/s, {core.expressions} expressions)"]
    lines += ["", "targets"]
    largest = rows[-1]
    ratio = largest.edition.seconds / largest.plain.seconds
    lines.append(f"  edition <= {RATIO_TARGET}x plain at N={largest.corpus.size}, -j 1: "
                 f"{ratio:.2f}x  {verdict(ratio <= RATIO_TARGET)}")
    if largest.plain_auto and largest.edition_auto:
        ratio = largest.edition_auto.seconds / largest.plain_auto.seconds
        lines.append(f"  edition <= {RATIO_TARGET}x plain at N={largest.corpus.size}, "
                     f"-j auto: {ratio:.2f}x  {verdict(ratio <= RATIO_TARGET)}")
    ratio = largest.unfrozen.seconds / largest.plain.seconds
    lines.append(f"  (the same with {FREEZE_SETTING} = False, -j 1: {ratio:.2f}x  "
                 f"{verdict(ratio <= RATIO_TARGET)})")
    share = largest.incremental.seconds / largest.edition.seconds
    lines.append(f"  incremental rebuild < {INCREMENTAL_TARGET:.0%} of the full build at "
                 f"N={largest.corpus.size}: {share:.1%}  {verdict(share < INCREMENTAL_TARGET)}")
    if core is not None:
        lines.append(f"  term matching >= {MATCH_TARGET:.0f} MB/s: {core.match_mb_s:.1f} MB/s  "
                     f"{verdict(core.match_mb_s >= MATCH_TARGET)}")
    lines.append(memory_line(rows))
    return "\n".join(lines)


def memory_line(rows: list[Row]) -> str:
    """Linear growth: the memory each added article costs stays the same as N grows."""
    if len(rows) < 3:
        return "  memory linear in N: needs three sizes"
    first, middle, last = rows[0], rows[-2], rows[-1]

    def per_article(a: Row, b: Row) -> float:
        return (b.edition.peak_rss_mb - a.edition.peak_rss_mb) / (b.corpus.size - a.corpus.size)

    early, late = per_article(first, middle), per_article(middle, last)
    growth = late / early if early > 0 else float("inf")
    return (f"  memory linear in N (edition, -j 1): {early:.2f} MB per article from "
            f"N={first.corpus.size} to {middle.corpus.size}, {late:.2f} from "
            f"{middle.corpus.size} to {last.corpus.size} ({growth:.2f}x; linear when "
            f"<= {LINEAR_TOLERANCE})  {verdict(growth <= LINEAR_TOLERANCE)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 edition.py bench",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000",
                        help="corpus sizes, comma-separated (default: 10,100,1000)")
    parser.add_argument("--no-auto", action="store_true",
                        help="skip the -j auto builds (they run at every size by default)")
    parser.add_argument("--core-mb", type=float, default=10.0,
                        help="megabytes of text for the core benchmark (0: skip it)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where corpora and builds go (default: a temporary folder, "
                             "removed at the end)")
    arguments = parser.parse_args(argv)
    sizes = sorted(int(size) for size in arguments.sizes.split(",") if size.strip())
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="edition-bench-"))
    try:
        rows = [run_size(size, workdir, not arguments.no_auto) for size in sizes]
        core = None
        if arguments.core_mb > 0:
            print(f"core: {arguments.core_mb:g} MB of text, 5,000 entries", flush=True)
            core = measure(arguments.core_mb)
        print()
        print(table(rows, core))
    finally:
        if arguments.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
