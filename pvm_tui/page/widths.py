"""How wide each column of the grid is: room follows the text.

No column is narrower than its widest syllable, and an empty or short
column needs no more than its heading (which may be hyphenated too). The
rest of the room goes where it keeps the most words whole (a word wider
than its column must be hyphenated) and makes the rows shortest: two
greedy plans are made, one from the fewest split words and one from the
narrowest columns, and the one whose grid is shorter wins, a hyphenated
word counting as a line more. Room still left goes to the columns in
proportion to how much text they hold, none wider than its longest line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

NARROWEST = 5
"""A column is never made narrower than this (or its longest word, if shorter):
room for a syllable and its hyphen."""


@dataclass(frozen=True)
class ColumnText:
    """What the widths depend on, for one column: its words, its longest line, its amount of text."""

    words: Sequence[int]  # the width of every word, the heading's included
    longest_line: int
    amount: int  # cells of text in all its cells together
    least: int = 1  # the widest piece a word can be hyphenated into (with its hyphen)


Heights = Callable[[int, int], Sequence[int]]
"""``heights(column, width)``: how many lines each row's cell in ``column`` takes at ``width``."""

SPLIT_COST = 2
"""Each extra line a hyphenated word takes weighs as much as this many lines more of the grid."""

SLACK = (0.9, 0.8)
"""Shares of the room the fewest-splits plan may also use, leaving the rest to shorten rows."""

MEASURED_ROWS = 60
"""Up to this many rows the room left is given where it makes the rows shortest,
by wrapping the cells at each width tried; beyond it, by the amount of text alone."""


def column_widths(columns: Sequence[ColumnText], available: int, heights: Heights | None = None) -> list[int]:
    """The text width of each column, together at most ``available`` cells."""
    floor = [max(1, column.least, min(max(column.words, default=1), NARROWEST)) for column in columns]
    if sum(floor) >= available:
        return _shrunk(floor, available)
    fewest_splits = _share_out(columns, _fewest_split_words(columns, floor, available), available)
    if heights is None:
        return fewest_splits
    # Two ways to the shortest grid, from the fewest split words and from the narrowest
    # columns; each greedy, so the better of the two is kept.
    measure = _Measure(columns, heights)
    if fits_whole(columns, available):  # then no word is split at all
        return min(
            [fewest_splits, _share_out(columns, measure.shorten(fewest_splits, available), available)],
            key=measure.cost,
        )
    plans = [fewest_splits, _share_out(columns, measure.shorten(floor, available), available)]
    for share in SLACK:
        # The fewest split words in less room, then the rest where it shortens the rows most.
        tighter = _fewest_split_words(columns, floor, max(sum(floor), int(available * share)))
        plans.append(_share_out(columns, measure.shorten(tighter, available), available))
    return min(plans, key=measure.cost)


def _whole_words(columns: Sequence[ColumnText], floor: Sequence[int]) -> list[int]:
    return [max(f, *column.words) if column.words else f for f, column in zip(floor, columns, strict=True)]


def fits_whole(columns: Sequence[ColumnText], available: int) -> bool:
    """Whether every column can be as wide as its longest word."""
    return sum(max(column.words, default=1) for column in columns) <= available


def _fewest_split_words(columns: Sequence[ColumnText], floor: Sequence[int], available: int) -> list[int]:
    """Widths within ``available`` that split the fewest words, and those into the fewest pieces.

    A small knapsack: for each column only its floor and its word widths
    matter, since what is split changes only there. A word split over more
    lines costs more, so that no column is made so narrow that its words
    fall apart. Ties go to the narrowest total, which leaves the most room
    to share out.
    """
    whole = _whole_words(columns, floor)
    if sum(whole) <= available:
        return whole
    best: dict[int, tuple[int, tuple[int, ...]]] = {0: (0, ())}  # cells used: (split words, widths)
    for f, column in zip(floor, columns, strict=True):
        candidates = sorted({f, *(w for w in column.words if w > f)})
        counts = Counter(column.words)
        splits = {width: sum(n * (_pieces(w, width) - 1) for w, n in counts.items()) for width in candidates}
        following: dict[int, tuple[int, tuple[int, ...]]] = {}
        for used, (cost, widths) in best.items():
            for width in candidates:
                total = used + width
                if total > available:
                    break
                known = following.get(total)
                if known is None or cost + splits[width] < known[0]:
                    following[total] = (cost + splits[width], (*widths, width))
        best = following
    _, _, chosen = min((cost, used, widths) for used, (cost, widths) in best.items())
    return list(chosen)


