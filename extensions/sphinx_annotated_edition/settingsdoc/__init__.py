"""The configuration reference: every ``edition_*`` setting the build has registered.

Registers the directive ``edition-settings``, for an edition's developer documentation:
one entry per registered setting whose name starts with ``edition_``, grouped by the
extension that declares it, with its type, default, what a change of it rebuilds, what it
does and an example. Names, types and defaults are read from the build's configuration
(``app.config.values``), so the page lists exactly what the loaded extensions declare;
the words come from :mod:`.descriptions`, and a registered setting missing there is a
warning. A project that loads only some of the extensions gets the reference of those.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from sphinx_annotated_edition.i18n import __, add_catalog
from sphinx_annotated_edition.settingsdoc.descriptions import SETTINGS, SettingDoc
from sphinx_annotated_edition.warnings_ import Subtype, warn

PREFIX = "edition_"
REBUILDS = {"env": "every page is read again", "html": "the HTML pages are written again",
            "": "nothing is read again"}


def type_name(valid_types: Any) -> str:
    """``str``, ``list or tuple``, or ``one of 'a', 'b'`` for an ENUM (from its repr)."""
    if isinstance(valid_types, frozenset | set | tuple | list):
        names = sorted("None" if kind is type(None) else getattr(kind, "__name__", repr(kind))
                       for kind in valid_types)
        return " or ".join(names) or "any"
    text = repr(valid_types)
    if text.startswith("ENUM(") and text.endswith(")"):
        return f"one of {text[5:-1]}"
    return text


def registered_settings(config: Config) -> dict[str, Any]:
    """The registered ``edition_*`` settings: name to Sphinx's record of it."""
    return {name: option for name, option in config.values.items()
            if name.startswith(PREFIX)}


def _paragraph(*parts: nodes.Node | str) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    for part in parts:
        paragraph += nodes.Text(part) if isinstance(part, str) else part
    return paragraph


def _entry(name: str, option: Any, doc: SettingDoc) -> nodes.definition_list_item:
    term = nodes.term("", "", nodes.literal(name, name))
    term["ids"].append(nodes.make_id(f"setting-{name}"))  # a link to one setting
    definition = nodes.definition()
    definition += _paragraph(doc.description)
    definition += _paragraph("Type: ", nodes.literal("", type_name(option.valid_types)),
                             "; default: ", nodes.literal("", repr(option.default)),
                             "; when it changes, ",
                             REBUILDS.get(str(option.rebuild), str(option.rebuild)), ".")
    definition += nodes.literal_block(doc.example, doc.example, language="python")
    return nodes.definition_list_item("", term, definition)


class EditionSettings(SphinxDirective):
    """The reference of the ``edition_*`` settings, grouped by extension."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        registered = registered_settings(self.config)
        for name in sorted(registered.keys() - SETTINGS.keys()):
            warn(__("setting %s has no description in the configuration reference "
                    "(sphinx_annotated_edition.settingsdoc.descriptions)") % name,
                 Subtype.SETTINGS_REFERENCE, self.get_location())
        by_extension: dict[str, list[str]] = {}
        for name in registered.keys() & SETTINGS.keys():
            by_extension.setdefault(SETTINGS[name].extension, []).append(name)
        result: list[nodes.Node] = []
        for extension in sorted(by_extension):
            result.append(nodes.rubric("", "", nodes.literal(extension, extension)))
            listing = nodes.definition_list(classes=["edition-settings"])
            for name in sorted(by_extension[extension]):
                listing += _entry(name, registered[name], SETTINGS[name])
            result.append(listing)
        return result


def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.add_directive("edition-settings", EditionSettings)
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True,
            "parallel_write_safe": True}
