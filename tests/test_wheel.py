"""The project as people install it: a wheel, in a fresh virtual environment outside the
repository, whose ``annotated-edition new`` makes an edition that builds with ``-W``.

The wheel is built from a copy of the project (the repository gets no ``build/``), and
every file of the two packages that is not Python source must be in it: templates,
stylesheets, scripts, LaTeX packages, JSON tables, message catalogs. Dependencies come
from the package index pip is configured with, as for any user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"annotated_edition": ROOT / "src" / "annotated_edition",
            "sphinx_annotated_edition": ROOT / "extensions" / "sphinx_annotated_edition"}
NOT_SHIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")

# one worker makes the wheel and its environment (a module fixture) for both tests
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command of the fresh environment, with nothing of the repository importable."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def package_data() -> set[str]:
    """Every file of the packages that is not Python source, as a path inside the wheel."""
    found = set()
    for name, folder in PACKAGES.items():
        for path in folder.rglob("*"):
            if (path.is_file() and path.suffix not in {".py", ".pyc"}
                    and "__pycache__" not in path.parts):
                found.add(f"{name}/{path.relative_to(folder).as_posix()}")
    return found


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    project = base / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    for folder in ("src", "extensions"):
        shutil.copytree(ROOT / folder, project / folder, ignore=NOT_SHIPPED)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", project,
        "-w", base / "dist", cwd=base)
    (built,) = (base / "dist").glob("*.whl")
    return built


def test_the_wheel_holds_every_data_file_of_the_packages(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = package_data()
    assert "annotated_edition/templates/new/docs/conf.py_t" in expected
    assert any(name.endswith(".css") for name in expected)
    assert sorted(expected - names) == []
    assert not [name for name in names if name.startswith(("tests/", "docs/", "seeds/"))]


def test_a_fresh_environment_makes_and_builds_a_new_edition(wheel: Path, tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    bin_dir = environment / "bin"
    run(bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        wheel, cwd=tmp_path)
    where = run(bin_dir / "python", "-c",
                "import annotated_edition, sphinx_annotated_edition as s; "
                "print(annotated_edition.__file__); print(s.__file__)", cwd=tmp_path)
    for line in where.stdout.splitlines():
        assert Path(line).is_relative_to(environment), line  # the wheel's, not the checkout's
    made = run(bin_dir / "annotated-edition", "new", "my-edition", cwd=tmp_path)
    assert "sphinx-build -W --keep-going -n docs _build/html" in made.stdout
    edition = tmp_path / "my-edition"
    checked = run(bin_dir / "annotated-edition", "check", cwd=edition)
    assert "no problem found" in checked.stdout
    built = run(bin_dir / "sphinx-build", "-W", "--keep-going", "-n", "-q", "docs",
                "_build/html", cwd=edition)
    assert built.stderr == ""
    article = (edition / "_build" / "html" / "articles" /
               "eastmere-library-2024-04.html").read_text(encoding="utf-8")
    assert 'href="../glossary.html#term-Ana-Ferreira"' in article
    assert "The report does not name the fund." in article
    assert (edition / "_build" / "html" / "_static" / "edition-notes.css").is_file()