class _Measure:
    """How tall the grid is at given widths: its rows' lines, plus ``SPLIT_COST`` per hyphenated line.

    Every extra line a hyphenated word takes counts as more lines of the
    grid, so that widths that keep words whole win over equally short ones
    that do not, and no column is made so narrow that its words fall apart.
    """

    def __init__(self, columns: Sequence[ColumnText], heights: Heights) -> None:
        self.columns = columns
        self.counts = [Counter(column.words) for column in columns]
        self.heights = heights
        self.known: dict[tuple[int, int], Sequence[int]] = {}

    def rows(self, column: int, width: int) -> Sequence[int]:
        if (column, width) not in self.known:
            self.known[column, width] = self.heights(column, width)
        return self.known[column, width]

    def cost(self, widths: Sequence[int]) -> int:
        cells = [self.rows(i, w) for i, w in enumerate(widths)]
        lines = sum(max(row, default=1) for row in zip(*cells, strict=False))
        extra = sum(
            n * (_pieces(word, w) - 1)
            for counts, w in zip(self.counts, widths, strict=False)
            for word, n in counts.items()
        )
        return lines + SPLIT_COST * extra

    def shorten(self, start: Sequence[int], available: int) -> list[int]:
        """From ``start``, give the cells left a few at a time to the column that saves most per cell."""
        widths = list(start)
        spare = available - sum(widths)
        while spare > 0:
            now = self.cost(widths)
            best: tuple[float, int, int] | None = None  # (saved per cell, column, cells)
            for i, column in enumerate(self.columns):
                for more in range(1, min(spare, column.longest_line - widths[i]) + 1):
                    saved = now - self.cost([*widths[:i], widths[i] + more, *widths[i + 1 :]])
                    if saved > 0:
                        if best is None or saved / more > best[0]:
                            best = (saved / more, i, more)
                        break
            if best is None:
                break
            _, i, more = best
            widths[i] += more
            spare -= more
        return widths


def _pieces(word: int, width: int) -> int:
    """Roughly how many lines a word ``word`` cells wide takes in a column ``width`` wide."""
    if word <= width:
        return 1
    return -(-word // max(1, width - 1))  # each piece but the last ends in a hyphen


def _share_out(columns: Sequence[ColumnText], widths: list[int], available: int) -> list[int]:
    """The cells ``widths`` leaves of ``available``, shared in proportion to each column's text.

    No column grows past its longest line.
    """
    widths = list(widths)
    spare = available - sum(widths)
    while spare > 0:
        growing = [i for i, column in enumerate(columns) if widths[i] < column.longest_line]
        if not growing:
            break
        total = sum(max(1, columns[i].amount) for i in growing)
        given = 0
        for i in growing:
            share = min(spare * max(1, columns[i].amount) // total, columns[i].longest_line - widths[i])
            widths[i] += share
            given += share
        if given == 0:  # the shares rounded down to nothing: one cell each, most text first
            for i in sorted(growing, key=lambda i: -columns[i].amount)[:spare]:
                widths[i] += 1
                given += 1
        spare -= given
    return widths


def _shrunk(floor: Sequence[int], available: int) -> list[int]:
    """The floor widths cut down evenly, widest first, until they fit ``available``."""
    widths = list(floor)
    while sum(widths) > available and max(widths) > 1:
        top = max(widths)
        count = widths.count(top)
        # All the widest down together by whole rounds, as far as the next width and the
        # excess allow: one cell at a time took seconds for a word of 100 KB.
        rounds = min(top - max((w for w in widths if w < top), default=1), (sum(widths) - available) // count)
        if rounds > 0:
            widths = [w - rounds if w == top else w for w in widths]
        else:
            widths[widths.index(top)] -= 1
    return widths
