"""The extensions' static files (CSS, JavaScript), added once, at ``config-inited``.

Sphinx keeps the configuration with the environment and compares it at the next build: a
folder appended to ``html_static_path`` later (at ``builder-inited``) is missing from the
new configuration when it is compared, so every incremental build said "The configuration
has changed (html_static_path)". Appended while the configuration is read, the folder is
in both, and an unchanged project reads nothing again.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.fileutil import copy_asset


def _append_static_dir(directory: str, app: Sphinx, config: Config) -> None:
    if directory not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, directory]


def add_static_dir(app: Sphinx, directory: Path) -> None:
    """Copy the files of ``directory`` into ``_static`` of every HTML output."""
    # before Sphinx checks html_static_path (priority 800)
    app.connect("config-inited", partial(_append_static_dir, str(directory)), priority=400)


def _copy_static_dir(directory: Path, app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html" and \
            not app.builder.name.startswith("epub"):
        copy_asset(directory, Path(app.outdir) / "_static")


def copy_static_dir_to_web_pages(app: Sphinx, directory: Path) -> None:
    """Copy the files of ``directory`` into ``_static`` of the web pages, not of an EPUB.

    For files an EPUB must not hold (every file of its folder is packed into the book and
    checked): copied when the build has finished, with no change of the configuration.
    """
    app.connect("build-finished", partial(_copy_static_dir, directory))


def _drop_repeated_static_dirs(app: Sphinx) -> None:
    static = app.config.html_static_path
    static[:] = list(dict.fromkeys(static))


def settle_sphinx_design_static_dir(app: Sphinx) -> None:
    """Keep sphinx-design's static folder from changing the configuration at each build.

    sphinx-design (0.7+) appends its ``static`` folder to ``html_static_path`` at
    ``builder-inited``, after the configuration was compared with the last build's: the
    same "configuration has changed" at every build. Its folder is appended here at
    ``config-inited`` already, and its second copy dropped once sphinx-design has added it.
    (tests/test_static_files.py fails when a version of sphinx-design does otherwise.)
    """
    import sphinx_design  # only for the projects that load it

    directory = Path(sphinx_design.__file__).parent / "static"
    if (directory / "sphinx-design.min.css").is_file():
        add_static_dir(app, directory)
        app.connect("builder-inited", _drop_repeated_static_dirs, priority=900)
