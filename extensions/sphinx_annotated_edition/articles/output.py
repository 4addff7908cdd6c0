"""The output folder kept equal to what a clean build writes, whatever happened before.

Sphinx never deletes a page it wrote, and decides what to write again from the pages'
times: a deleted article would stay published, and a build killed while writing would
leave pages (and the search index) of two builds mixed for good. So:

- the pages of articles that are no longer in the project are deleted when writing
  starts (before an EPUB is packed), from the article folder the edition owns;
- a mark is left in the doctree folder while a build writes, and removed when it has
  finished: a build that finds the mark writes every page (and so the whole search index)
  again;
- the search index is made whole (``sphinx_annotated_edition.articles.searchindex``).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from sphinx_annotated_edition.articles.searchindex import setup_search_index
from sphinx_annotated_edition.i18n import __
from sphinx_annotated_edition.warnings_ import Subtype, warn

SOURCES = "_sources"  # where HTML builders copy each page's source


def writing_mark(app: Sphinx) -> Path:
    """The mark of a build writing into this output folder with this builder."""
    where = hashlib.sha256(str(Path(app.outdir).resolve()).encode()).hexdigest()[:16]
    return Path(app.doctreedir) / f"edition-writing-{app.builder.name}-{where}"


def rewrite_after_interrupted_writing(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Every page, when the last build writing here did not finish; then mark this one."""
    mark = writing_mark(app)
    interrupted = mark.exists()
    try:
        mark.parent.mkdir(parents=True, exist_ok=True)
        mark.touch()
    except OSError as error:
        warn(__("cannot write %(path)s: %(error)s; an interrupted build will not be "
                "noticed") % {"path": mark, "error": error.strerror}, Subtype.OUTPUT, None)
    return sorted(env.found_docs) if interrupted else []


def finish_writing(app: Sphinx, exception: BaseException | None) -> None:
    """A build that ended well leaves no mark; one that failed is rewritten next time."""
    if exception is None:
        writing_mark(app).unlink(missing_ok=True)


def remove_pages_of_deleted_articles(app: Sphinx, builder: Builder) -> None:
    """Delete what earlier builds wrote for articles that are no longer in the project."""
    article_dir = app.config.edition_article_dir
    parts = Path(article_dir).parts
    if not parts or Path(article_dir).is_absolute() or ".." in parts:
        return  # only a folder of its own is the edition's to clear, never the output's root
    prefix = f"{article_dir}/"
    slugs = {docname.removeprefix(prefix) for docname in app.env.found_docs
             if docname.startswith(prefix)}
    outdir = Path(builder.outdir)
    for folder in (outdir / article_dir, outdir / SOURCES / article_dir):
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in sorted(folder.iterdir()):
            # slug.html, slug.xhtml, slug.txt, slug/index.html, slug.md.txt
            if path.name.split(".", 1)[0] in slugs:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()


def setup_output(app: Sphinx) -> None:
    setup_search_index(app)
    app.connect("env-get-updated", rewrite_after_interrupted_writing)
    app.connect("write-started", remove_pages_of_deleted_articles)
    app.connect("build-finished", finish_writing, priority=900)  # after the other writers
