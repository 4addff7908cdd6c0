"""One small source file per article, written into the Sphinx project before reading.

Sphinx reads documents from files in the source folder, so each catalog entry gets a stub
holding a single ``article`` directive; the directive does the rest. A stub is rewritten
only when its content changes, so incremental builds see no spurious change.
"""

from __future__ import annotations

from pathlib import Path

from annotator_sphinx.articles.corpus import Corpus

STUB_MARKER = "<!-- written by annotator_sphinx.articles from the seeds' catalog: do not edit -->"


def stub_text(file: str) -> str:
    return f"{STUB_MARKER}\n\n```{{article}} {file}\n```\n"


def write_stubs(corpus: Corpus, srcdir: Path) -> list[Path]:
    """Write the stubs of the corpus; remove our stubs whose article has left the catalog."""
    folder = srcdir / corpus.article_dir
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {folder / f"{entry.slug}.md": stub_text(entry.file) for entry in corpus.entries}
    for path, text in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for path in folder.glob("*.md"):
        if path not in wanted and path.read_text(encoding="utf-8").startswith(STUB_MARKER):
            path.unlink()
    return sorted(wanted)
