"""The words of the note popover (``edition-notes.js``) in the page's language.

The script makes the popover's heading and its link to the note; their words are written
by the build, translated, into a JSON block of the page that shows note markers.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from sphinx_annotated_edition.i18n import _, script_words
from sphinx_annotated_edition.notes.margin import kind_label
from sphinx_annotated_edition.notes.nodes import KIND_SIGNS, NOTE_REF_CLASS

WORDS_ID = "edition-notes-labels"  # the id edition-notes.js reads


def add_popover_words(app: Sphinx, pagename: str, templatename: str,
                      context: dict[str, Any], doctree: Any) -> None:
    """At ``html-page-context``: the popover's words on each page with note markers."""
    if app.builder.name == "epub" or NOTE_REF_CLASS not in context.get("body", ""):
        return
    words = {"note": _("Note {number}"), "jump": _("Go to note {number}"),
             "kinds": {kind: kind_label(kind) for kind in KIND_SIGNS}}
    context["metatags"] = context.get("metatags", "") + script_words(WORDS_ID, words) + "\n"
