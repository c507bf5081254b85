"""The wide layout: the template's grid, each side headed over its four columns.

The lines are drawn here rather than with Rich's ``Table``: a table cannot
span a heading over several columns, and laying the grid out once with its
own wrapping (which hyphenates) is also what keeps `pvm show` quick.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len

from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, SIDES, Matrix
from pvm_tui.page.lines import Line, padded, styled
from pvm_tui.page.parts import balance_piece, facts_lines, name_lines
from pvm_tui.page.widths import MEASURED_ROWS, ColumnText, column_widths, fits_whole
from pvm_tui.text import harmless
from pvm_tui.wrap import least_width, words, wrap

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


def overhead() -> int:
    """Cells the grid spends on lines and padding: ten lines, nine padded cells."""
    return len(COLUMNS) + 1 + 2 * PADDING * len(COLUMNS)


def matrix_grid(matrix: Matrix, labels: Labels, width: int, *, ascii_only: bool = False) -> list[Line]:
    box = ASCII_BOX if ascii_only else UNICODE_BOX
    texts = [[harmless(partner.cell(column)) for column in COLUMNS[1:]] for partner in matrix.partners]
    widths = _widths(matrix, labels, texts, width)
    brings, gets = widths[1:5], widths[5:9]
    language = matrix.language

    def rule(ends: tuple[str, str, str], groups: Sequence[Sequence[int]], first: str | None = None) -> Line:
        left, join, right = ends
        inner = [join.join(box.horizontal * (w + 2 * PADDING) for w in group) for group in groups]
        return [((left if first is None else first) + join.join(inner) + right, BORDER)]

    spans = [widths[0], _span(brings), _span(gets)]
    headings = [
        _heading(labels.column_heading(column), w, labels.code)
        for column, w in zip(COLUMNS, widths, strict=False)
    ]
    sides = [_heading(labels.sides[side], w, labels.code) for side, w in zip(SIDES, spans[1:], strict=False)]
    blank = " " * PADDING
    under_sides: Line = [(box.vertical, BORDER), (blank, ""), (" " * widths[0], ""), (blank, "")]
    under_sides += rule(box.middle, [brings, gets], first=box.middle[0])
    heading = [
        *_row([[], *sides], spans, box),
        under_sides,
        *_row([[], *headings[1:]], widths, box),
    ]
    for index, line in enumerate(headings[0][: len(heading)]):
        heading[index] = _overlay_first_cell(heading[index], line, widths[0], box)

    lines = [rule(box.top, [[spans[0]], [spans[1]], [spans[2]]]), *heading]
    for partner, row in zip(matrix.partners, texts, strict=True):
        lines.append(rule(box.middle, [[widths[0]], brings, gets]))
        balance, balance_style = balance_piece(partner, labels)
        name = [
            *name_lines(partner, labels, widths[0], language),
            *styled(wrap(balance, widths[0], labels.code), balance_style),
            *facts_lines(partner, labels, widths[0]),
        ]
        cells = [
            styled(wrap(text, w, language)) if text else [] for text, w in zip(row, widths[1:], strict=False)
        ]
        lines.extend(_row([name, *cells], widths, box))
    lines.append(rule(box.bottom, [[widths[0]], brings, gets]))
    return lines


def _widths(matrix: Matrix, labels: Labels, texts: list[list[str]], width: int) -> list[int]:
    name_texts = [
        "\n".join(
            [
                harmless(labels.partner_name(p.name)),
                balance_piece(p, labels)[0],
                labels.partner_facts(p.status, p.influence),
            ]
        ).rstrip("\n")
        for p in matrix.partners
    ]
    columns = []
    every_word: list[list[tuple[str, str]]] = []
    for index, column in enumerate(COLUMNS):
        cells = name_texts if index == 0 else [row[index - 1] for row in texts]
        heading = labels.column_heading(column)
        texts_words = [(word, labels.code) for word in words(heading)]
        texts_words += [(word, matrix.language) for text in cells for word in words(text)]
        lines = [cell_len(line.expandtabs(4)) for text in [heading, *cells] for line in text.split("\n")]
        amount = sum(cell_len(text) for text in cells)
        sizes = [cell_len(word) for word, _ in texts_words]
        columns.append(ColumnText(sizes, max(lines, default=1), amount))
        every_word.append(texts_words)
    available = max(len(COLUMNS), width - overhead())
    if not fits_whole(columns, available):
        # Some words must be hyphenated: no column narrower than its widest syllable.
        columns = [
            replace(column, least=max((least_width(*word) for word in set(found)), default=1))
            for column, found in zip(columns, every_word, strict=True)
        ]
    heights = None
    if len(matrix.partners) <= MEASURED_ROWS:
        every_cell = (
            [[name_texts[r] for r in range(len(texts))], *zip(*texts, strict=False)]
            if texts
            else [[]] * len(COLUMNS)
        )

        def heights(index: int, size: int) -> list[int]:
            return [len(wrap(text, size, matrix.language)) if text else 0 for text in every_cell[index]]

    return column_widths(columns, available, heights)


def _heading(text: str, width: int, language: str) -> Cell:
    return styled(wrap(text, width, language), HEADING)


def _row(cells: Sequence[Cell], widths: Sequence[int], box: Box) -> list[Line]:
    """One row of cells side by side, as many lines high as its tallest cell."""
    height = max(1, *(len(cell) for cell in cells))
    result = []
    for index in range(height):
        line: Line = [(box.vertical, BORDER)]
        for cell, width in zip(cells, widths, strict=True):
            text = cell[index] if index < len(cell) else []
            line += [(" " * PADDING, ""), *padded(text, width), (" " * PADDING, ""), (box.vertical, BORDER)]
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
