"""The matrix as a ``DataTable``: one row per partner, the name, four *brings* and four *gets*.

The grid only shows; the App owns the matrix and tells the grid what
changed. Two modes (``w``): compact rows of one line each, and whole-text
rows where every cell is wrapped to its column and a row is as tall as its
tallest cell. Cells are ``rich.text.Text`` (``grid_cells.py``), never markup.

A stock ``DataTable`` draws every visible cell again after any change. This
one keeps its render caches across its own public calls and forgets the
drawings of exactly the rows that changed (``textual_internals.py``), so a
committed edit draws one row, and adding, deleting or moving a partner the
rows that changed place. Taking or losing the focus draws nothing again
unless the grid looks different.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from pvm_tui import textual_internals as internals
from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, Matrix, Partner, influence_rank
from pvm_tui.widgets import whole_rows
from pvm_tui.widgets.grid_cells import (
    CELL_WIDTH,
    GROUP_STYLES,
    NAME_WIDTH,
    WIDTHS,
    CellMaker,
    GridCell,
    RowCells,
    as_text,
    column_label,
    whole_widths,
)
from pvm_tui.widgets.grid_rows import PartnerRow

__all__ = ["CELL_WIDTH", "GROUP_STYLES", "NAME_WIDTH", "MatrixGrid"]

HEADER_HEIGHT = 2
LAST_COLUMN = len(COLUMNS) - 1
SCROLLBAR = 1
"""The width of the vertical scrollbar (``scrollbar-size`` in the stylesheet)."""

_KEY = attrgetter("key")

CURSOR_HERE: dict[str, str] = {}
"""The grid has the keys: the cursor in DataTable's own styles."""
CURSOR_AWAY = {"datatable--cursor": "grid--cursor-away", "datatable--fixed-cursor": "grid--fixed-cursor-away"}
"""A dialog or the filter has the keys: a dim cursor."""
CURSOR_OPEN = {"datatable--cursor": "grid--cell-open", "datatable--fixed-cursor": "grid--fixed-cursor-away"}
"""The cursor's cell is open in the cell editor: the accent mark."""


