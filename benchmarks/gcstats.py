"""Sphinx run with the time CPython's garbage collector takes, for ``benchmarks/build.py``.

    python -m benchmarks.gcstats STATS.json SPHINX-BUILD-ARGUMENTS...

At 1,000 articles most of a build can be full collections (see
``sphinx_annotated_edition.buildgc``): the table shows how much, beside the wall time. The
figures are those of the main process; with ``-j auto`` the workers' own are not counted.
"""

from __future__ import annotations

import atexit
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any


class Collections:
    """Count and time every collection, per generation, from ``gc.callbacks``."""

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.runs = [0, 0, 0]
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        generation = info["generation"]
        self.seconds[generation] += time.perf_counter() - self._started
        self.runs[generation] += 1

    def write(self, path: Path) -> None:
        path.write_text(json.dumps({"seconds": sum(self.seconds), "by_generation":
                                    self.seconds, "runs": self.runs}), encoding="utf-8")


def main(argv: list[str]) -> int:
    stats_path, arguments = Path(argv[0]), argv[1:]
    collections = Collections()
    gc.callbacks.append(collections)
    atexit.register(collections.write, stats_path)
    from sphinx.cmd.build import main as sphinx_main

    return sphinx_main(arguments)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
