"""``edition.py`` and its virtual environments: one per Python version, remade when broken.

``python3.13 edition.py`` must not run in a ``.venv`` that Python 3.11 made, and a venv
whose base Python was removed must not fail every run until someone deletes it.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import edition_module

HERE = f"{sys.version_info.major}.{sys.version_info.minor}"


def fake_venv(folder: Path, script: str) -> Path:
    """A venv whose ``bin/python`` is a shell script (what it prints, how it ends)."""
    python = folder / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    python.chmod(python.stat().st_mode | stat.S_IXUSR)
    (folder / "pyvenv.cfg").write_text("home = /gone\n", encoding="utf-8")
    return folder


@pytest.fixture
def edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """edition.py working on a project folder of its own, installing nothing."""
    module = edition_module()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "DEFAULT_VENV", tmp_path / ".venv")
    made: list[Path] = []
    commands: list[list[str]] = []

    class Builder:
        def __init__(self, **kwargs: object) -> None:
            pass

        def create(self, folder: Path) -> None:  # a venv of the Python running the tests
            fake_venv(Path(folder), f"exec {sys.executable} \"$@\"")
            made.append(Path(folder))

    monkeypatch.setattr(module.venv, "EnvBuilder", Builder)
    monkeypatch.setattr(module, "run", lambda *command, env=None: commands.append(
        [str(part) for part in command]))
    module.made, module.commands = made, commands
    return module


def test_a_fresh_project_gets_dot_venv(edition: Any, tmp_path: Path) -> None:
    assert edition.choose_venv() == tmp_path / ".venv"


def test_dot_venv_of_this_python_is_used(edition: Any, tmp_path: Path) -> None:
    fake_venv(tmp_path / ".venv", f"echo {HERE}")
    assert edition.choose_venv() == tmp_path / ".venv"


def test_another_pythons_dot_venv_is_left_alone(edition: Any, tmp_path: Path) -> None:
    fake_venv(tmp_path / ".venv", "echo 3.9")
    chosen = edition.choose_venv()
    assert chosen == tmp_path / f".venv-{HERE}"
    edition.use_venv(chosen)
    edition.ensure_venv()
    assert edition.made == [chosen]
    assert (tmp_path / ".venv" / "bin" / "python").read_text().endswith("echo 3.9\n")
    assert [command[1:4] for command in edition.commands] == [
        ["-m", "pip", "install"], ["-m", "pip", "install"]]
    assert all(command[0] == str(chosen / "bin" / "python") for command in edition.commands)


def test_a_venv_whose_python_is_gone_is_made_again(edition: Any, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    broken = fake_venv(tmp_path / ".venv", "echo 'cannot find the standard library' >&2\n"
                                           "exit 1")
    (broken / ".edition-installed").write_text("stale stamp", encoding="utf-8")
    chosen = edition.choose_venv()
    assert chosen == broken
    edition.use_venv(chosen)
    edition.ensure_venv()
    assert edition.made == [broken]
    assert "was made by a Python that is gone or another version" in capsys.readouterr().out
    assert edition.venv_python_version(broken) == HERE
    assert (broken / ".edition-installed").read_text().split()[1:] == ["test"]


def test_a_venv_made_and_installed_is_not_touched_again(edition: Any, tmp_path: Path) -> None:
    edition.use_venv(edition.choose_venv())
    edition.ensure_venv()
    edition.ensure_venv()
    assert len(edition.made) == 1 and len(edition.commands) == 2
