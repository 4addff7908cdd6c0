"""The directive that shows the glossary: Sphinx glossary terms, by category, collated."""

from __future__ import annotations

from itertools import groupby

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term
from sphinx.util.docutils import SphinxDirective

from annotated_edition.glossary import Entry
from sphinx_annotated_edition.glossary.data import env_glossary
from sphinx_annotated_edition.glossary.domain import glossary_domain
from sphinx_annotated_edition.glossary.nodes import CATEGORY_NAMES, glossary_occurrences
from sphinx_annotated_edition.glossary.transforms import REGISTER_MARK, index_key
from sphinx_annotated_edition.i18n import _, _lazy

# The default titles (edition_glossary_categories) in the build's language; a title an
# editor wrote in conf.py is shown as written.
DEFAULT_TITLES = {
    "People": _lazy("People"),
    "Places": _lazy("Places"),
    "Organisations": _lazy("Organisations"),
    "Agreements": _lazy("Agreements"),
    "Events": _lazy("Events"),
    "Concepts and contested terms": _lazy("Concepts and contested terms"),
}


class GlossaryDirective(SphinxDirective):
    """Every entry of the data file as a ``std:term``, so ``:term:`` and intersphinx work.

    The "appears in" line of each entry is a placeholder, filled at ``doctree-resolved``
    from the occurrences every article recorded.
    """

    has_content = False

    def run(self) -> list[nodes.Node]:
        glossary = env_glossary(self.env)
        self.env.note_dependency(str(glossary.path))
        glossary_domain(self.env).note_page(self.env.docname)
        out: list[nodes.Node] = []
        titles = self.config.edition_glossary_categories
        entries = sorted(glossary.entries, key=glossary.sort_key)
        for category, group in groupby(entries, key=lambda entry: entry.category):
            title = titles.get(category, category)
            title = str(DEFAULT_TITLES.get(title, title))
            section = nodes.section(ids=[f"glossary-{category}"], names=[title.lower()],
                                    classes=["glossary-category"])
            section += nodes.title(title, title)
            listing = addnodes.glossary(sorted=False)
            items = nodes.definition_list(classes=["glossary"])
            for entry in group:
                items += self.item(entry)
            listing += items
            section += listing
            out.append(section)
        return out

    def item(self, entry: Entry) -> nodes.definition_list_item:
        term = make_glossary_term(self.env, [nodes.Text(entry.term)], None, entry.path,
                                  entry.line, None, self.state.document)
        for index in term.findall(addnodes.index):  # file it as the registers do
            index["entries"] = [("single", entry.index_label, term["ids"][0], "main",
                                 index_key(entry.index_label))]
            index[REGISTER_MARK] = entry.id
        definition = nodes.definition()
        para = nodes.paragraph()
        category = str(CATEGORY_NAMES.get(entry.category, entry.category))
        para += nodes.inline(category, category, classes=["glossary-category-label"])
        para += nodes.Text(". ")
        para += nodes.Text(entry.definition)
        definition += para
        if entry.dates:
            dates = _("Dates:")
            definition += nodes.paragraph("", "", nodes.emphasis(dates, dates),
                                          nodes.Text(" " + entry.dates))
        others = [alias for alias in entry.aliases if alias != entry.term]
        if others:
            also = _("Also:")
            definition += nodes.paragraph("", "", nodes.emphasis(also, also),
                                          nodes.Text(" " + ", ".join(others)))
        if entry.see_also:
            see_also = _("See also:")
            see = nodes.paragraph("", "", nodes.emphasis(see_also, see_also),
                                  nodes.Text(" "))
            glossary = env_glossary(self.env)
            for number, target in enumerate(entry.see_also):
                other = glossary.by_id.get(target)
                if other is None:
                    continue
                if number:
                    see += nodes.Text(", ")
                see += addnodes.pending_xref(
                    "", nodes.inline(other.term, other.term, classes=["xref", "std", "std-term"]),
                    refdomain="std", reftype="term", reftarget=other.term,
                    refdoc=self.env.docname, refexplicit=True, refwarn=True)
            definition += see
        definition += glossary_occurrences("", entry_id=entry.id)
        item = nodes.definition_list_item("", term, definition)
        item["ids"] = [f"glossary-entry-{entry.id}"]
        return item
