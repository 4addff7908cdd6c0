"""What the edition does with shared passages: sigla, collations, significant variants.

A variant inside a shared passage that changes a date, a number or a name is where a
copy went wrong or was reframed: each is reported naming both places (file and line of
both paragraphs) and offered to the editor as a candidate note. Variants the editor has
looked at are *acknowledged* in a small data file (``docs/passages.yaml``)::

    acknowledged:
      - article: 004_4bb7f8f2e395c1ed.txt    # seed file or slug of a witness
        quote: "Sept. 27, 2021"              # that copy's reading, or words including it
        reason: "..."                        # why it stands as printed

An acknowledged variant is still listed in the build's report, as information; one that
matches no variant any more is a problem of the data file (the text changed under it).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotated_edition.apparatus import Apparatus, collate, sigla_of
from annotated_edition.articles import Article
from annotated_edition.datafile import load_yaml, validate
from annotated_edition.passages import DEFAULT, Settings, SharedPassage, find_passages
from annotated_edition.problems import Problem, Subtype

DATA = Subtype.PASSAGES  # problem subtype of the data file
VARIANT = Subtype.PASSAGE_VARIANT  # problem subtype of an unacknowledged significant variant

SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "acknowledged": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["article", "quote", "reason"],
                "properties": {
                    "article": {"type": "string", "minLength": 1},
                    "quote": {"type": "string", "minLength": 1},
                    "reason": {"type": "string", "minLength": 1},
                },
            },
        },
    },
}


@dataclass(frozen=True)
class Acknowledgement:
    path: str
    line: int
    article: str
    quote: str
    reason: str


def load_acknowledgements(path: Path) -> tuple[list[Acknowledgement], list[Problem]]:
    """The editor's acknowledged variants; no file means none (the file is optional)."""
    if not path.exists():
        return [], []
    data, problems = load_yaml(path)
    problems = [Problem(p.path, p.line, p.message, DATA) for p in problems]
    if data is None:
        return [], problems
    problems += [Problem(p.path, p.line, p.message, DATA) for p in validate(data, SCHEMA)]
    records = data.data.get("acknowledged") if isinstance(data.data, dict) else None
    found = []
    for index, record in enumerate(records if isinstance(records, list) else []):
        if not isinstance(record, dict):
            continue
        values = [record.get(key) for key in ("article", "quote", "reason")]
        usable = all(isinstance(value, str) and value for value in values)
        if usable and set(record) <= {"article", "quote", "reason"}:
            found.append(Acknowledgement(str(path), data.line_of(("acknowledged", index)),
                                         *(str(value) for value in values)))
    return found, problems


def article_sigla(articles: Sequence[Article]) -> dict[str, str]:
    """A capital letter per article in reading order (A, B, ... Z, AA, AB, ...)."""
    letters = string.ascii_uppercase
    sigla = {}
    for number, article in enumerate(articles):
        siglum, rest = "", number
        while True:
            siglum = letters[rest % 26] + siglum
            rest = rest // 26 - 1
            if rest < 0:
                break
        sigla[article.slug] = siglum
    return sigla


@dataclass(frozen=True)
class Place:
    """Where one reading of a variant stands."""

    slug: str
    file: str
    anchor: str
    line: int  # the paragraph's line in the seed
    siglum: str
    text: str  # the reading, verbatim ("" for an omission)


@dataclass(frozen=True)
class SignificantVariant:
    """A date, number or name in a shared passage that one witness gives differently."""

    passage: str  # the passage's key
    number: int  # the passage's number on the page
    location: int
    kind: str
    base: Place
    other: Place
    acknowledged: Acknowledgement | None


Collator = Callable[[SharedPassage, tuple[str, ...]], Apparatus]


def collate_all(passages: Iterable[SharedPassage], sigla: dict[str, str],
                cache: MutableMapping[tuple[str, tuple[str, ...]], Apparatus] | None = None,
                collator: Collator = collate) -> tuple[list[Apparatus], list[str]]:
    """The apparatus of every passage, and the keys of those collated now (not cached).

    The cache is keyed by the passage's key (a digest of its witnesses' texts) and its
    sigla: editing one seed re-collates only the passages that seed takes part in.
    """
    cache = {} if cache is None else cache
    result, collated = [], []
    for passage in passages:
        key = (passage.key, sigla_of(passage, sigla))
        if key not in cache:
            cache[key] = collator(passage, key[1])
            collated.append(passage.key)
        result.append(cache[key])
    return result, collated


def _matches(ack: Acknowledgement, place: Place) -> bool:
    """The editor quotes the reading, or words of the copy around and including it."""
    return ack.article in (place.slug, place.file) and bool(place.text) and \
        (ack.quote in place.text or place.text in ack.quote)


