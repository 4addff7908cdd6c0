"""The "Shared passages" page and the signs beside the article paragraphs.

Both are made at ``doctree-resolved``, when every article is read and the passages are
known, so that links are made for the output format at hand (``#p4`` in HTML, a label
reference in LaTeX).

Each passage shows its witnesses (siglum, article, paragraphs), the base text (the
earliest article's copy) with the variant places numbered, and the apparatus in the form
of a critical edition: ``lemma ] reading SIGLA; reading SIGLA``; ``om.`` for words a
witness leaves out, ``add.`` for words it adds.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from annotated_edition.apparatus import Apparatus, Location
from annotated_edition.articles import PARAGRAPH_SEPARATOR
from annotated_edition.passages import SharedPassage, Witness
from sphinx_annotated_edition.articles.corpus import env_corpus
from sphinx_annotated_edition.articles.directives import ANCHOR_ATTRIBUTE, FILE_ATTRIBUTE
from sphinx_annotated_edition.i18n import _, _lazy
from sphinx_annotated_edition.passages.data import PassageState, passage_pages, state_of
from sphinx_annotated_edition.passages.nodes import passage_sign, passage_target, shared_passages

KIND_LABELS = {"date": _lazy("date"), "number": _lazy("number"), "name": _lazy("name")}


def passage_id(key: str) -> str:
    return f"passage-{key}"


def _paragraphs(witness: Witness) -> str:
    numbers = [anchor.lstrip("p") for anchor in witness.anchors]
    return "¶" + numbers[0] if len(numbers) == 1 else f"¶{numbers[0]}–{numbers[-1]}"


class PassagesRenderer:
    """Turns the passages into nodes for one page and one builder."""

    def __init__(self, app: Sphinx, docname: str, state: PassageState) -> None:
        self.app = app
        self.docname = docname
        self.state = state
        corpus = env_corpus(app.env)
        self.documents = {entry.slug: corpus.docname(entry) for entry in corpus.entries}
        self.titles = {entry.slug: entry.title for entry in corpus.entries}
        self.conflicts = chronology_conflicts(app)

    def uri(self, slug: str, anchor: str) -> str:
        target = self.documents.get(slug, slug)
        return self.app.builder.get_relative_uri(self.docname, target) + "#" + anchor

    def witness(self, siglum: str, witness: Witness, base: bool) -> nodes.list_item:
        line = nodes.paragraph()
        line += nodes.strong(siglum, siglum, classes=["passage-siglum"])
        line += nodes.Text(" ")
        title = self.titles.get(witness.slug, witness.slug)
        line += nodes.emphasis(title, title)
        line += nodes.Text(", ")
        for n, anchor in enumerate(witness.anchors):
            if n:
                line += nodes.Text(", ")
            label = f"¶{anchor.lstrip('p')}"
            line += nodes.reference(label, label, internal=True,
                                    refuri=self.uri(witness.slug, anchor),
                                    reftitle=_("paragraph %(number)s of %(title)s") % {
                                        "number": anchor.lstrip("p"), "title": title})
        if base:
            note = " — " + _("base text")
            line += nodes.inline(note, note, classes=["passage-base-label"])
        return nodes.list_item("", line, classes=["passage-witness"])

    def base_text(self, passage: SharedPassage, apparatus: Apparatus) -> nodes.paragraph:
        """The base witness's words, the variant places marked and numbered; where a
        paragraph of the article begins, its number."""
        base = passage.witnesses[0]
        text = base.text
        paragraph = nodes.paragraph(classes=["passage-base"])
        breaks = iter(piece.anchor for piece in base.pieces[1:])

        def words(part: str) -> list[nodes.Node]:
            found: list[nodes.Node] = []
            for n, chunk in enumerate(part.split(PARAGRAPH_SEPARATOR)):
                if n:
                    mark = f" ¶{next(breaks, '').lstrip('p')} "
                    found.append(nodes.inline(mark, mark, classes=["passage-break"]))
                found.append(nodes.Text(chunk))
            return found

        cursor = 0
        for location in apparatus.locations:
            paragraph.extend(words(text[cursor:location.start]))
            if location.lemma:
                lemma = nodes.inline("", "", classes=["passage-lemma"])
                lemma.extend(words(location.lemma))
                paragraph += lemma
            number = str(location.number)
            paragraph += nodes.superscript(number, number, classes=["passage-location"])
            cursor = location.end
        paragraph.extend(words(text[cursor:]))
        return paragraph

    def conflict_link(self, places: list[tuple[str, str]]) -> list[nodes.Node]:
        """A link to the chronology's conflict that one of these paragraphs is a source of."""
        for place in places:
            if place in self.conflicts:
                page, ident = self.conflicts[place]
                uri = self.app.builder.get_relative_uri(self.docname, page) + "#" + ident
                label = _("the chronology marks this conflict of dates")
                return [nodes.Text(" ("), nodes.reference(label, label, internal=True,
                                                          refuri=uri), nodes.Text(")")]
        return []

    def entry(self, location: Location, passage: SharedPassage,
              sigla: tuple[str, ...]) -> nodes.list_item:
        """``n lemma ] reading A; reading B``, the kind said when it is significant."""
        line = nodes.paragraph()
        line += nodes.strong(str(location.number), str(location.number))
        line += nodes.Text(" ")
        if location.lemma:
            line += nodes.Text(location.lemma)
        else:
            after = _("after “%s”") % location.before if location.before else _("at the start")
            line += nodes.emphasis(after, after)
        line += nodes.Text(" ] ")
        for n, reading in enumerate(location.readings):
            if n:
                line += nodes.Text("; ")
            if reading.text:
                if not location.lemma:
                    line += nodes.emphasis(_("add."), _("add."))
                    line += nodes.Text(" ")
                line += nodes.inline(reading.text, reading.text, classes=["passage-reading"])
            else:
                line += nodes.emphasis(_("om."), _("om."))
            who = " " + " ".join(reading.sigla)
            line += nodes.strong(who, who, classes=["passage-siglum"])
        if location.significant:
            said = " — " + _("a %s differs") % str(KIND_LABELS[location.kind])
            line += nodes.inline(said, said, classes=["passage-significant"])
        if location.kind == "date":
            by_siglum = dict(zip(sigla, passage.witnesses, strict=True))
            places = [(passage.witnesses[0].slug, location.base_anchor)]
            places += [(by_siglum[s].slug, a) for r in location.readings
                       for s, a in zip(r.sigla, r.anchors, strict=True)]
            line += self.conflict_link(places)
        classes = ["passage-variant"]
        if location.significant:
            classes.append(f"passage-variant-{location.kind}")
        return nodes.list_item("", line, classes=classes)

    def passage(self, number: int, passage: SharedPassage, apparatus: Apparatus
                ) -> nodes.container:
        box = nodes.container(ids=[passage_id(passage.key)], classes=["shared-passage"])
        heading = nodes.paragraph(classes=["passage-heading"])
        heading += passage_target("", refid=passage_id(passage.key))
        title = _("Passage %d") % number
        heading += nodes.strong(title, title)
        count = " — " + _("in %d articles") % len(passage.slugs)
        heading += nodes.Text(count)
        box += heading
        witnesses = nodes.bullet_list(classes=["passage-witnesses"])
        for n, (siglum, witness) in enumerate(zip(apparatus.sigla, passage.witnesses,
                                                  strict=True)):
            witnesses += self.witness(siglum, witness, n == 0)
        box += witnesses
        box += self.base_text(passage, apparatus)
        if apparatus.locations:
            entries = nodes.bullet_list(classes=["passage-apparatus"])
            for location in apparatus.locations:
                entries += self.entry(location, passage, apparatus.sigla)
            box += entries
        else:
            same = _("The copies agree word for word.")
            box += nodes.paragraph(same, same, classes=["passage-agree"])
        return box

    def render(self) -> nodes.container:
        root = nodes.container(classes=["shared-passages"])
        root["support_smartquotes"] = False  # the texts are verbatim
        report = self.state.report
        articles = {w.slug for p in report.passages for w in p.witnesses}
        significant = sum(1 for a in report.apparatuses for loc in a.locations
                          if loc.significant)
        if not report.passages:
            summary = _("No two articles share a passage.")
        else:
            summary = _("Passages shared: %(passages)d, by %(articles)d articles. Variant "
                        "places that change a date, a number or a name: %(significant)d.") % {
                "passages": len(report.passages), "articles": len(articles),
                "significant": significant}
        root += nodes.paragraph(summary, summary, classes=["passages-summary"])
        for number, (passage, apparatus) in enumerate(
                zip(report.passages, report.apparatuses, strict=True), start=1):
            root += self.passage(number, passage, apparatus)
        return root


