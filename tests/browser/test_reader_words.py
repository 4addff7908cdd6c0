"""Readers meet the edition's words, not the build's: no file names, paths or data files
on any page (the seeds' names are in the catalog and the exports, not in the pages)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .reader import PAGES

BUILD_WORDS = re.compile(r"\.txt\b|\bdocs/|\.yaml\b")
# The pages for editors and developers (docs/develop/: making an edition, the settings,
# the extension API) must name files and settings; they are outside the reader's edition
# (not in its navigation, the PDF or the EPUB), so they are not held to this rule.
DEVELOPER_PAGES = "develop"


def test_no_page_of_the_site_holds_a_file_name_or_path(site: Any) -> None:
    pages = sorted(path for path in site.outdir.rglob("*.html")
                   if path.relative_to(site.outdir).parts[0] != DEVELOPER_PAGES)
    assert len(pages) > 8
    found = {str(path.relative_to(site.outdir)): BUILD_WORDS.findall(
        path.read_text(encoding="utf-8")) for path in pages}
    assert {page: words for page, words in found.items() if words} == {}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_what_a_reader_sees_names_no_file(open_page: Any, name: str) -> None:
    page = open_page(PAGES[name], width=1366)
    seen = page.evaluate("() => document.title + ' ' + document.body.innerText")
    assert BUILD_WORDS.findall(seen) == []
    assert page.locator(".view-this-page, .edit-this-page").count() == 0
