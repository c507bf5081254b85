"""Make user text safe to show: literal, never markup, never terminal codes.

Cell text comes from files that anyone may have written. Before it reaches a
terminal it passes through ``harmless``: control characters (ANSI and OSC
escape sequences start with ESC) are replaced by visible stand-ins so that
text cannot move the cursor, retitle the window or hide itself. Callers
still wrap it in ``rich.text.Text`` so that ``[bold]`` stays literal.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, C1 controls, and the Unicode
# bidirectional overrides that can make text display in a misleading order.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def harmless(text: str) -> str:
    """``text`` with every control character replaced by a visible stand-in.

    Tabs and newlines are kept; a carriage return is shown as ␍ so that a
    CRLF line end cannot overwrite the start of a line on screen.
    """
    return _UNSAFE.sub(_stand_in, text)


def one_line(text: str) -> str:
    """``text`` flattened for a single grid cell: lines joined with ' ⏎ '."""
    lines = [line.strip() for line in harmless(text).replace("\t", " ").splitlines()]
    return " ⏎ ".join(line for line in lines if line)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells, ending in an ellipsis when cut."""
    if width <= 0:
        return ""
    if _cells(text) <= width:
        return text
    result, used = [], 0
    for char in text:
        size = _char_cells(char)
        if used + size > width - 1:
            break
        result.append(char)
        used += size
    return "".join(result).rstrip() + "…"


def _char_cells(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _cells(text: str) -> int:
    return sum(_char_cells(char) for char in text)