def chronology_conflicts(app: Sphinx) -> dict[tuple[str, str], tuple[str, str]]:
    """(article, paragraph) -> (page, id) of each chronology event with conflicting dates.

    The chronology finds the conflict from its dates; a shared passage whose copies
    give different dates is the evidence of where it came from, so the two are linked.
    """
    if "chronology" not in app.env.domains:
        return {}
    from sphinx_annotated_edition.chronology.domain import chronology_of, domain_of

    pages = sorted(domain_of(app.env).pages)
    if not pages:
        return {}
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for event in chronology_of(app.env, warn=False).events:
        if event.conflict:
            for source in event.sources:
                found.setdefault((source.article, source.anchor),
                                 (pages[0], nodes.make_id(f"event-{event.key}")))
    return found


def fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace the page's placeholder with the passages."""
    placeholders = list(doctree.findall(shared_passages))
    if not placeholders:
        return
    state = state_of(app.env)
    for node in placeholders:
        if state is None:
            node.replace_self([])
        else:
            node.replace_self(PassagesRenderer(app, docname, state).render())


def add_signs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A sign beside each article paragraph that recurs elsewhere (after its pilcrow).

    Paragraphs are known by their seed and anchor, not by ``docname``: the LaTeX builder
    resolves the whole book as one doctree.
    """
    state = state_of(app.env)
    pages = sorted(passage_pages(app.env))
    if state is None or not pages or not state.report.passages:
        return
    places: dict[tuple[str, str], list[SharedPassage]] = {}
    for passage in state.report.passages:
        for witness in passage.witnesses:
            for anchor in witness.anchors:
                places.setdefault((witness.file, anchor), []).append(passage)
    titles = {entry.slug: entry.title for entry in env_corpus(app.env).entries}
    for paragraph in doctree.findall(nodes.paragraph):
        place = (str(paragraph.get(FILE_ATTRIBUTE)), str(paragraph.get(ANCHOR_ATTRIBUTE)))
        for passage in places.get(place, ()):
            others = [f"{titles.get(w.slug, w.slug)} ({_paragraphs(w)})"
                      for w in passage.witnesses if w.file != place[0]]
            label = _("Shared passage %(number)d, also in %(others)s: see how the copies "
                      "differ") % {"number": state.numbers[passage.key],
                                   "others": "; ".join(others)}
            uri = app.builder.get_relative_uri(docname, pages[0]) + "#" + \
                passage_id(passage.key)
            paragraph += passage_sign("", refuri=uri, label=label)
