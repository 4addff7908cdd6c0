"""The figures in each output format, the list of places, and the glossary's map links.

HTML pages get the SVG inline, so that its colours come from Furo's variables and follow
the reader's light or dark mode; the EPUB gets the same SVG as an image file (its own
stylesheet follows the reading system's colour scheme); LaTeX gets a PDF that CairoSVG
draws from a print version of the SVG (plain colours), so the figure stays vector graphics
and its labels stay text that ``pdftotext`` finds.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from annotated_edition.figures.placemap import MapWords, Place, draw_map
from annotated_edition.figures.timeline import Publication, TimelineWords, draw_timeline
from annotated_edition.glossary import Entry
from sphinx_annotated_edition.articles.corpus import env_corpus
from sphinx_annotated_edition.chronology.domain import chronology_of
from sphinx_annotated_edition.chronology.render import date_words
from sphinx_annotated_edition.figures.domain import map_page
from sphinx_annotated_edition.figures.nodes import edition_figure
from sphinx_annotated_edition.glossary.data import env_glossary
from sphinx_annotated_edition.i18n import _, __, _lazy
from sphinx_annotated_edition.warnings_ import Subtype, warn

EPUB_BUILDERS = frozenset({"epub", "epub3"})
# what a place of the map is, when not a town or a site, as the list of places says it
AREAS = {"country": _lazy("country"), "region": _lazy("region")}


def places_of(entries: list[Entry]) -> list[tuple[Entry, Place]]:
    """The glossary's places that have coordinates, with what the map shows of each."""
    return [(entry, Place(entry.id, entry.coordinates.names or (entry.term,),
                          entry.coordinates.lat, entry.coordinates.lon, entry.coordinates.area))
            for entry in entries if entry.category == "place" and entry.coordinates]


def publications(app: Sphinx) -> list[Publication]:
    """The articles in reading order, numbered as the timeline's lower track shows them."""
    dated = [entry for entry in env_corpus(app.env).entries if entry.date]
    return [Publication(entry.slug, number, entry.date, entry.title.strip("[]"))
            for number, entry in enumerate(dated, start=1) if entry.date]


def _write(path: Path, data: bytes) -> None:
    """Write only what changed (a figure file is compared before it is replaced)."""
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def _image(app: Sphinx, docname: str, name: str, svg: str, alt: str) -> nodes.Node:
    """The figure as an image file for the builders that cannot take inline SVG."""
    folder = Path(app.doctreedir).parent / "figures"
    if app.builder.format == "latex":
        try:
            import cairosvg  # only the PDF needs it (and Debian's libcairo2)
        except (ImportError, OSError) as error:
            warn(__("the %(figure)s cannot go into the PDF: CairoSVG is not usable "
                    "(%(error)s)") % {"figure": name, "error": error},
                 Subtype.FIGURES, docname)
            return nodes.paragraph(alt, alt)
        target = folder / f"{name}.pdf"
        _write(target, cairosvg.svg2pdf(bytestring=svg.encode("utf-8")))
    else:
        target = folder / f"{name}.svg"
        _write(target, svg.encode("utf-8"))
    uri = str(target)
    app.env.images.add_file(docname, uri)
    return nodes.image(uri=uri, candidates={"*": uri}, alt=alt)


def _html(svg: str, name: str, label: str) -> nodes.raw:
    box = (f'<div class="edition-figure-scroll" tabindex="0" role="group" '
           f'aria-label="{label}">\n{svg}</div>\n')
    return nodes.raw("", box, format="html")


def _figure(app: Sphinx, docname: str, name: str, svg: str, print_svg: Callable[[], str],
            title: str, caption: str) -> nodes.figure:
    """``print_svg`` draws the print version: only LaTeX needs it (performance: a figure
    drawn once per build, not twice)."""
    figure = nodes.figure(ids=[f"figure-{name}"], classes=["edition-figure",
                                                          f"edition-figure-{name}"])
    if app.builder.format == "html" and app.builder.name not in EPUB_BUILDERS:
        figure += _html(svg, name, title)
    elif app.builder.name in EPUB_BUILDERS:
        figure += _image(app, docname, name, svg, title)
    else:
        figure += _image(app, docname, name, print_svg(), title)
    figure += nodes.caption(caption, caption)
    return figure


def timeline_words(language: str | None) -> TimelineWords:
    """The timeline's words in the build's language (the core draws, the catalog speaks)."""
    return TimelineWords(
        dates=date_words(language),
        key=(_("Events above the line: a dot for a day, a bar as long as a month, a season, "
               "a year or a decade."),
             _("Below it, the dates the articles were published. [n]: reported in article "
               "n.")),
        title=_("Timeline of the chronology, {first}–{last}"),
        untitled=_("Timeline of the chronology"),
        nothing_dated=_("No event is dated and no article has a publication date yet."),
        description=_("{events} events on a time axis, with the publication dates of "
                      "{articles} articles below it.") + " ",
        one_conflict=_("1 event with conflicting dates drawn as a split mark, one mark for "
                       "each date.") + " ",
        conflicts=_("{count} events with conflicting dates drawn as a split mark, one mark "
                    "for each date.") + " ",
        listed=_("The same events are listed, with their sources, after the figure."),
        date_in=_("{date}: the date in{sources}"),
        conflict=_("Conflict: {title}, dated {date} and {other} by different sources"),
        publication=_("Article {number}, published {date}: {title}"),
        gap=_("{years} years without events left out"))


