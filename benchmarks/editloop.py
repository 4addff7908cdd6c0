"""The editing loop: how long the edition takes to rebuild after an editor's one change.

``python3 edition.py serve`` (sphinx-autobuild) runs sphinx-build again, in a new process,
after each change it sees; this module does what it does to a copy of the REAL edition
(docs/ and seeds/ in a temporary folder) and times each rebuild: after nothing changed
(Sphinx's own no-op rebuild, the floor), after one note of notes.yaml, one definition of
glossary.yaml and one word of one seed. The builds take the options of the HTML build but
``-W``: the edited paragraph is rightly reported as not reviewed, a warning.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from annotated_edition.catalog import load_catalog
from benchmarks.build import Build, sphinx_build
from benchmarks.corpus import DOCS, SEEDS

OPTIONS = ("-n", "--keep-going")  # the HTML build's -W --keep-going -n, without -W


@dataclass(frozen=True)
class Rebuild:
    """One change and the rebuild that followed it."""

    change: str
    build: Build


@dataclass(frozen=True)
class EditLoop:
    """The full build of the copy, then each rebuild in the order made."""

    full: Build
    rebuilds: list[Rebuild]


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise RuntimeError(f"{path.name}: {old!r} not found")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _last_word(text: str) -> str:
    return re.findall(r"\w+", text)[-1]


def edit_note(docs: Path) -> str:
    """One word at the end of the first note's text, as an editor rewording it."""
    notes = yaml.safe_load((docs / "notes.yaml").read_text(encoding="utf-8"))["notes"]
    text = " ".join(notes[0]["text"].split())
    word = _last_word(text)
    _replace_once(docs / "notes.yaml", f"{word}.", f"{word} (edited).")
    return f"one note ({notes[0]['article']}: {notes[0]['quote'][:30]}…)"


def edit_definition(docs: Path) -> str:
    """One word added to the first glossary entry's definition."""
    entries = yaml.safe_load((docs / "glossary.yaml").read_text(encoding="utf-8"))["entries"]
    word = _last_word(entries[0]["definition"])
    _replace_once(docs / "glossary.yaml", f"{word}.", f"{word} (edited).")
    return f"one definition ({entries[0]['id']})"


def edit_seed(docs: Path, seeds: Path) -> str:
    """The last word of a paragraph that no note quotes, in the first seed of the catalog."""
    notes = yaml.safe_load((docs / "notes.yaml").read_text(encoding="utf-8"))["notes"]
    quotes = [note["quote"] for note in notes]
    entry = load_catalog(seeds / "catalog.yaml", seeds)[0][0]
    seed = seeds / entry.file
    for paragraph in reversed(seed.read_text(encoding="utf-8").split("\n\n")):
        if len(paragraph.split()) > 8 and not any(quote in paragraph for quote in quotes):
            word = _last_word(paragraph)
            head, _, tail = paragraph.rpartition(word)
            edited = f"{head}today{tail}"
            _replace_once(seed, paragraph, edited)
            return f"one word of one seed ({entry.file})"
    raise RuntimeError(f"{seed.name}: no paragraph to edit")


def measure(workdir: Path, report: Callable[[str], None] = print) -> EditLoop:
    """Copy the edition to ``workdir``, build it, then rebuild after each change."""
    if workdir.exists():
        shutil.rmtree(workdir)
    docs, seeds = workdir / "docs", workdir / "seeds"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(SEEDS, seeds)
    out = workdir / "_build"
    full = sphinx_build(docs, out, options=OPTIONS)
    report(f"  the real edition, full build  {full.seconds:6.1f} s")
    changes: list[tuple[str, Callable[[], str]]] = [
        ("nothing (Sphinx's no-op rebuild)", lambda: "nothing (Sphinx's no-op rebuild)"),
        ("note", lambda: edit_note(docs)),
        ("definition", lambda: edit_definition(docs)),
        ("seed", lambda: edit_seed(docs, seeds)),
    ]
    rebuilds = []
    for _name, change in changes:
        what = change()
        build = sphinx_build(docs, out, fresh=False, options=OPTIONS)
        report(f"  after {what}: {build.seconds:.1f} s ({build.read} read, "
               f"{build.written} written)")
        rebuilds.append(Rebuild(what, build))
    return EditLoop(full, rebuilds)
