"""The review status: the placeholder becomes a summary and one entry per article.

Built at ``doctree-resolved``, so the links to articles and paragraphs are made for the
output format at hand (an HTML address with ``#p4``, a LaTeX reference to the label).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import NoUri

from annotated_edition.review import CHECKS, ArticleStatus
from sphinx_annotated_edition.articles.corpus import Corpus
from sphinx_annotated_edition.review import labels
from sphinx_annotated_edition.review.data import ReviewSet, review_set
from sphinx_annotated_edition.review.nodes import review_status


class StatusRenderer:
    """Turns the review status into nodes for one page and one builder."""

    def __init__(self, app: Sphinx, docname: str, found: ReviewSet) -> None:
        self.app = app
        self.docname = docname
        self.found = found
        corpus: Corpus = found.corpus
        self.documents = {entry.file: corpus.docname(entry) for entry in corpus.entries}
        self.language = app.config.language or "en"

    def link(self, file: str, text: str, anchor: str = "") -> nodes.Node:
        """A link to an article (or one of its paragraphs); plain text where none can go."""
        target = self.documents.get(file)
        try:
            if target is None:
                raise NoUri(file, None)
            uri = self.app.builder.get_relative_uri(self.docname, target)
        except NoUri:
            return nodes.Text(text)
        return nodes.reference(text, text, internal=True,
                               refuri=f"{uri}#{anchor}" if anchor else uri)

    def date(self, value: dt.date) -> str:
        try:
            return format_date(value, "d MMMM y", locale=self.language.replace("-", "_"))
        except (ValueError, LookupError):  # a language babel does not know
            return str(value)

    def paragraphs(self, label: str, file: str, anchors: tuple[str, ...]) -> nodes.paragraph:
        line = nodes.paragraph("", "", classes=["review-status-open"])
        line += nodes.Text(label + " ")
        for position, anchor in enumerate(anchors):
            if position:
                line += nodes.Text(", ")
            line += self.link(file, labels.PARAGRAPH % {"number": anchor.lstrip("p")}, anchor)
        return line

    def article(self, state: ArticleStatus) -> nodes.list_item:
        item = nodes.list_item(classes=["review-status-article"])
        head = nodes.paragraph()
        head += nodes.strong("", "", self.link(state.file, state.title))
        done = len(state.reviewed) + len(state.incomplete)
        parts = [labels.ARTICLE % {"reviewed": len(state.reviewed), "total": state.paragraphs}]
        if done:
            if len(state.checks) == len(CHECKS):
                parts.append(str(labels.FOR_ALL))
            elif state.checks:
                names = ", ".join(str(labels.CHECK_NAMES[check]) for check in state.checks)
                parts.append(labels.FOR_CHECKS % {"checks": names})
            else:
                parts.append(str(labels.FOR_NONE))
            parts.append(labels.BY % {"by": "; ".join(state.by)})
            if state.latest is not None:
                parts.append(labels.LATEST % {"date": self.date(state.latest)})
        head += nodes.Text(" — " + ", ".join(parts) + ".")
        item += head
        for label, anchors in ((labels.NOT_REVIEWED, state.unreviewed),
                               (labels.CHANGED, state.changed),
                               (labels.INCOMPLETE, state.incomplete)):
            if anchors:
                item += self.paragraphs(str(label), state.file, anchors)
        return item

    def render(self) -> nodes.container:
        root = nodes.container(classes=["review-status"])
        if self.found.path is None:
            root += nodes.paragraph("", str(labels.NO_RECORD))
            return root
        states = self.found.status
        total = sum(state.paragraphs for state in states)
        reviewed = sum(len(state.reviewed) for state in states)
        percent = f"{100 * reviewed / total:.0f}" if total else "0"
        summary = labels.SUMMARY % {"reviewed": reviewed, "total": total,
                                    "articles": len(states), "percent": percent}
        root += nodes.paragraph("", summary, classes=["review-status-summary"])
        unreviewed = sum(len(state.unreviewed) for state in states)
        changed = sum(len(state.changed) for state in states)
        incomplete = sum(len(state.incomplete) for state in states)
        if unreviewed or changed or incomplete:
            text = labels.OPEN % {"unreviewed": unreviewed, "changed": changed,
                                  "incomplete": incomplete}
        else:
            text = str(labels.ALL_DONE)
        root += nodes.paragraph("", text, classes=["review-status-open-summary"])
        root += nodes.paragraph("", str(labels.QUESTIONS))
        questions = nodes.bullet_list(classes=["review-status-questions"])
        for check in CHECKS:
            questions += nodes.list_item("", nodes.paragraph("", str(labels.CHECK_LABELS[check])))
        root += questions
        root += nodes.paragraph("", str(labels.BY_ARTICLE))
        articles = nodes.bullet_list(classes=["review-status-articles"])
        for state in states:
            articles += self.article(state)
        root += articles
        root += nodes.paragraph("", str(labels.GENERATED),
                                classes=["review-status-generated"])
        return root


def fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each placeholder with the review status as it is now."""
    placeholders = list(doctree.findall(review_status))
    if not placeholders:
        return
    found = review_set(app.config)
    for node in placeholders:
        node.replace_self(StatusRenderer(app, docname, found).render())
