"""The extensions' words for readers, translated through ``sphinx.locale``.

One message catalog for the whole package, shipped in ``locales/<lang>/LC_MESSAGES/``:
each extension registers it in its ``setup`` (:func:`add_catalog`), so any one of them
used alone in a Sphinx project speaks the project's ``language``.

- ``_`` for what a reader sees, called where the page is made (read or write time);
- ``_lazy`` for a label kept in a module-level constant: translated each time it is
  turned into text, so two builds in one process in two languages each get their own;
- ``__`` for log messages (the console's language, as Sphinx's own messages).

``tools/catalog.py`` extracts these calls into ``locales/sphinx_annotated_edition.pot``,
updates each language's ``.po`` and compiles the ``.mo`` files.
"""

from __future__ import annotations

import json
from collections import UserString
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from babel import UnknownLocaleError
from babel.dates import format_date
from sphinx.application import Sphinx
from sphinx.locale import get_translation

CATALOG = "sphinx_annotated_edition"
LOCALE_DIR = Path(__file__).parent / "locales"
# the keywords the extraction looks for (tools/catalog.py, tests/test_i18n.py)
KEYWORDS = {"_": None, "__": None, "_lazy": None}

_ = get_translation(CATALOG)
__ = get_translation(CATALOG, "console")


class _LazyLabel(UserString):
    """A label translated whenever it is used as text, not once when its module is loaded."""

    def __init__(self, message: str) -> None:  # not UserString's: ``data`` is a property
        self.message = message

    @property
    def data(self) -> str:  # type: ignore[override]
        return str(_(self.message))

    def __mod__(self, args: object) -> str:  # type: ignore[override]
        return self.data % args

    def __reduce__(self) -> tuple[type[_LazyLabel], tuple[str]]:
        return (_LazyLabel, (self.message,))


def _lazy(message: str) -> str:
    """A module-level label: translated in the language of the build that shows it."""
    return _LazyLabel(message)  # type: ignore[return-value]


def add_catalog(app: Sphinx) -> None:
    """Register the package's catalog (call in each extension's ``setup``)."""
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))


def day_month_year(day: date, language: str | None) -> str:
    """A day as the reader's language writes it: "12 October 2020", "12 Ekim 2020"."""
    try:
        return format_date(day, "d MMMM y", locale=language or "en")
    except (ValueError, UnknownLocaleError):  # a language babel does not know
        return format_date(day, "d MMMM y", locale="en")


def script_words(element_id: str, words: Mapping[str, object]) -> str:
    """Translated words for a page's script: ``<script type="application/json">``."""
    data = json.dumps(words, ensure_ascii=False, sort_keys=True, default=str)
    # nothing in the block may end it or open a comment
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{element_id}">{data}</script>'
