#!/usr/bin/env python3
"""Build and test the edition on a fresh machine that has nothing but Python 3.11+.

    python3 edition.py            build the HTML edition into _build/html
    python3 edition.py test       run the checks and the test suite (what CI runs)
    python3 edition.py pdf        build the PDF into _build/latex (installs TeX if missing)
    python3 edition.py epub       build the EPUB into _build/epub and run epubcheck
    python3 edition.py check      check the seeds, catalog and data files (no build)
    python3 edition.py serve      rebuild the HTML edition on every edit, live in a browser
    python3 edition.py bench      measure the extensions against plain Sphinx (benchmarks/)
    python3 edition.py mutate     mutation score of the core (slow; not part of CI)

The first run creates a virtual environment in .venv and installs the project into it,
with the extras of pyproject.toml the command needs and no more (the HTML build none,
``test`` the test extra, and so on: EXTRAS below); later runs reinstall only when
pyproject.toml has changed or a command needs an extra not installed yet. .venv belongs
to the Python version that made it: run by another version (python3.13 edition.py test),
edition.py uses .venv-3.13 beside it instead; a virtual environment whose Python no
longer runs (its base Python removed or upgraded) is made again.

Another Sphinx than the newest that pyproject.toml allows (the oldest supported, for
CI's matrix): EDITION_SPHINX=8.2 python3.12 edition.py [command] installs Sphinx 8.2.*
into a virtual environment of its own (.venv-3.12-sphinx8.2) and builds into
_build/sphinx8.2; EDITION_SPHINX takes a version (8.2, 8.2.3) or a requirement
(sphinx>=9.1).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
BIN_DIR = "Scripts" if os.name == "nt" else "bin"
PYTHON_VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"
DEFAULT_VENV = ROOT / ".venv"
# The virtual environment in use (chosen by choose_venv() when a command runs).
VENV = DEFAULT_VENV
BIN = VENV / BIN_DIR
STAMP_NAME = ".edition-installed"
BUILD = ROOT / "_build"
# EDITION_SPHINX: the Sphinx to build with instead of the newest pyproject.toml allows.
SPHINX_VARIABLE = "EDITION_SPHINX"
SPHINX_STRICT = ["-W", "--keep-going", "-n"]
# The smallest set of Debian packages that builds the PDF with xelatex (checked on a bare
# Debian 12): without texlive-fonts-recommended xelatex stops on a missing font, xindy
# sorts the index, make runs Sphinx's LaTeX Makefile, poppler-utils gives pdftotext.
TEX_PACKAGES = ["texlive-xetex", "texlive-latex-extra", "texlive-fonts-recommended",
                "latexmk", "fonts-freefont-otf", "xindy", "make", "poppler-utils",
                "libcairo2"]  # libcairo2: CairoSVG draws the figures into the PDF
TEX_COMMANDS = ["xelatex", "latexmk", "xindy", "make", "pdftotext"]
EPUB_PACKAGES = ["epubcheck"]


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run([str(part) for part in command], cwd=ROOT, env=env)
    if result.returncode:
        sys.exit(result.returncode)


def venv_python_version(folder: Path) -> str | None:
    """The version (``3.11``) of the Python of a virtual environment; None if it cannot run.

    Running it is the only sure test: a venv whose base Python was removed or upgraded
    still has its ``bin/python``, which then fails to start.
    """
    python = folder / BIN_DIR / "python"
    if not python.exists():
        return None
    try:
        result = subprocess.run(
            [str(python), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def sphinx_requirement(wanted: str | None) -> tuple[str, str] | None:
    """EDITION_SPHINX as (a pip requirement, a name for folders), or None when unset.

    ``8.2`` is ``sphinx==8.2.*`` (its newest patch release), ``8.2.3`` exactly that one;
    anything else is taken as a requirement as it is (``sphinx>=9.1``).
    """
    wanted = (wanted or "").strip()
    if not wanted:
        return None
    if re.fullmatch(r"\d+\.\d+", wanted):
        return f"sphinx=={wanted}.*", wanted
    if re.fullmatch(r"\d+\.\d+\.\d+", wanted):
        return f"sphinx=={wanted}", wanted
    if not wanted.lower().startswith("sphinx"):
        sys.exit(f"{SPHINX_VARIABLE}={wanted!r}: expected a Sphinx version (8.2, 8.2.3) "
                 "or a requirement (sphinx>=9.1)")
    return wanted, re.sub(r"[^\w.]+", "", wanted.lower().removeprefix("sphinx")) or "any"


SPHINX = sphinx_requirement(os.environ.get(SPHINX_VARIABLE))


def choose_venv() -> Path:
    """.venv if it is this Python version's (or is missing or broken: it is made for this
    one); else .venv-X.Y, so that two Python versions never take turns remaking one.
    Another Sphinx (EDITION_SPHINX) always has a venv of its own: .venv-X.Y-sphinxA.B."""
    if SPHINX is not None:
        return ROOT / f".venv-{PYTHON_VERSION}-sphinx{SPHINX[1]}"
    found = venv_python_version(DEFAULT_VENV) if DEFAULT_VENV.exists() else None
    if found in (None, PYTHON_VERSION):
        return DEFAULT_VENV
    return ROOT / f".venv-{PYTHON_VERSION}"


def use_venv(folder: Path) -> None:
    global VENV, BIN, BUILD
    VENV, BIN = folder, folder / BIN_DIR
    # another Sphinx builds apart, so that neither reads the other's doctrees
    BUILD = ROOT / "_build" / f"sphinx{SPHINX[1]}" if SPHINX else ROOT / "_build"


def ensure_venv(extras: frozenset[str] = frozenset()) -> None:
    """Create the venv and install the project (with the extras asked for) when needed.

    The stamp holds the hash of pyproject.toml (and of the Sphinx asked for) and the
    extras installed, so that asking for one more extra (``test`` after the HTML build)
    installs it without losing the others, and a changed pyproject.toml reinstalls all of
    them. A venv made by another Python version, or whose Python does not run any more,
    is made again.
    """
    if VENV.exists() and venv_python_version(VENV) != PYTHON_VERSION:
        print(f"{VENV} was made by a Python that is gone or another version: making it "
              "again", flush=True)
        shutil.rmtree(VENV)
    stamp_path = VENV / STAMP_NAME
    pinned = [SPHINX[0]] if SPHINX else []
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    wanted = hashlib.sha256(pyproject + "\n".join(pinned).encode()).hexdigest()
    stamp = stamp_path.read_text().split() if stamp_path.exists() else []
    # what was installed, as far as pyproject.toml still has it
    known = tomllib.loads(pyproject.decode("utf-8")).get("project", {}).get(
        "optional-dependencies", {})
    installed = frozenset(stamp[1:]) & frozenset(known)
    if stamp[:1] == [wanted] and extras <= installed:
        return
    if not (BIN / "python").exists():
        print(f"creating {VENV} for Python {PYTHON_VERSION}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    extras |= installed
    project = f".[{','.join(sorted(extras))}]" if extras else "."
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    # one resolution for the project and the Sphinx asked for: pip refuses a Sphinx
    # that pyproject.toml does not allow rather than installing two that disagree
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", project, *pinned)
    stamp_path.write_text(" ".join([wanted, *sorted(extras)]))


def build_html() -> None:
    run(BIN / "sphinx-build", "--version")  # which Sphinx: CI builds with more than one
    run(BIN / "sphinx-build", *SPHINX_STRICT, "-b", "html", "-d", BUILD / "doctrees",
        "docs", BUILD / "html")
    print(f"\nThe edition is in {BUILD / 'html' / 'index.html'}")


def apt_install(packages: list[str], why: str) -> None:
    """Install Debian packages as root; otherwise print the command and stop."""
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if shutil.which("apt-get") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        sys.exit(f"{why}; install them with:\n"
                 f"    sudo apt-get update && sudo {' '.join(command)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", env=env)
    run(*command, env=env)


def build_pdf() -> None:
    """The PDF with xelatex, then the log checked for letters no font could print."""
    missing = [name for name in TEX_COMMANDS if shutil.which(name) is None]
    if missing:
        apt_install(TEX_PACKAGES, f"the PDF needs {', '.join(missing)}")
    run(BIN / "sphinx-build", "-M", "latexpdf", "docs", BUILD, *SPHINX_STRICT)
    run(BIN / "python", "-m", "annotated_edition.latexlog", BUILD / "latex")
    print(f"\nThe PDF edition is {BUILD / 'latex' / 'edition.pdf'}")


def epubcheck_command() -> list[str] | None:
    """How to run epubcheck: Debian's is a bare .jar that only binfmt_misc can execute."""
    found = shutil.which("epubcheck")
    if found is None:
        return None
    if Path(found).resolve().suffix == ".jar":
        return ["java", "-jar", str(Path(found).resolve())]
    return [found]


