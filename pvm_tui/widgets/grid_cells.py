"""What each cell and column heading of the grid shows: one line of harmless text, never markup.

Every cell is a ``rich.text.Text`` made from the partner's text with
``one_line`` and ``shorten``, because a plain ``str`` would be parsed as
markup and a control character could work on the terminal.
"""

from __future__ import annotations

from rich.text import Text

from pvm_tui import balance_marks
from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, Column, Partner
from pvm_tui.text import one_line, shorten

NAME_WIDTH = 22
CELL_WIDTH = 18
WIDTHS: tuple[int, ...] = tuple(NAME_WIDTH if column.side is None else CELL_WIDTH for column in COLUMNS)
"""The width of each column, left to right."""

GROUP_STYLES = {"brings": "bold #3fa34d", "gets": "bold #3b8fd9"}


def _starts_group(column: Column) -> bool:
    return column.category == "resources"


def cell_text(partner: Partner, column: Column, labels: Labels) -> Text:
    """What one cell of the grid shows: one line, shortened with an ellipsis, never markup."""
    if column.side is None:
        # The balance marker: a shape and a letter, so it reads without colour (balance_marks.py).
        marker = balance_marks.short(partner.balance, labels)
        name = partner.name if partner.name.strip() else labels.unnamed_partner
        text = Text(no_wrap=True, end="")
        text.append(f" {marker} ", balance_marks.style(partner.balance))
        name_style = "" if partner.name.strip() else "dim italic"
        text.append(shorten(one_line(name), NAME_WIDTH - len(marker) - 3), name_style)
        return text
    text = Text(no_wrap=True, end="")
    text.append("│ " if _starts_group(column) else " ", GROUP_STYLES[column.side])
    text.append(shorten(one_line(partner.cell(column)), CELL_WIDTH - len(text) - 1))
    return text


def column_label(column: Column, labels: Labels) -> Text:
    """Two header lines: the side's heading spread over its four columns, then the category."""
    label = Text(no_wrap=True, end="")
    if column.side is None:
        label.append("\n")
        label.append(f" {labels.partner}", "bold")
        return label
    style = GROUP_STYLES[column.side]
    group = [other for other in COLUMNS if other.side == column.side]
    banner_width = CELL_WIDTH * len(group)
    heading = shorten(labels.sides[column.side], banner_width - 4)
    banner = f"│ {heading} ".ljust(banner_width, "─")
    start = group.index(column) * CELL_WIDTH
    label.append(banner[start : start + CELL_WIDTH], style)
    label.append("\n")
    label.append("│ " if _starts_group(column) else " ", style)
    label.append(
        shorten(labels.categories[column.category or ""], CELL_WIDTH - 3), style.replace("bold ", "")
    )
    return label
