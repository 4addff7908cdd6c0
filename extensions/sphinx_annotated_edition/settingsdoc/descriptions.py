"""What each ``edition_*`` setting is for: the words of the configuration reference.

The names, types and defaults come from the settings registered in the build; this table
adds only what registration cannot say: which extension declares the setting, what it
does and an example line of ``conf.py``. A setting registered without a line here is a
warning of the reference's page, and ``tests/test_settings_reference.py`` fails for a
line whose extension does not register its setting, so the reference cannot fall behind
the code.
"""

from __future__ import annotations

from typing import NamedTuple


class SettingDoc(NamedTuple):
    extension: str  # the module whose setup() registers the setting
    description: str
    example: str  # a line of conf.py


_EXT = "sphinx_annotated_edition."

SETTINGS: dict[str, SettingDoc] = {
    "edition_seed_dir": SettingDoc(
        _EXT + "articles", "The folder of the seed texts, relative to conf.py's folder.",
        'edition_seed_dir = "../seeds"'),
    "edition_catalog": SettingDoc(
        _EXT + "articles", "The catalog of the seeds (what each text does not carry: "
        "outlet, date, byline, title), relative to conf.py's folder.",
        'edition_catalog = "../seeds/catalog.yaml"'),
    "edition_article_dir": SettingDoc(
        _EXT + "articles", "The folder of the generated article pages, inside the project.",
        'edition_article_dir = "articles"'),
    "edition_glossary": SettingDoc(
        _EXT + "glossary", "The glossary data file.", 'edition_glossary = "glossary.yaml"'),
    "edition_glossary_link": SettingDoc(
        _EXT + "glossary", "Which occurrences of a term are linked to its entry: the first "
        "per article, the first per paragraph, or every one.",
        'edition_glossary_link = "paragraph"'),
    "edition_glossary_link_pages": SettingDoc(
        _EXT + "glossary", "The pages whose paragraphs are linked to the glossary (glob "
        "patterns of page names); None: the article pages when the articles extension is "
        "loaded, else every page. The glossary page itself never.",
        'edition_glossary_link_pages = ["chapters/*"]'),
    "edition_glossary_categories": SettingDoc(
        _EXT + "glossary", "The categories an entry may have, in the glossary's order, and "
        "the title of each one's section (the default titles are translated).",
        'edition_glossary_categories = {"place": "Places", "term": "Terms"}'),
    "edition_notes": SettingDoc(
        _EXT + "notes", "The editorial notes, each anchored to a verbatim quote.",
        'edition_notes = "notes.yaml"'),
    "edition_chronology_overlay": SettingDoc(
        _EXT + "chronology", "The editor's decisions on the generated chronology: titles, "
        "merges, splits, dropped dates, recorded dates with their reasons.",
        'edition_chronology_overlay = "chronology.yaml"'),
    "edition_review": SettingDoc(
        _EXT + "review", "The review record; empty turns the review off (no paragraph is "
        "reported as unreviewed).", 'edition_review = "review.yaml"'),
    "edition_passages": SettingDoc(
        _EXT + "passages", "The variants of shared passages the editor has acknowledged.",
        'edition_passages = "passages.yaml"'),
    "edition_passages_min_words": SettingDoc(
        _EXT + "passages", "How many words two copies must share to count as a shared "
        "passage.", "edition_passages_min_words = 12"),
    "edition_book_frontmatter": SettingDoc(
        _EXT + "book", "The pages (docnames) that open the PDF, with roman page numbers; "
        "absent pages are skipped.", 'edition_book_frontmatter = ["about", "sources"]'),
    "edition_book_backmatter": SettingDoc(
        _EXT + "book", "The pages that close the PDF, before the index; absent pages are "
        "skipped.", 'edition_book_backmatter = ["glossary", "chronology"]'),
    "edition_subtitle": SettingDoc(
        _EXT + "book", "The subtitle on the PDF's title page.",
        'edition_subtitle = "An annotated reading edition"'),
    "edition_editors": SettingDoc(
        _EXT + "book", "The editors' names, as the title page prints them.",
        'edition_editors = ["A. Editor", "B. Editor"]'),
    "edition_licence": SettingDoc(
        _EXT + "book", "The licence statement of the colophon.",
        'edition_licence = "the notes are under CC BY 4.0"'),
    "edition_reviewed": SettingDoc(
        _EXT + "book", "The date the texts were last reviewed against their sources, for "
        "the colophon; empty: the colophon says they were checked when the book was made.",
        'edition_reviewed = "2026-12-01"'),
    "edition_description": SettingDoc(
        _EXT + "reading", "The meta description of every page but the articles (each "
        "article has its own).", 'edition_description = "Five news articles, annotated."'),
    "edition_gc_freeze": SettingDoc(
        _EXT + "buildgc", "Keep the garbage collector off what was read while the pages "
        "are written (a fifth faster at 1,000 articles); False leaves it alone.",
        "edition_gc_freeze = False"),
}
