"""Mutation score of the pure core: ``python3 edition.py mutate [MODULE ...] [-j N]``.

mutmut 3 writes the mutants (``mutants/``: each function beside its mutated copies, the
one run chosen by the ``MUTANT_UNDER_TEST`` variable). Its own runner is not used, for two
reasons that would each make the score dishonest here:

- it forks every mutant from a process that has already run the tests, so the core's
  module-level caches (``matching._FOLD``, ``_UNACCENT``, ``_IS_WORD``) arrive filled by
  the original code and hide the mutants of the functions that fill them;
- it runs for each mutant only the tests that called the mutated function while it
  collected its statistics, and a cached value or a module-scoped fixture calls a function
  in the first test only: the tests that would notice the mutant are never run.

So each mutant runs here in a fresh ``python -m pytest -x`` process, on every pure-core
test file of its module (never a Sphinx build). A mutant is *killed* when a test fails,
*timed out* when the tests take far longer than without it (an endless loop); both count
as caught. Mutants that cannot change behaviour are listed, each with its reason, in
``tests/mutation_equivalents.toml`` and left out of the score.

Outcomes are kept in ``_build/mutation/MODULE.json``. While the core is unchanged, a
mutant caught once is not run again (``--fresh`` runs all): an interrupted run goes on
where it stopped, and after tests are added only the survivors meet them.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import functools
import hashlib
import json
import os
import queue
import random
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
RESULTS = ROOT / "_build" / "mutation"
EQUIVALENTS = ROOT / "tests" / "mutation_equivalents.toml"
SOURCE = Path("src") / "annotated_edition"
# The pure-core tests that exercise each module, the quickest first (pytest -x stops at
# the first failure). None builds a Sphinx project.
TESTS = {
    "articles": ["test_core_edges.py", "test_ingestion.py", "test_properties.py",
                 "test_catalog.py"],
    "catalog": ["test_core_edges.py", "test_catalog.py", "test_ingestion.py",
                "test_properties.py"],
    "notes": ["test_core_edges.py", "test_notes_core.py"],
    "matching": ["test_matching.py", "test_glossary_core.py"],
    # the letter rules the matcher and the search fold with (once part of matching.py)
    "folding": ["test_folding.py", "test_matching.py", "test_glossary_core.py"],
    "dates": ["test_dates_edges.py", "test_dates.py", "test_chronology.py"],
}
# Tests of other code than the core's, left out of the run: dateparser's score on the
# annotated set cannot fall below the grammar's while test_the_grammar_on_the_annotated_set
# still holds the grammar to its floor.
LEFT_OUT = ["tests/test_dates.py::test_dateparser_keeps_no_precision_on_the_annotated_set"]
ORDER = ["folding", "matching", "articles", "catalog", "notes", "dates"]  # the smallest first
CAUGHT = ("killed", "timeout")


@dataclass
class Outcome:
    mutant: str
    status: str  # killed, timeout, survived, equivalent
    seconds: float


def generate(module: str) -> list[str]:
    """The names of the module's mutants, written by mutmut into mutants/ when stale."""
    # mutmut's generation API is internal (mutmut.__main__): kept to this one function.
    from mutmut.__main__ import create_file_mutants

    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        for path in sorted(SOURCE.glob("*.py")):  # the rest of the core, unmutated
            if path.stem not in TESTS:
                _update(path, MUTANTS / path)
        for folder in ("tests", "docs", "seeds", "benchmarks"):
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file() and not {"__pycache__", "_build"} & set(path.parts):
                    _update(path, MUTANTS / path)
        _update(Path("pyproject.toml"), MUTANTS / "pyproject.toml")
        result = create_file_mutants(SOURCE / f"{module}.py")
        if result.error:
            raise result.error
    finally:
        os.chdir(cwd)
    meta = json.loads((MUTANTS / SOURCE / f"{module}.py.meta").read_text())
    return sorted(meta["exit_code_by_key"], key=_natural)


def _update(source: Path, target: Path) -> None:
    """Copy a changed file whole (another run's tests may be reading the old one)."""
    content = source.read_bytes()
    if target.exists() and target.read_bytes() == content:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_bytes(content)
    os.replace(partial, target)


def _natural(name: str) -> tuple[str, int]:
    function, _, number = name.rpartition("_")
    return function, int(number) if number.isdigit() else -1


