"""The safe subset of MyST inline markup that notes and glossary definitions may use.

Every data file is untrusted: an editor's note must not be able to put script into a
reader's browser nor make the build publish a file of the build machine. So the text is
tokenised here, without Sphinx, the way MyST tokenises it, and everything outside a small
subset is refused with the line of the data file:

- emphasis (``*x*``) and strong emphasis (``**x**``), line breaks;
- the edition's roles, :data:`ALLOWED_ROLES` (``{term}`` and ``{doc}``);
- links (``[text](url)``, ``<url>``) to http(s) and mailto addresses only.

Refused: raw HTML (inline or as comments), images, code (where a directive's fence would
hide), every other role (``{download}``, ``{raw}``, ``{pep}``...), every other URL scheme
(``javascript:``, ``data:``, ``file:``) and every relative link (use ``{doc}`` for the
edition's own pages), and anything else MyST may learn to parse. Text is only ever text:
an HTML entity such as ``&lt;`` stays the two characters it stands for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from annotated_edition.problems import Problem, Subtype, excerpt

ALLOWED_ROLES = frozenset({"term", "doc"})
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
SUBTYPE = Subtype.MARKUP
# Tokens that carry text or structure only; links and roles are checked one by one.
_PLAIN = frozenset({"text", "text_special", "softbreak", "hardbreak", "em_open", "em_close",
                    "strong_open", "strong_close", "link_close"})
_LINK_ATTRIBUTES = frozenset({"href", "title"})

# Without one of these, MyST's inline syntax makes nothing but text, emphasis and breaks:
# code and roles need a backquote, HTML and autolinks "<", links, images and footnote
# references "[".
_MAY_REFUSE = re.compile(r"[`<\[]")

_parser: MarkdownIt | None = None


def _md() -> MarkdownIt:
    """MyST's inline syntax (as its default parser: CommonMark, roles, footnote references),
    seeing every link as a link.

    Built from markdown-it and its plugins as MyST builds it, without MyST itself (which
    imports docutils: the check runs without it). markdown-it turns a ``javascript:`` link
    into plain text silently; here every link attempt is a link token, refused with a reason.
    """
    global _parser
    if _parser is None:
        from mdit_py_plugins.footnote import footnote_plugin
        from mdit_py_plugins.myst_role import myst_role_plugin

        parser = (MarkdownIt("commonmark").enable("table").use(myst_role_plugin)
                  .use(footnote_plugin, inline=False, move_to_end=False,
                       always_match_refs=True))
        parser.validateLink = lambda url: True  # type: ignore[method-assign]
        _parser = parser
    return _parser


_NOT_ALLOWED = "is not allowed in the edition's markup"


def link_refusal(href: str) -> str | None:
    """Why a link target is refused, or None for an http(s) or mailto address."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return f"the link to {excerpt(href)} is not a valid address"
    scheme = parts.scheme.lower()
    if scheme in ALLOWED_SCHEMES and (scheme == "mailto" or parts.netloc):
        return None
    if not scheme:
        return (f"the relative link {excerpt(href)} is not allowed: link to the edition's "
                "own pages with {doc}, to others with a full http(s) address")
    return (f"the link to {excerpt(href)} is not allowed: links go to http(s) or mailto "
            "addresses only")


def role_refusal(name: str) -> str | None:
    """Why a role is refused, or None for one of the edition's roles."""
    if name in ALLOWED_ROLES:
        return None
    roles = ", ".join(f"{{{role}}}" for role in sorted(ALLOWED_ROLES))
    return f"the role {{{name}}} is not allowed: the edition's roles are {roles}"


def construct_refusal(kind: str, content: str) -> str:
    """Why any other construct (raw HTML, an image, code, math...) is refused."""
    return f"{kind} ({excerpt(content)}) {_NOT_ALLOWED}"


def _refusal(token: Token) -> str | None:
    if token.type in _PLAIN:
        return None
    if token.type == "link_open":
        extra = set(token.attrs) - _LINK_ATTRIBUTES
        if extra:
            return f"a link with the attributes {', '.join(sorted(extra))} {_NOT_ALLOWED}"
        return link_refusal(str(token.attrs.get("href", "")))
    if token.type == "myst_role":
        return role_refusal(str(token.meta.get("name", "")))
    if token.type == "html_inline":
        return construct_refusal("raw HTML", token.content)
    if token.type == "image":
        return construct_refusal("an image", str(token.attrs.get("src", "")))
    if token.type == "code_inline":
        fenced = token.content.lstrip().startswith("{")
        return construct_refusal("a directive" if fenced else "code",
                                 token.markup + token.content + token.markup)
    return construct_refusal(f"markup of the kind {token.type!r}", token.content)


def refusals(text: str) -> list[str]:
    """What in ``text`` is outside the safe subset, in the order written.

    Raw HTML is reported once (its first tag): an opening and a closing tag are one
    mistake.
    """
    if not _MAY_REFUSE.search(text):
        return []  # most definitions: plain words, emphasis at most
    return tokenised_refusals(text)


def tokenised_refusals(text: str) -> list[str]:
    """:func:`refusals` without its shortcut: every token of ``text`` looked at."""
    found: list[str] = []
    kinds: set[str] = set()
    for block in _md().parseInline(text, {}):
        for token in _walk(block.children or []):
            why = _refusal(token)
            if why is None or why in found or (token.type == "html_inline" and
                                               token.type in kinds):
                continue
            kinds.add(token.type)
            found.append(why)
    return found


def _walk(tokens: Iterable[Token]) -> Iterable[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def markup_problems(text: str, path: str, line: int, what: str,
                    outcome: str) -> list[Problem]:
    """One problem per construct of ``text`` outside the subset.

    ``what`` names the text ("note on 'the words'"), ``outcome`` says what the build does
    with it ("the note is left out"); ``line`` is the line of the field in the data file
    (folded YAML text keeps no finer positions).
    """
    return [Problem(path, line, f"{what}: {why}; {outcome}", SUBTYPE)
            for why in refusals(text)]
