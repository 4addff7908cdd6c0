"""One W3C Web Annotation per shared passage in ``annotations.jsonld``.

Its motivation is ``linking``, its targets are the witnesses (a TextQuoteSelector on the
first paragraph of each copy), and its body links to the passage's collation.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from annotated_edition.passages import Piece, Witness
from annotated_edition.webannotation import CONTEXT_LENGTH, AnnotationRecord, QuoteTarget
from sphinx_annotated_edition.articles.corpus import env_corpus
from sphinx_annotated_edition.passages.data import passage_pages, state_of


def _target(docname: str, witness: Witness, blocks: dict[tuple[str, str], str]
            ) -> QuoteTarget:
    piece: Piece = witness.pieces[0]
    text = blocks[(witness.slug, piece.anchor)]
    return QuoteTarget(docname, piece.anchor, piece.start, piece.end, piece.exact,
                       text[max(0, piece.start - CONTEXT_LENGTH):piece.start],
                       text[piece.end:piece.end + CONTEXT_LENGTH])


def passage_records(app: Sphinx, env: BuildEnvironment) -> list[AnnotationRecord]:
    state = state_of(env)
    if state is None:
        return []
    corpus = env_corpus(env)
    documents = {entry.slug: corpus.docname(entry) for entry in corpus.entries}
    titles = {entry.slug: entry.title for entry in corpus.entries}
    blocks = {}
    for entry in corpus.entries:
        found = corpus.article(entry.file)
        for block in found[0].blocks if found else ():
            blocks[(entry.slug, block.anchor)] = block.text
    pages = tuple(sorted(passage_pages(env))[:1])
    records = []
    for passage in state.report.passages:
        targets = [_target(documents[w.slug], w, blocks) for w in passage.witnesses]
        first = targets[0]
        body = (f"Shared passage {state.numbers[passage.key]}: the same text in "
                + "; ".join(f"{titles.get(w.slug, w.slug)}, paragraph "
                            f"{w.anchor.lstrip('p')}" for w in passage.witnesses) + ".")
        records.append(AnnotationRecord(
            first.docname, first.anchor, first.start, first.end, first.exact, first.prefix,
            first.suffix, body, "linking", links=pages,
            also=tuple(targets[1:])))
    return records
