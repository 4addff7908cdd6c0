"""Synthetic editions of N articles, made of the seeds' own words, to measure the build.

The five seeds are too few to show how the extensions scale, so this module writes
editions of any size that look like ours to the code: article-length texts from a word
chain over the seeds' sentences, with glossary terms (the real ones and synthetic names,
with Turkish and Azerbaijani letters) and dated events (reported by several articles, in
every form the date grammar reads) mixed in; a catalog; a glossary of up to 5,000 entries
(five per article); notes anchored to quotes of the texts; and a chronology overlay.

Each corpus is written twice over the same seeds: ``edition/`` is configured by the
project's own ``docs/conf.py`` (all extensions), ``plain/`` holds the same pages written
out as MyST for Sphinx without any ``sphinx_annotated_edition`` extension (same theme, same
MyST and sphinx-design). Everything is drawn from a seeded random generator: the same N
gives the same corpus.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from annotated_edition.articles import Article, first_sentence, load_article
from annotated_edition.catalog import load_catalog, reading_order
from annotated_edition.chronology import Candidate, candidates_of, group
from annotated_edition.dates import sentence_spans
from annotated_edition.folding import fold_in_place as fold
from annotated_edition.glossary import CATEGORIES, entry_sort_key, load_glossary
from annotated_edition.review import CHECKS, ReviewRecord, fingerprint
from annotated_edition.review_stamp import render as render_review

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEEDS = ROOT / "seeds"
MAX_GLOSSARY = 5000
ENTRIES_PER_ARTICLE = 5  # the glossary grows with the corpus and reaches 5,000 at N = 1000
NOTES_PER_ARTICLE = 2
PARAGRAPHS = (8, 16)  # per article; the seeds have 9 to 19
SENTENCES = (1, 3)  # per paragraph
ANNOTATOR_PREFIX = "sphinx_annotated_edition"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
             "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Synthetic names: syllables with the letters the folding and the collation must handle.
SYLLABLES = ("ka", "ra", "bə", "ğı", "şa", "mi", "lo", "ru", "te", "an", "el", "ço", "zü",
             "də", "ya", "ve", "ni", "ış", "ök", "su", "ta", "li", "gə", "ha", "ca", "dur",
             "ov", "in", "əm", "us", "al", "ər", "bu", "qa", "xa", "ze")
ORGANISATIONS = ("Development Agency", "Reconstruction Fund", "Border Commission",
                 "Energy Company", "Research Institute", "Press Service", "Trade Council")
AGREEMENTS = ("Protocol", "Accord", "Declaration", "Memorandum", "Treaty")
EVENTS = ("Summit", "Forum", "Talks", "Conference", "Exercises")
CONCEPTS = ("corridor", "doctrine", "settlement", "partnership", "question", "model")
TOPICS = ("the opening of the {place} bridge", "the signing of the {agreement}",
          "the first session of the {event}", "the visit of {person} to {place}",
          "the launch of the {organisation}", "the shelling of {place}",
          "the return of the displaced to {place}", "the meeting of {person} and {other}",
          "the inauguration of the {place} airport", "the talks on the {concept}")
CLAUSES = {
    "person": ("{term} said", "according to {term}", "as {term} put it",
               "{term}’s office added", "{term} told reporters"),
    "place": ("in {term}", "speaking in {term}", "near {term}", "from {term}"),
    "organisation": ("the {term} said", "according to the {term}", "with the {term}"),
    "agreement": ("under the {term}", "as the {term} requires", "since the {term}"),
    "event": ("at the {term}", "during the {term}", "before the {term}"),
    "concept": ("on the {term}", "as part of the {term}", "in what officials call the {term}"),
}
OUTLETS = ("Azerbaijani news site (not named in the file)", "Turkish news agency report",
           "Azernews", "Daily Sabah", "Trend News Agency", "Anadolu Agency")
NOTE_KINDS = ("context", "sic", "framing", "cross-reference")


@dataclass
class SyntheticArticle:
    """One generated article: its catalog facts and its paragraphs, in order."""

    file: str
    slug: str
    title: str
    outlet: str
    date: dt.date
    byline: str | None
    dateline: str | None
    paragraphs: list[str]


@dataclass
class Corpus:
    """Where a generated corpus lives, and what it holds (for the report and the tests)."""

    root: Path
    size: int
    glossary_entries: int
    notes: int
    overlay_events: int
    text_bytes: int
    articles: list[SyntheticArticle] = field(default_factory=list)

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def edition(self) -> Path:
        return self.root / "edition"

    @property
    def plain(self) -> Path:
        return self.root / "plain"


# -- the words of the seeds ---------------------------------------------------------------

def seed_articles() -> list[Article]:
    """The five articles as the edition reads them."""
    entries, _ = load_catalog(SEEDS / "catalog.yaml", SEEDS)
    return [load_article(SEEDS, entry)[0] for entry in entries]


_ABBREVIATIONS = frozenset(("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                            "Oct", "Nov", "Dec", "Gen", "Adm", "Col", "Lt", "Mr", "Mrs", "Ms",
                            "Dr", "St", "No"))


def _ends_sentence(word: str) -> bool:
    return word[-1:] in ".!?" and word.rstrip(".") not in _ABBREVIATIONS


class WordChain:
    """A first-order word chain over the seeds' sentences: their words, their rhythm."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.follows: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for text in texts:
            for start, end in sentence_spans(text):
                words = text[start:end].split()
                if len(words) < 4:
                    continue
                self.starts.append(words[0])
                for first, second in pairwise(words):
                    self.follows[first].append(second)

    def sentence(self, rng: random.Random, low: int = 10, high: int = 32) -> str:
        """Words until one ends a sentence (at least ``low``, at most ``high`` of them)."""
        words = [rng.choice(self.starts)]
        while len(words) < high:
            options = self.follows.get(words[-1])
            if not options:
                break
            word = rng.choice(options)
            if _ends_sentence(word) and len(words) + 1 < low:
                word = word.rstrip(".!?") or word
            words.append(word)
            if _ends_sentence(word) and len(words) >= low:
                break
        text = " ".join(words).rstrip(",;:—–-")
        # an unfinished quotation would run into the next sentence: keep the text plain
        text = text.replace('"', "").replace("“", "").replace("”", "")
        return text if _ends_sentence(text) else text.rstrip(".") + "."


