"""The matrix as a table: one row per partner, the name then four *brings* and four *gets* columns.

The grid only shows; the App owns the matrix and tells the grid what
changed. It draws the lines on screen straight from the partners it was
given, so nothing is built per row: a matrix of 5,000 partners opens as
fast as one of five, and adding or deleting a partner is a change to a
list. A row's cells become terminal segments once per version of a partner
(a changed partner is a new object, so the version is its identity) and
are kept in a small cache. An edit repaints one line, a cursor move two,
adding or deleting a partner the lines below it; scrolling and a change of
focus repaint the lines on screen from the cache.

It looks like Textual's ``DataTable`` with a cell cursor, a fixed partner
column, a two-line header and zebra stripes, and keeps its names for the
cursor (``cursor_coordinate``, ``move_cursor``, the ``action_*`` moves),
but it holds no copy of the data and never measures it.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual._segment_tools import line_crop  # Textual is pinned exactly
from textual.cache import LRUCache
from textual.color import Color
from textual.coordinate import Coordinate
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, Matrix, Partner
from pvm_tui.reflection import influence_rank
from pvm_tui.widgets.grid_cells import (
    CELL_WIDTH,
    GROUP_STYLES,
    NAME_WIDTH,
    WIDTHS,
    cell_text,
    column_label,
)
from pvm_tui.widgets.sizing import set_virtual_size

__all__ = ["CELL_WIDTH", "GROUP_STYLES", "NAME_WIDTH", "MatrixGrid"]

HEADER_HEIGHT = 2
FIXED_WIDTH = WIDTHS[0]
"""The partner column stays in place when the grid scrolls sideways."""
SCROLLING_WIDTH = sum(WIDTHS[1:])
COLUMN_X = tuple(sum(WIDTHS[:index]) for index in range(len(WIDTHS)))
LAST_COLUMN = len(COLUMNS) - 1

_KEY = attrgetter("key")

Cells = list[list[Segment]]
"""One list of segments per column, each exactly as wide as its column."""


class _Palette(NamedTuple):
    """The styles of the grid's parts, read from its component classes."""

    base: Style
    header: Style
    fixed: Style
    rows: tuple[Style, Style]
    """Even and odd rows (zebra stripes)."""
    cursor: tuple[Style, Style]
    """Before and after a cell's own styles, on the cursor."""
    fixed_cursor: tuple[Style, Style]
    ends: tuple[Style, Style, Style]
    """Past the last column, for even rows, odd rows and the header."""
    marked: Style
    """A cell just changed from outside (another pvm, an editor, git)."""