def build_epub() -> None:
    """The EPUB (doctrees kept outside it by -M), then checked by epubcheck."""
    run(BIN / "sphinx-build", "-M", "epub", "docs", BUILD, *SPHINX_STRICT)
    epub = BUILD / "epub" / "edition.epub"
    checker = epubcheck_command()
    if checker is None:
        apt_install(EPUB_PACKAGES, "epubcheck is missing")
        checker = epubcheck_command()
    if checker is None:
        sys.exit("epubcheck is still missing after installing it")
    run(*checker, epub)
    print(f"\nThe EPUB edition is {epub}")


# The suite on every core (pytest-xdist); the tests that share a build of the edition go
# to one worker together (the xdist_group marks that tests/conftest.py sets).
PYTEST_PARALLEL = ["-n", "auto", "--dist", "loadgroup"]


def pytest_arguments(arguments: list[str]) -> list[str]:
    """pytest's arguments: the parallel ones first, unless the caller chose a number of
    processes (``-n 1``, ``--numprocesses``) or left pytest-xdist out (``-p no:xdist``)."""
    own = any(argument.startswith(("-n", "--numprocesses")) or argument == "no:xdist"
              for argument in arguments)
    return arguments if own else [*PYTEST_PARALLEL, *arguments]


def test() -> None:
    run(BIN / "ruff", "check", "src", "extensions", "tests", "benchmarks", "docs/conf.py",
        "edition.py")
    run(BIN / "mypy")  # the core and the extensions: files and settings in pyproject.toml
    run(BIN / "python", "-m", "pytest", *pytest_arguments(sys.argv[2:]))


