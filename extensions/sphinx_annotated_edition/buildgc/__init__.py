"""Garbage collection while Sphinx writes: what was read is frozen, not scanned again.

CPython's full collections visit every live object, and while Sphinx writes, each page's
navigation (furo copies the whole toctree for every page) makes enough objects to start
one every few pages. At 1,000 articles more than half of a build went there, in plain
Sphinx and in the edition alike (``python3 edition.py bench`` prints it); the edition's
doctrees, with their links and notes, made each collection longer.

So when writing starts, Sphinx's in-memory copies of the doctrees read in this build are
dropped (it reads them again from the pickles it wrote, one page at a time, as it does
after a parallel read), one collection clears what is garbage already, and only then is
everything still alive (the environment, the corpus, the glossary) frozen
(``gc.freeze``): later collections look only at what the writing creates. When the build
ends, whether it succeeded or not, everything is thawed (``gc.unfreeze``), so a program
that builds many times with one application (a language server, a live preview) keeps
nothing frozen from one build to the next. Only at the very end of the process is what
is alive frozen again (``atexit``), so that the interpreter's last collection need not
scan it (seconds at 1,000 articles).

The one internal of Sphinx this touches, the environment's doctree copies, is reached
through ``private_api.read_doctrees_cache`` only; when a Sphinx release no longer has it,
the build warns once and leaves the collector alone.

This helps Sphinx's own work as much as ours: ``edition_gc_freeze = False`` leaves the
collector and the cache alone, and the benchmark measures the edition both ways.
"""

from __future__ import annotations

import atexit
import gc

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from sphinx_annotated_edition import private_api
from sphinx_annotated_edition.i18n import __, add_catalog
from sphinx_annotated_edition.warnings_ import Subtype, warn

_state = {"frozen": False, "at_exit": False}  # whether this build froze; atexit registered


def drop_read_doctrees(env: BuildEnvironment) -> bool:
    """Empty Sphinx's copies of the doctrees read in this build; False if it has none.

    Frozen, a doctree written and dropped could never be collected: the copies must go
    before anything is frozen.
    """
    cache = private_api.read_doctrees_cache(env)
    if cache is None:
        return False
    cache.clear()
    return True


def freeze(app: Sphinx, builder: Builder) -> None:
    """When writing starts: drop the doctree copies, collect once, then freeze what is left."""
    if not app.config.edition_gc_freeze or _state["frozen"]:
        return
    if not drop_read_doctrees(app.env):
        warn(__("this Sphinx has no BuildEnvironment.%s: the collector is left alone (set "
                "edition_gc_freeze = False to silence this)") % private_api.DOCTREE_CACHE,
             Subtype.BUILDGC, None)
        return
    gc.collect()
    gc.freeze()
    _state["frozen"] = True
    if not _state["at_exit"]:
        atexit.register(gc.freeze)  # the interpreter's last collection skips what is left
        _state["at_exit"] = True


def thaw(app: Sphinx, exception: BaseException | None = None) -> None:
    """After a build (or before one): what this extension froze may be collected again."""
    if _state["frozen"]:
        gc.unfreeze()
        _state["frozen"] = False


def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.add_config_value("edition_gc_freeze", True, "", types=frozenset({bool}))
    app.connect("builder-inited", thaw)  # an earlier build that never finished
    app.connect("write-started", freeze)
    app.connect("build-finished", thaw, priority=900)  # after the other handlers' work
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
