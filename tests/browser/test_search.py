"""Sphinx's own search finds a name however the reader types it."""

from __future__ import annotations

from typing import Any

import pytest

from .reader import ARTICLES, article_path

# What a reader types -> the spellings the texts use for the same name.
SPELLINGS = {
    "Shusha": ("Shusha",),
    "Çavuşoğlu": ("Çavuşoğlu", "Cavusoglu"),
    "Cavusoglu": ("Çavuşoğlu", "Cavusoglu"),
}
RESULTS_JS = """() => Array.from(document.querySelectorAll('#search-results ul.search li a'))
  .map((link) => new URL(link.href).pathname.replace(/^\\//, ''))"""

# Every result linking to the page has its summary (Sphinx adds each once its page is fetched).
CONTEXTS_JS = """(target) => {
  const items = Array.from(document.querySelectorAll('#search-results li'))
    .filter((item) => item.querySelector(`a[href^="${target}"]`));
  return items.length > 0 && items.every((item) => item.querySelector('p.context'));
}"""


def pages_with(spellings: tuple[str, ...]) -> set[str]:
    return {article_path(a) for a in ARTICLES if any(s in a.text for s in spellings)}


def search(page: Any, query: str) -> set[str]:
    """Type the query in the sidebar's search box, as a reader does; the pages found."""
    box = page.locator("input.sidebar-search")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    page.wait_for_function(
        "() => document.querySelector('#search-results .search-summary')?.innerText")
    return set(page.evaluate(RESULTS_JS))


def test_the_texts_spell_the_name_both_ways() -> None:
    """Else the folding test below could not fail."""
    turkish, plain = pages_with(("Çavuşoğlu",)), pages_with(("Cavusoglu",))
    assert turkish and plain and turkish != plain


@pytest.mark.parametrize("query", list(SPELLINGS))
def test_search_finds_every_article_that_names_it(open_page: Any, query: str) -> None:
    expected = pages_with(SPELLINGS[query])
    assert expected
    found = search(open_page("index.html"), query)
    assert expected <= found, f"{query!r} found {sorted(found)}"


@pytest.mark.parametrize(("query", "spelled"), [("Cavusoglu", "Çavuşoğlu"),
                                                ("Çavuşoğlu", "Cavusoglu")])
def test_each_result_shows_the_name_as_its_page_spells_it(
        open_page: Any, query: str, spelled: str) -> None:
    """The summary under a result is cut around the word found, whatever its spelling."""
    page = open_page("index.html")
    search(page, query)
    (target,) = pages_with((spelled,)) - pages_with((query,))
    # the page itself and its register (index) entries can each be a result; each fetches
    # its page for the summary after the list is shown: wait until every one has it
    page.wait_for_function(CONTEXTS_JS, arg=target)
    summaries = page.locator(f'#search-results li:has(a[href^="{target}"]) p.context')
    texts = summaries.all_inner_texts()
    assert texts and all(spelled in text for text in texts)


def test_the_browser_folds_a_query_as_the_index_does(open_page: Any) -> None:
    """The search page's stemmer (JavaScript) and the index's (Python) agree."""
    from sphinx_annotated_edition.search.language import FoldingEnglish

    samples = ["Çavuşoğlu", "Cavusoglu", "Əliyev", "İlham", "Ağdam", "Iğdır", "Shushi",
               "Türkiye's", "ambassadors", "Ganja"]
    page = open_page("search.html")
    in_browser = page.evaluate(
        "(ws) => ws.map((w) => new Stemmer().stemWord(w.toLowerCase()))", samples)
    python = FoldingEnglish({})
    assert in_browser == [python.stem(word) for word in samples]


def test_summaries_read_as_the_text_without_the_apparatus(open_page: Any) -> None:
    """A summary quotes the article, not its note markers, [sic] marks and pilcrows."""
    conducted = next(a for a in ARTICLES if "research were conducted" in a.text)
    page = open_page("index.html")
    search(page, "research")
    target = article_path(conducted)
    page.wait_for_function(CONTEXTS_JS, arg=target)
    texts = page.locator(f'#search-results li:has(a[href^="{target}"]) p.context'
                         ).all_inner_texts()
    assert texts and any("research were conducted in both" in text for text in texts), texts
    assert not any(mark in text for text in texts for mark in ("[sic]", "¶", "[1")), texts