def check() -> None:
    """Every problem of the inputs as file:line: message, without building."""
    run(BIN / "python", "-m", "annotated_edition", "check", "--docs", "docs")


def serve() -> None:
    """sphinx-autobuild on the edition: the HTML build's options, the seeds watched too.

    Each change rebuilds incrementally in a new sphinx-build process and reloads the
    page; options after ``serve`` go to sphinx-autobuild (``--port 8001``, ``--open-browser``).
    """
    run(BIN / "sphinx-autobuild", *SPHINX_STRICT, "-b", "html", "-d", BUILD / "doctrees",
        "--watch", ROOT / "seeds", "--ignore", "*.tmp", *sys.argv[2:], "docs",
        BUILD / "html")


def bench() -> None:
    """The benchmark of benchmarks/ (options after ``bench`` are passed on to it)."""
    run(BIN / "python", "-m", "benchmarks", *sys.argv[2:])


def mutate() -> None:
    """The core's mutation score (``mutate dates`` for one module; see benchmarks/mutate.py)."""
    run(BIN / "python", "-m", "benchmarks.mutate", *sys.argv[2:])


COMMANDS = {"html": build_html, "test": test, "check": check, "pdf": build_pdf,
            "epub": build_epub, "serve": serve, "bench": bench, "mutate": mutate}
# Extras of pyproject.toml each command needs installed in the venv (the HTML build and
# check need none: no Playwright, no dateparser); the mutants are killed by the tests.
EXTRAS = {"html": frozenset(), "check": frozenset(), "pdf": frozenset({"pdf"}),
          "epub": frozenset(), "test": frozenset({"test"}), "bench": frozenset({"bench"}),
          "mutate": frozenset({"test", "mutate"}), "serve": frozenset({"serve"})}


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "html"
    if command not in COMMANDS:
        sys.exit(f"usage: python3 edition.py [{'|'.join(COMMANDS)}]")
    use_venv(choose_venv())
    ensure_venv(EXTRAS.get(command, frozenset()))
    COMMANDS[command]()


if __name__ == "__main__":
    main()
