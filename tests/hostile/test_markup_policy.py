"""The safe subset of note and definition markup, as the core decides it (no Sphinx)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotated_edition.markup import refusals, tokenised_refusals


@pytest.mark.parametrize("text", [
    "plain words, *emphasis*, **strong**, _under_ and a line\\\nbreak",
    "{term}`Shusha` and {doc}`/articles/first` and {doc}`the page </glossary>`",
    "[a site](https://example.org/a?b=c#d \"its title\") and <https://example.org>",
    "[write](mailto:ed@example.org) and [HTTP in capitals](HTTPS://EXAMPLE.ORG)",
    "entities stay text: &lt;script&gt; &amp; &#x3C;b&#x3E;",
    "backslash-escaped: \\<script\\> \\[x\\](javascript:1)",
    # notes are parsed inline: a reference definition is never read, the link stays text
    "a reference-style link [x][r]\n\n[r]: javascript:alert(1)",
])
def test_the_subset_is_allowed(text: str) -> None:
    assert refusals(text) == []


@pytest.mark.parametrize(("text", "reason"), [
    ("https without a host: [x](https:)", "the link to 'https:' is not allowed: links go "
                                          "to http(s) or mailto addresses only"),
    ("an obfuscated scheme [x](java&#x09;script:alert(1))",
     "the relative link 'java%09script:alert(1)' is not allowed: link to the edition's own "
     "pages with {doc}, to others with a full http(s) address"),
    ("a role with a domain {std:ref}`x`",
     "the role {std:ref} is not allowed: the edition's roles are {doc}, {term}"),
    ("an image in a link [![i](x.png)](https://example.org)",
     "an image ('x.png') is not allowed in the edition's markup"),
])
def test_what_hides_is_refused(text: str, reason: str) -> None:
    assert refusals(text) == [reason]


@given(st.text(alphabet="ab *_~&;#<>!()[]{}:/\\\n\"'" + "`", max_size=40))
@settings(max_examples=500, deadline=None)  # timing is never asserted
def test_the_shortcut_never_lets_markup_through(text: str) -> None:
    """Text without a backquote, "<" or "[" has nothing to refuse, whatever else it holds."""
    if not any(char in text for char in "`<["):
        assert tokenised_refusals(text) == []
    assert refusals(text) == tokenised_refusals(text)