# -- the glossary -------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    """A glossary form an article may mention, with the category that says how."""

    entry_id: str
    category: str
    form: str


class Names:
    """Unique synthetic names: no two fold alike, none folds like a real form, and none is
    hidden in the seeds' words (as "Have" or "Embe" would be in "have" and "November"):
    real names seldom are, and a name that is would make the matcher's work unrealistic."""

    def __init__(self, rng: random.Random, taken: set[str], words: str) -> None:
        self.rng = rng
        self.taken = taken
        self.words = fold(words)

    def word(self, low: int = 2, high: int = 3) -> str:
        while True:
            name = "".join(self.rng.choice(SYLLABLES)
                           for _ in range(self.rng.randint(low, high)))
            name = name[:1].upper() + name[1:]
            key = fold(name)
            if key not in self.taken and key not in self.words:
                self.taken.add(key)
                return name

    def given(self) -> str:
        """A given name: many people share one, so it is not claimed."""
        name = "".join(self.rng.choice(SYLLABLES) for _ in range(2))
        return name[:1].upper() + name[1:]

    def claim(self, form: str) -> bool:
        if fold(form) in self.taken:
            return False
        self.taken.add(fold(form))
        return True


def real_glossary() -> tuple[list[dict[str, Any]], list[Term]]:
    """The edition's own entries, as written, and the forms an article may use."""
    raw = yaml.safe_load((DOCS / "glossary.yaml").read_text(encoding="utf-8"))["entries"]
    entries, _ = load_glossary(DOCS / "glossary.yaml")
    terms = [Term(entry.id, entry.category, form) for entry in entries for form in entry.forms]
    return raw, terms


