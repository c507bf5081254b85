"""The partner card laid out as lines: a hint, a grid of three columns, the agreements, the company.

The card draws itself (``partner_card.py``) instead of being a grid of
``Static`` widgets: Textual lays out the whole screen again whenever a
widget's text changes its size, twice per move in practice, and that made
every cursor move to another partner cost 60 ms or more. Laying out the
card here, as lines of a known width, turns such a move into a repaint of
the card alone, and tells the card where every cell stands, so that it can
scroll to the selected one at once and put the cell editor in its place.

The grid reads across: the category, then *what they bring*, then *what
they get*, one space between them. The first column is as wide as its
widest word; the other two share the rest equally.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region
from textual.strip import Strip

GUTTER = 1
"""Blank columns between the grid's columns."""


@dataclass(frozen=True)
class CardStyles:
    """The styles the card's stylesheet gives its parts (as Rich styles)."""

    base: Style = field(default_factory=Style)
    selected: Style = field(default_factory=Style)
    rule: Style = field(default_factory=Style)
    company: Style = field(default_factory=Style)


@dataclass(frozen=True)
class CardContent:
    """What the card shows: ``rows`` are (label, brings, gets) triples; ``cells`` maps a column to its place.

    ``cells[column] = (row, side)`` where side 1 is the middle (brings)
    column and 2 the right one (gets). The row ``editing`` reserves
    ``editor_height`` lines for the cell editor in the selected cell's place.
    """

    hint: Text | None
    rows: tuple[tuple[Text, Text, Text], ...]
    cells: dict[int, tuple[int, int]]
    selected: int | None
    agreements: Text | None
    company: Text | None
    editing: bool = False
    editor_height: int = 1


@dataclass
class CardLines:
    """The card as lines of one width, and where each cell stands among them."""

    lines: list[Strip]
    cells: dict[int, Region]
    """Each column's cell, as a region of the lines (x, first line, width, height)."""


def lay_out(content: CardContent, width: int, styles: CardStyles, console: Console) -> CardLines:
    """The lines of ``content`` at ``width`` columns, and the regions of its cells."""
    options = console.options.update(
        width=width, height=None, no_wrap=False, overflow="fold", highlight=False
    )
    lines: list[Strip] = []
    blank = Strip([Segment(" " * width, styles.base)], width) if width > 0 else Strip.blank(0)
    if content.hint is not None:
        lines += _block(content.hint, width, styles.base, console, options)
        if content.rows:
            lines.append(blank)
    cells: dict[int, Region] = {}
    if content.rows:
        widths = _column_widths(content.rows, width)
        where = {place: column for column, place in content.cells.items()}
        for row_index, row in enumerate(content.rows):
            top = len(lines)
            rendered: list[list[Strip]] = []
            for side, text in enumerate(row):
                column = where.get((row_index, side))
                selected = column is not None and column == content.selected
                style = styles.base + styles.selected if selected else styles.base
                cell_lines = _block(text, widths[side], style, console, options)
                if selected and content.editing:
                    cell_lines = [Strip.blank(widths[side], styles.base)] * content.editor_height
                rendered.append(cell_lines)
            height = max(len(cell) for cell in rendered)
            x = 0
            for side, cell_lines in enumerate(rendered):
                column = where.get((row_index, side))
                if column is not None:
                    cells[column] = Region(x, top, widths[side], len(cell_lines))
                x += widths[side] + GUTTER
            gutter = Strip.blank(GUTTER, styles.base)
            for line in range(height):
                parts: list[Strip] = []
                for side, cell_lines in enumerate(rendered):
                    if side:
                        parts.append(gutter)
                    parts.append(
                        cell_lines[line] if line < len(cell_lines) else Strip.blank(widths[side], styles.base)
                    )
                lines.append(Strip.join(parts))
    if content.agreements is not None:
        lines.append(blank)
        lines += _block(content.agreements, width, styles.base, console, options)
    if content.company is not None and content.company.plain:
        lines.append(blank)
        lines.append(Strip([Segment("─" * width, styles.base + styles.rule)], width))
        lines.append(blank)
        lines += _block(content.company, width, styles.base + styles.company, console, options)
    return CardLines(lines, cells)


def _column_widths(rows: tuple[tuple[Text, Text, Text], ...], width: int) -> tuple[int, int, int]:
    """The label column as wide as its widest line; the two sides share the rest equally.

    Equally to the column: the cell editor then has the same width in every
    cell, so its text wraps once, when it is loaded, and the card knows its
    height before it is drawn.
    """
    label = max((line.cell_len for row in rows for line in row[0].split("\n")), default=0)
    label = min(label, max(0, width // 3))
    side = max(0, width - label - 2 * GUTTER) // 2
    return label, side, side


_BLOCKS: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(1024)
"""Blocks already wrapped: showing a partner again, or the same one after an edit, wraps little."""


def _block(text: Text, width: int, style: Style, console: Console, options: ConsoleOptions) -> list[Strip]:
    """``text`` wrapped to ``width``, each line padded to it in ``style`` (at least one line)."""
    if width <= 0:
        return [Strip.blank(0)]
    key = (text.plain, tuple(text.spans), text.style, text.end, width, style, id(console))
    made = _BLOCKS.get(key)
    if made is None:
        made = _BLOCKS[key] = _wrapped(text, width, style, console, options)
    return made


def _wrapped(text: Text, width: int, style: Style, console: Console, options: ConsoleOptions) -> list[Strip]:
    rendered = console.render_lines(text, options.update_width(width), style=style, pad=True, new_lines=False)
    return [Strip(segments, width) for segments in rendered] or [Strip.blank(width, style)]
