"""The chronology page: the placeholder becomes events grouped by year, in date order.

Built at ``doctree-resolved``, when every article has been read, so the links to source
paragraphs can be made for the output format at hand: an HTML address with ``#p4`` or, in
LaTeX, a reference to the paragraph's label.
"""

from __future__ import annotations

from itertools import groupby

from babel import UnknownLocaleError
from babel.dates import get_month_names
from docutils import nodes
from sphinx.application import Sphinx

from annotated_edition.chronology import (
    ENGLISH_DATES,
    Chronology,
    DateWords,
    Event,
    Source,
    display_date,
)
from sphinx_annotated_edition.articles.corpus import env_corpus
from sphinx_annotated_edition.chronology.domain import chronology_of
from sphinx_annotated_edition.chronology.nodes import chronology_list
from sphinx_annotated_edition.i18n import _, _lazy

SEASONS = {"SP": _lazy("spring"), "SU": _lazy("summer"), "FA": _lazy("fall"),
           "WI": _lazy("winter")}


def date_words(language: str | None) -> DateWords:
    """Dates in the build's language: babel's month names, the catalog's other words."""
    try:
        names = get_month_names("wide", context="format", locale=language or "en")
    except (ValueError, UnknownLocaleError):  # a language babel does not know
        return ENGLISH_DATES
    return DateWords(months=tuple(str(names[month]) for month in range(1, 13)),
                     seasons={code: str(word) for code, word in SEASONS.items()},
                     day=str(_("{day} {month} {year}")), week=str(_("week of {date}")),
                     month=str(_("{month} {year}")), season=str(_("{season} {year}")),
                     decade=str(_("the {first}s")))


def _badge(text: str, kind: str) -> nodes.inline:
    return nodes.inline(text, text, classes=["chronology-badge", f"chronology-badge-{kind}"])


class ChronologyRenderer:
    """Turns the chronology into nodes for one page and one builder."""

    def __init__(self, app: Sphinx, docname: str) -> None:
        self.app = app
        self.docname = docname
        corpus = env_corpus(app.env)
        self.documents = {entry.slug: corpus.docname(entry) for entry in corpus.entries}
        self.titles = {entry.slug: entry.title for entry in corpus.entries}
        self.words = date_words(app.config.language)

    def date(self, value: str, precision: str | None = None) -> str:
        return display_date(value, precision, self.words)

    def link(self, source: Source) -> nodes.reference:
        target = self.documents.get(source.article, source.article)
        uri = self.app.builder.get_relative_uri(self.docname, target) + "#" + source.anchor
        number = source.anchor.lstrip("p")
        label = _("%(title)s, paragraph %(number)s") % {
            "title": self.titles.get(source.article, source.article), "number": number}
        return nodes.reference(label, label, internal=True, refuri=uri, reftitle=source.quote,
                               classes=["chronology-source-link"])

    def source(self, event: Event, source: Source) -> nodes.list_item:
        line = nodes.paragraph("", "", self.link(source))
        if source.date != event.date:
            differs = " — " + _("this source dates it %s") % self.date(source.date,
                                                                       source.precision)
            line += nodes.inline(differs, differs, classes=["chronology-source-date"])
        quote = nodes.paragraph("", "", classes=["chronology-quote"])
        quote += nodes.Text("“" + source.quote + "”")
        return nodes.list_item("", line, quote, classes=["chronology-source"])

    def event(self, event: Event) -> nodes.container:
        classes = ["chronology-event",
                   "chronology-curated" if event.curated else "chronology-generated"]
        if event.conflict:
            classes.append("chronology-conflict")
        box = nodes.container(ids=[nodes.make_id(f"event-{event.key}")], classes=classes)
        heading = nodes.paragraph("", "", classes=["chronology-heading"])
        when = self.date(event.date, event.precision)
        heading += nodes.strong(when, when, classes=["chronology-date"])
        heading += nodes.Text(" — ")
        heading += nodes.inline(event.title, event.title, classes=["chronology-title"])
        if event.conflict:
            heading += nodes.Text(" ")
            heading += _badge(_("conflict: the sources disagree"), "conflict")
        # what the editor did, in small type at the end of the heading: one line less
        heading += nodes.Text(" ")
        heading += self.basis(event)
        box += heading
        if event.conflict:
            box += self.conflict_note(event)
        sources = nodes.bullet_list(classes=["chronology-sources"])
        for source in event.sources:
            sources += self.source(event, source)
        box += sources
        return box

    def basis(self, event: Event) -> nodes.inline:
        """What the editor did to this entry, and what the machine did."""
        parts = []
        parts.append(_("Title by the editor.") if event.title_curated else
                     _("Title taken from the sentence."))
        if event.date_curated:
            parts.append(_("Date recorded by the editor: %s") % event.date_reason)
        else:
            parts.append(_("Date as the sources give it."))
        if event.merged_by_editor:
            parts.append(_("Sources grouped by the editor."))
        text = " ".join(parts)
        return nodes.inline(text, text, classes=["chronology-basis"])

    def conflict_note(self, event: Event) -> nodes.paragraph:
        """The dates the sources give, each with how many give it: the sources below say
        which (a short line, where the names of every source made a wall of red text)."""
        counts: dict[str, int] = {}
        for source in event.sources:
            when = self.date(source.date, source.precision)
            counts[when] = counts.get(when, 0) + 1
        said = "; ".join(when + " (" + (_("1 source") if n == 1 else _("%d sources") % n) + ")"
                         for when, n in counts.items())
        text = _("The sources give different dates: %s.") % said
        return nodes.paragraph(text, text, classes=["chronology-conflict-note"])

    def render(self, chronology: Chronology) -> nodes.container:
        root = nodes.container(classes=["chronology"])
        root["support_smartquotes"] = False  # the quotes are verbatim
        articles = {s.article for e in chronology.events for s in e.sources}
        curated = sum(1 for e in chronology.events if e.curated)
        summary = _("%(events)d events from %(articles)d articles, %(conflicts)d with "
                    "conflicting dates; %(curated)d titled, dated or grouped by the editor, "
                    "%(found)d as found in the texts.") % {
            "events": len(chronology.events), "articles": len(articles),
            "conflicts": len(chronology.conflicts), "curated": curated,
            "found": len(chronology.events) - curated}
        root += nodes.paragraph(summary, summary, classes=["chronology-summary"])
        for year, events in groupby(chronology.events, key=lambda e: e.year):
            root += nodes.rubric(year, year, classes=["chronology-year"])
            for event in events:
                root += self.event(event)
        return root


def fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each placeholder with the chronology (warnings about the overlay here)."""
    placeholders = list(doctree.findall(chronology_list))
    if not placeholders:
        return
    chronology = chronology_of(app.env, warn=True)
    renderer = ChronologyRenderer(app, docname)
    for node in placeholders:
        node.replace_self(renderer.render(chronology))