def synthetic_entries(count: int, rng: random.Random, chain: WordChain,
                      taken: set[str]) -> tuple[list[dict[str, Any]], list[list[Term]]]:
    """``count`` entries of every category, and per entry the forms the texts use."""
    names = Names(rng, taken, " ".join(" ".join(words) for words in chain.follows.values()))
    weights = {"person": 35, "place": 25, "organisation": 15, "agreement": 8, "event": 7,
               "concept": 10}
    categories = rng.choices(list(weights), weights=list(weights.values()), k=count)
    entries: list[dict[str, Any]] = []
    forms: list[list[Term]] = []
    for number, category in enumerate(categories):
        ident = f"syn-{number:04d}"
        record: dict[str, Any] = {"id": ident, "category": category}
        if category == "person":
            given, surname = names.given(), names.word(2, 3)
            record.update(term=f"{given} {surname}", index=f"{surname}, {given}",
                          aliases=[surname])
            used = [f"{given} {surname}", surname]
        elif category == "place":
            name = names.word()
            record["term"] = name
            used = [name]
            if names.claim(f"{name} district"):
                record["aliases"] = [f"{name} district"]
                used.append(f"{name} district")
        elif category == "concept":
            name = ""
            while not name:
                candidate = f"{names.word().lower()} {rng.choice(CONCEPTS)}"
                name = candidate if names.claim(candidate) else ""
            record.update(term=name, case="any")
            used = [name]
        else:
            kinds = {"organisation": ORGANISATIONS, "agreement": AGREEMENTS, "event": EVENTS}
            name = ""
            while not name:
                candidate = f"{names.word()} {rng.choice(kinds[category])}"
                name = candidate if names.claim(candidate) else ""
            record["term"] = name
            used = [name]
        record["definition"] = " ".join(chain.sentence(rng) for _ in range(rng.randint(1, 2)))
        if rng.random() < 0.3:
            year = rng.randint(1991, 2022)
            record["dates"] = f"since {year}" if category == "person" else str(year)
        if entries and rng.random() < 0.2:
            record["see_also"] = [rng.choice(entries)["id"]]
        entries.append(record)
        forms.append([Term(ident, category, form) for form in used])
    return entries, forms


# -- dated events -------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    """Something several articles report: a date at its precision and what happened."""

    date: dt.date
    precision: str  # "day", "month" or "year"
    topic: str


def date_phrase(event: Event, published: dt.date, rng: random.Random) -> str:
    """The event's date in one of the forms news prose uses, as this article would."""
    day, month, year = event.date.day, event.date.month, event.date.year
    if event.precision == "year":
        return rng.choice((f"in {year}", f"since {year}", f"the fall of {year}"))
    if event.precision == "month":
        if year == published.year and month <= published.month:
            return f"in {MONTHS[month - 1]}"
        return f"in {MONTHS[month - 1]} {year}"
    ago = (published - event.date).days
    if 0 < ago < 7:
        return f"on {WEEKDAYS[event.date.weekday()]}"
    if rng.random() < 0.02:  # a slip of the year: the chronology must show the conflict
        year += 1
    return rng.choice((f"on {AP_MONTHS[month - 1]} {day}, {year}",
                       f"on {day} {MONTHS[month - 1]} {year}",
                       f"on {MONTHS[month - 1]} {day}, {year}"))


def make_events(count: int, rng: random.Random,
                pick: Callable[[str], str]) -> list[Event]:
    """A pool of events between the war of the 1990s and the articles' time."""
    events = []
    start, end = dt.date(1991, 1, 1).toordinal(), dt.date(2023, 6, 30).toordinal()
    for _ in range(count):
        when = dt.date.fromordinal(rng.randint(start, end))
        precision = rng.choices(("day", "month", "year"), weights=(70, 20, 10))[0]
        topic = rng.choice(TOPICS).format(
            place=pick("place"), agreement=pick("agreement"), event=pick("event"),
            person=pick("person"), other=pick("person"), organisation=pick("organisation"),
            concept=pick("concept"))
        events.append(Event(when, precision, topic))
    return events


# -- articles -----------------------------------------------------------------------------

def _with_clause(sentence: str, clause: str) -> str:
    """The sentence with a clause before its full stop: the sentence's start stays as is."""
    return f"{sentence[:-1]}, {clause}{sentence[-1]}"


def _zipf(rng: random.Random, items: Sequence[Any]) -> Any:
    """A popular item more often than a rare one, as names are in the news."""
    return items[min(len(items) - 1, int(rng.paretovariate(1.2)) - 1)]


