#!/usr/bin/env python3
"""Build and test the edition on a fresh machine that has nothing but Python 3.11+.

    python3 edition.py            build the HTML edition into _build/html
    python3 edition.py test       run the checks and the test suite (what CI runs)
    python3 edition.py check      check the seeds, catalog and data files (no build)

The first run creates a virtual environment in .venv and installs the project into it;
later runs reinstall only when pyproject.toml has changed.
"""

from __future__ import annotations

import hashlib
import os
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


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run([str(part) for part in command], cwd=ROOT, env=env)
    if result.returncode:
        sys.exit(result.returncode)


def ensure_venv() -> None:
    """Create .venv and install the project (with its test extras) when needed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[test]")
    STAMP.write_text(wanted)


def build_html() -> None:
    run(BIN / "sphinx-build", *SPHINX_STRICT, "-b", "html", "-d", BUILD / "doctrees",
        "docs", BUILD / "html")
    print(f"\nThe edition is in {BUILD / 'html' / 'index.html'}")


def test() -> None:
    run(BIN / "ruff", "check", "src", "extensions", "tests", "docs/conf.py", "edition.py")
    run(BIN / "python", "-m", "pytest", *sys.argv[2:])


def check() -> None:
    """Every problem of the inputs as file:line: message, without building."""
    run(BIN / "python", "-m", "annotator", "check", "--docs", "docs")


COMMANDS = {"html": build_html, "test": test, "check": check}


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "html"
    if command not in COMMANDS:
        sys.exit(f"usage: python3 edition.py [{'|'.join(COMMANDS)}]")
    ensure_venv()
    COMMANDS[command]()


if __name__ == "__main__":
    main()
