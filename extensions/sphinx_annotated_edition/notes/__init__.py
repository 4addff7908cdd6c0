"""Editorial notes: context, sic, framing and cross-reference notes as real footnotes.

Each note is anchored to a verbatim quote of an article, so this extension loads
``sphinx_annotated_edition.articles`` (and ``myst_parser``, for the notes' inline Markdown)
and ``sphinx_annotated_edition.annotations``: listing it alone in ``conf.py`` is enough.

Registers:

- config value ``edition_notes``: the notes file, relative to ``conf.py``
  (default ``notes.yaml``);
- at ``builder-inited``: the notes file is checked and every note anchored in its
  article; each problem is a warning naming the file, the line and the article
  (subtypes ``notes``, ``note-quote``, ``note-ambiguous``, ``note-overlap``,
  ``note-kind``, ``note-article``);
- transforms ``AddNotes`` (610: markers and ``[sic]`` marks after the quoted words,
  auto-numbered footnotes) and ``GatherNotes`` (625: the notes under the article);
- the post-transform ``AddMarginNotes`` (HTML): a copy of each note beside its marker,
  floated into the margin on wide screens (``margin_note`` nodes);
- the ``ArticleNotesCollector``: an edit of a note re-reads its article's page only;
- the domain ``edition_notes``: the notes of every page, for the export;
- a handler of ``edition-annotations`` (from ``sphinx_annotated_edition.annotations``): the notes
  in ``annotations.jsonld``;
- static ``edition-notes.js`` and ``edition-notes.css``: the note in a popover by its
  marker (hover, focus, tap; Esc closes); without JavaScript the marker is a link.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata

from annotated_edition import __version__
from annotated_edition.webannotation import AnnotationRecord
from sphinx_annotated_edition.annotations import EVENT
from sphinx_annotated_edition.i18n import add_catalog
from sphinx_annotated_edition.notes.collector import ArticleNotesCollector
from sphinx_annotated_edition.notes.data import note_set
from sphinx_annotated_edition.notes.domain import NotesDomain
from sphinx_annotated_edition.notes.margin import (
    AddMarginNotes,
    depart_margin_note_html,
    visit_margin_note_html,
)
from sphinx_annotated_edition.notes.nodes import margin_note
from sphinx_annotated_edition.notes.popover import add_popover_words
from sphinx_annotated_edition.notes.transforms import DOC_TITLE, AddNotes, GatherNotes
from sphinx_annotated_edition.paths import add_path_config_value
from sphinx_annotated_edition.static import add_static_dir
from sphinx_annotated_edition.visitors import skip_node
from sphinx_annotated_edition.warnings_ import Subtype, report

STATIC = Path(__file__).parent / "static"


def check_notes(app: Sphinx) -> None:
    """Report every problem of the notes file once per build, before any page is read."""
    for problem in note_set(app.config).problems:
        report(problem, Subtype.NOTES)



def note_records(app: Sphinx, env: BuildEnvironment) -> list[AnnotationRecord]:
    domain = env.domains[NotesDomain.name]
    assert isinstance(domain, NotesDomain)
    def title(match: re.Match[str]) -> str:
        found = env.titles.get(match[1])
        return found.astext() if found is not None else match[1]

    slot = re.compile(f"{DOC_TITLE}([^{DOC_TITLE}]*){DOC_TITLE}")
    return [dataclasses.replace(record, body=slot.sub(title, record.body))
            for record in domain.records()]


def setup(app: Sphinx) -> ExtensionMetadata:
    add_catalog(app)
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_annotated_edition.state")
    app.setup_extension("sphinx_annotated_edition.articles")
    app.setup_extension("sphinx_annotated_edition.annotations")
    add_path_config_value(app, "edition_notes", "notes.yaml")
    app.add_domain(NotesDomain)
    app.add_env_collector(ArticleNotesCollector)
    app.add_transform(AddNotes)
    app.add_transform(GatherNotes)
    app.add_post_transform(AddMarginNotes)
    app.add_node(margin_note, html=(visit_margin_note_html, depart_margin_note_html),
                 latex=(skip_node, None), text=(skip_node, None), man=(skip_node, None),
                 texinfo=(skip_node, None))
    app.connect("builder-inited", check_notes)
    add_static_dir(app, STATIC)
    app.connect(EVENT, note_records)
    app.connect("html-page-context", add_popover_words)
    app.add_css_file("edition-notes.css")
    app.add_js_file("edition-notes.js", loading_method="defer")
    # env_version 2: per article, the fingerprint of the notes it was read with
    # env_version 3: markers carry their kind; notes take typographic quotes
    return {"version": __version__, "env_version": 3, "parallel_read_safe": True,
            "parallel_write_safe": True}