def make_article(number: int, rng: random.Random, chain: WordChain, own: list[list[Term]],
                 popular: list[Term], events: Sequence[Event],
                 published: dt.date) -> SyntheticArticle:
    """Paragraphs of chained sentences, each term of its own entries and several events."""
    paragraphs = [[chain.sentence(rng) for _ in range(rng.randint(*SENTENCES))]
                  for _ in range(rng.randint(*PARAGRAPHS))]
    slots = [(p, s) for p, sentences in enumerate(paragraphs) for s in range(len(sentences))]
    mentions = [rng.choice(forms) for forms in own] + \
        [_zipf(rng, popular) for _ in range(rng.randint(3, 8))]
    for term in mentions:
        p, s = rng.choice(slots)
        clause = rng.choice(CLAUSES[term.category]).format(term=term.form)
        paragraphs[p][s] = _with_clause(paragraphs[p][s], clause)
    earlier = [e for e in events if e.date < published] or list(events)
    for event in rng.sample(earlier, min(len(earlier), rng.randint(4, 9))):
        p, s = rng.choice(slots)
        clause = f"recalling {event.topic} {date_phrase(event, published, rng)}"
        paragraphs[p][s] = _with_clause(paragraphs[p][s], clause)
    title = chain.sentence(rng, 6, 14).rstrip(".")
    in_text = rng.random() < 0.6
    return SyntheticArticle(
        file=f"{number:05d}_{rng.getrandbits(64):016x}.txt",
        slug=f"article-{number:05d}", title=title if in_text else f"[{title}]",
        outlet=rng.choice(OUTLETS), date=published,
        byline=f"{rng.choice(SYLLABLES).title()}{rng.choice(SYLLABLES)} "
               f"{rng.choice(SYLLABLES).title()}{rng.choice(SYLLABLES)}ova"
        if rng.random() < 0.3 else None,
        dateline=rng.choice(("ANKARA", "BAKU", "ISTANBUL")) if rng.random() < 0.3 else None,
        paragraphs=[" ".join(sentences) for sentences in paragraphs])


def seed_text(article: SyntheticArticle) -> str:
    """The seed as a saved web page gives it: headline, byline, dateline, paragraphs."""
    lines = []
    if not article.title.startswith("["):
        lines.append(article.title)
    if article.byline:
        lines.append(f"By {article.byline}")
    if article.dateline:
        lines.append(article.dateline)
    return "\n".join([*lines, *article.paragraphs]) + "\n"


def catalog_record(article: SyntheticArticle) -> dict[str, Any]:
    return {"file": article.file, "slug": article.slug, "title": article.title,
            "outlet": article.outlet,
            "outlet_basis": "A synthetic article of the benchmark corpus.",
            "date": article.date.isoformat(), "date_basis": "stated",
            "date_evidence": "Drawn with the article.", "byline": article.byline,
            "dateline": article.dateline}


# -- notes and the overlay ----------------------------------------------------------------

def occurrences(text: str, quote: str) -> list[int]:
    """Every start of ``quote`` in ``text``, overlapping ones too (as the notes count)."""
    found, at = [], text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def make_notes(article: Article, rng: random.Random, terms: list[str],
               slugs: list[str]) -> list[dict[str, Any]]:
    """Notes on a few words of different paragraphs, of every kind, some with roles."""
    notes = []
    paragraphs = [block for block in article.blocks if block.kind == "paragraph"]
    for block in rng.sample(paragraphs, min(NOTES_PER_ARTICLE, len(paragraphs))):
        words = block.text.split(" ")
        length = min(len(words), rng.randint(2, 5))
        first = rng.randint(0, len(words) - length)
        quote = " ".join(words[first:first + length]).rstrip(".,;:!?")
        if not quote.strip():
            continue
        start = block.start + (len(" ".join(words[:first])) + 1 if first else 0)
        found = occurrences(article.text, quote)
        kind = rng.choice(NOTE_KINDS)
        if kind == "cross-reference":
            text = f"See also {{doc}}`/articles/{rng.choice(slugs)}`."
        elif kind == "context" and terms:
            text = f"A note of the benchmark corpus; compare {{term}}`{rng.choice(terms)}`."
        else:
            text = "A note of the benchmark corpus, on *these* words."
        note: dict[str, Any] = {"article": article.slug, "quote": quote, "kind": kind,
                                "text": text}
        if len(found) > 1:
            note["occurrence"] = found.index(start) + 1
        notes.append(note)
    return notes


