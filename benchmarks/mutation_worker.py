"""The process that runs mutants for ``benchmarks/mutate.py``: imported once, forked per mutant.

Starting pytest, Hypothesis and Sphinx (which ``tests/conftest.py`` imports) costs more
than most mutants' tests, on a machine whose two cores are shared. This process imports
those libraries once, and forks a child for each mutant that runs ``pytest.main`` with
``MUTANT_UNDER_TEST`` set. The core (``annotated_edition``) is never imported here: each
child imports it afresh, so its module-level caches are filled by the mutant, as in a new
process.

Protocol (lines on stdin and stdout): ``MUTANT TIMEOUT`` in (``-`` for no mutant,
``none`` for no time limit), ``EXIT_CODE SECONDS`` out,
with ``timeout`` for the exit code when the tests ran out of time.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time

# What the tests and the core import, but not the core itself.
import ahocorasick  # noqa: F401
import hypothesis.strategies  # noqa: F401
import jsonschema  # noqa: F401
import markdown_it  # noqa: F401
import pytest
import sphinx.testing.util  # noqa: F401  (tests/conftest.py imports it)
import yaml  # noqa: F401

import benchmarks.mutation_profile  # noqa: F401  (the Hypothesis profile of the run)


def run_one(mutant: str, timeout: float | None, args: list[str]) -> tuple[str, float]:
    started = time.monotonic()
    child = os.fork()
    if child == 0:  # the child: the tests, quietly, with the mutant on
        os.setpgid(0, 0)
        os.environ["MUTANT_UNDER_TEST"] = mutant
        null = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(null, stream)
        try:
            code = int(pytest.main(args))
        except BaseException:
            code = 3
        os._exit(code)
    deadline = None if timeout is None else started + timeout
    while True:
        done, status = os.waitpid(child, os.WNOHANG)
        if done:
            return str(os.waitstatus_to_exitcode(status)), time.monotonic() - started
        if deadline is not None and time.monotonic() > deadline:
            os.killpg(child, signal.SIGKILL)
            os.waitpid(child, 0)
            return "timeout", time.monotonic() - started
        time.sleep(0.02)


def main() -> None:
    assert "annotated_edition" not in sys.modules, "the core must be imported by each child"
    # The children exit at once: no collection of garbage at pytest's end (two full passes)
    args = ["-p", "no:unraisableexception", "-p", "no:threadexception", *sys.argv[1:]]
    gc.freeze()  # what is imported stays shared with the children, never copied
    for line in sys.stdin:
        mutant, _, limit = line.strip().partition(" ")  # "-" is the original code
        code, seconds = run_one("" if mutant == "-" else mutant,
                                None if limit == "none" else float(limit), args)
        print(code, f"{seconds:.2f}", flush=True)


if __name__ == "__main__":
    main()
