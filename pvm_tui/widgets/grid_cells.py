"""What each cell and column heading of the grid shows: harmless ``rich.text.Text``, never markup.

Compact rows show each cell on one line, shortened with an ellipsis; whole
text rows show every word, wrapped to the column, with the group's ``│`` on
every line. A plain ``str`` would be parsed as markup by the table and a
control character could work on the terminal, so every cell is ``Text``
made from ``harmless`` text.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, Balance, Column, Partner
from pvm_tui.text import harmless, one_line, shorten

NAME_WIDTH = 22
CELL_WIDTH = 18
WIDTHS: tuple[int, ...] = tuple(NAME_WIDTH if column.side is None else CELL_WIDTH for column in COLUMNS)
"""The width of each column in compact mode, left to right."""

MIN_WIDTH = 8
"""The narrowest a column gets in whole-text mode: its heading still says what it is."""

GROUP_STYLES = {"brings": "bold #3fa34d", "gets": "bold #3b8fd9"}
MARKERS = {
    Balance.BALANCED: ("●", "bold #3fa34d"),
    Balance.BRINGS_ONLY: ("◐", "bold #d9a21b"),
    Balance.GETS_ONLY: ("◑", "bold #d9a21b"),
    Balance.EMPTY: ("○", "dim"),
}
"""The balance marker before each partner's name: left half filled = only brings
(the left group), right half filled = only gets."""


def _starts_group(column: Column) -> bool:
    return column.category == "resources"


def _lead(column: Column) -> str:
    """What a cell's every line starts with: the group's bar, or a space."""
    return "│ " if _starts_group(column) else " "


def cell_text(partner: Partner, column: Column, labels: Labels, width: int = 0) -> Text:
    """One line of a compact row, shortened with an ellipsis to ``width`` cells."""
    width = width or (NAME_WIDTH if column.side is None else CELL_WIDTH)
    text = Text(no_wrap=True, end="")
    if column.side is None:
        marker, style = MARKERS[partner.balance]
        text.append(f" {marker} ", style)
        name = partner.name if partner.name.strip() else labels.unnamed_partner
        name_style = "" if partner.name.strip() else "dim italic"
        text.append(shorten(one_line(name), width - 4), name_style)
        return text
    text.append(_lead(column), GROUP_STYLES[column.side])
    text.append(shorten(one_line(partner.cell(column)), width - len(text) - 1))
    return text


def whole_cell(partner: Partner, column: Column, labels: Labels, width: int) -> Text:
    """Every word of a cell, wrapped to ``width`` cells, one ``Text`` line per screen line."""
    if column.side is None:
        marker, style = MARKERS[partner.balance]
        name = partner.name if partner.name.strip() else labels.unnamed_partner
        name_style = "" if partner.name.strip() else "dim italic"
        lines = wrap(harmless(name), width - 4)
        text = Text(no_wrap=True, end="")
        for number, line in enumerate(lines):
            if number:
                text.append("\n   ")
            else:
                text.append(f" {marker} ", style)
            text.append(line, name_style)
        return text
    lead, style = _lead(column), GROUP_STYLES[column.side]
    lines = wrap(harmless(partner.cell(column)), width - len(lead) - 1)
    text = Text(no_wrap=True, end="")
    for number, line in enumerate(lines):
        if number:
            text.append("\n")
        text.append(lead, style)
        text.append(line)
    return text


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells at spaces (at least one line).

    Line breaks in the text are kept; a word wider than the column is cut
    into pieces. Plain greedy filling, because measuring every cell of a
    large matrix with Rich took longer than the grid may take to switch
    modes; it measures with Rich's ``cell_len``, so the lines fit exactly.
    """
    width = max(width, 1)
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n"):
        line, used = "", 0
        for word in paragraph.split():
            size = cell_len(word)
            if line and used + 1 + size <= width:
                line += " " + word
                used += 1 + size
                continue
            if line:
                lines.append(line)
            while size > width:
                piece = _fit(word, width)
                lines.append(piece)
                word = word[len(piece) :]
                size = cell_len(word)
            line, used = word, size
        lines.append(line)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def _fit(word: str, width: int) -> str:
    """The longest start of ``word`` that fits in ``width`` cells (at least one character)."""
    end = min(len(word), width)
    while end > 1 and cell_len(word[:end]) > width:
        end -= 1
    return word[:end]


def whole_widths(partners: Sequence[Partner], available: int) -> tuple[int, ...]:
    """Column widths for whole-text rows in ``available`` cells.

    Each column gets room in proportion to the text it holds, but never
    less than ``MIN_WIDTH`` (an empty column stays, narrow, with its
    heading) and never more than its longest text needs.
    """
    need = [0] * len(COLUMNS)
    for partner in partners[:2000]:  # a sample is enough to share out the room
        for index, column in enumerate(COLUMNS):
            need[index] += len(partner.cell(column))
    longest = [MIN_WIDTH] * len(COLUMNS)
    for partner in partners[:2000]:
        for index, column in enumerate(COLUMNS):
            longest[index] = max(longest[index], cell_len(one_line(partner.cell(column))) + 4)
    name = min(NAME_WIDTH, longest[0])
    rest = list(range(1, len(COLUMNS)))
    room = max(available - name, MIN_WIDTH * len(rest))
    widths = {index: MIN_WIDTH for index in rest}
    spare = room - MIN_WIDTH * len(rest)
    open_columns = [index for index in rest if longest[index] > MIN_WIDTH]
    while spare > 0 and open_columns:
        total = sum(max(need[index], 1) for index in open_columns)
        given = 0
        for index in open_columns:
            share = max(1, spare * max(need[index], 1) // total)
            share = min(share, longest[index] - widths[index], spare - given)
            widths[index] += share
            given += share
        spare -= given
        open_columns = [index for index in open_columns if widths[index] < longest[index]]
        if given == 0:
            break
    return (name, *(widths[index] for index in rest))


def column_label(column: Column, labels: Labels, widths: Sequence[int] = WIDTHS) -> Text:
    """Two header lines: the side's heading spread over its four columns, then the category."""
    label = Text(no_wrap=True, end="")
    if column.side is None:
        label.append("\n")
        label.append(f" {labels.partner}", "bold")
        return label
    index = COLUMNS.index(column)
    width = widths[index]
    style = GROUP_STYLES[column.side]
    group = [position for position, other in enumerate(COLUMNS) if other.side == column.side]
    banner_width = sum(widths[position] for position in group)
    heading = shorten(labels.sides[column.side], banner_width - 4)
    banner = f"│ {heading} ".ljust(banner_width, "─")
    start = sum(widths[position] for position in group if position < index)
    label.append(banner[start : start + width], style)
    label.append("\n")
    label.append(_lead(column), style)
    label.append(shorten(labels.categories[column.category or ""], width - 3), style.replace("bold ", ""))
    return label
