#!/usr/bin/env python3
"""Build and test the edition on a fresh machine that has nothing but Python 3.11+.

    python3 edition.py            build the HTML edition into _build/html
    python3 edition.py test       run the checks and the test suite (what CI runs)
    python3 edition.py pdf        build the PDF into _build/latex (installs TeX if missing)
    python3 edition.py epub       build the EPUB into _build/epub and run epubcheck
    python3 edition.py check      check the seeds, catalog and data files (no build)
    python3 edition.py bench      measure the extensions against plain Sphinx (benchmarks/)
    python3 edition.py mutate     mutation score of the core (slow; not part of CI)

The first run creates a virtual environment in .venv and installs the project into it;
later runs reinstall only when pyproject.toml has changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".edition-installed"
BUILD = ROOT / "_build"
SPHINX_STRICT = ["-W", "--keep-going", "-n"]
# The smallest set of Debian packages that builds the PDF with xelatex (checked on a bare
# Debian 12): without texlive-fonts-recommended xelatex stops on a missing font, xindy
# sorts the index, make runs Sphinx's LaTeX Makefile, poppler-utils gives pdftotext.
TEX_PACKAGES = ["texlive-xetex", "texlive-latex-extra", "texlive-fonts-recommended",
                "latexmk", "fonts-freefont-otf", "xindy", "make", "poppler-utils"]
TEX_COMMANDS = ["xelatex", "latexmk", "xindy", "make", "pdftotext"]
EPUB_PACKAGES = ["epubcheck"]


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run([str(part) for part in command], cwd=ROOT, env=env)
    if result.returncode:
        sys.exit(result.returncode)


def ensure_venv(extras: frozenset[str] = frozenset({"test"})) -> None:
    """Create .venv and install the project (with the extras asked for) when needed.

    The stamp holds the hash of pyproject.toml and the extras installed, so that asking
    for one more extra (``bench``) installs it without losing the others.
    """
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = STAMP.read_text().split() if STAMP.exists() else []
    installed = frozenset(stamp[1:]) if stamp[:1] == [wanted] else frozenset()
    if extras <= installed:
        return
    if not (BIN / "python").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    extras |= installed
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", f".[{','.join(sorted(extras))}]")
    STAMP.write_text(" ".join([wanted, *sorted(extras)]))


def build_html() -> None:
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
    run(BIN / "python", "-m", "annotator.latexlog", BUILD / "latex")
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


def test() -> None:
    run(BIN / "ruff", "check", "src", "extensions", "tests", "benchmarks", "docs/conf.py",
        "edition.py")
    run(BIN / "mypy")  # the core and the extensions: files and settings in pyproject.toml
    run(BIN / "python", "-m", "pytest", *sys.argv[2:])


def check() -> None:
    """Every problem of the inputs as file:line: message, without building."""
    run(BIN / "python", "-m", "annotator", "check", "--docs", "docs")


def bench() -> None:
    """The benchmark of benchmarks/ (options after ``bench`` are passed on to it)."""
    run(BIN / "python", "-m", "benchmarks", *sys.argv[2:])


def mutate() -> None:
    """The core's mutation score (``mutate dates`` for one module; see benchmarks/mutate.py)."""
    run(BIN / "python", "-m", "benchmarks.mutate", *sys.argv[2:])


COMMANDS = {"html": build_html, "test": test, "check": check, "pdf": build_pdf,
            "epub": build_epub, "bench": bench, "mutate": mutate}
# Extras of pyproject.toml each command needs installed in .venv.
EXTRAS = {"bench": frozenset({"test", "bench"}), "mutate": frozenset({"test", "mutate"})}


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "html"
    if command not in COMMANDS:
        sys.exit(f"usage: python3 edition.py [{'|'.join(COMMANDS)}]")
    ensure_venv(EXTRAS.get(command, frozenset({"test"})))
    COMMANDS[command]()


if __name__ == "__main__":
    main()
