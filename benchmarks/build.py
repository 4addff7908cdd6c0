"""Timed Sphinx builds, each in a fresh child process: wall time, peak memory, warnings.

A child per build, so that nothing cached in one build (the corpus, the glossary's
automaton, imported modules) helps the next, and so that ``wait4`` gives the peak
resident memory of that build alone. With ``-j auto`` Sphinx forks workers; the figure is
then the largest of those processes, not their sum.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from benchmarks.corpus import ROOT, Corpus

_UPDATING = re.compile(r"updating environment: (?:\[[^\]]*\] )?(\d+) added, (\d+) changed")
_WRITING = re.compile(r"^writing output\.\.\. \[", re.MULTILINE)


@dataclass(frozen=True)
class Build:
    """What one build cost and did."""

    seconds: float
    cpu_seconds: float  # user and system time of the build (and of its -j workers)
    gc_seconds: float  # of which garbage collection (the main process's)
    peak_rss_mb: float
    warnings: int
    read: int  # documents read (added or changed)
    written: int  # documents written


def sphinx_build(srcdir: Path, outdir: Path, jobs: str = "1", fresh: bool = True,
                 settings: Sequence[str] = (), options: Sequence[str] = ()) -> Build:
    """Build ``srcdir`` as HTML into ``outdir`` (its doctrees beside the pages).

    ``settings`` are ``name=value`` overrides of the configuration (``-D``); ``options``
    more options of sphinx-build (``-n``, ``--keep-going``).
    """
    if fresh and outdir.exists():
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    log, warnings = outdir / "build.log", outdir / "warnings.txt"
    stats = outdir / "gc.json"
    command = [sys.executable, "-m", "benchmarks.gcstats", str(stats), "-b", "html",
               "-j", jobs, "-N", "-d", str(outdir / "doctrees"), "-w", str(warnings),
               *(f"-D{setting}" for setting in settings), *options, str(srcdir),
               str(outdir / "html")]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")]))}
    with log.open("w", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"sphinx-build exited with {process.returncode}; see {log}")
    text = log.read_text(encoding="utf-8", errors="replace")
    updating = _UPDATING.search(text)
    read = int(updating[1]) + int(updating[2]) if updating else 0
    collected = json.loads(stats.read_text(encoding="utf-8"))["seconds"]
    return Build(seconds=seconds, cpu_seconds=usage.ru_utime + usage.ru_stime,
                 gc_seconds=collected,
                 peak_rss_mb=usage.ru_maxrss / 1024,  # Linux: kilobytes
                 warnings=warnings.read_text(encoding="utf-8").count("WARNING:"),
                 read=read, written=len(_WRITING.findall(text)))


def edit_one_article(corpus: Corpus) -> str:
    """Replace one word of one article's seed, as an editor fixing a typo would.

    The article is one in the middle of the corpus whose notes do not quote its last
    paragraph; the last word of that paragraph becomes "today". Returns the seed's name.
    """
    notes = yaml.safe_load((corpus.edition / "notes.yaml").read_text(encoding="utf-8"))
    quoted: dict[str, list[str]] = {}
    for note in notes["notes"]:
        quoted.setdefault(note["article"], []).append(note["quote"])
    middle = len(corpus.articles) // 2
    for article in corpus.articles[middle:] + corpus.articles[:middle]:
        last = article.paragraphs[-1]
        if any(quote in last for quote in quoted.get(article.slug, [])):
            continue
        words = last.rstrip(".!?").split(" ")
        edited = " ".join([*words[:-1], "today"]) + last[len(last.rstrip(".!?")):]
        seed = corpus.seeds / article.file
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text.replace(last, edited), encoding="utf-8")
        return article.file
    raise RuntimeError("no article can be edited without moving a note")
