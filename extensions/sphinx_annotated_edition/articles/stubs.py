"""One small source file per article, written into the Sphinx project before reading.

Sphinx reads documents from files in the source folder, so each catalog entry gets a stub
holding a single ``article`` directive; the directive does the rest. A stub is rewritten
only when its content changes, so incremental builds see no spurious change.
"""

from __future__ import annotations

from pathlib import Path

from annotated_edition.problems import Problem
from sphinx_annotated_edition.articles.corpus import Corpus
from sphinx_annotated_edition.i18n import __

STUB_MARKER = ("<!-- written by sphinx_annotated_edition.articles from the seeds' catalog: "
               "do not edit -->")
# What the stubs began with before the package was renamed (annotator_sphinx): still ours.
OLD_STUB_MARKERS = ("<!-- written by annotator_sphinx.articles ",)


def is_stub(text: str) -> bool:
    return text.startswith((STUB_MARKER, *OLD_STUB_MARKERS))


def stub_text(file: str) -> str:
    return f"{STUB_MARKER}\n\n```{{article}} {file}\n```\n"


def write_stubs(corpus: Corpus, srcdir: Path) -> tuple[list[Path], list[Problem]]:
    """Write the stubs of the corpus; remove our stubs whose article has left the catalog.

    A page in the way that the edition did not write is never overwritten: it is reported,
    and that article has no page until the file is moved.
    """
    folder = srcdir / corpus.article_dir
    wanted = {folder / f"{entry.slug}.md": stub_text(entry.file) for entry in corpus.entries}
    problems: list[Problem] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, text in wanted.items():
            current = path.read_text(encoding="utf-8", errors="replace") \
                if path.exists() else None
            if current is not None and not is_stub(current):
                problems.append(Problem(str(path), 1, __(
                    "this page was not written by the edition and is in the way of an "
                    "article's page: it was left alone; move it or change the slug"),
                    "catalog"))
            elif current != text:
                path.write_text(text, encoding="utf-8")
        for path in folder.glob("*.md"):
            if path not in wanted and is_stub(path.read_text(encoding="utf-8",
                                                             errors="replace")):
                path.unlink()
    except OSError as error:
        problems.append(Problem(str(error.filename or folder), 1,
                                __("cannot write the article pages: %s") % error.strerror,
                                "catalog"))
    return sorted(wanted), problems