def _selector(candidate: Candidate) -> dict[str, Any]:
    return {"article": candidate.article, "text": candidate.expression.text,
            **({"occurrence": candidate.occurrence} if candidate.occurrence > 1 else {})}


def make_overlay(articles: list[Article], rng: random.Random) -> dict[str, Any]:
    """Titles for one generated event in ten, a merge now and then, a few dropped dates.

    As an editor would: each generated event is curated or dropped at most once.
    """
    candidates = [c for article in articles for c in candidates_of(article, article.file)[0]]
    events: list[dict[str, Any]] = []
    drop: list[dict[str, Any]] = []
    groups = group(candidates)
    shuffled = rng.sample(groups, k=len(groups))
    curated, partners = len(shuffled) // 10, len(shuffled) // 50
    for number, members in enumerate(shuffled[:curated]):
        sources = [members[0]]
        if number < partners:  # one curated event in five merges two generated ones
            sources.append(shuffled[curated + number][0])
        events.append({"title": f"Curated event {number + 1} of the benchmark corpus",
                       "sources": [_selector(c) for c in sources]})
    for members in shuffled[curated + partners:curated + 2 * partners]:
        if len(members) == 1:
            drop.append({**_selector(members[0]), "reason": "Dates no event (benchmark)."})
    return {"events": events, "drop": drop}


# -- the plain Sphinx project -------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>{}$|~&#])")
_MD_LINE_START = re.compile(r"^([-+=>]|\d+[.)])")


def md_text(text: str) -> str:
    """Text that MyST prints as it is: every markup character escaped."""
    return _MD_LINE_START.sub(r"\\\1", _MD_SPECIAL.sub(r"\\\1", text))


def plain_article(article: Article) -> str:
    """The article page of the edition as plain MyST: title, header, text, editorial note."""
    lines = [f"# {md_text(article.title)}", "", "Outlet", f": {md_text(article.outlet)}", "",
             "Published", f": {article.date} ({article.date_basis})", ""]
    if article.byline:
        lines += ["Byline", f": {md_text(article.byline)}", ""]
    if article.dateline:
        lines += ["Dateline", f": {md_text(article.dateline)}", ""]
    for block in article.blocks:
        text = md_text(block.text)
        lines += [f"({block.anchor})=", f"**{text}**" if block.kind == "subheading" else text,
                  ""]
    lines += ["```{admonition} Editorial note", f"- Outlet: {md_text(article.outlet)}. "
              f"{md_text(article.outlet_basis)}",
              f"- Date ({article.date_basis}): {md_text(article.date_evidence)}", "```", ""]
    return "\n".join(lines)


def plain_index(articles: list[Article]) -> str:
    """The landing page: the edition's introduction, a card per article, the toctrees."""
    intro = (DOCS / "index.md").read_text(encoding="utf-8").split("```{article-cards}")[0]
    lines = [intro.rstrip(), "", "::::{grid} 1 1 2 2", ":gutter: 3", ""]
    for article in articles:
        opening = article.blocks[0].text if article.blocks else ""
        lines += [f":::{{grid-item-card}} {md_text(article.title)}",
                  f":link: articles/{article.slug}", ":link-type: doc", "",
                  f"{md_text(article.outlet)} · {article.date}", "",
                  md_text(first_sentence(opening)), ":::", ""]
    lines += ["::::", "", "```{toctree}", ":caption: The articles", ":maxdepth: 1", ""]
    lines += [f"articles/{article.slug}" for article in articles]
    lines += ["```", "", "```{toctree}", ":caption: Apparatus", ":maxdepth: 1", "", "about",
              "sources", "glossary", "chronology", "```", ""]
    return "\n".join(lines)