def significant_variants(articles: Sequence[Article], passages: Sequence[SharedPassage],
                         apparatuses: Sequence[Apparatus],
                         acknowledgements: Sequence[Acknowledgement] = ()
                         ) -> list[SignificantVariant]:
    """Every significant reading against its base, with the acknowledgement that covers it."""
    lines = {(a.slug, b.anchor): b.line for a in articles for b in a.blocks}
    found = []
    for number, (passage, apparatus) in enumerate(zip(passages, apparatuses, strict=True), 1):
        base = passage.witnesses[0]
        by_siglum = dict(zip(apparatus.sigla, passage.witnesses, strict=True))
        for location in apparatus.locations:
            if not location.significant:
                continue
            lemma = Place(base.slug, base.file, location.base_anchor,
                          lines.get((base.slug, location.base_anchor), 1),
                          apparatus.sigla[0], location.lemma)
            for reading in location.readings:
                if not reading.significant:
                    continue
                for siglum, anchor in zip(reading.sigla, reading.anchors, strict=True):
                    witness = by_siglum[siglum]
                    other = Place(witness.slug, witness.file, anchor,
                                  lines.get((witness.slug, anchor), 1), siglum, reading.text)
                    ack = next((a for a in acknowledgements
                                if _matches(a, lemma) or _matches(a, other)), None)
                    found.append(SignificantVariant(passage.key, number, location.number,
                                                    reading.kind, lemma, other, ack))
    return found


def stale_acknowledgements(acknowledgements: Sequence[Acknowledgement],
                           variants: Sequence[SignificantVariant]) -> list[Problem]:
    """Acknowledgements that no variant matches any more: the text changed under them."""
    used = {v.acknowledged for v in variants if v.acknowledged is not None}
    return [Problem(a.path, a.line, f"acknowledged variant {a.quote!r} in {a.article}: no "
                    "significant variant of a shared passage reads so (any more)", DATA)
            for a in acknowledgements if a not in used]


def _quoted(text: str) -> str:
    return f"“{' '.join(text.split())}”" if text else "nothing (the words are left out)"


def describe(variant: SignificantVariant, seed_path: Callable[[str], str]) -> str:
    """One message naming both places (seed file and line) and both readings."""
    base, other = variant.base, variant.other
    return (f"shared passage {variant.number} ({variant.passage}), variant "
            f"{variant.location}: a {variant.kind} differs between the copies: "
            f"{base.siglum} {base.slug} ¶{base.anchor.lstrip('p')} "
            f"({seed_path(base.file)}:{base.line}) reads {_quoted(base.text)}; "
            f"{other.siglum} {other.slug} ¶{other.anchor.lstrip('p')} "
            f"({seed_path(other.file)}:{other.line}) reads {_quoted(other.text)}")


def variant_problems(report: PassageReport, seed_path: Callable[[str], str]) -> list[Problem]:
    """Each variant the editor has not acknowledged, at the base copy's line."""
    return [Problem(seed_path(v.base.file), v.base.line,
                    f"{describe(v, seed_path)}; a candidate note (`annotated-edition passages` "
                    "prints it for notes.yaml), or acknowledge it in passages.yaml", VARIANT)
            for v in report.variants if v.acknowledged is None]


def candidate_notes(variants: Iterable[SignificantVariant]) -> list[dict[str, str]]:
    """A notes.yaml entry the editor may adopt for each unacknowledged variant."""
    notes = []
    for variant in variants:
        if variant.acknowledged is not None:
            continue
        base, other = variant.base, variant.other
        place, elsewhere = (base, other) if base.text else (other, base)
        notes.append({
            "article": place.file, "quote": " ".join(place.text.split()),
            "kind": "cross-reference",
            "text": f"The same passage in {elsewhere.slug} (paragraph "
                    f"{elsewhere.anchor.lstrip('p')}) reads {_quoted(elsewhere.text)}."})
    return notes


@dataclass(frozen=True)
class PassageReport:
    """The edition's shared passages, their collations and what they tell the editor."""

    passages: tuple[SharedPassage, ...]
    apparatuses: tuple[Apparatus, ...]
    variants: tuple[SignificantVariant, ...]
    problems: tuple[Problem, ...]
    collated: tuple[str, ...]  # keys of the passages collated for this report


def shared_passages(articles: Sequence[Article], acknowledgements_path: Path,
                    cache: MutableMapping[tuple[str, tuple[str, ...]], Apparatus] | None = None,
                    settings: Settings = DEFAULT,
                    found: Sequence[SharedPassage] | None = None) -> PassageReport:
    """Find (unless ``found`` already), collate and assess the passages the articles share."""
    passages = list(found) if found is not None else find_passages(articles, settings)
    apparatuses, collated = collate_all(passages, article_sigla(articles), cache)
    acknowledgements, problems = load_acknowledgements(acknowledgements_path)
    variants = significant_variants(articles, passages, apparatuses, acknowledgements)
    problems += stale_acknowledgements(acknowledgements, variants)
    return PassageReport(tuple(passages), tuple(apparatuses), tuple(variants),
                         tuple(problems), tuple(collated))
