"""Wrap text to a width in terminal cells, breaking lines between words.

A word that fits its column is never broken: it moves to the next line.
A word longer than the whole column is broken after a hyphen of its own or
between syllables with a hyphen added (``hyphenate.py``), in the text's
language. Only a word with no such place that still fits (a long number, a
URL) is cut where the column ends.

Widths are measured in terminal cells per grapheme (an emoji with joiners,
a letter with combining accents), the way a terminal draws them, so the
columns stay aligned whatever the text holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.cells import cell_len, split_graphemes

from pvm_tui.hyphenate import Break, breaks, own_breaks

_TOKENS = re.compile(r"\s+|\S+")
TAB_SIZE = 4


def wrap(text: str, width: int, language: str) -> list[str]:
    """``text`` as lines of at most ``width`` cells; its own line breaks are kept."""
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_paragraph(paragraph.expandtabs(TAB_SIZE), width, language))
    return lines


def words(text: str) -> list[str]:
    """The pieces of ``text`` that wrapping never breaks when they fit: words, split after hyphens."""
    return [piece for token in text.split() for piece in _hard_pieces(token)]


def least_width(word: str, language: str) -> int:
    """The narrowest column ``word`` fits in when hyphenated at every place it may be."""
    widest, start = 0, 0
    for place in breaks(word, language):
        widest = max(widest, cell_len(word[start : place.at]) + place.hyphen)
        start = place.at
    return max(widest, cell_len(word[start:]))


def _hard_pieces(token: str) -> list[str]:
    cuts = [place.at for place in own_breaks(token)]
    return [token[start:end] for start, end in zip([0, *cuts], [*cuts, len(token)], strict=True)]


def _paragraph(paragraph: str, width: int, language: str) -> list[str]:
    lines: list[str] = []
    line, used, space = "", 0, ""
    for token in _TOKENS.findall(paragraph):
        if token.isspace():
            if line or not lines:  # spaces at a line's start are kept only at the paragraph's start
                space = token
            continue
        size = cell_len(token)
        gap = cell_len(space) if line or not lines else 0
        if used + gap + size <= width:
            line, used, space = line + (space if gap else "") + token, used + gap + size, ""
            continue
        if size <= width:
            if line:
                lines.append(line)
            line, used, space = token, size, ""
            continue
        # Longer than the column: start it on this line if a piece fits, then break it.
        room = width - used - gap if line else width
        head = space if line else ""
        pieces = _break_long(token, width, room, language)
        if pieces[0][1] and line:  # the first piece went on this line
            lines.append(line + head + pieces[0][0])
            pieces = pieces[1:]
        elif line:
            lines.append(line)
        lines.extend(piece for piece, _ in pieces[:-1])
        line, space = pieces[-1][0], ""
        used = cell_len(line)
    if line or not lines:
        lines.append(line)
    return lines


def _break_long(word: str, width: int, room: int, language: str) -> list[tuple[str, bool]]:
    """``word`` cut into lines of ``width`` cells, the first ``room`` cells wide when it can be.

    Returns (piece, on the current line) pairs: the first piece is marked True
    when it fits the ``room`` left on the line the word starts on. The word
    is measured once (``_Cells``) and each line looks only at the places to
    break on it, so that a word of 100 KB takes time in step with its length.
    """
    places = breaks(word, language)
    at = [place.at for place in places]
    own = [place.at for place in places if not place.hyphen]
    cells = _Cells(word)
    pieces: list[tuple[str, bool]] = []
    start, limit, first = 0, room, True
    while cells.between(start, len(word)) > limit:
        cut = None
        for index in range(bisect_right(at, start), len(places)):
            place = places[index]
            if cells.between(start, place.at) + place.hyphen > limit:
                break
            # After the word's own hyphen, when what follows up to its next one fits a
            # line whole, rather than further on between syllables: "High-" "margin".
            keep_own = cut is not None and not cut.hyphen and place.hyphen
            if not (keep_own and cut is not None and _next_fits(cells, cut, own, width)):
                cut = place
        if cut is not None:
            pieces.append((word[start : cut.at] + ("-" if cut.hyphen else ""), first))
            start = cut.at
        elif first and limit < width:
            pass  # nothing fits in what is left of the line: start on a fresh one
        else:
            # No place to break: cut where the column ends. A character wider than the
            # whole column (an emoji in one cell) still goes on a line of its own.
            end = cells.fit(start, limit)
            pieces.append((word[start:end], first))
            start = end
        first, limit = False, width
    pieces.append((word[start:], first))
    return pieces


def _next_fits(cells: _Cells, after: Break, own: list[int], width: int) -> bool:
    """Whether the piece of the word from ``after`` to its next own hyphen (or its end) fits ``width``."""
    following = bisect_right(own, after.at)
    end = own[following] if following < len(own) else cells.length
    return cells.between(after.at, end) <= width


class _Cells:
    """How many cells any stretch of one word takes, from one pass over its characters.

    ``upto[i]`` is the width of the characters as they show (an emoji with
    its joiners, a letter with its accents) that end at or before index
    ``i``; ``start[i]`` is where the one that holds index ``i`` starts.
    """

    def __init__(self, word: str) -> None:
        self.length = len(word)
        self.start = list(range(len(word) + 1))
        if word.isascii() and word.isprintable():  # one cell per character
            self.upto = self.start
            return
        self.upto = [0] * (len(word) + 1)
        total = 0
        for begin, end, size in split_graphemes(word)[0]:
            for index in range(begin + 1, end):
                self.upto[index] = total
                self.start[index] = begin
            total += size
            self.upto[end] = total

    def between(self, begin: int, end: int) -> int:
        return self.upto[end] - self.upto[begin]

    def fit(self, begin: int, limit: int) -> int:
        """Where the longest stretch from ``begin`` within ``limit`` cells ends (one character at least)."""
        end = self.start[bisect_right(self.upto, self.upto[begin] + limit, lo=begin) - 1]
        if end > begin:
            return end
        end = begin + 1
        while end < self.length and self.start[end] == begin:
            end += 1
        return end
