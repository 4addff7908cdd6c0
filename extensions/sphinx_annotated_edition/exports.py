"""What the extensions write beside Sphinx's pages: for which builders, and how.

The data exports (``glossary.json``, ``chronology.json``, ``annotations.jsonld``) belong
to the website with a page per document (``html``, ``dirhtml``): their addresses are a
page and a paragraph's id on it. ``gets_html_exports`` is the one test of that. The EPUB
builder is an HTML builder too (its ``format`` is ``"html"``), but every file of its
folder is packed into the book, and an unknown one makes the next build fail ("unknown
mimetype"); ``singlehtml`` has one page, where a paragraph's id is not the one the
exports name.

``write_atomically`` writes a file whole or not at all (a temporary file in the same
folder, then a rename), so a full disk or a killed build never leaves half an export,
and a failure is one warning, not a traceback.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.epub3 import Epub3Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder

from sphinx_annotated_edition.i18n import __
from sphinx_annotated_edition.warnings_ import Subtype, warn


def gets_html_exports(builder: Builder) -> bool:
    """Whether this builder makes the website, a page per document (html, dirhtml)."""
    return isinstance(builder, StandaloneHTMLBuilder) and \
        not isinstance(builder, Epub3Builder | SingleFileHTMLBuilder)


def write_atomically(app: Sphinx, path: Path, text: str | Iterable[str]) -> bool:
    """Write ``text`` to ``path`` whole, or warn once and leave the old file as it was.

    ``text`` may come in pieces (``jsonout.iter_dumps``), written as they come.
    """
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False) as handle:
            temporary = handle.name
            for piece in [text] if isinstance(text, str) else text:
                handle.write(piece)
        os.chmod(temporary, 0o644)  # as any other file of the output, not mkstemp's 0600
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        # an output file has no line to point at: its path is in the message
        warn(__("cannot write %(path)s: %(error)s; the file was left as it was") % {
                 "path": path, "error": error.strerror or error},
             Subtype.OUTPUT, None)
        return False
    return True
