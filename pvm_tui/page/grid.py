"""A table of the template: the partner column, then each side headed over its four columns.

Both sides side by side make the template's grid; one side alone is half
of it, for the layout that stacks the two (``pvm_tui.page``). The lines are
drawn here rather than with Rich's ``Table``: a table cannot span a heading
over several columns, and laying the grid out once with its own wrapping
(which hyphenates) is also what keeps `pvm show` quick.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, COLUMN_BY_KEY, NAME_COLUMN, SIDES, Column, Matrix
from pvm_tui.page.lines import Line, padded, styled
from pvm_tui.page.measure import Table, table, widths
from pvm_tui.page.parts import balance_piece, facts_lines, name_lines
from pvm_tui.wrap import wrap

PADDING = 1  # spaces either side of a cell's text
HEADING = "bold"
BORDER = "dim"

Cell = list[Line]


@dataclass(frozen=True)
class Box:
    """The characters of the grid's lines."""

    horizontal: str
    vertical: str
    top: tuple[str, str, str]  # left, join, right
    middle: tuple[str, str, str]
    bottom: tuple[str, str, str]


UNICODE_BOX = Box("─", "│", ("┌", "┬", "┐"), ("├", "┼", "┤"), ("└", "┴", "┘"))
ASCII_BOX = Box("-", "|", ("+", "+", "+"), ("+", "+", "+"), ("+", "+", "+"))


def columns_of(sides: Sequence[str]) -> tuple[Column, ...]:
    """The partner column and the four columns of each of ``sides``, left to right."""
    return (NAME_COLUMN, *(COLUMN_BY_KEY[f"{side}.{category}"] for side in sides for category in CATEGORIES))


def overhead(sides: int = len(SIDES)) -> int:
    """Cells a table of ``sides`` sides spends on lines and padding.

    A line and a padded cell per column, and one line more at the right edge.
    """
    columns = 1 + len(CATEGORIES) * sides
    return columns + 1 + 2 * PADDING * columns


def matrix_grid(
    matrix: Matrix,
    labels: Labels,
    width: int,
    *,
    sides: Sequence[str] = SIDES,
    ascii_only: bool = False,
    measured: Table | None = None,
    text_widths: Sequence[int] | None = None,
    facts: bool = True,
) -> list[Line]:
    """The table of ``sides`` at ``width`` cells; headings even with no partner.

    ``measured`` and ``text_widths`` are given when already known (the
    stacked tables line up their partner columns); ``facts`` False leaves
    the balance marker and the facts out of the partner cells.
    """
    box = ASCII_BOX if ascii_only else UNICODE_BOX
    t = measured or table(matrix, labels, columns_of(sides))
    sizes = list(text_widths or widths(t, matrix.language, max(len(t.columns), width - overhead(len(sides)))))
    groups = [sizes[1 + len(CATEGORIES) * n : 1 + len(CATEGORIES) * (n + 1)] for n in range(len(sides))]
    language = matrix.language

    def rule(ends: tuple[str, str, str], parts: Sequence[Sequence[int]], first: str | None = None) -> Line:
        left, join, right = ends
        inner = [join.join(box.horizontal * (w + 2 * PADDING) for w in part) for part in parts]
        return [((left if first is None else first) + join.join(inner) + right, BORDER)]

    spans = [sizes[0], *(_span(group) for group in groups)]
    headings = [
        _heading(labels.column_heading(c), w, labels.code) for c, w in zip(t.columns, sizes, strict=True)
    ]
    side_headings = [
        _heading(labels.sides[side], w, labels.code) for side, w in zip(sides, spans[1:], strict=True)
    ]
    blank = " " * PADDING
    under_sides: Line = [(box.vertical, BORDER), (blank, ""), (" " * sizes[0], ""), (blank, "")]
    under_sides += rule(box.middle, groups, first=box.middle[0])
    heading = [
        *_row([[], *side_headings], spans, box),
        under_sides,
        *_row([[], *headings[1:]], sizes, box),
    ]
    for index, line in enumerate(headings[0][: len(heading)]):
        heading[index] = _overlay_first_cell(heading[index], line, sizes[0], box)

    lines = [rule(box.top, [[span] for span in spans]), *heading]
    for partner, row in zip(matrix.partners, t.rows, strict=True):
        lines.append(rule(box.middle, [[sizes[0]], *groups]))
        name = name_lines(partner, labels, sizes[0], language)
        if facts:
            balance, balance_style = balance_piece(partner, labels)
            name += styled(wrap(balance, sizes[0], labels.code), balance_style)
            name += facts_lines(partner, labels, sizes[0])
        cells = [
            styled(wrap(text, w, language)) if text else []
            for text, w in zip(row[1:], sizes[1:], strict=True)
        ]
        lines.extend(_row([name, *cells], sizes, box))
    lines.append(rule(box.bottom, [[sizes[0]], *groups]))
    return lines


def _heading(text: str, width: int, language: str) -> Cell:
    return styled(wrap(text, width, language), HEADING)


def _row(cells: Sequence[Cell], widths: Sequence[int], box: Box) -> list[Line]:
    """One row of cells side by side, as many lines high as its tallest cell."""
    height = max(1, *(len(cell) for cell in cells))
    pad = (" " * PADDING, "")
    # A cell that has ended is blank to the row's end: made once, for a cell of 100 KB
    # makes a row of thousands of lines.
    blank = [[pad, *padded([], width), pad, (box.vertical, BORDER)] for width in widths]
    result = []
    for index in range(height):
        line: Line = [(box.vertical, BORDER)]
        for cell, width, empty in zip(cells, widths, blank, strict=True):
            if index < len(cell):
                line += [pad, *padded(cell[index], width), pad, (box.vertical, BORDER)]
            else:
                line += empty
        result.append(line)
    return result


def _overlay_first_cell(line: Line, content: Line, width: int, box: Box) -> Line:
    """``line`` (whose first cell is blank) with ``content`` written into that cell."""
    # A drawn line starts: the border, the padding, the cell's text (one padded piece or more).
    rest = list(line[2:])
    used = 0
    while rest and used < width:
        used += cell_len(rest.pop(0)[0])
    return [line[0], line[1], *padded(content, width), *rest]


def _span(widths: Sequence[int]) -> int:
    """The text width of a heading over ``widths`` columns and the lines between them."""
    return sum(widths) + (len(widths) - 1) * (2 * PADDING + 1)
