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
PYPROJECT = """[project]
name = 'x'
[project.optional-dependencies]
pdf = []
test = []
bench = []
mutate = []
"""


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
    # the suite itself may run under EDITION_SPHINX (CI's run with the oldest Sphinx)
    monkeypatch.delenv(module.SPHINX_VARIABLE, raising=False)
    monkeypatch.setattr(module, "SPHINX", None)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
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
    edition.ensure_venv(frozenset({"test"}))
    assert edition.made == [broken]
    assert "was made by a Python that is gone or another version" in capsys.readouterr().out
    assert edition.venv_python_version(broken) == HERE
    assert (broken / ".edition-installed").read_text().split()[1:] == ["test"]


def test_a_venv_made_and_installed_is_not_touched_again(edition: Any, tmp_path: Path) -> None:
    edition.use_venv(edition.choose_venv())
    edition.ensure_venv()
    edition.ensure_venv()
    assert len(edition.made) == 1 and len(edition.commands) == 2


def pip_installs(edition: Any) -> list[list[str]]:
    """What each ``pip install`` of the project installed (its arguments after ``-e``)."""
    return [command[command.index("-e") + 1:] for command in edition.commands
            if "-e" in command]


def run_command(edition: Any, monkeypatch: pytest.MonkeyPatch, *argv: str) -> None:
    """``python3 edition.py ARGV`` with every subprocess recorded, not run."""
    monkeypatch.setattr(sys, "argv", ["edition.py", *argv])
    edition.main()


def test_the_html_build_installs_no_extra_and_test_adds_its_own(
        edition: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_command(edition, monkeypatch)  # the HTML build: no Playwright, no dateparser
    assert pip_installs(edition) == [["."]]
    assert any("sphinx-build" in command[0] for command in edition.commands)
    run_command(edition, monkeypatch, "test", "-k", "nothing")
    assert pip_installs(edition) == [["."], [".[test]"]]
    assert "pytest" in edition.commands[-1] and edition.commands[-1][-2:] == ["-k", "nothing"]
    run_command(edition, monkeypatch, "html")
    run_command(edition, monkeypatch, "check")
    assert len(pip_installs(edition)) == 2  # the test extra covers what they need
    run_command(edition, monkeypatch, "pdf")
    assert pip_installs(edition)[2:] == [[".[pdf,test]"]]  # kept: nothing is uninstalled
    stamp = (tmp_path / ".venv" / ".edition-installed").read_text().split()
    assert stamp[1:] == ["pdf", "test"]


@pytest.mark.parametrize(("command", "installed"), [
    ("html", "."), ("check", "."), ("epub", "."), ("pdf", ".[pdf]"), ("test", ".[test]"),
    ("bench", ".[bench]"), ("mutate", ".[mutate,test]")])
def test_each_command_installs_only_the_extras_it_needs(edition: Any, command: str,
                                                        installed: str) -> None:
    edition.use_venv(edition.choose_venv())
    edition.ensure_venv(edition.EXTRAS[command])
    assert pip_installs(edition) == [[installed]]


def test_a_changed_pyproject_reinstalls_every_extra_installed(edition: Any,
                                                              tmp_path: Path) -> None:
    edition.use_venv(edition.choose_venv())
    edition.ensure_venv(frozenset({"bench"}))
    (tmp_path / "pyproject.toml").write_text(PYPROJECT + "# a new dependency\n",
                                             encoding="utf-8")
    edition.ensure_venv(frozenset())
    assert pip_installs(edition) == [[".[bench]"], [".[bench]"]]
    edition.ensure_venv(frozenset())
    assert len(pip_installs(edition)) == 2


def test_an_extra_gone_from_pyproject_is_not_asked_for_again(edition: Any,
                                                             tmp_path: Path) -> None:
    edition.use_venv(edition.choose_venv())
    edition.ensure_venv(frozenset({"mutate"}))
    (tmp_path / "pyproject.toml").write_text(PYPROJECT.replace("mutate = []\n", ""),
                                             encoding="utf-8")
    edition.ensure_venv(frozenset({"test"}))
    assert pip_installs(edition) == [[".[mutate]"], [".[test]"]]


@pytest.mark.parametrize(("wanted", "requirement"), [
    ("8.2", ("sphinx==8.2.*", "8.2")), (" 8.2.3 ", ("sphinx==8.2.3", "8.2.3")),
    ("sphinx>=9.1", ("sphinx>=9.1", "9.1")), ("Sphinx~=8.2.0", ("Sphinx~=8.2.0", "8.2.0")),
    ("", None), (None, None)])
def test_the_sphinx_asked_for(edition: Any, wanted: str | None,
                              requirement: tuple[str, str] | None) -> None:
    assert edition.sphinx_requirement(wanted) == requirement


def test_a_sphinx_that_is_no_version_is_one_clear_message(edition: Any) -> None:
    with pytest.raises(SystemExit, match="EDITION_SPHINX='latest': expected a Sphinx version"):
        edition.sphinx_requirement("latest")


def test_another_sphinx_gets_a_venv_and_a_build_folder_of_its_own(
        edition: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_venv(tmp_path / ".venv", f"echo {HERE}")  # the newest Sphinx's: left alone
    monkeypatch.setattr(edition, "SPHINX", edition.sphinx_requirement("8.2"))
    run_command(edition, monkeypatch)
    folder = tmp_path / f".venv-{HERE}-sphinx8.2"
    assert edition.made == [folder] and folder == edition.VENV
    assert pip_installs(edition) == [[".", "sphinx==8.2.*"]]  # resolved together
    build = [command for command in edition.commands if command[0].endswith("sphinx-build")]
    assert build[0][1:] == ["--version"]
    assert build[1][-1] == str(tmp_path / "_build" / "sphinx8.2" / "html")
    monkeypatch.setattr(edition, "SPHINX", edition.sphinx_requirement("8.2.3"))
    run_command(edition, monkeypatch, "test")  # another pin: its own folder again
    assert pip_installs(edition)[1:] == [[".[test]", "sphinx==8.2.3"]]
    assert tmp_path / f".venv-{HERE}-sphinx8.2.3" == edition.VENV
