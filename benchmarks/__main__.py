"""What the extensions cost on top of Sphinx, like for like, for editions of 10 to 1,000 articles.

    python3 edition.py bench                    # N = 10, 100, 1000, the editing loop, the core
    python3 edition.py bench --sizes 10         # a quick run (under a minute)

For each N a synthetic corpus is generated (``benchmarks/corpus.py``) and built in fresh
child processes (``benchmarks/build.py``), ``-j 1``, as four projects, in interleaved
rounds (the order reversed every other round, so that what else runs on the machine
weighs on all four alike): plain Sphinx on the same pages; the edition with the garbage
collector left alone (``edition_gc_freeze = False``), its like for like; plain Sphinx
with ``sphinx_annotated_edition.buildgc`` alone; and the full edition, which loads it:
the second like for like. Medians are reported with their spread. Then one word of one
article is edited and the edition rebuilt; at the largest N (if 1,000 or more, or with
``--auto yes``) plain Sphinx and the edition are built once more with ``-j auto``. Then
the editing loop of the real edition (``benchmarks/editloop.py``) and the core on text
of a few MB (``benchmarks/core.py``). The table and the targets are printed; the figures
depend on the machine and on what else runs on it: CPU seconds (user and system) are
the steadier figure on a shared one.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import editloop
from benchmarks.build import Build, edit_one_article, sphinx_build
from benchmarks.core import CoreFigures, measure
from benchmarks.corpus import ROOT, Corpus, generate

RATIO_TARGET = 1.2  # the edition at most 1.2 times plain Sphinx, -j 1, at every N
MEMORY_TARGET = 1.3  # and at most 1.3 times its peak memory
INCREMENTAL_TARGET = 0.10  # a rebuild after one edit under 10% of the full build
MATCH_TARGET = 20.0  # MB/s of term matching with 5,000 entries
LINEAR_TOLERANCE = 1.5  # memory per article between the two largest N, against the first
FREEZE_SETTING = "edition_gc_freeze"  # sphinx_annotated_edition.buildgc
BUILDGC = "sphinx_annotated_edition.buildgc"
PLAIN_EXTENSIONS = "myst_parser,sphinx_design"  # the plain project's (benchmarks/corpus.py)


@dataclass(frozen=True)
class Runs:
    """The builds of one project at one N, in the order they ran."""

    builds: list[Build]

    def median(self, figure: Callable[[Build], float]) -> float:
        return statistics.median(figure(build) for build in self.builds)

    def spread(self, figure: Callable[[Build], float]) -> tuple[float, float]:
        values = [figure(build) for build in self.builds]
        return min(values), max(values)


def wall(build: Build) -> float:
    return build.seconds


def cpu(build: Build) -> float:
    return build.cpu_seconds


def rss(build: Build) -> float:
    return build.peak_rss_mb


@dataclass(frozen=True)
class Pair:
    """Plain Sphinx and the edition with the same garbage-collector treatment."""

    name: str
    plain: Runs
    edition: Runs

    def ratio(self, figure: Callable[[Build], float]) -> float:
        return self.edition.median(figure) / self.plain.median(figure)


@dataclass(frozen=True)
class Row:
    """Every measurement of one corpus size."""

    corpus: Corpus
    pairs: list[Pair]  # without buildgc on either side, then with it on both
    incremental: Build
    plain_auto: Build | None
    edition_auto: Build | None


# The four projects of a round: (label, plain or edition, -D settings, output folder).
PROJECTS = (
    ("plain", "plain", (), "plain"),
    ("edition, edition_gc_freeze = False", "edition", (f"{FREEZE_SETTING}=0",), "unfrozen"),
    (f"plain + {BUILDGC}", "plain", (f"extensions={PLAIN_EXTENSIONS},{BUILDGC}",), "plain-gc"),
    ("edition (with buildgc)", "edition", (), "edition"),
)


def run_size(size: int, workdir: Path, rounds: int, auto: bool) -> Row:
    corpus = generate(size, workdir / f"n{size}")
    print(f"N={size}: {corpus.glossary_entries} glossary entries, {corpus.notes} notes, "
          f"{corpus.text_bytes / 1e6:.2f} MB of text; {rounds} rounds", flush=True)
    out = corpus.root / "out"
    builds: dict[str, list[Build]] = {label: [] for label, *_ in PROJECTS}
    for number in range(rounds):
        order = PROJECTS if number % 2 == 0 else tuple(reversed(PROJECTS))
        for label, kind, settings, folder in order:
            source = corpus.plain if kind == "plain" else corpus.edition
            build = sphinx_build(source, out / folder, settings=settings)
            builds[label].append(build)
            print(f"  {label:<45} {build.seconds:6.1f} s wall {build.cpu_seconds:6.1f} s CPU "
                  f"{build.peak_rss_mb:5.0f} MB", flush=True)
    runs = [Runs(builds[label]) for label, *_ in PROJECTS]
    pairs = [Pair("without buildgc", runs[0], runs[1]), Pair("buildgc on both", runs[2], runs[3])]
    edited = edit_one_article(corpus)
    incremental = sphinx_build(corpus.edition, out / "edition", fresh=False)
    print(f"  incremental after editing {edited}: {incremental.seconds:.1f} s "
          f"({incremental.read} read, {incremental.written} written)", flush=True)
    plain_auto = edition_auto = None
    if auto:
        plain_auto = sphinx_build(corpus.plain, out / "plain-auto", jobs="auto")
        print(f"  plain -j auto   {plain_auto.seconds:6.1f} s", flush=True)
        edition_auto = sphinx_build(corpus.edition, out / "edition-auto", jobs="auto")
        print(f"  edition -j auto {edition_auto.seconds:6.1f} s", flush=True)
    return Row(corpus, pairs, incremental, plain_auto, edition_auto)


def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def _figure(runs: Runs, figure: Callable[[Build], float]) -> str:
    low, high = runs.spread(figure)
    return f"{runs.median(figure):6.1f} ({low:.1f}–{high:.1f})"


def commit() -> str:
    """The commit measured (with "+changes" when the work tree differs from it)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+changes" if dirty else "")


