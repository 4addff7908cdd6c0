"""The printed index as registers: persons, places, organisations, then the other terms.

One xindy run, one index: each entry's sort key starts with its register's digit, and
xindy's letter groups are defined per register and letter ("1A" … "4Z"), so the index
reads as headed registers with their letters, Turkish and Azerbaijani letters filed by the
collation's ASCII key (Çavuşoğlu under C). Page ranges get an en dash, which Sphinx's
xindy style leaves out ("4" and "8" were printed as "48").
"""

from __future__ import annotations

import re
from pathlib import Path

from annotated_edition.collation import ascii_key
from annotated_edition.folding import fold
from annotated_edition.glossary import Entry
from sphinx_annotated_edition.i18n import _

# The registers in print order: their digit (the sort key's prefix) and categories.
REGISTERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("1", frozenset({"person"})),
    ("2", frozenset({"place"})),
    ("3", frozenset({"organisation"})),
    ("4", frozenset({"agreement", "event", "concept"})),
)
XINDY_MARK = ";; annotated_edition: registers and ranges"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
SEE = "annotatorsee"  # a crossref class of our own: makeindex.xdy's "see" is verified
SEE_RULES = (f'(define-crossref-class "{SEE}" :unverified)\n'
             f'(markup-crossref-list :class "{SEE}" :open "\\see{{" :sep "; " :close "}}{{}}")')


def register_prefix(category: str) -> str:
    """The digit that files an entry of ``category`` in its register."""
    return next((digit for digit, categories in REGISTERS if category in categories), "4")


def register_headings() -> dict[str, str]:
    """The heading each register prints (through sphinx.locale, so it can be translated)."""
    return {"1": _("Persons"), "2": _("Places"), "3": _("Organisations"),
            "4": _("Agreements, events and concepts")}


def _first_word(name: str) -> str:
    return fold(re.split(r"[\W_]+", name.strip())[0]).casefold()


def cross_references(entry: Entry) -> list[str]:
    """The other names of a person or place a reader may look up: "Shushi, see Shusha".

    Only forms that sort elsewhere (a different first word once accents are folded), and
    for persons inverted like the entry itself ("Pashinian, Nikol").
    """
    if entry.category not in {"person", "place"}:
        return []
    label = entry.index_label
    seen = {_first_word(label)}
    out = []
    for alias in entry.aliases:
        if not alias[:1].isupper():
            continue
        words = alias.split()
        form = f"{words[-1]}, {' '.join(words[:-1])}" if (
            entry.category == "person" and len(words) > 1) else alias
        first = _first_word(form)
        if first in seen:
            continue
        seen.add(first)
        out.append(form)
    return out


def register_key(category: str, label: str) -> str:
    """The index sort key: register digit, letter number (00 = A), the collation's key.

    xindy maps letters before it matches letter groups, digits it leaves alone: the group
    (register and letter) is spelt in digits, the order within it is ``ascii_key``'s.
    """
    key = ascii_key(label)
    letter = LETTERS.find(key[:1].upper()) if key[:1].isalpha() else -1
    return f"{register_prefix(category)}{letter if letter >= 0 else len(LETTERS):02d}{key}"


def xindy_rules() -> str:
    """Letter groups per register and letter, in order, and ranges joined by an en dash.

    The "see" references are not checked against the keys (their target is a label,
    filed under a key of digits).
    """
    lines = [XINDY_MARK, '(markup-range :sep "\\textendash{}")', SEE_RULES]
    previous = None
    for digit, _categories in REGISTERS:
        for number, letter in enumerate([*LETTERS, "#"]):
            name = f"{digit}{letter}"
            after = f' :after "{previous}"' if previous else ""
            # numeric-sort.xdy pads every number of a key to seven digits before the
            # groups are matched: "102" (persons, C) is seen as "0000102"
            lines.append(f'(define-letter-group "{name}"{after} :prefixes ("0000{digit}'
                         f'{number:02d}"))')
            previous = name
    return "\n".join(lines) + "\n"


def latex_macros() -> str:
    """The index in the book's roman type, ragged right, headed by register and letter."""
    headings = "".join(rf"\expandafter\def\csname annotator@register@{digit}\endcsname"
                       rf"{{{text}}}" "\n" for digit, text in register_headings().items())
    key = _("Page numbers in bold: the entry in the glossary.")
    return headings + rf"\def\annotator@indexkey{{{key}}}" + r"""
\def\annotator@lastregister{}
% Sphinx sets the entries in typewriter type; a book's index is in the text's roman.
\renewcommand{\sphinxstyleindexentry}[1]{#1}
\renewcommand{\sphinxstyleindexlettergroup}[1]{\annotator@indexgroup#1\relax}
\renewcommand{\sphinxstyleindexlettergroupDefault}[1]{\annotator@indexgroup#1\relax}
\def\annotator@indexgroup#1#2\relax{%
  \raggedright\hyphenpenalty=10000 % an index line is looked up, not read: no gaps
  \ifcsname annotator@register@#1\endcsname
    \def\annotator@register{#1}%
    \ifx\annotator@register\annotator@lastregister\else
      \ifx\annotator@lastregister\@empty % before the first register: the key to the signs
        {\normalfont\footnotesize\itshape\annotator@indexkey\par}%
      \fi
      \let\annotator@lastregister\annotator@register
      \par\addvspace{1.5\baselineskip}%
      {\normalfont\bfseries\csname annotator@register@#1\endcsname\par}\nobreak
    \fi
    \annotator@indexletter{#2}%
  \else
    \annotator@indexletter{#1#2}%
  \fi}
\def\annotator@indexletter#1{%
  \par\addvspace{.5\baselineskip}{\normalfont\small\scshape\MakeLowercase{#1}\par}\nobreak}
"""


def extend_xindy_style(outdir: Path) -> None:
    """Append the registers and ranges to the sphinx.xdy Sphinx copied (ours replaced)."""
    style = outdir / "sphinx.xdy"
    if not style.exists():
        return  # makeindex: no xindy style to extend
    sphinx_rules = style.read_text(encoding="utf-8").split(XINDY_MARK)[0].rstrip("\n")
    style.write_text(sphinx_rules + "\n\n" + xindy_rules(), encoding="utf-8")
