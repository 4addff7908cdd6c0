"""Garbage collection while Sphinx writes: what was read is frozen, not scanned again.

CPython's full collections visit every live object, and while Sphinx writes, each page's
navigation (furo copies the whole toctree for every page) makes enough objects to start
one every few pages. At 1,000 articles more than half of a build went there, in plain
Sphinx and in the edition alike (``python3 edition.py bench`` prints it); the edition's
doctrees, with their links and notes, made each collection longer.

So when writing starts, Sphinx's in-memory copies of the doctrees read in this build are
dropped (it reads them again from the pickles it wrote, one page at a time, as it does
after a parallel read), one collection clears what is garbage already, and everything
still alive (the environment, the corpus, the glossary) is frozen (``gc.freeze``): later
collections look only at what the writing creates. When the build ends, what is alive
then is frozen too, so that the end of the process does not scan it all once more
(seconds at 1,000 articles). The next build in the same process (tests run many)
unfreezes everything first; a program that builds once and then goes on with other work
can call ``gc.unfreeze()`` itself.

This helps Sphinx's own work as much as ours: ``edition_gc_freeze = False`` leaves the
collector and the cache alone, and the benchmark measures the edition both ways.
"""

from __future__ import annotations

import gc

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.typing import ExtensionMetadata

from annotator import __version__

# Sphinx keeps the doctrees it read for the writing phase (a private attribute of the
# environment, since Sphinx 7.2); without it each page's doctree comes from its pickle.
DOCTREE_CACHE = "_write_doc_doctree_cache"
_state = {"frozen": False}  # whether this build froze: objects frozen by others stay so


def thaw(app: Sphinx) -> None:
    """Before a build: what an earlier build in this process froze may be collected again."""
    if _state["frozen"]:
        gc.unfreeze()
        _state["frozen"] = False


def freeze(app: Sphinx, builder: Builder) -> None:
    """When writing starts: drop the doctree copies, collect once, freeze what is left."""
    if not app.config.edition_gc_freeze:
        return
    cache = getattr(app.env, DOCTREE_CACHE, None)
    if isinstance(cache, dict):
        cache.clear()  # frozen, a doctree written and dropped could never be collected
    gc.collect()
    gc.freeze()
    _state["frozen"] = True


def freeze_at_end(app: Sphinx, exception: BaseException | None) -> None:
    """After the build: the process's end need not scan what the writing left alive."""
    if _state["frozen"]:
        gc.freeze()


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("edition_gc_freeze", True, "", types=frozenset({bool}))
    app.connect("builder-inited", thaw)
    app.connect("write-started", freeze)
    app.connect("build-finished", freeze_at_end)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