def table(rows: list[Row], loop: editloop.EditLoop | None, core: CoreFigures | None,
          measured: str, load: float) -> str:
    """The figures, then each target beside what was measured."""
    rounds = ", ".join(f"{len(row.pairs[0].plain.builds)} at N={row.corpus.size}"
                       for row in rows)
    lines = [f"Measured {dt.date.today().isoformat()} on commit {measured}, "
             f"{platform.node() or 'this machine'}: {os.cpu_count()} cores, Python "
             f"{platform.python_version()}, load average {load:.1f} at the start; medians "
             f"of interleaved rounds ({rounds}; min–max), each build a fresh process, -j 1",
             "",
             "     N  like for like      |  wall s: plain           edition           ratio |"
             "  CPU s: plain  edition  ratio | peak RSS MB: plain  edition  ratio"]
    for row in rows:
        for pair in row.pairs:
            lines.append(
                f"{row.corpus.size:6d}  {pair.name:<17} | {_figure(pair.plain, wall):>17}"
                f" {_figure(pair.edition, wall):>17}  {pair.ratio(wall):5.2f} |"
                f"      {pair.plain.median(cpu):7.1f}  {pair.edition.median(cpu):7.1f}  "
                f"{pair.ratio(cpu):5.2f} |          {pair.plain.median(rss):7.0f}  "
                f"{pair.edition.median(rss):7.0f}  {pair.ratio(rss):5.2f}")
    lines += ["", "without buildgc: plain Sphinx against the edition with "
              f"{FREEZE_SETTING} = False; buildgc on both: plain Sphinx loading {BUILDGC} "
              "alone against the full edition"]
    sizes = ", ".join(f"N={row.corpus.size}: {row.corpus.glossary_entries} entries, "
                      f"{row.corpus.text_bytes / 1e6:.2f} MB" for row in rows)
    lines.append(f"corpora: {sizes}")
    largest = rows[-1]
    if largest.plain_auto and largest.edition_auto:
        single = largest.pairs[1]
        lines += ["", f"-j auto at N={largest.corpus.size} (one build each; buildgc on both): "
                  f"plain {largest.plain_auto.seconds:.1f} s (-j 1: "
                  f"{single.plain.median(wall):.1f} s), edition "
                  f"{largest.edition_auto.seconds:.1f} s (-j 1: "
                  f"{single.edition.median(wall):.1f} s)"
                  f"; the parallel read and write save "
                  f"{1 - largest.edition_auto.seconds / single.edition.median(wall):.0%} of the "
                  f"edition's build on {os.cpu_count()} cores"]
    lines += ["", "incremental: one word of one article's seed edited, then the edition "
              "rebuilt (-j 1); " + "; ".join(
                  f"N={row.corpus.size}: {row.incremental.seconds:.1f} s, "
                  f"{row.incremental.read} read, {row.incremental.written} written"
                  for row in rows)]
    if loop is not None:
        lines += ["", "editing loop (the real edition, as `python3 edition.py serve` rebuilds "
                  f"it; full build {loop.full.seconds:.1f} s):"]
        floor = loop.rebuilds[0].build.seconds
        for rebuild in loop.rebuilds:
            lines.append(f"  {rebuild.change:<55} {rebuild.build.seconds:5.1f} s "
                         f"({rebuild.build.seconds / floor:4.1f}x the no-op; "
                         f"{rebuild.build.read} read, {rebuild.build.written} written)")
    if core is not None:
        lines += ["", f"core: {core.entries} glossary entries ({core.forms} forms, automaton "
                  f"built in {core.automaton_seconds:.2f} s), {core.megabytes:.1f} MB of text "
                  f"in {core.paragraphs} paragraphs",
                  f"  term matching, paragraph by paragraph  {core.match_mb_s:6.1f} MB/s "
                  f"({core.matches} occurrences)",
                  f"  term matching, the text in one call    {core.match_whole_mb_s:6.1f} MB/s",
                  f"  date extraction, article by article    {core.date_mb_s:6.1f} MB/s "
                  f"({core.sentences_s:,.0f} sentences/s, {core.expressions} expressions)"]
    lines += ["", "targets (time judged on CPU seconds, wall in brackets)"]
    for row in rows:
        for pair in row.pairs:
            ratio = pair.ratio(cpu)
            lines.append(f"  edition <= {RATIO_TARGET}x plain at N={row.corpus.size}, -j 1, "
                         f"{pair.name}: {ratio:.2f}x ({pair.ratio(wall):.2f}x)  "
                         f"{verdict(ratio <= RATIO_TARGET)}")
        ratio = row.pairs[0].ratio(rss)
        lines.append(f"  peak memory <= {MEMORY_TARGET}x plain at N={row.corpus.size}: "
                     f"{ratio:.2f}x  {verdict(ratio <= MEMORY_TARGET)}")
    share = largest.incremental.seconds / largest.pairs[1].edition.median(wall)
    lines.append(f"  incremental rebuild < {INCREMENTAL_TARGET:.0%} of the full build at "
                 f"N={largest.corpus.size}: {share:.1%}  {verdict(share < INCREMENTAL_TARGET)}")
    if core is not None:
        lines.append(f"  term matching >= {MATCH_TARGET:.0f} MB/s: {core.match_mb_s:.1f} MB/s  "
                     f"{verdict(core.match_mb_s >= MATCH_TARGET)}")
    lines.append(memory_line(rows))
    return "\n".join(lines)


