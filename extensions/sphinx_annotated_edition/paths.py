"""The edition's file settings, made absolute once, relative to the folder of ``conf.py``.

``sphinx-build -c CONFDIR`` puts ``conf.py`` elsewhere than the pages: a setting such as
``edition_glossary = "glossary.yaml"`` must mean one file whichever part of the build
reads it. At ``config-inited`` each path setting is resolved against ``app.confdir``
(where ``conf.py`` is, the source folder when there is no ``-c``) and stored absolute;
every other part of the extensions uses the stored value as it is.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config


def _make_absolute(name: str, app: Sphinx, config: Config) -> None:
    value = getattr(config, name)
    if value:
        # absolute, symbolic links kept: a data file linked out of its folder is refused
        setattr(config, name, os.path.abspath(Path(app.confdir) / value))


def add_path_config_value(app: Sphinx, name: str, default: str) -> None:
    """A config value naming a file or folder, relative to conf.py's folder (or absolute).

    A change of it re-reads every page (``"env"``), as any input of the pages' content.
    """
    app.add_config_value(name, default, "env", types=frozenset({str}))
    app.connect("config-inited", partial(_make_absolute, name), priority=100)
