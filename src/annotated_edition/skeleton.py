"""``annotated-edition new DIR``: a working edition skeleton, written into an empty folder.

The skeleton is package data (``annotated_edition/templates/new/``): one invented sample
text and its catalog entry in ``seeds/``, and in ``docs/`` a ``conf.py`` loading the
extensions, an index page, a glossary, notes anchored to quotes of the text and a
chronology overlay. It builds with ``sphinx-build -W --keep-going -n docs _build/html`` as
written, so a new editor starts from something that works and changes one thing at a time.

A template whose name ends in ``_t`` (``conf.py_t``) is written without that ending: the
package does not ship a ``conf.py`` that tools would take for a module of its own. One
whose name starts with ``dot-`` is written as a hidden file (``dot-gitignore`` is
``.gitignore``): package data leaves hidden files out.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

TEMPLATE_SUFFIX = "_t"
HIDDEN_PREFIX = "dot-"


class SkeletonError(Exception):
    """The folder cannot take a new edition (the message says why, for the user)."""


def template_root() -> Traversable:
    return files("annotated_edition").joinpath("templates", "new")


def _walk(folder: Traversable, prefix: PurePosixPath) -> Iterator[tuple[PurePosixPath, bytes]]:
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        if item.name.startswith((".", "__")):  # caches and hidden files are not the skeleton
            continue
        if item.is_dir():
            yield from _walk(item, prefix / item.name)
        else:
            name = item.name.removesuffix(TEMPLATE_SUFFIX)
            if name.startswith(HIDDEN_PREFIX):
                name = "." + name.removeprefix(HIDDEN_PREFIX)
            yield prefix / name, item.read_bytes()


def skeleton_files() -> list[tuple[PurePosixPath, bytes]]:
    """Every file of the skeleton: its path inside the new folder, and its bytes."""
    return list(_walk(template_root(), PurePosixPath()))


def _check_target(target: Path) -> None:
    if target.is_symlink():
        raise SkeletonError(f"{target} is a symbolic link: give the folder itself")
    if target.exists() and not target.is_dir():
        raise SkeletonError(f"{target} exists and is not a folder")
    if not target.exists() and not target.parent.is_dir():
        raise SkeletonError(f"{target.parent} does not exist: the new folder is made inside "
                            "an existing one")
    if target.is_dir() and any(target.iterdir()):
        raise SkeletonError(f"{target} is not empty: give a new or empty folder, "
                            "nothing is overwritten")


def write_skeleton(target: Path) -> list[Path]:
    """Write the skeleton into ``target`` (new or empty) and return the files written.

    Every file is created exclusively and inside ``target``: nothing existing is
    overwritten and nothing is written elsewhere.
    """
    _check_target(target)
    contents = skeleton_files()
    try:
        target.mkdir(exist_ok=True)
    except OSError as error:
        raise SkeletonError(f"cannot make {target}: {error.strerror}") from None
    root = Path(os.path.realpath(target))
    written: list[Path] = []
    for relative, data in contents:
        path = root.joinpath(*relative.parts)
        if not path.resolve().is_relative_to(root):  # pragma: no cover  (templates are ours)
            raise SkeletonError(f"template {relative} would be written outside {target}")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("xb") as stream:
                stream.write(data)
        except OSError as error:
            raise SkeletonError(f"cannot write {path}: {error.strerror}") from None
        written.append(path)
    return written
