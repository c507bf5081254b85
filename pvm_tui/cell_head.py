"""How much of a huge cell the grid, the card and the recovery dialog show, and the note of how much more.

A cell may hold 100 KB (a pasted report). Wrapping all of it for the card
or a whole-text row cost a third of a second per move, and a row or card
thousands of lines tall hides everything around it. So both show the
cell's start, then ``… (98 KB more: e to read it all)``; the cell
editor shows every character, and the file keeps every byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pvm_tui.ui_text import ui_text

CARD_CHARACTERS = 2_000
"""The most of one text the card shows: a page of reading."""
CARD_LINES = 100
"""The most lines of one text the card shows."""
GRID_LINES = 20
"""The most lines a cell takes in a whole-text row: less than a screen, so the rows around it show."""

# What belongs to the character before it: accents, joiners, variation selectors, skin tones.
_JOINED = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\u200d\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0100-\U000e01ef]"
)


def head(text: str, characters: int = CARD_CHARACTERS, lines: int = CARD_LINES) -> str:
    """The start of ``text``: at most ``characters`` characters and ``lines`` lines.

    Cut after a space near the end when there is one, and never between a
    character and its accents or joiners.
    """
    if len(text) <= characters and text.count("\n") < lines:
        return text
    cut = min(len(text), characters)
    line_end = -1
    for _ in range(lines):
        line_end = text.find("\n", line_end + 1, cut)
        if line_end < 0:
            break
    else:
        cut = line_end
    space = text.rfind(" ", max(0, cut - 40), cut)
    if space > 0:
        cut = space
    while cut > 1 and (_JOINED.match(text, cut) or text[cut - 1] == "\u200d"):
        cut -= 1
    return text[:cut].rstrip()


def more_kb(text: str, shown: int) -> int:
    """How many KB of ``text`` follow its first ``shown`` characters (at least 1)."""
    rest = len(text.encode("utf-8", "surrogatepass")) - len(text[:shown].encode("utf-8", "surrogatepass"))
    return max(1, round(rest / 1000))


def more_note(text: str, shown: int, language: str, key: str = "e") -> str:
    """What says how much of ``text`` is not shown after its first ``shown`` characters, and
    which ``key`` shows it all."""
    return ui_text(language).cell_more.format(size=more_kb(text, shown), key=key)


def headed_lines(text: str, width: int, language: str, wrap: Callable[[str, int], list[str]]) -> list[str]:
    """``text`` wrapped by ``wrap`` to ``width``, at most ``GRID_LINES`` lines, the last ones the note.

    Only the start of a huge text is wrapped, so this takes as long for 100 KB as for 5.
    """
    shown = head(text, characters=GRID_LINES * max(width, 1) * 2, lines=GRID_LINES)
    lines = wrap(shown, width)
    if shown == text and len(lines) <= GRID_LINES:
        return lines
    kept = lines[:GRID_LINES]
    while True:
        # The characters shown: what the kept lines hold, and the spaces or breaks between them.
        note = wrap(more_note(text, sum(map(len, kept)) + len(kept), language), width)
        if len(kept) + len(note) <= GRID_LINES or len(kept) <= 1:
            return kept + note
        kept = kept[: max(1, min(len(kept) - 1, GRID_LINES - len(note)))]
