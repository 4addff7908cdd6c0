"""Keep the extensions' message catalog in step with the code (babel's Python API).

The labels and messages of ``sphinx_annotated_edition`` are marked ``_()``, ``_lazy()`` and
``__()`` (see ``sphinx_annotated_edition/i18n.py``). This tool::

    python3 tools/catalog.py extract           # the template: locales/<catalog>.pot
    python3 tools/catalog.py update            # each language's .po gets the new messages
    python3 tools/catalog.py init LANG         # a .po for a new language
    python3 tools/catalog.py compile           # each .po into the .mo Sphinx reads
    python3 tools/catalog.py all               # extract, update and compile

``tests/test_i18n.py`` extracts again and fails when the shipped files are behind the code.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from sphinx_annotated_edition.i18n import CATALOG, KEYWORDS, LOCALE_DIR

PACKAGE = LOCALE_DIR.parent
TEMPLATE = LOCALE_DIR / f"{CATALOG}.pot"
PROJECT = "sphinx-annotated-edition"


def extracted() -> Catalog:
    """Every marked message of the package, with where it is used (paths from the package)."""
    catalog = Catalog(project=PROJECT, fuzzy=False)
    for path, line, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("Translators:",)):
        catalog.add(message, locations=[(Path(path).as_posix(), line)],
                    auto_comments=comments, context=context)
    return catalog


def po_files() -> list[Path]:
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{CATALOG}.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=path.parent.parent.name)


def po_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, ignore_obsolete=True, sort_output=True,
             include_previous=False)
    return out.getvalue()


def mo_bytes(po: Path) -> bytes:
    """The compiled catalog of ``po``, as ``compile`` writes it (fuzzy entries left out)."""
    out = io.BytesIO()
    write_mo(out, read(po), use_fuzzy=False)
    return out.getvalue()


def extract() -> None:
    catalog = extracted()
    if TEMPLATE.exists():  # keep the date while the messages are the same
        with TEMPLATE.open("rb") as file:
            old = read_po(file)
        if {m.id for m in old if m.id} == {m.id for m in catalog if m.id}:
            catalog.creation_date = old.creation_date
    LOCALE_DIR.mkdir(exist_ok=True)
    TEMPLATE.write_bytes(po_text(catalog))
    print(f"{TEMPLATE}: {sum(1 for m in catalog if m.id)} messages")


def update() -> None:
    with TEMPLATE.open("rb") as file:
        template = read_po(file)
    for path in po_files():
        catalog = read(path)
        catalog.update(template, no_fuzzy_matching=True)
        path.write_bytes(po_text(catalog))
        missing = [m.id for m in catalog if m.id and not m.string]
        print(f"{path}: {len(missing)} untranslated")


def init(language: str) -> None:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{CATALOG}.po"
    if path.exists():
        raise SystemExit(f"{path} exists: use update")
    with TEMPLATE.open("rb") as file:
        template = read_po(file)
    catalog = Catalog(locale=language, project=PROJECT, fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True)
    path.parent.mkdir(parents=True)
    path.write_bytes(po_text(catalog))
    print(f"{path}: created")


def compile_all() -> None:
    for path in po_files():
        target = path.with_suffix(".mo")
        target.write_bytes(mo_bytes(path))
        print(f"{target}: compiled")


def main(arguments: list[str]) -> None:
    command = arguments[0] if arguments else "all"
    if command == "extract":
        extract()
    elif command == "update":
        update()
    elif command == "init" and len(arguments) == 2:
        init(arguments[1])
    elif command == "compile":
        compile_all()
    elif command == "all":
        extract()
        update()
        compile_all()
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
