"""The notes file as the extension sees it: loaded and anchored once per process."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotated_edition.notes import AnchoredNote, anchor_notes, load_notes
from annotated_edition.problems import Problem
from sphinx_annotated_edition.articles.corpus import Corpus, corpus_for

if TYPE_CHECKING:
    from sphinx.config import Config


@dataclass(frozen=True)
class NoteSet:
    """Every note placed in its article (by seed file), and what was wrong in the file."""

    path: Path
    corpus: Corpus
    placed: dict[str, list[AnchoredNote]]
    problems: list[Problem]

    def of(self, file: str) -> list[AnchoredNote]:
        return self.placed.get(file, [])


_cache: dict[tuple[object, ...], NoteSet] = {}


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


def note_set(config: Config) -> NoteSet:
    """The notes named by ``edition_notes``; reloaded when the file or the corpus changes."""
    corpus: Corpus = corpus_for(config)
    path = Path(config.edition_notes)  # absolute: sphinx_annotated_edition.paths
    key = (str(path), _mtime(path))
    if key not in _cache or _cache[key].corpus is not corpus:
        _cache.clear()
        notes, problems = load_notes(path)
        articles = [found[0] for entry in corpus.entries
                    if (found := corpus.article(entry.file)) is not None]
        placed, more = anchor_notes(notes, articles)
        _cache[key] = NoteSet(path, corpus, placed, problems + more)
    return _cache[key]