def pytest_args(module: str) -> list[str]:
    # --tb=no: rendering the failure (the source of a long parametrize list) costs ten
    # times what the failing test does; only the exit code counts.
    return ["-x", "-q", "--tb=no", "-p", "no:cacheprovider", "-p", "benchmarks.mutation_profile",
            "--no-header", "-o", "addopts=", *(f"--deselect={test}" for test in LEFT_OUT),
            *(f"tests/{name}" for name in TESTS[module])]


class Workers:
    """Processes that have imported pytest and the test libraries, each forking per mutant.

    See ``benchmarks/mutation_worker.py``: the core is imported afresh in every fork.
    """

    def __init__(self, module: str, count: int) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(MUTANTS / "src"), str(ROOT)])}
        env.pop("MUTANT_UNDER_TEST", None)
        # Bytecode cached in mutants/: compiling the mutated module (thousands of functions)
        # for each mutant would cost more than its tests.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.idle: queue.Queue[subprocess.Popen[str]] = queue.Queue()
        self.all = [subprocess.Popen(
            [sys.executable, "-m", "benchmarks.mutation_worker", *pytest_args(module)],
            cwd=MUTANTS, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            for _ in range(count)]
        for worker in self.all:
            self.idle.put(worker)

    def run(self, mutant: str, timeout: float | None) -> tuple[int | None, float]:
        """pytest's exit code with ``mutant`` active (None when it ran out of time)."""
        worker = self.idle.get()
        try:
            assert worker.stdin is not None and worker.stdout is not None
            worker.stdin.write(f"{mutant or '-'} {'none' if timeout is None else timeout}\n")
            worker.stdin.flush()
            reply = worker.stdout.readline().split()
        finally:
            self.idle.put(worker)
        if not reply:
            sys.exit("a mutation worker stopped (see its error above)")
        code, seconds = reply
        return (None if code == "timeout" else int(code)), float(seconds)

    def close(self) -> None:
        for worker in self.all:
            assert worker.stdin is not None
            worker.stdin.close()
            worker.wait()


def fingerprint(module: str) -> str:
    """What the mutants are made of: the module and the rest of the core they import."""
    digest = hashlib.sha256()
    for path in [ROOT / SOURCE / f"{module}.py", *sorted((ROOT / SOURCE).glob("*.py"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def equivalents() -> dict[str, str]:
    with EQUIVALENTS.open("rb") as file:
        table: dict[str, str] = tomllib.load(file).get("equivalent", {})
    return table


def measure(module: str, jobs: int, sample: int | None, fresh: bool) -> list[Outcome]:
    mutants = generate(module)
    if sample is not None and sample < len(mutants):  # the quick mode: the same few each time
        chosen = set(random.Random(module).sample(mutants, sample))
        mutants = [name for name in mutants if name in chosen]
    store = RESULTS / f"{module}.json"
    known: dict[str, dict[str, object]] = {}
    if store.exists() and not fresh:
        saved = json.loads(store.read_text())
        if saved.get("fingerprint") == fingerprint(module):  # survivors meet the tests again
            known = {name: outcome for name, outcome in saved["outcomes"].items()
                     if outcome["status"] in CAUGHT}
    workers = Workers(module, jobs)
    try:
        return run_all(module, mutants, known, workers, store)
    finally:
        workers.close()


def run_all(module: str, mutants: list[str], known: dict[str, dict[str, object]],
            workers: Workers, store: Path) -> list[Outcome]:
    code, seconds = workers.run("", None)
    if code != 0:
        sys.exit(f"{module}: the tests fail without any mutant (exit {code})")
    code, _ = workers.run("fail", None)
    if code in (0, 5):
        sys.exit(f"{module}: a mutant that always raises passes: the tests do not import "
                 f"the mutated copy in {MUTANTS / 'src'}")
    timeout = 3 * seconds + 10
    print(f"{module}: {len(mutants)} mutants, tests take {seconds:.1f}s "
          f"(a mutant times out after {timeout:.0f}s)", flush=True)
    todo = [name for name in mutants if name not in known]
    outcomes = {name: Outcome(name, str(known[name]["status"]), float(str(known[name]["s"])))
                for name in mutants if name in known}

    def one(name: str) -> Outcome:
        code, took = workers.run(name, timeout)
        status = "timeout" if code is None else "survived" if code == 0 else "killed"
        if code == 5:
            sys.exit(f"{module}: no test collected for {name}")
        return Outcome(name, status, took)

    with ThreadPoolExecutor(max_workers=len(workers.all)) as pool:
        for count, outcome in enumerate(pool.map(one, todo), 1):
            outcomes[outcome.mutant] = outcome
            if count % 10 == 0 or count == len(todo):
                print(f"  {count}/{len(todo)} run", flush=True)
                RESULTS.mkdir(parents=True, exist_ok=True)
                store.write_text(json.dumps({
                    "fingerprint": fingerprint(module),
                    "outcomes": {o.mutant: {"status": o.status, "s": round(o.seconds, 2)}
                                 for o in outcomes.values()}}, indent=1))
    return [outcomes[name] for name in mutants]


@functools.cache
def _functions(module: str) -> tuple[str, dict[str, ast.FunctionDef]]:
    """mutmut's copy of the module, and its functions by name (parsed once: it is large)."""
    source = (MUTANTS / SOURCE / f"{module}.py").read_text()
    tree = ast.parse(source)
    return source, {node.name: node for node in ast.walk(tree)
                    if isinstance(node, ast.FunctionDef)}


def diff(module: str, mutant: str) -> list[str]:
    """The lines a mutant changes, from mutmut's copy of the function and of the original."""
    source, functions = _functions(module)
    name = mutant.rpartition(".")[2]
    original = functions.get(name.rpartition("__mutmut_")[0] + "__mutmut_orig")
    mutated = functions.get(name)
    if original is None or mutated is None:
        return ["(source not found)"]
    before = (ast.get_source_segment(source, original) or "").splitlines()[1:]
    after = (ast.get_source_segment(source, mutated) or "").splitlines()[1:]
    return [line for line in difflib.unified_diff(before, after, lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def report(module: str, outcomes: list[Outcome], marked: dict[str, str]) -> tuple[int, int]:
    for outcome in outcomes:
        if outcome.mutant in marked:
            outcome.status = "equivalent" if outcome.status == "survived" else outcome.status
    counts = {status: sum(o.status == status for o in outcomes)
              for status in ("killed", "timeout", "survived", "equivalent")}
    caught = counts["killed"] + counts["timeout"]
    scored = len(outcomes) - counts["equivalent"]
    print(f"\n{module}.py: {len(outcomes)} mutants, {counts['killed']} killed, "
          f"{counts['timeout']} timed out, {counts['survived']} survived, "
          f"{counts['equivalent']} equivalent: score {caught}/{scored} = "
          f"{100 * caught / max(scored, 1):.1f}%")
    for status, title in (("survived", "surviving"), ("equivalent", "equivalent")):
        listed = [o for o in outcomes if o.status == status]
        if listed:
            print(f"  {title}:")
        for outcome in listed:
            why = f"  ({marked[outcome.mutant]})" if status == "equivalent" else ""
            print(f"    {outcome.mutant}{why}")
            for line in diff(module, outcome.mutant):
                print(f"        {line.strip()[:1]} {line[1:].strip()}")
    stale = [name for name in marked if name.startswith(f"annotated_edition.{module}.")
             and name not in {o.mutant for o in outcomes if o.status == "equivalent"}]
    generated = {o.mutant for o in outcomes}
    for name in stale:
        state = "caught" if name in generated else "not generated"
        print(f"  listed as equivalent but {state}: {name} (update {EQUIVALENTS.name})")
    return caught, scored


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="edition.py mutate", description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"one or more of {', '.join(ORDER)} (default: all, smallest first)")
    parser.add_argument("-j", "--jobs", type=int, default=1,
                        help="mutants run at once (default 1: the machine is shared)")
    parser.add_argument("--fresh", action="store_true",
                        help="run every mutant again, even those caught by an earlier run")
    parser.add_argument("--sample", type=int, metavar="N",
                        help="quick mode: only N mutants of each module, drawn at random "
                             "(the same N every time), for an estimate of the score")
    args = parser.parse_args(argv)
    unknown = [name for name in args.modules if name not in ORDER]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}: choose from {', '.join(ORDER)}")
    modules = [name for name in ORDER if name in args.modules] or ORDER
    marked = equivalents()
    table = []
    for module in modules:
        caught, scored = report(module, measure(module, args.jobs, args.sample, args.fresh), marked)
        table.append((module, caught, scored))
    print("\n| module | caught | scored | score |\n|---|---|---|---|")
    for module, caught, scored in table:
        print(f"| {module}.py | {caught} | {scored} | {100 * caught / max(scored, 1):.1f}% |")


if __name__ == "__main__":
    main()