class MatrixGrid(internals.KeptDrawingsTable[GridCell]):
    """A table of partners that the App updates row by row."""

    # The grid looks the same with the keys and without them (DataTable's own tints itself
    # while focused): a new look on focus would draw every line of it again at every edit,
    # since the cell editor takes the keys and gives them back. Where the keys are shows in
    # the cursor alone (``cursor_look``): the block cursor while the grid has them, the
    # accent mark while its cell is open in the card, a dim cursor while a dialog or the
    # filter has them.
    DEFAULT_CSS = """
    MatrixGrid, MatrixGrid:focus {
        background: $surface;
        color: $foreground;
        background-tint: $foreground 5%;
    }
    MatrixGrid > .datatable--header, MatrixGrid:focus > .datatable--header {
        text-style: bold;
        background: $panel;
        color: $foreground;
        background-tint: $foreground 5%;
    }
    MatrixGrid:ansi > .datatable--header, MatrixGrid:ansi:focus > .datatable--header {
        background: ansi_bright_blue;
        color: ansi_default;
    }
    MatrixGrid > .datatable--cursor, MatrixGrid:focus > .datatable--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    MatrixGrid > .datatable--fixed-cursor, MatrixGrid:focus > .datatable--fixed-cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
    }
    MatrixGrid {
        & > .datatable--fixed {
            background: $secondary-muted;
            color: $foreground;
        }
        & > .grid--cursor-away {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .grid--fixed-cursor-away {
            background: $block-cursor-blurred-background;
            color: $foreground;
        }
        /* The cell open in the editor stands out in the grid, at every size (at 20x8 the
           panel has no room). */
        & > .grid--cell-open {
            background: $accent;
            color: $text;
            text-style: bold;
        }
        & > .grid--changed {
            background: $warning 30%;
            text-style: bold;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = DataTable.COMPONENT_CLASSES | {
        "grid--changed",
        "grid--cursor-away",
        "grid--fixed-cursor-away",
        "grid--cell-open",
    }

    class CellClicked(Message):
        """The cursor moved to a cell by a mouse click (the App moves it for every key)."""

        def __init__(self, grid: MatrixGrid, coordinate: Coordinate) -> None:
            super().__init__()
            self.grid = grid
            self.coordinate = coordinate

        @property
        def control(self) -> MatrixGrid:
            return self.grid

    class WholeRows(Message):
        """Whole-text rows are being made while compact rows show: ``done`` of ``total`` partners.

        The last one says they show (``done == total``).
        """

        def __init__(self, grid: MatrixGrid, done: int, total: int) -> None:
            super().__init__()
            self.grid = grid
            self.done = done
            self.total = total

        @property
        def control(self) -> MatrixGrid:
            return self.grid

    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            show_row_labels=False,
            fixed_columns=1,
            zebra_stripes=True,
            header_height=HEADER_HEIGHT,
            cell_padding=0,
            cursor_type="cell",
            # The cursor's colours win over a cell's own (a cell marked as changed from outside).
            cursor_background_priority="css",
            **kwargs,
        )
        self.labels: Labels | None = None
        self.shown: set[int] | None = None
        """The partner keys a filter lets through, or None when every partner is shown."""
        self.whole = False
        """Whole-text rows (every word of every cell) rather than one line per partner."""
        self.making_whole = False
        """Whole-text rows are chosen, but compact rows show while they are made (``whole_rows``)."""
        self.by_influence = False
        """Rows by influence, high first (the file's order within a level): only a view."""
        self._partners: list[Partner] = []
        self._row_of: dict[int, int] | None = None
        self._table_rows: dict[int, PartnerRow] = {}
        """Each partner's row in the table, by partner key (``grid_rows.py``)."""
        self._widths: tuple[int, ...] = WIDTHS
        self._made = CellMaker()
        self._marked: set[tuple[int, int]] = set()
        """Cells (partner key, column) changed from outside, shown marked for a while."""
        self.cell_open = False
        """The cursor's cell is open in the cell editor (``mark_open``)."""
        self._first_shown = 1
        """The first column in view beside the partner column, as the headings were made for."""
        self._cursor_names: dict[str, str] = CURSOR_AWAY
        """The component styles the cursor is drawn in, for where the keys are (``cursor_look``)."""

    # -- where the keys are ------------------------------------------------------

    def mark_open(self, cell_open: bool) -> None:
        """Mark the cursor's cell as open in the cell editor, or no longer."""
        self.cell_open = cell_open
        self._show_cursor_look()

    def watch_has_focus(self, has_focus: bool) -> None:
        # Widget's own restyles the grid for its :focus rules. It has none that differ (see
        # DEFAULT_CSS; tests/app/test_kept_drawings.py checks): restyling it and its thirteen
        # component styles would cost more than a cursor move, at every edit, for nothing.
        self._show_cursor_look()

    def cursor_look(self) -> dict[str, str]:
        """Which component styles stand for the cursor's, for where the keys are now."""
        if self.cell_open:
            return CURSOR_OPEN
        return CURSOR_HERE if self.has_focus else CURSOR_AWAY

    def _show_cursor_look(self) -> None:
        """Draw the cursor's row again when the cursor looks different; the rest looks the same."""
        names = self.cursor_look()
        if names is not self._cursor_names:
            self._cursor_names = names
            self.refresh_row(self.cursor_row)

    def get_component_rich_style(
        self, *names: str, partial: bool = False, default: Style | None = None
    ) -> Style:
        cursor_names = self._cursor_names
        if cursor_names:
            names = tuple(cursor_names.get(name, name) for name in names)
        return super().get_component_rich_style(*names, partial=partial, default=default)

    # -- building -------------------------------------------------------------

    def show_matrix(self, matrix: Matrix, labels: Labels) -> None:
        """Show a matrix from scratch: when it opens, and when a filter changes."""
        self.labels = labels
        rows = self._shown_of(matrix)
        if self.whole:
            self._widths = self._whole_or_wait(rows)
        self._label_columns()
        self.clear()
        self._partners = rows
        self._row_of = None
        self._table_rows = {}
        self._add_rows(rows)
        self._resize_virtual()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def refilter(self, matrix: Matrix, shown: set[int] | None) -> None:
        """Show only the partners whose keys are in ``shown`` (None: all), from the top.

        The rows that stay keep what they have (``sync``): refilling the
        table with 20,000 rows at each letter typed in the filter line held
        the keys 0.2 s. Whole-text columns are shared out again over what
        shows; when that changes their widths, every row is made anew.
        """
        self.shown = None if shown is None else set(shown)
        self._show_again(matrix)

    def order_by_influence(self, matrix: Matrix, by_influence: bool) -> None:
        """Rows by influence (high first), or in the file's order, from the top; rows keep what they have."""
        self.by_influence = by_influence
        self._show_again(matrix)

    def _show_again(self, matrix: Matrix) -> None:
        if self._whole_now() and self._whole_widths(self._shown_of(matrix)) != self._widths:
            assert self.labels is not None
            self.show_matrix(matrix, self.labels)
            return
        self.sync(matrix, matrix)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def relabel(self, labels: Labels, matrix: Matrix) -> None:
        """New column headings and placeholders after a language switch; rows stay."""
        self.labels = labels
        if self._whole_now():
            self._widths = self._whole_or_wait(self._partners)
        self._label_columns()
        self._remake_all()

    def set_whole(self, whole: bool) -> None:
        """Switch between compact rows and whole-text rows; the cursor stays on its cell."""
        if whole == self.whole:
            return
        self.whole = whole
        if not whole and self.making_whole:
            self._stop_making()  # compact rows show already
            return
        self._widths = self._whole_or_wait(self._partners) if whole else WIDTHS
        if self.making_whole:
            return  # compact rows show until the whole-text rows are made
        # Each mode's drawings are kept apart (drawing_variant): switching back draws nothing again.
        self._label_columns(forget=False)
        self._remake_all(forget=False)
        self.move_cursor(row=self.cursor_row, column=self.cursor_column)

    def is_shown(self, key: int) -> bool:
        return self.shown is None or key in self.shown

    # -- what the App tells the grid ------------------------------------------

    def show_partner(self, partner: Partner) -> None:
        """Show this version of a partner in its row (its other cells, such as the marker, may change too)."""
        row = self.row_of(partner.key)
        if row is not None:
            self._show_partners([(row, partner)])

    def _show_partners(self, changed: list[tuple[int, Partner]]) -> None:
        """New versions of partners in their rows (row, partner), all drawn again at once.

        At once: forgetting each row's drawings looks through every drawing
        kept, which for a reload of 15,000 changed partners one by one took 40 s.
        """
        if not changed:
            return
        for row, partner in changed:
            self._partners[row] = partner
        keys, grew = self._set_rows(partner for _, partner in changed)
        internals.forget_rows(self, keys, moved=grew)
        if grew:
            self._resize_virtual()
        if grew or len(changed) > 1:
            self.refresh()
        else:
            self.refresh_row(changed[0][0])

    def sync(self, old: Matrix, new: Matrix, reveal: Iterable[int] = ()) -> bool:
        """Make the rows show ``new`` where it differs from ``old``; True when rows came, went or moved.

        ``reveal`` are partners to show even if a filter hides them: where
        an undo takes the cursor. A partner added while filtering stays in
        view until the filter changes.
        """
        if self.shown is not None:
            self.shown.update(reveal)
            known = {partner.key for partner in old.partners}
            self.shown.update(partner.key for partner in new.partners if partner.key not in known)
        rows = self._shown_of(new)
        compact = self._whole_now() and not self._few_missing(rows, self._widths)
        if compact:
            self._start_making()  # too many whole-text rows to make now: compact rows meanwhile
            self._widths = WIDTHS
            self._label_columns(forget=False)
        before = self._partners
        if len(rows) == len(before) and list(map(_KEY, rows)) == list(map(_KEY, before)):
            if compact:
                self._partners = rows
                self._set_rows(rows)
                self._remake_all()
                return False
            self._show_partners(
                [
                    (row, now)
                    for row, (was, now) in enumerate(zip(before, rows, strict=True))
                    if was is not now
                ]
            )
            return False
        # The rows to draw again: each partner that is new, or not where it was in this row.
        changed = [
            partner
            for index, partner in enumerate(rows)
            if index >= len(before) or before[index] is not partner
        ]
        kept = {partner.key for partner in rows}
        had = {partner.key for partner in before}
        cursor = self.cursor_coordinate
        with internals.keeping_caches(self):
            internals.remove_rows(
                self, {RowKey(str(partner.key)) for partner in before if partner.key not in kept}
            )
            for gone in had - kept:
                del self._table_rows[gone]
            self._add_rows([partner for partner in rows if partner.key not in had])
        internals.place_rows(self, [RowKey(str(partner.key)) for partner in rows])
        previous = {partner.key: partner for partner in before}
        redrawn = {
            RowKey(str(partner.key))
            for partner in changed
            if previous.get(partner.key) not in (None, partner)
        }
        self._partners = rows
        self._row_of = None
        # Rows that only moved keep their cells: only partners that changed are made again.
        self._set_rows(
            partner for partner in changed if partner.key in had and previous[partner.key] is not partner
        )
        if compact:
            self._remake_all()  # every row, now compact
        # Rows that only moved keep their drawings (KeptDrawingsTable checks their place).
        internals.forget_rows(self, redrawn, moved=True)
        self.cursor_coordinate = cursor
        self._resize_virtual()
        self.refresh()
        return True

    def mark(self, cells: set[tuple[int, int]]) -> None:
        """Mark these cells (partner key, column) as changed from outside; an empty set unmarks all."""
        keys = {key for key, _ in self._marked ^ cells}
        self._marked = set(cells)
        rows = {self._table_rows[key].key for key in keys if key in self._table_rows}
        internals.forget_rows(self, rows, moved=False)
        self.refresh()

    # -- the cursor -----------------------------------------------------------

    def move_cursor(
        self, *, row: int | None = None, column: int | None = None, animate: bool = False, scroll: bool = True
    ) -> None:
        """Put the cursor on a cell (clamped to the table), and bring it into view at once if ``scroll``."""
        super().move_cursor(row=row, column=column, animate=False, scroll=False)
        if scroll and self.row_count:
            cell = self.cell_region(self.cursor_coordinate)
            self.scroll_to_region(
                cell,
                spacing=Spacing(HEADER_HEIGHT, 0, 0, self._widths[0]),
                animate=False,
                force=True,
                immediate=True,
            )
            self._whole_columns_in_view(cell)

    def _whole_columns_in_view(self, cell: Region) -> None:
        """Scroll sideways on to the next column edge: no column shows cut off after the partner column.

        Scrolling just far enough to show the cursor's cell left a column cut
        in the middle beside the partner column, its words halved.
        """
        x, room = self.scroll_x, self.scrollable_content_region.width
        if x <= 0:
            return
        edge = 0  # the scroll offset that puts the next column right after the partner column
        for width in self._widths[1:]:
            if edge >= x:
                if cell.right <= edge + room:
                    self.scroll_to(x=edge, animate=False, immediate=True)
                return
            edge += width

    def action_cursor_left(self) -> None:
        self.move_cursor(column=self.cursor_column - 1)

    def action_cursor_right(self) -> None:
        self.move_cursor(column=self.cursor_column + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_scroll_top(self) -> None:
        self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        self.move_cursor(row=self.row_count - 1)

    def on_click(self, event: events.Click) -> None:
        """A click on a cell moves the cursor there and tells the App (which shows the cell)."""
        meta = event.style.meta
        event.prevent_default()
        row, column = meta.get("row", -1), meta.get("column", -1)
        if row < 0 or column < 0 or meta.get("out_of_bounds", False) or row >= self.row_count:
            return
        self.move_cursor(row=row, column=column)
        self.post_message(self.CellClicked(self, self.cursor_coordinate))
        event.stop()

    def on_resize(self, event: events.Resize) -> None:
        if self._whole_now() and self._partners:
            widths = self._whole_widths(self._partners)
            if widths != self._widths:
                self._widths = self._whole_or_wait(self._partners, widths)
                self._label_columns()
                self._remake_all()
        if self.row_count:
            # The columns and rows have other sizes now: the cell being worked on stays in view.
            self.move_cursor(row=self.cursor_row, column=self.cursor_column)

    # -- whole-text rows for many partners --------------------------------------

    def _whole_now(self) -> bool:
        """True when the rows show whole text (not while they are being made)."""
        return self.whole and not self.making_whole

    def _few_missing(self, partners: list[Partner], widths: tuple[int, ...]) -> bool:
        assert self.labels is not None
        return whole_rows.few_missing(self._made, partners, self.labels, widths)

    def _whole_or_wait(
        self, partners: list[Partner], widths: tuple[int, ...] | None = None
    ) -> tuple[int, ...]:
        """The widths to show ``partners`` in whole text with (``widths``, if worked out already),
        when their rows can be made on the spot; else compact widths, and the whole-text rows
        are made meanwhile."""
        if widths is None:
            widths = self._whole_widths(partners)
        if partners and not self._few_missing(partners, widths):
            self._start_making()
            return WIDTHS
        self._stop_making()
        return widths

    def _start_making(self) -> None:
        """Make the rows' whole-text cells a slice at a time (again from the start, if it was under way)."""
        self.making_whole = True
        self.run_worker(self._make_whole(), name="whole-rows", group="whole-rows", exclusive=True)

    def _stop_making(self) -> None:
        if self.making_whole:
            self.making_whole = False
            self.workers.cancel_group(self, "whole-rows")

    async def _make_whole(self) -> None:
        while True:
            labels, partners = self.labels, list(self._partners)
            assert labels is not None
            widths = self._whole_widths(partners)
            await whole_rows.make(self._made, partners, labels, widths, self._made_so_far)
            # What changed meanwhile (an edit, a reload, a filter, the width) is made now, if it is little.
            widths = self._whole_widths(self._partners)
            if self._few_missing(self._partners, widths):
                break
        self.making_whole = False
        self._widths = widths
        self._label_columns(forget=False)
        self._remake_all(forget=False)
        self.move_cursor(row=self.cursor_row, column=self.cursor_column)
        self.post_message(self.WholeRows(self, len(self._partners), len(self._partners)))

    def _made_so_far(self, done: int, total: int) -> None:
        if done < total:
            self.post_message(self.WholeRows(self, done, total))

    # -- positions ------------------------------------------------------------

    def key_at(self, row: int) -> int | None:
        """The partner key of a grid row, or None when there is no such row."""
        if not 0 <= row < len(self._partners):
            return None
        return self._partners[row].key

    def row_of(self, key: int) -> int | None:
        if self._row_of is None:
            self._row_of = dict(zip(map(_KEY, self._partners), range(len(self._partners)), strict=True))
        return self._row_of.get(key)

    def keys_in_view(self) -> list[int]:
        """The partner keys of the rows, top to bottom."""
        return [partner.key for partner in self._partners]

    def cell_region(self, coordinate: tuple[int, int]) -> Region:
        """Where a cell is in the whole table (header included), as a region of the scrollable area."""
        row, column = coordinate
        widths = self._widths
        rows = self.ordered_rows
        y = HEADER_HEIGHT + sum(ordered.height for ordered in rows[:row])
        height = rows[row].height if 0 <= row < len(rows) else 1
        return Region(sum(widths[:column]), y, widths[column], height)

    def show_step(self, step: int) -> None:
        """Scroll sideways so that a step's columns start right after the (fixed) partner column."""
        first = next(index for index, column in enumerate(COLUMNS) if column.step == step)
        if self._whole_now() and self._fits():
            return  # every column is in view already
        self.scroll_to(x=sum(self._widths[1:first]), animate=False, immediate=True)

    # -- internals ------------------------------------------------------------

    def _fits(self) -> bool:
        return sum(self._widths) <= self.size.width

    def _whole_widths(self, partners: list[Partner]) -> tuple[int, ...]:
        available = (self.size.width or 120) - SCROLLBAR
        return whole_widths(partners, available)

    def drawing_variant(self) -> tuple[object, ...]:
        return (self._whole_now(), self._widths)

    def _label_columns(self, *, forget: bool = True) -> None:
        """Make the columns (once), and give them the headings and widths of the mode."""
        labels = self.labels
        assert labels is not None
        if not self.columns:
            for column, width in zip(COLUMNS, self._widths, strict=True):
                self.add_column(column_label(column, labels, self._widths), width=width, key=column.key)
            return
        self._head_columns()
        for grid_column, width in zip(self.ordered_columns, self._widths, strict=True):
            grid_column.width = width
        if forget:
            internals.forget_all(self)
        self.refresh()

    def _first_column_in_view(self) -> int:
        """The first column whose left edge is in view beside the partner column (1 when not scrolled)."""
        x = round(self.scroll_x)
        edge = 0
        for index, width in enumerate(self._widths[1:], start=1):
            if edge >= x:
                return index
            edge += width
        return LAST_COLUMN

    def _head_columns(self) -> None:
        """Give the columns their headings: each side's starts at its first column in view."""
        labels = self.labels
        assert labels is not None
        first = self._first_shown = self._first_column_in_view()
        for grid_column, column in zip(self.ordered_columns, COLUMNS, strict=True):
            grid_column.label = column_label(column, labels, self._widths, first)

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        if self.labels is not None and self.columns and self._first_column_in_view() != self._first_shown:
            self._head_columns()
            internals.forget_header(self)  # only the header looks different

    def _make(self, partner: Partner) -> RowCells:
        """The partner's cells in the current mode, made once per version of the partner."""
        assert self.labels is not None
        return self._made.cells(partner, self.labels, self._whole_now(), self._widths)

    def cell(self, partner: Partner, column: int) -> GridCell:
        """A partner's cell as the grid shows it now (a row asks when it is drawn: ``grid_rows.py``)."""
        cell = self._make(partner).cells[column]
        if self._marked and (partner.key, column) in self._marked:
            return _marked(as_text(cell), self.get_component_rich_style("grid--changed"))
        return cell

    def _add_rows(self, partners: list[Partner]) -> None:
        """Rows for ``partners`` at the bottom of the table (their cells are made when drawn)."""
        made = [PartnerRow(partner, self) for partner in partners]
        height = self._height if self._whole_now() else _one_line
        added = internals.append_rows(self, [(row.key, row, height(row.partner)) for row in made])
        rows = self._table_rows
        for row, table_row in zip(made, added, strict=True):
            row.row = table_row
            rows[row.partner.key] = row

    def _height(self, partner: Partner) -> int:
        """The height of the partner's whole-text row."""
        assert self.labels is not None
        return self._made.height(partner, self.labels, self._widths)

    def _set_rows(self, partners: Iterable[Partner]) -> tuple[set[RowKey], bool]:
        """Give rows new versions of their partners; their row keys, and whether a height changed."""
        rows, keys = self._table_rows, set[RowKey]()
        whole, grew = self._whole_now(), False
        for partner in partners:
            row = rows[partner.key]
            row.partner = partner
            keys.add(row.key)
            if whole:
                grew = self._fit_height(row) or grew
        return keys, grew

    def _fit_height(self, row: PartnerRow) -> bool:
        """Give a row the height of its cells in the mode now; True when it changed."""
        height = self._height(row.partner) if self._whole_now() else 1
        table_row = row.row
        assert table_row is not None
        if table_row.height == height:
            return False
        table_row.height = height
        return True

    def _remake_all(self, *, forget: bool = True) -> None:
        """Every row shows the mode, labels and widths now (made when drawn; whole-text rows' heights now)."""
        for row in self._table_rows.values():
            self._fit_height(row)
        if forget:
            internals.forget_all(self)
        else:
            internals.forget_rows(self, (), moved=True)  # the rows' heights and places
        self._resize_virtual()
        self.refresh()

    def _resize_virtual(self) -> None:
        height = HEADER_HEIGHT + sum(row.height for row in self.rows.values())
        self.fit_virtual_size(Size(sum(self._widths), height))

    def _shown_of(self, matrix: Matrix) -> list[Partner]:
        if self.shown is None:
            rows = list(matrix.partners)
        else:
            shown = self.shown
            rows = [partner for partner in matrix.partners if partner.key in shown]
        if self.by_influence:
            rows.sort(key=influence_rank)  # stable: the file's order within a level
        return rows


def _one_line(partner: Partner) -> int:
    """The height of a compact row."""
    return 1


def _marked(cell: Text, style: Style) -> Text:
    """A copy of ``cell`` in the style of a cell changed from outside."""
    marked = cell.copy()
    marked.stylize(style)
    return marked
