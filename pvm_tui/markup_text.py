"""User text made safe for XML and HTML: it always parses, and it never reaches a terminal as a code.

``harmless`` already shows control characters (ESC, BEL, U+000C, C1, the
parts of an OSC sequence) as visible symbols; what is left that XML 1.0
forbids, the noncharacters U+FFFE and U+FFFF (and their kin, which HTML
reports as errors), becomes the replacement character. Then ``< > & " '``
become entities, so the text can go in an element or an attribute.
"""

from __future__ import annotations

import html
import re

from pvm_tui.text import harmless

_NONCHARACTERS = re.compile("[\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe\U0002ffff]")


def markup_escape(text: str) -> str:
    """``text`` as the literal content of an XML or HTML element or attribute."""
    return html.escape(_NONCHARACTERS.sub("\ufffd", harmless(text)), quote=True)