def map_words() -> MapWords:
    """The map's words in the build's language."""
    return MapWords(
        title=_("Map of the places in the glossary"),
        description=_("A map of Türkiye, the South Caucasus and the Caspian Sea with {count} "
                      "places of the glossary marked and named: {names}. The places are "
                      "listed with their coordinates after the map."),
        base_map=_("Base map: Natural Earth (public domain)"),
        place=_("{names} ({lat}° N, {lon}° E)"),
        off_map=_("{names}: off the map, towards {lat}° N, {lon}° E"))


def timeline_figure(app: Sphinx, docname: str) -> list[nodes.Node]:
    chronology = chronology_of(app.env, warn=False)
    articles = publications(app)
    words = timeline_words(app.config.language)
    screen = draw_timeline(chronology.events, articles, words=words)
    caption = _("The chronology at a glance: events above the axis, the articles' "
                "publication dates below it; the list after the figure gives every event "
                "with its sources.")
    return [_figure(app, docname, "timeline", screen.svg,
                    lambda: draw_timeline(chronology.events, articles, screen=False,
                                          words=words).svg,
                    screen.title, caption)]


def map_figure(app: Sphinx, docname: str) -> list[nodes.Node]:
    places = places_of(env_glossary(app.env).entries)
    words = map_words()
    screen = draw_map([place for _entry, place in places], words=words)
    caption = _("The places of the glossary. Base map: Natural Earth (public domain), "
                "country borders as of its version 4.1.0.")
    figure = _figure(app, docname, "map", screen.svg,
                     lambda: draw_map([place for _entry, place in places], screen=False,
                                      words=words).svg,
                     screen.title, caption)
    return [figure, place_list(app, docname, places)]


def place_list(app: Sphinx, docname: str, places: list[tuple[Entry, Place]]) -> nodes.Node:
    """Every place with its coordinates and their source: the map as text."""
    listing = nodes.bullet_list(classes=["edition-place-list"])
    for entry, place in sorted(places, key=lambda pair: pair[1].label.casefold()):
        para = nodes.paragraph()
        anchor = f"place-{entry.id}"
        if app.builder.format != "html":  # LaTeX labels targets, not list items
            para += nodes.target("", "", ids=[anchor])
        names = " / ".join(place.names)
        para += _term_link(app, docname, entry, names)
        lat, lon = f"{abs(place.lat):.2f}", f"{abs(place.lon):.2f}"
        where = (" — " + (_("%s° N") if place.lat >= 0 else _("%s° S")) % lat + ", " +
                 (_("%s° E") if place.lon >= 0 else _("%s° W")) % lon)
        if place.area:
            where += f" ({AREAS.get(place.area, place.area)})"
        para += nodes.Text(where + ". ")
        source = _("Source: ") + entry.coordinates.source + "." if entry.coordinates else ""
        para += nodes.inline(source, source, classes=["edition-place-source"])
        listing += nodes.list_item("", para, ids=[anchor] if app.builder.format == "html"
                                   else [])
    return listing


def _term_link(app: Sphinx, docname: str, entry: Entry, text: str) -> nodes.Node:
    label = nodes.inline(text, text)
    xref = addnodes.pending_xref("", label, refdomain="std", reftype="term",
                                 reftarget=entry.term, refdoc=docname, refexplicit=True,
                                 refwarn=True)
    # resolved here: the page is past the resolver when its placeholders are filled
    resolved = app.env.domains.standard_domain.resolve_xref(
        app.env, docname, app.builder, "term", entry.term, xref, label)
    return resolved if resolved is not None else nodes.strong(text, text)


def fill_figures(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each placeholder with its figure, drawn from this build's data."""
    for node in list(doctree.findall(edition_figure)):
        if node["kind"] == "timeline":
            node.replace_self(timeline_figure(app, docname))
        else:
            node.replace_self(map_figure(app, docname))


def link_glossary_places(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Each place's glossary entry ends with a link to its place on the map."""
    page = map_page(app.env)
    if page is None:
        return
    places = {entry.id for entry, _place in places_of(env_glossary(app.env).entries)}
    for item in doctree.findall(nodes.definition_list_item):
        ids = [i for i in item["ids"] if i.startswith("glossary-entry-")]
        if not ids or ids[0].removeprefix("glossary-entry-") not in places:
            continue
        key = ids[0].removeprefix("glossary-entry-")
        # singlehtml addresses a page as "#document-places": the place's anchor replaces it
        uri = app.builder.get_relative_uri(docname, page).partition("#")[0] + f"#place-{key}"
        label = _("On the map of places")
        link = nodes.reference(label, label, internal=True, refuri=uri,
                               classes=["edition-map-link"])
        definition = next(iter(item.findall(nodes.definition)), None)
        if definition is not None:
            definition += nodes.paragraph("", "", link)
