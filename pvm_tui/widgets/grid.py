"""The matrix as a table: one row per partner, the name then four *brings* and four *gets* columns.

The grid only shows; the App owns the matrix and tells the grid what
changed. Rows are keyed by the partner's identity (``Partner.key``), so an
edit updates one row, and adding, deleting or moving a partner touches only
that partner's row and the order of the rows: the table is never rebuilt
for an edit. Every cell and label is a ``rich.text.Text`` made from
harmless, one-line text, because a plain ``str`` would be parsed as markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual._two_way_dict import TwoWayDict  # Textual is pinned exactly; see _place_rows
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowDoesNotExist, RowKey

from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, Balance, Column, Matrix, Partner
from pvm_tui.text import one_line, shorten

NAME_WIDTH = 22
CELL_WIDTH = 18

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


def cell_text(partner: Partner, column: Column, labels: Labels) -> Text:
    """What one cell of the grid shows: one line, shortened with an ellipsis, never markup."""
    if column.side is None:
        marker, style = MARKERS[partner.balance]
        name = partner.name if partner.name.strip() else labels.unnamed_partner
        text = Text(no_wrap=True, end="")
        text.append(f" {marker} ", style)
        name_style = "" if partner.name.strip() else "dim italic"
        text.append(shorten(one_line(name), NAME_WIDTH - 4), name_style)
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


class MatrixGrid(DataTable[Text]):
    """A DataTable of partners that the App updates row by row."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            cursor_type="cell",
            header_height=2,
            cell_padding=0,
            fixed_columns=1,
            zebra_stripes=True,
            show_row_labels=False,
            **kwargs,  # type: ignore[arg-type]
        )
        self.labels: Labels | None = None
        self.shown: set[int] | None = None
        """The partner keys a filter lets through, or None when every partner is shown."""

    # -- building -------------------------------------------------------------

    def show_matrix(self, matrix: Matrix, labels: Labels) -> None:
        """Fill the table from scratch: when a matrix opens, and when a filter changes."""
        self.labels = labels
        self.clear(columns=not self.columns)
        if not self.columns:
            for column in COLUMNS:
                width = NAME_WIDTH if column.side is None else CELL_WIDTH
                self.add_column(column_label(column, labels), width=width, key=column.key)
        for partner in matrix.partners:
            if self.is_shown(partner.key):
                self._add(partner)

    def relabel(self, labels: Labels, matrix: Matrix) -> None:
        """New column headings and placeholders after a language switch; rows stay."""
        self.labels = labels
        for column in COLUMNS:
            self.columns[ColumnKey(column.key)].label = column_label(column, labels)
        for partner in matrix.partners:
            if not partner.name.strip() and self.row_of(partner.key) is not None:
                self.show_cells(partner, (COLUMNS[0],))
        self._clear_caches()
        self.refresh()

    def is_shown(self, key: int) -> bool:
        return self.shown is None or key in self.shown

    # -- what the App tells the grid ------------------------------------------

    def show_cells(self, partner: Partner, columns: Iterable[Column]) -> None:
        """Redraw some cells of one partner; the name cell too, as its balance marker may change."""
        assert self.labels is not None
        row = str(partner.key)
        done = set()
        for column in (COLUMNS[0], *columns):
            if column.key not in done:
                done.add(column.key)
                self.update_cell(row, column.key, cell_text(partner, column, self.labels))

    def sync(self, old: Matrix, new: Matrix, reveal: Iterable[int] = ()) -> bool:
        """Make the rows show ``new`` where it differs from ``old``; True when rows came, went or moved.

        Only changed partners are redrawn (compared by identity first, which
        is how the model shares untouched partners between versions).
        ``reveal`` are partners to show even if a filter hides them: where
        an undo takes the cursor.
        """
        revealed = False
        if self.shown is not None:
            for key in reveal:
                if key not in self.shown:
                    self.shown.add(key)
                    revealed = True
        old_keys = [partner.key for partner in old.partners]
        new_keys = [partner.key for partner in new.partners]
        if old_keys == new_keys and not revealed:
            for before, after in zip(old.partners, new.partners, strict=True):
                if before is not after and before != after and self.is_shown(after.key):
                    self.show_cells(after, COLUMNS)
            return False
        kept = set(new_keys)
        for key in old_keys:
            if key not in kept and self.row_of(key) is not None:
                self.remove_row(str(key))
        known: dict[int, Partner] = {partner.key: partner for partner in old.partners}
        for partner in new.partners:
            previous = known.get(partner.key)
            if previous is None and self.shown is not None:
                # A partner added while filtering stays in view until the filter changes.
                self.shown.add(partner.key)
            if not self.is_shown(partner.key):
                continue
            if self.row_of(partner.key) is None:
                self._add(partner)
            elif previous is not partner:
                self.show_cells(partner, COLUMNS)
        self._place_rows([partner.key for partner in new.partners if self.is_shown(partner.key)])
        return True

    # -- positions ------------------------------------------------------------

    def key_at(self, row: int) -> int | None:
        """The partner key of a grid row, or None when there is no such row."""
        if not 0 <= row < self.row_count:
            return None
        row_key = self.coordinate_to_cell_key(Coordinate(row, 0)).row_key
        return int(row_key.value or 0)

    def row_of(self, key: int) -> int | None:
        try:
            return self.get_row_index(str(key))
        except RowDoesNotExist:
            return None

    def keys_in_view(self) -> list[int]:
        """The partner keys of the rows, top to bottom."""
        keys = (self._row_locations.get_key(row) for row in range(self.row_count))
        return [int(key.value or 0) for key in keys if key is not None]

    def show_step(self, step: int) -> None:
        """Scroll sideways so that a step's columns start right after the (fixed) partner column."""
        first = next(index for index, column in enumerate(COLUMNS) if column.step == step)
        offset = sum(self.ordered_columns[index].get_render_width(self) for index in range(1, first))
        self.scroll_to(x=offset, animate=False, immediate=True)

    # -- internals ------------------------------------------------------------

    def _add(self, partner: Partner) -> None:
        assert self.labels is not None
        labels = self.labels
        self.add_row(*(cell_text(partner, column, labels) for column in COLUMNS), key=str(partner.key))

    def _place_rows(self, keys: list[int]) -> None:
        """Put the rows in this order, in one pass.

        DataTable can only append rows, and its ``sort`` orders by cell
        values; the order of the partners is the user's, so the row
        locations are set directly (the same thing ``sort`` does inside).
        """
        self._row_locations = TwoWayDict({RowKey(str(key)): index for index, key in enumerate(keys)})
        self._update_count += 1
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        self.refresh()