def plain_glossary(glossary: Path) -> str:
    """The glossary page: the same entries, by category, in Sphinx's own glossary."""
    entries, _ = load_glossary(glossary)
    intro = (DOCS / "glossary.md").read_text(encoding="utf-8").split("```{edition-glossary}")[0]
    lines = [intro.rstrip(), ""]
    for category in CATEGORIES:
        group = sorted((e for e in entries if e.category == category), key=entry_sort_key)
        if not group:
            continue
        lines += [f"## {category.title()}", "", "```{glossary}"]
        for entry in group:
            lines += [entry.term, f"   {md_text(entry.definition)}", ""]
        lines += ["```", ""]
    return "\n".join(lines)


# A directive of the edition's extensions that plain Sphinx does not know, with its body.
_EDITION_DIRECTIVE = re.compile(r"^```\{(?:review-status|edition-timeline)\}\n(?:.*\n)*?```\n",
                                re.MULTILINE)


def write_plain(target: Path, articles: list[Article], glossary: Path) -> None:
    """The same pages for plain Sphinx: conf.py is ours without the annotated_edition extensions."""
    (target / "articles").mkdir(parents=True)
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    conf += ("\n# The benchmark's plain build: the same project without our extensions.\n"
             f"extensions = [e for e in extensions if not e.startswith({ANNOTATOR_PREFIX!r})]\n")
    (target / "conf.py").write_text(conf, encoding="utf-8")
    about = (DOCS / "about.md").read_text(encoding="utf-8")
    (target / "about.md").write_text(_EDITION_DIRECTIVE.sub("", about), encoding="utf-8")
    shutil.copy(DOCS / "sources.md", target / "sources.md")  # plain prose, linked by about
    shutil.copytree(DOCS / "_static", target / "_static")  # the favicon conf.py names
    chronology = (DOCS / "chronology.md").read_text(encoding="utf-8")
    chronology = _EDITION_DIRECTIVE.sub("", chronology)
    (target / "chronology.md").write_text(chronology.split("```{chronology}")[0],
                                          encoding="utf-8")
    (target / "glossary.md").write_text(plain_glossary(glossary), encoding="utf-8")
    (target / "index.md").write_text(plain_index(articles), encoding="utf-8")
    for article in articles:
        (target / "articles" / f"{article.slug}.md").write_text(plain_article(article),
                                                                encoding="utf-8")


# -- the whole corpus ---------------------------------------------------------------------

@dataclass
class Vocabulary:
    """What texts are made of: the word chain, the glossary's forms and the event pool."""

    chain: WordChain
    real: list[dict[str, Any]]
    synthetic: list[dict[str, Any]]
    own_forms: list[list[Term]]  # per synthetic entry, the forms the texts use
    popular: list[Term]  # what any article may mention: real forms, the first synthetic
    events: list[Event]

    @property
    def entries(self) -> list[dict[str, Any]]:
        return self.real + self.synthetic