class MatrixGrid(ScrollView, can_focus=True):
    """A table of partners that the App updates row by row."""

    ALLOW_SELECT = False

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "grid--header",
        "grid--fixed",
        "grid--even-row",
        "grid--odd-row",
        "grid--cursor",
        "grid--fixed-cursor",
        "grid--changed",
    }

    DEFAULT_CSS = """
    MatrixGrid {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .grid--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .grid--header {
                background-tint: $foreground 5%;
            }
            & > .grid--fixed-cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
        }
        &:dark > .grid--even-row {
            background: $surface-darken-1 40%;
        }
        & > .grid--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .grid--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .grid--fixed {
            background: $secondary-muted;
            color: $foreground;
        }
        & > .grid--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .grid--changed {
            background: $warning 30%;
            text-style: bold;
        }
        & > .grid--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .grid--fixed-cursor {
            background: $block-cursor-blurred-background;
            color: $foreground;
        }
    }
    """

    class CellHighlighted(Message):
        """The cursor moved to a cell by a mouse click (the App moves it for every key)."""

        def __init__(self, grid: MatrixGrid, coordinate: Coordinate) -> None:
            super().__init__()
            self.grid = grid
            self.coordinate = coordinate

        @property
        def control(self) -> MatrixGrid:
            return self.grid

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.labels: Labels | None = None
        self.shown: set[int] | None = None
        """The partner keys a filter lets through, or None when every partner is shown."""
        self.by_influence = False
        """Rows by influence, high first (the file's order within a level): only a view."""
        self._rows: list[Partner] = []
        self._row_of: dict[int, int] | None = None
        self._cursor = Coordinate(0, 0)
        self._cells: LRUCache[int, tuple[Partner, Cells]] = LRUCache(1024)
        self._header: list[Cells] | None = None
        self._palette: _Palette | None = None
        self._marked: set[tuple[int, int]] = set()
        """Cells (partner key, column) changed from outside, shown marked for a while."""

    # -- building -------------------------------------------------------------

    def show_matrix(self, matrix: Matrix, labels: Labels) -> None:
        """Show a matrix from scratch: when it opens, and when a filter changes."""
        if labels is not self.labels:
            self.labels = labels
            self._forget_rendering()
        self._set_rows(self._shown_of(matrix))
        self._cursor = Coordinate(0, 0)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def relabel(self, labels: Labels, matrix: Matrix) -> None:
        """New column headings and placeholders after a language switch; rows stay."""
        self.labels = labels
        self._forget_rendering()
        self.refresh()

    def is_shown(self, key: int) -> bool:
        return self.shown is None or key in self.shown

    # -- what the App tells the grid ------------------------------------------

    def show_partner(self, partner: Partner) -> None:
        """Show this version of a partner in its row (its other cells, such as the marker, may change too)."""
        row = self.row_of(partner.key)
        if row is not None:
            self._rows[row] = partner
            self._refresh_row(row)

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
        before = self._rows
        if len(rows) == len(before) and list(map(_KEY, rows)) == list(map(_KEY, before)):
            for row, (was, now) in enumerate(zip(before, rows, strict=True)):
                if was is not now:
                    self._rows[row] = now
                    self._refresh_row(row)
            return False
        first = 0
        while first < min(len(rows), len(before)) and rows[first] is before[first]:
            first += 1
        self._set_rows(rows)
        self._cursor = self._clamp(self._cursor)
        self.refresh_lines(HEADER_HEIGHT + first, max(len(rows), len(before)) - first)
        return True

    def mark(self, cells: set[tuple[int, int]]) -> None:
        """Mark these cells (partner key, column) as changed from outside; an empty set unmarks all."""
        for key, _ in self._marked ^ cells:
            row = self.row_of(key)
            if row is not None:
                self._refresh_row(row)
        self._marked = set(cells)

    # -- the cursor -----------------------------------------------------------

    @property
    def cursor_coordinate(self) -> Coordinate:
        return self._cursor

    @property
    def cursor_row(self) -> int:
        return self._cursor.row

    @property
    def cursor_column(self) -> int:
        return self._cursor.column

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def move_cursor(
        self, *, row: int | None = None, column: int | None = None, animate: bool = False, scroll: bool = True
    ) -> None:
        """Put the cursor on a cell (clamped to the table), and bring it into view if ``scroll``."""
        old = self._cursor
        new = self._clamp(
            Coordinate(old.row if row is None else row, old.column if column is None else column)
        )
        self._cursor = new
        if new.row != old.row:
            self._refresh_row(old.row)
        self._refresh_row(new.row)
        if scroll:
            self.scroll_to_region(
                self.cell_region(new),
                spacing=Spacing(HEADER_HEIGHT, 0, 0, FIXED_WIDTH),
                animate=False,
                force=True,
                immediate=True,
            )

    def _clamp(self, coordinate: Coordinate) -> Coordinate:
        row, column = coordinate
        return Coordinate(
            max(0, min(row, len(self._rows) - 1)),
            max(0, min(column, LAST_COLUMN)),
        )

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self._cursor.row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self._cursor.row + 1)

    def action_cursor_left(self) -> None:
        self.move_cursor(column=self._cursor.column - 1)

    def action_cursor_right(self) -> None:
        self.move_cursor(column=self._cursor.column + 1)

    def action_scroll_home(self) -> None:
        self.move_cursor(column=0)

    def action_scroll_end(self) -> None:
        self.move_cursor(column=LAST_COLUMN)

    def action_scroll_top(self) -> None:
        self.move_cursor(row=0)

    def action_scroll_bottom(self) -> None:
        self.move_cursor(row=len(self._rows) - 1)

    def action_page_down(self) -> None:
        """A page further: the view scrolls by a page, and the cursor with it."""
        page = self._page()
        self.scroll_relative(y=page, animate=False, force=True, immediate=True)
        self.move_cursor(row=self._cursor.row + page, scroll=False)

    def action_page_up(self) -> None:
        page = self._page()
        self.scroll_relative(y=-page, animate=False, force=True, immediate=True)
        self.move_cursor(row=self._cursor.row - page, scroll=False)

    def _page(self) -> int:
        return max(self.scrollable_content_region.height - HEADER_HEIGHT, 1)

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < HEADER_HEIGHT:
            return
        row = offset.y - HEADER_HEIGHT + self.scroll_offset.y
        x = offset.x if offset.x < FIXED_WIDTH else offset.x + self.scroll_offset.x
        column = max(index for index, start in enumerate(COLUMN_X) if start <= x)
        if row < len(self._rows):
            self.move_cursor(row=row, column=column)
            self.post_message(self.CellHighlighted(self, self._cursor))
            event.stop()

    # -- positions ------------------------------------------------------------

    def key_at(self, row: int) -> int | None:
        """The partner key of a grid row, or None when there is no such row."""
        if not 0 <= row < len(self._rows):
            return None
        return self._rows[row].key

    def row_of(self, key: int) -> int | None:
        if self._row_of is None:
            self._row_of = dict(zip(map(_KEY, self._rows), range(len(self._rows)), strict=True))
        return self._row_of.get(key)

    def keys_in_view(self) -> list[int]:
        """The partner keys of the rows, top to bottom."""
        return [partner.key for partner in self._rows]

    def get_cell_at(self, coordinate: tuple[int, int]) -> Text:
        """The text a cell shows (as the table's cells are Text)."""
        row, column = coordinate
        assert self.labels is not None
        return cell_text(self._rows[row], COLUMNS[column], self.labels)

    def cell_region(self, coordinate: tuple[int, int]) -> Region:
        """Where a cell is in the whole table (header included), as a region of the scrollable area."""
        row, column = coordinate
        return Region(COLUMN_X[column], HEADER_HEIGHT + row, WIDTHS[column], 1)

    def show_step(self, step: int) -> None:
        """Scroll sideways so that a step's columns start right after the (fixed) partner column."""
        first = next(index for index, column in enumerate(COLUMNS) if column.step == step)
        self.scroll_to(x=COLUMN_X[first] - FIXED_WIDTH, animate=False, immediate=True)

    # -- drawing --------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._palette = None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        palette = self._get_palette()
        if y < HEADER_HEIGHT:
            fixed, rest = self._header_line(y, palette)
        else:
            row = y - HEADER_HEIGHT + self.scroll_offset.y
            if row >= len(self._rows):
                return Strip.blank(width, palette.base)
            fixed, rest = self._row_line(row, palette)
        scroll_x = self.scroll_offset.x
        visible = width - FIXED_WIDTH
        if visible > 0:
            end = max(0, width - FIXED_WIDTH - SCROLLING_WIDTH)
            if end:
                rest.append(Segment(" " * end, palette.ends[2 if y < HEADER_HEIGHT else row % 2]))
            fixed += line_crop(rest, scroll_x, scroll_x + visible, SCROLLING_WIDTH + end)
        return Strip(fixed).adjust_cell_length(width, palette.base).simplify()

    def _row_line(self, row: int, palette: _Palette) -> tuple[list[Segment], list[Segment]]:
        """The partner column, and the other columns, of one row."""
        cells = self._cells_of(self._rows[row])
        cursor_row, cursor_column = self._cursor
        row_style = palette.rows[row % 2]
        if row == cursor_row and cursor_column == 0:
            fixed = _styled(cells[0], palette.fixed + palette.fixed_cursor[0], palette.fixed_cursor[1])
        else:
            fixed = _styled(cells[0], palette.fixed)
        rest: list[Segment] = []
        key = self._rows[row].key
        for column in range(1, len(cells)):
            if row == cursor_row and column == cursor_column:
                rest += _styled(cells[column], row_style + palette.cursor[0], palette.cursor[1])
            elif (key, column) in self._marked:
                rest += _styled(cells[column], row_style + palette.marked)
            else:
                rest += _styled(cells[column], row_style)
        if (key, 0) in self._marked and not (row == cursor_row and cursor_column == 0):
            fixed = _styled(cells[0], palette.fixed + palette.marked)
        return fixed, rest

    def _header_line(self, line: int, palette: _Palette) -> tuple[list[Segment], list[Segment]]:
        if self._header is None:
            assert self.labels is not None
            self._header = [
                _lines(column_label(column, self.labels), width, self.app.console, HEADER_HEIGHT)
                for column, width in zip(COLUMNS, WIDTHS, strict=True)
            ]
        fixed = _styled(self._header[0][line], palette.header)
        rest: list[Segment] = []
        for cell in self._header[1:]:
            rest += _styled(cell[line], palette.header)
        return fixed, rest

    def _cells_of(self, partner: Partner) -> Cells:
        cached = self._cells.get(partner.key)
        if cached is not None and cached[0] is partner:
            return cached[1]
        assert self.labels is not None
        console, labels = self.app.console, self.labels
        cells = [
            _lines(cell_text(partner, column, labels), width, console, 1)[0]
            for column, width in zip(COLUMNS, WIDTHS, strict=True)
        ]
        self._cells.set(partner.key, (partner, cells))
        return cells

    def _get_palette(self) -> _Palette:
        if self._palette is None:
            header = self.get_component_styles("grid--header").rich_style
            fixed = self.get_component_styles("grid--fixed").rich_style
            even = self.get_component_styles("grid--even-row").rich_style
            odd = self.get_component_styles("grid--odd-row").rich_style
            cursor = self.get_component_rich_style("grid--cursor")
            fixed_cursor = cursor + self.get_component_rich_style("grid--fixed-cursor")
            background = self.background_colors[1]
            self._palette = _Palette(
                base=self.rich_style,
                header=header,
                fixed=fixed,
                rows=(even, odd),
                # The cursor's colour wins over a cell's own (the coloured │ of a group).
                cursor=(cursor, Style.from_color(cursor.color)),
                fixed_cursor=(fixed_cursor, Style.from_color(fixed_cursor.color)),
                ends=tuple(_end_style(style, background) for style in (even, odd, header)),  # type: ignore[arg-type]
                marked=self.get_component_rich_style("grid--changed"),
            )
        return self._palette

    # -- internals ------------------------------------------------------------

    def _shown_of(self, matrix: Matrix) -> list[Partner]:
        if self.shown is None:
            rows = list(matrix.partners)
        else:
            shown = self.shown
            rows = [partner for partner in matrix.partners if partner.key in shown]
        if self.by_influence:
            rows.sort(key=influence_rank)  # stable: the file's order within a level
        return rows

    def _set_rows(self, rows: list[Partner]) -> None:
        self._rows = rows
        self._row_of = None
        set_virtual_size(self, Size(FIXED_WIDTH + SCROLLING_WIDTH, HEADER_HEIGHT + len(rows)))

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.refresh_line(HEADER_HEIGHT + row)

    def _forget_rendering(self) -> None:
        self._cells.clear()
        self._header = None


def _lines(text: Text, width: int, console: object, height: int) -> list[list[Segment]]:
    """``text`` as ``height`` lines of segments, each cropped or padded to ``width`` cells."""
    lines = list(Segment.split_lines(text.render(console)))  # type: ignore[arg-type]
    lines += [[] for _ in range(height - len(lines))]
    return [Segment.adjust_line_length(line, width) for line in lines[:height]]


def _styled(segments: list[Segment], style: Style, post: Style | None = None) -> list[Segment]:
    """``style`` under the segments' own styles (and ``post`` over them)."""
    return list(Segment.apply_style(segments, style, post))


def _end_style(row: Style, background: Color) -> Style:
    """The space past the last column: the row's colours, its background faded."""
    if row.bgcolor is None:
        return Style.from_color(row.color, row.bgcolor)
    faded = Color.from_rich_color(row.bgcolor).blend(background, factor=0.25)
    return Style.from_color(row.color, faded.rich_color)
