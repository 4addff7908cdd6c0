"""Make the table of character widths the figures lay their labels out with.

Labels must never collide, and the layout must be the same on every machine, so widths
are not measured at build time but read from this table: the advance widths of FreeSans
(GNU FreeFont, the sans-serif font the PDF already uses; Debian's fonts-freefont-otf),
in thousandths of an em, for the characters the edition's labels use. Run once when the
font or the character set changes::

    python3 tools/font_widths.py /usr/share/fonts/opentype/freefont/FreeSans.otf \
        > src/annotated_edition/figures/font_widths.json

Needs fontTools (``pip install fonttools``); builds do not.
"""

from __future__ import annotations

import json
import sys

from fontTools.ttLib import TTFont

# Latin letters with every Turkish and Azerbaijani one, digits, punctuation, dashes and
# quotes; anything else is laid out with the widest width of the table.
CHARACTERS = "".join(chr(c) for c in range(0x20, 0x7F)) + "".join(
    chr(c) for c in range(0xA0, 0x250)) + "ƏəʼˈЀ–—‘’‚“”„•…′″€≠→←↑↓·×"


def main(path: str) -> dict[str, object]:
    font = TTFont(path)
    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    widths = {}
    for char in CHARACTERS:
        glyph = cmap.get(ord(char))
        if glyph is not None:
            widths[char] = round(metrics[glyph][0] * scale)
    return {"font": "FreeSans (GNU FreeFont), regular", "units_per_em": 1000,
            "made_by": "tools/font_widths.py", "widths": widths}


if __name__ == "__main__":
    json.dump(main(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=0, sort_keys=True)
    sys.stdout.write("\n")