def vocabulary(rng: random.Random, count: int, events: int) -> Vocabulary:
    """The real glossary and ``count`` synthetic entries, and a pool of ``events``."""
    chain = WordChain([a.text for a in seed_articles()])
    raw_real, real_terms = real_glossary()
    synthetic, own_forms = synthetic_entries(count, rng, chain,
                                             {fold(term.form) for term in real_terms})
    by_category: dict[str, list[Term]] = defaultdict(list)
    for term in real_terms + [forms[0] for forms in own_forms]:
        by_category[term.category].append(term)
    pool = make_events(events, rng, lambda category: rng.choice(by_category[category]).form)
    popular = real_terms + [forms[0] for forms in own_forms[: max(50, count // 10)]]
    return Vocabulary(chain, raw_real, synthetic, own_forms, popular, pool)


def synthetic_count(size: int, real: int) -> int:
    """Synthetic entries for ``size`` articles: five per article, 5,000 entries in all at most."""
    return max(0, min(MAX_GLOSSARY - real, ENTRIES_PER_ARTICLE * size))


def _dump(data: Any, path: Path) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def generate(size: int, root: Path, seed: int = 2026) -> Corpus:
    """Write a corpus of ``size`` articles under ``root`` (replaced if it exists)."""
    rng = random.Random(seed * 1_000_003 + size)
    if root.exists():
        shutil.rmtree(root)
    raw_real, real_terms = real_glossary()
    words = vocabulary(rng, synthetic_count(size, len(raw_real)), max(20, 3 * size))
    real_forms: dict[str, list[Term]] = defaultdict(list)
    for term in real_terms:
        real_forms[term.entry_id].append(term)
    owned: dict[int, list[list[Term]]] = defaultdict(list)
    for number, forms in enumerate([*real_forms.values(), *words.own_forms]):
        owned[number % size].append(forms)  # every entry occurs in at least one article
    first, last = dt.date(2020, 12, 1).toordinal(), dt.date(2023, 12, 31).toordinal()
    articles = [make_article(n, rng, words.chain, owned[n], words.popular, words.events,
                             dt.date.fromordinal(rng.randint(first, last)))
                for n in range(size)]

    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for article in articles:
        (seeds / article.file).write_text(seed_text(article), encoding="utf-8")
    _dump({"articles": [catalog_record(a) for a in articles]}, seeds / "catalog.yaml")
    entries, _ = load_catalog(seeds / "catalog.yaml", seeds)
    parsed = [load_article(seeds, entry)[0] for entry in reading_order(entries)]

    edition = root / "edition"
    edition.mkdir()
    for name in ("conf.py", "about.md", "sources.md", "glossary.md", "chronology.md",
                 "places.md", "passages.md", "index.md"):
        shutil.copy(DOCS / name, edition / name)
    with (edition / "conf.py").open("a", encoding="utf-8") as conf:
        # The texts are chained from the seeds' phrases, so any two share runs of 8 to 20
        # words: at N = 1000 that is 56,000 "passages" no corpus of real articles has.
        # A threshold above those runs keeps the cost of finding passages in the build
        # and leaves out what no reader would meet (see the README, Shared passages).
        # Synthetic places have no coordinates: the map shows the real ones only.
        conf.write('\nsuppress_warnings = ["annotated_edition.passage-variant", '
                   '"annotated_edition.place-coordinates"]\n'
                   'edition_passages_min_words = 30\n')
    shutil.copytree(DOCS / "_static", edition / "_static")  # the favicon conf.py names
    # The corpus has no developer pages: drop the landing page's link to them (a warning
    # that plain Sphinx's build, whose landing page stops before it, does not have).
    index = (edition / "index.md").read_text(encoding="utf-8")
    (edition / "index.md").write_text("".join(
        line for line in index.splitlines(keepends=True) if "`develop/" not in line),
        encoding="utf-8")
    _dump({"entries": words.entries}, edition / "glossary.yaml")
    terms = [record["term"] for record in words.entries]
    slugs = [a.slug for a in articles]
    notes = [note for article in parsed for note in make_notes(article, rng, terms, slugs)]
    _dump({"notes": notes}, edition / "notes.yaml")
    overlay = make_overlay(parsed, rng)
    _dump(overlay, edition / "chronology.yaml")
    (edition / "review.yaml").write_text(review_record(parsed), encoding="utf-8")
    write_plain(root / "plain", parsed, edition / "glossary.yaml")
    return Corpus(root, size, len(words.entries), len(notes), len(overlay["events"]),
                  sum(len(a.text.encode("utf-8")) for a in parsed), articles)


def review_record(articles: Sequence[Article]) -> str:
    """Every paragraph recorded as reviewed, so the build checks the record as the edition's."""
    records = [ReviewRecord("", 0, article.file, block.anchor, fingerprint(block.text),
                            tuple(CHECKS), "the benchmark (synthetic text)",
                            article.date or dt.date(2021, 1, 1), 0, 0, 0)
               for article in articles for block in article.blocks]
    return render_review("# The benchmark's review record: every paragraph, generated.\n",
                         records, articles)


def texts(words: Vocabulary, total_bytes: int, seed: int = 7) -> Iterator[tuple[str, dt.date]]:
    """Article texts (paragraphs joined as ``Article.text``) and their dates, to a size."""
    rng = random.Random(seed)
    produced = number = 0
    while produced < total_bytes:
        published = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
        own = [words.own_forms[rng.randrange(len(words.own_forms))]
               for _ in range(ENTRIES_PER_ARTICLE)] if words.own_forms else []
        article = make_article(number, rng, words.chain, own, words.popular, words.events,
                               published)
        text = "\n\n".join(article.paragraphs)
        produced += len(text.encode("utf-8"))
        number += 1
        yield text, published