def memory_line(rows: Sequence[Row]) -> str:
    """Linear growth: the memory each added article costs stays the same as N grows."""
    if len(rows) < 3:
        return "  memory linear in N: needs three sizes"
    first, middle, last = rows[0], rows[-2], rows[-1]

    def per_article(a: Row, b: Row) -> float:
        return ((b.pairs[1].edition.median(rss) - a.pairs[1].edition.median(rss))
                / (b.corpus.size - a.corpus.size))

    early, late = per_article(first, middle), per_article(middle, last)
    growth = late / early if early > 0 else float("inf")
    return (f"  memory linear in N (edition, -j 1): {early:.2f} MB per article from "
            f"N={first.corpus.size} to {middle.corpus.size}, {late:.2f} from "
            f"{middle.corpus.size} to {last.corpus.size} ({growth:.2f}x; linear when "
            f"<= {LINEAR_TOLERANCE})  {verdict(growth <= LINEAR_TOLERANCE)}")


def compile_project() -> None:
    """Byte-compile the project's modules, as pip compiles Sphinx's when it installs it.

    Like for like: with ``PYTHONDONTWRITEBYTECODE`` set (as on this machine) an editable
    install would otherwise compile every module of the extensions from source in every
    build, a cost plain Sphinx, installed with its ``.pyc`` files, never pays.
    """
    for folder in ("extensions", "src"):
        compileall.compile_dir(ROOT / folder, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 edition.py bench",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000",
                        help="corpus sizes, comma-separated (default: 10,100,1000)")
    parser.add_argument("--rounds", default=None,
                        help="interleaved rounds per size, comma-separated like --sizes "
                             "(default: 3 below N=1000, 1 from it)")
    parser.add_argument("--auto", choices=("yes", "no", "large"), default="large",
                        help="-j auto builds at the largest N: always, never, or when it is "
                             "1000 or more (default)")
    parser.add_argument("--no-loop", action="store_true",
                        help="skip the editing loop of the real edition")
    parser.add_argument("--core-mb", type=float, default=None,
                        help="megabytes of text for the core benchmark (0: skip it; "
                             "default 10 with N=1000, else 1)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where corpora and builds go (default: a temporary folder, "
                             "removed at the end)")
    arguments = parser.parse_args(argv)
    sizes = sorted(int(size) for size in arguments.sizes.split(",") if size.strip())
    rounds = ([int(r) for r in arguments.rounds.split(",")] if arguments.rounds
              else [3 if size < 1000 else 1 for size in sizes])
    rounds += [rounds[-1]] * (len(sizes) - len(rounds))
    core_mb = arguments.core_mb if arguments.core_mb is not None else (
        10.0 if max(sizes) >= 1000 else 1.0)
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="edition-bench-"))
    load, measured = os.getloadavg()[0], commit()  # what is measured: as the run starts
    compile_project()
    try:
        auto = arguments.auto == "yes" or (arguments.auto == "large" and sizes[-1] >= 1000)
        rows = [run_size(size, workdir, count, auto and size == sizes[-1])
                for size, count in zip(sizes, rounds, strict=False)]
        loop = None
        if not arguments.no_loop:
            print("editing loop of the real edition", flush=True)
            loop = editloop.measure(workdir / "editloop")
        core = None
        if core_mb > 0:
            print(f"core: {core_mb:g} MB of text, 5,000 entries", flush=True)
            core = measure(core_mb)
        print()
        print(table(rows, loop, core, measured, load))
    finally:
        if arguments.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
