"""``chronology.json`` at the root of the HTML output: the chronology as plain data."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from annotated_edition import jsonout
from annotated_edition.chronology import to_json
from sphinx_annotated_edition.articles.corpus import env_corpus
from sphinx_annotated_edition.chronology.domain import chronology_of
from sphinx_annotated_edition.exports import gets_html_exports, write_atomically


def write_json(app: Sphinx, exception: BaseException | None) -> None:
    """Sorted and free of timestamps, so two builds of the same texts give the same file."""
    if exception is not None or not gets_html_exports(app.builder):
        return
    if app.builder.name.startswith("epub"):
        return  # an EPUB packs its folder: a stray file there is a warning next time
    corpus = env_corpus(app.env)
    documents = {entry.slug: corpus.docname(entry) for entry in corpus.entries}
    data = to_json(chronology_of(app.env, warn=False), documents)
    for event in data["events"]:
        for source in event["sources"]:
            source["url"] = app.builder.get_target_uri(source["document"]) + \
                "#" + source["anchor"]
    # indented down to each event's sources, a source a line
    text = jsonout.dumps(data, depth=4, sort_keys=True) + "\n"
    write_atomically(app, Path(app.outdir, "chronology.json"), text)
