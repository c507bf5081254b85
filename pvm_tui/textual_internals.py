"""Every place pvm reaches into Textual's insides, each with its reason (Textual is pinned at 8.2.8).

Nothing else in pvm touches a name Textual marks private. The tests
(``tests/test_textual_internals.py`` and ``tests/app/test_textual_internals_widgets.py``)
check each use below against the installed Textual and fail with a message
that names it, so that an upgrade re-checks each use before it ships.

The terminal's input: the parser and the Linux driver (``terminal_input.py``).

The grid (a ``DataTable``) needs three uses. A stock ``DataTable`` counts its
updates and makes that count part of every render-cache key, so one changed
cell or one added row draws every visible cell again through Rich (30-150 ms
a commit on a modest machine), and it never measures a row's height again
after ``update_cell``. The grid keeps the count as it was around its public
calls (``keeping_caches``), forgets the drawings of exactly the rows that
changed (``forget_rows``), and puts rows in the order of the matrix
(``place_rows``): ``add_row`` only appends, and ``sort`` draws every row again.
``KeptDrawingsTable`` keeps what a stock ``DataTable`` throws away at each
focus change, each cursor move and each layout of the screen.

pvm's TextAreas (``widgets/long_text.py``: the cell editor, the agreements,
the company's description) draw each row of a line of 100 KB from its own
piece of the line (``long_row``; a line with tabs is cut into its pieces
once per drawing, ``PiecesOnce``), find the cursor's piece by slicing and
wrap only what changed (``KeptWrap``), and wrap a long line once per width
(``remember_wraps``);
the tests for these are in ``tests/app/test_textual_internals_text_area.py``
and ``tests/test_textual_internals.py``.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import itertools
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Lines, Span, Text
from textual import events
from textual._cells import cell_len
from textual._wrap import chunks, compute_wrap_offsets
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.binding import Binding, BindingsMap, BindingType
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.document import _wrapped_document
from textual.document._wrapped_document import WrappedDocument
from textual.dom import DOMNode
from textual.drivers.linux_driver import LinuxDriver
from textual.expand_tabs import expand_text_tabs_from_widths, get_tab_widths
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets.data_table import Row, RowKey

if TYPE_CHECKING:
    from textual.widgets import TextArea

TEXTUAL_VERSION = "8.2.8"
"""The Textual these uses were checked against."""

__all__ = [
    "LONG_LINE",
    "NOWHERE",
    "TEXTUAL_VERSION",
    "CrashHook",
    "KeptDrawingsTable",
    "KeptWrap",
    "LastCut",
    "LinuxDriver",
    "PiecesOnce",
    "XTermParser",
    "append_rows",
    "empty",
    "forget_all",
    "forget_header",
    "forget_rows",
    "forget_sequence",
    "in_sequence",
    "keeping_caches",
    "long_row",
    "own_bindings",
    "place_rows",
    "remember_wraps",
    "remove_rows",
    "replace_bindings",
    "set_cells",
    "set_virtual_size",
    "wrap_offsets",
]


def in_sequence(parser: XTermParser) -> bool:
    """True while the parser holds the start of an escape sequence and waits for the rest.

    Why: after the last byte of a sequence pvm must know whether Textual took
    it as a key, a mouse event or a report, or is still waiting (it did not
    know it). The parser asks for its next character with a timeout only
    inside a sequence (``read1(ESCAPE_DELAY)``), never between keys.
    """
    return parser._awaiting.timeout is not None


def forget_sequence(parser: XTermParser) -> None:
    """Make the parser drop the sequence it holds, as if it had never seen it.

    Why: Textual turns a sequence it does not know into keys: the ESC becomes
    ``^`` (or alt+ the next key) and the rest is typed, so Esc followed fast
    by a key put ``^n`` in a cell. pvm decides itself what those characters
    were (``terminal_input.py``) and starts the parse over. The parse is a
    generator whose only state between sequences is the bracketed-paste
    flag, and pvm never does this inside a paste.
    """
    parser._gen.close()
    parser._gen = parser.parse(parser._tokens.append)
    parser._awaiting = next(parser._gen)
    parser._timeout_time = None


# LinuxDriver: ``terminal_input.TerminalDriver`` replaces its ``run_input_thread``
# (the loop that reads the terminal), using ``fileno``, ``exit_event``,
# ``_debug`` and ``process_message`` as Textual's own loop does. Why: Textual's
# loop builds its own XTermParser, and at the end of input (a terminal closed
# without a hang-up) it goes round reading nothing forever.


@contextlib.contextmanager
def keeping_caches(table: DataTable[Any]) -> Iterator[None]:
    """Run public ``DataTable`` changes without throwing every cached drawing away.

    Why: ``add_row``, ``remove_row`` and ``update_cell`` bump ``_update_count``,
    which is in every cache key; there is no public way to say which rows
    changed. The caller forgets those rows itself with ``forget_rows``.
    """
    count = table._update_count
    try:
        yield
    finally:
        table._update_count = count


FORGET_ALL_FROM = 500
"""Rows from which ``forget_rows`` forgets every row's drawings rather than look for theirs: at
15,000 changed rows (a reload) the looking took longer than drawing what is on screen again."""


def forget_rows(table: DataTable[Any], rows: Collection[RowKey], *, moved: bool) -> None:
    """Forget the drawings of ``rows``; with ``moved``, also what is cached by position.

    Why: the render caches are private and have no per-row invalidation.
    The screen lines are cached by their place: when rows move or change
    height they are all forgotten, with the row offsets; otherwise only the
    lines of ``rows`` (putting every visible line together again after each
    edit cost 10 ms at 120x40). A ``KeptDrawingsTable`` keeps the lines of
    rows without the cursor by row, not by place: those of ``rows`` go.
    """
    if len(rows) > FORGET_ALL_FROM:
        empty(table._cell_render_cache)
        empty(table._row_render_cache)
    elif rows:
        cells = table._cell_render_cache
        for cell in [key for key in cells.keys() if key[0] in rows]:  # noqa: SIM118 (an LRUCache, not a dict)
            cells.discard(cell)
        drawn = table._row_render_cache
        for line in [key for key in drawn.keys() if key[0] in rows]:  # noqa: SIM118
            drawn.discard(line)
        if isinstance(table, KeptDrawingsTable):
            table.forget_lines(rows)
    empty(table._row_renderable_cache)
    if moved:
        empty(table._line_cache)
        empty(table._offset_cache)
        empty(table._ordered_row_cache)
        return
    places: set[int] = set()
    y = table.header_height if table.show_header else 0
    for row in table.ordered_rows:
        if row.key in rows:
            places.update(range(y, y + row.height))
        y += row.height
    screen = table._line_cache
    for shown in [key for key in screen.keys() if key[0] in places]:  # noqa: SIM118
        screen.discard(shown)


def empty(cache: LRUCache[Any, Any]) -> None:
    """Forget everything in a cache, freed at once rather than by a full garbage collection.

    Why: an ``LRUCache`` links its entries in a ring of lists that point to
    each other, and ``clear`` only lets go of the ring. What it held (every
    row of 20,000 partners in the cached row order and line offsets, the
    drawn lines) then waits for a full collection: 1.4 million objects after
    a reload, which held the editor a second. Each entry is unlinked here.
    """
    entries = list(cache._cache.values())
    cache.clear()
    for entry in entries:
        entry.clear()


def append_rows(
    table: DataTable[Any],
    rows: Iterable[tuple[str | RowKey, Sequence[object] | Mapping[Any, object], int]],
) -> list[Row]:
    """Add rows (key, cells, height) at the bottom, all at once, for columns of fixed widths;
    returns the table's record of each row (its height), in order.

    The cells are given left to right, or as a mapping from column key to cell that the table
    keeps as it is (the grid's rows make their cells when they are drawn: ``grid_rows.py``).

    Why: ``add_row`` does its bookkeeping for one row, then checks the
    cursor, counts an update and wakes the table, and on the next idle the
    table measures every new cell for columns sized by their content (the
    grid's columns have fixed widths): opening 15,000 partners spent 3.5 s
    in that. Here the rows are entered in one pass and the table lays
    itself out once.
    """
    locations, data, table_rows = table._row_locations, table._data, table.rows
    columns = [column.key for column in table.ordered_columns]
    was_empty = table.row_count == 0
    added: list[Row] = []
    for key, cells, height in rows:
        row_key = key if isinstance(key, RowKey) else RowKey(key)
        if row_key in locations:
            raise ValueError(f"the row key {key!r} is already in the table")
        locations[row_key] = len(locations)
        data[row_key] = cells if isinstance(cells, Mapping) else dict(zip(columns, cells, strict=True))  # type: ignore[assignment]
        row = table_rows[row_key] = Row(row_key, height)
        added.append(row)
    table._require_update_dimensions = True
    table._update_count += 1
    table.cursor_coordinate = table.cursor_coordinate
    if was_empty and table.row_count and columns and table.show_cursor and table.cursor_type != "none":
        table._highlight_cursor()
    table.check_idle()
    return added


def remove_rows(table: DataTable[Any], keys: Collection[RowKey]) -> None:
    """Take rows out of the table, all at once; the others keep their order.

    Why: ``remove_row`` numbers every row again for each row it removes, so
    a reload or a restored copy that took thousands of partners away took
    time that grew with the square of the count.
    """
    if not keys:
        return
    locations = table._row_locations
    order = (locations.get_key(index) for index in range(len(locations)))
    kept = [key for key in order if key is not None and key not in keys]
    for key in keys:
        del table.rows[key]
        del table._data[key]
    table._updated_cells = {cell for cell in table._updated_cells if cell.row_key not in keys}
    table._row_locations = type(locations)({key: index for index, key in enumerate(kept)})
    table._require_update_dimensions = True
    table._update_count += 1
    table.cursor_coordinate = table.cursor_coordinate
    table.hover_coordinate = table.hover_coordinate
    table.check_idle()


def place_rows(table: DataTable[Any], order: Iterable[RowKey]) -> None:
    """Put the table's rows in ``order`` (every row key, once each).

    Why: ``add_row`` only appends and ``sort`` bumps the update count (every
    cell drawn again); the row order is the private ``_row_locations``.
    """
    locations = table._row_locations
    table._row_locations = type(locations)({key: index for index, key in enumerate(order)})


def set_cells(table: DataTable[Any], rows: Iterable[tuple[RowKey, Iterable[object]]]) -> None:
    """Give rows new cells (row key, cells left to right); their drawings are forgotten with ``forget_rows``.

    Why: ``update_cell`` bumps the update count and repaints the whole
    table once per cell; switching every row between compact and whole
    text took 10 ms per 100 rows that way.
    """
    columns = [column.key for column in table.ordered_columns]
    data = table._data
    for row, cells in rows:
        data[row] = dict(zip(columns, cells, strict=True))


def forget_header(table: DataTable[Any]) -> None:
    """Forget the drawings of the header row (new column labels), and repaint it.

    Why: the header is a row of DataTable's own, whose key is private; its
    drawings are kept like any row's.
    """
    forget_rows(table, [table._header_row_key], moved=False)
    table._line_cache.clear()
    table.refresh(Region(0, 0, table.size.width, table.header_height))


def forget_all(table: DataTable[Any]) -> None:
    """Forget every cached drawing (new column widths or labels).

    Why: ``DataTable`` clears its caches itself only when a reactive of its own changes.
    """
    table._clear_caches()


_BARE = Style()
"""The style a cell is drawn in before its row's stripe and index are given to it (``_restyled_cell``)."""

NOWHERE = Coordinate(-2, -2)
"""A cell no row has (the header row is -1): where the cursor is, for a row it is not on."""

CellT = TypeVar("CellT")

Sizes = tuple[Size, Size, Size]
"""A scroll view's size, the room inside it and its virtual size, as its scrollbars were fitted to them."""


class KeptDrawingsTable(DataTable[CellT]):
    """A ``DataTable`` with a cell cursor that draws again only what looks different.

    Why each override (a stock ``DataTable`` does all of these):

    - ``notify_style_update`` forgets every cell it drew on any style update,
      and the focus moving between the grid and the cell editor is one: each
      edit drew every visible cell again, twice (40 ms a time at 100
      partners). Here nothing is forgotten; instead ``render_lines`` keys
      the drawings by the table's look (its own style and its components'
      styles, which the focus and its classes change) where ``DataTable``
      keys them by the focus state, so a drawing is used again only for the
      look it was made in. The look is read as the table is drawn, when the
      stylesheet has settled. And its screen lines are drawn again only when
      its style rules or its backgrounds changed, not at every restyle.
    - ``_on_focus`` and ``_on_blur``: ``Widget`` repaints every line of a
      widget that takes or loses the focus, whether it looks different or
      not, and then passes the news to its parent. The cell editor takes the
      focus and gives it back at every edit, so each edit put every visible
      line of the grid through Textual's styling twice more (a fifth of an
      edit at 100 partners). Here the news is passed on as ``Widget`` does,
      and the repaint is left to the styles: a table that looks different
      with the focus is drawn again by ``notify_style_update``, and one
      whose cursor alone changes draws that row (``MatrixGrid.cursor_look``).
    - ``_render_line_in_row`` keys each row's drawing by where the cursor and
      the mouse are, also for the rows they are not in, which look the same
      wherever they are. So after the cursor moved, the first repaint of the
      whole table put every visible row together again (15 ms at 120x40).
      With a cell cursor, a row is drawn differently only while the cursor
      or the mouse is in it.
    - A row that moved (a partner added or deleted above it) keeps its
      drawings (``forget_rows`` is told only of rows whose cells changed):
      ``DataTable`` keys them by row key, not by place, but each carries its
      row's index for the mouse, so ``_render_cell`` and
      ``_render_line_in_row`` check that index and draw again what moved.
      Rows moved one place change stripe and are drawn anew anyway; moved
      back, or by two, their drawings serve again.
    - ``_render_cell`` keys a cell's drawing by its row's style (the stripe)
      and gives it its row's index, so a partner added or deleted above
      drew every row below it again, cell by cell (``_restyled_cell``: a
      cell without the cursor is drawn once, bare, and given its stripe
      and index as it is put in its row).
    - ``_render_line`` keeps each screen line by its place on the screen
      and by where the cursor and the mouse are, so after the cursor moved,
      or a partner was added above, the next repaint of the whole table put
      every visible line together again from its row's drawing (a third of
      the time of an add at 100 partners). Here a line of a row the cursor
      and the mouse are not in is kept by its row, its line in the row and
      the row's index (which its stripe and its mouse meta depend on):
      wherever the cursor is, and wherever on the screen the row is.
      ``forget_rows`` forgets them with the rest of a row's drawings.
    - While the table is drawn, ``rich_style`` and ``size`` are read once,
      not once or twice per line: each reading walks the DOM (a third of
      the time of drawing lines that were kept).
    - ``_size_updated``: after every layout of the screen, Textual hands a
      ``ScrollView`` the size of its window as its virtual size, which never
      equals its real one, so the view resized its scrollbars and asked for a
      repaint that came in a frame of its own, a whole frame period (17 ms)
      after the one the key asked for. Here that happens only when a size
      changed (``fit_virtual_size`` fits them when the rows change).
    """

    def __init__(self, **kwargs: Any) -> None:
        # Before DataTable's own: it clears its caches (``_clear_caches``) as it starts.
        self._kept_lines: LRUCache[tuple[object, ...], Strip] = LRUCache(4000)
        """Screen lines of rows without the cursor, by row (``_render_line``)."""
        super().__init__(**kwargs)
        self._looks: dict[tuple[object, ...], int] = {}
        self._fitted: list[Sizes] = []
        self._drawing: tuple[Style, Size] | None = None
        """The table's style and size while it is drawn (``render_lines``), else None."""
        self._styled: tuple[object, ...] = ()
        """The style rules and backgrounds the kept lines were drawn with (``notify_style_update``)."""

    @property
    def rich_style(self) -> Style:
        drawing = self._drawing
        return drawing[0] if drawing is not None else super().rich_style

    @property
    def size(self) -> Size:
        drawing = self._drawing
        return drawing[1] if drawing is not None else super().size

    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()  # Widget._on_focus would repaint every line
        self.has_focus = True
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()  # Widget._on_blur would repaint every line
        self.has_focus = False
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    def notify_style_update(self) -> None:
        Widget.notify_style_update(self)  # DataTable's own would forget every drawing
        styles = self.styles
        styled = (styles.base.get_rules(), styles.inline.get_rules(), self.background_colors)
        if styled == self._styled:
            return  # restyled (the focus came or went) and looks the same: nothing to draw again
        self._styled = styled
        self._styles_cache.clear()
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        style = self.rich_style
        look = (
            style,
            *(self.get_component_rich_style(name) for name in sorted(self.COMPONENT_CLASSES)),
            *self.drawing_variant(),
        )
        # A number where DataTable keeps a PseudoClasses: its cache keys only compare it.
        looks = len(self._looks)
        number = self._looks.setdefault(look, looks)
        if number != self._pseudo_class_state:
            # The cursor's styles, as DataTable keeps them, are of the old look.
            self._get_styles_to_render_cell.cache_clear()
        self._pseudo_class_state = number  # type: ignore[assignment]
        self._drawing = (style, super().size)
        try:
            return Widget.render_lines(self, crop)
        finally:
            self._drawing = None

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        if self.cursor_type != "cell":
            return super()._render_line(y, x1, x2, base_style)
        try:
            row_key, line_in_row = self._get_offsets(y)
        except LookupError:
            return super()._render_line(y, x1, x2, base_style)
        locations = self._row_locations
        row = locations.get(row_key) if row_key in locations else -1
        hovered = self._show_hover_cursor and row == self.hover_coordinate.row
        if hovered or row == self.cursor_coordinate.row:
            return super()._render_line(y, x1, x2, base_style)
        key = (
            row_key,
            line_in_row,
            row,
            x1,
            x2,
            self.size.width,
            base_style,
            self._update_count,
            self._pseudo_class_state,
        )
        kept = self._kept_lines.get(key)
        if kept is None:
            kept = super()._render_line(y, x1, x2, base_style)
            self._kept_lines[key] = kept
        return kept

    def _clear_caches(self) -> None:
        for cache in (
            self._row_render_cache,
            self._cell_render_cache,
            self._row_renderable_cache,
            self._line_cache,
            self._offset_cache,
            self._ordered_row_cache,
            self._kept_lines,
        ):
            empty(cache)  # not left for a full garbage collection (``empty``)
        super()._clear_caches()

    def forget_lines(self, rows: Collection[RowKey]) -> None:
        """Forget the kept screen lines of ``rows`` (``forget_rows`` calls this)."""
        lines = self._kept_lines
        for line in [key for key in lines.keys() if key[0] in rows]:  # noqa: SIM118 (an LRUCache)
            lines.discard(line)

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[list[list[Segment]], list[list[Segment]]]:
        if self.cursor_type == "cell":
            locations = self._row_locations
            row = locations.get(row_key) if row_key in locations else -1
            if cursor_location.row != row:
                cursor_location = NOWHERE
            if hover_location.row != row:
                hover_location = NOWHERE
        pair = super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        row = self._row_locations.get(row_key) if row_key in self._row_locations else -1
        if _drawn_for_row(pair[1]) not in (None, row):
            # Kept from before the row moved: draw it again at its place.
            self._row_render_cache.discard(
                (
                    row_key,
                    line_no,
                    base_style,
                    cursor_location,
                    hover_location,
                    self.cursor_type,
                    self.show_cursor,
                    self._show_hover_cursor,
                    self._update_count,
                    self._pseudo_class_state,
                )
            )
            pair = super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)
        return pair

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        if row_index >= 0 and not (cursor or hover):
            return self._restyled_cell(row_index, column_index, base_style, width)
        lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        if row_index >= 0 and _drawn_for_row([lines[0]] if lines else []) not in (None, row_index):
            # Kept from before the row moved: draw it again with its new index.
            self._cell_render_cache.discard(
                (
                    self._row_locations.get_key(row_index),  # type: ignore[arg-type]
                    self._column_locations.get_key(column_index),
                    base_style,
                    cursor,
                    hover,
                    self._show_hover_cursor,
                    self._update_count,
                    self._pseudo_class_state,
                )
            )
            lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        return lines

    def _restyled_cell(
        self, row_index: int, column_index: int, base_style: Style, width: int
    ) -> list[list[Segment]]:
        """A cell without the cursor: drawn once bare, then given its row's stripe and index.

        ``DataTable`` draws a cell in its row's style (the stripe) and with its
        row's index (for the mouse), and keys the drawing by both; so adding or
        deleting a partner drew every row below it again, cell by cell, for
        the stripe and the index it moved to (30 ms at 120x40 when partners
        are added one after another, as in step 1). The bare drawing holds
        neither: ``Segment.apply_style`` lays the row's style under each
        segment and the index over it, which is what ``DataTable``'s own
        ``Styled(pre_style=...)`` does while drawing, for cells whose lines
        fill their width (``tests/app/test_textual_internals_widgets.py``).
        """
        bare = DataTable._render_cell(self, row_index, column_index, _BARE, width)
        over = _cell_meta(row_index, column_index)
        return [list(Segment.apply_style(line, base_style, over)) for line in bare]

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        state = (size, container_size, self.virtual_size)
        if self._fitted and self._fitted[0] == state:
            return False
        self._fitted[:] = [state]
        return super()._size_updated(size, virtual_size, container_size, layout)

    def drawing_variant(self) -> tuple[object, ...]:
        """What else the drawings depend on (the grid's mode): each variant's are kept apart."""
        return ()

    def fit_virtual_size(self, size: Size) -> None:
        """A new virtual size (``set_virtual_size``), the scrollbars fitted to it now and not again."""
        set_virtual_size(self, size, self._fitted)


@functools.lru_cache(maxsize=4096)
def _cell_meta(row: int, column: int) -> Style:
    """The mouse meta ``DataTable`` gives a cell's segments (a style with meta is costly to make)."""
    return Style.from_meta({"row": row, "column": column})


def _drawn_for_row(cells: list[list[Segment]]) -> int | None:
    """The row index a drawing was made for (in its mouse meta), or None when it has none."""
    for cell in cells:
        for segment in cell:
            style = segment.style
            if style is not None and style._meta:
                row = style.meta.get("row")
                return row if isinstance(row, int) else None
    return None


def set_virtual_size(
    widget: Widget, size: Size, applied: list[tuple[Size, Size, Size]] | None = None
) -> None:
    """Give ``widget`` a new virtual size: a repaint, and a layout only if a scrollbar comes or goes.

    Why: setting ``virtual_size`` lays out the whole screen, because a widget
    sized by its content might need more room. The grid and the cell editor
    are sized by the stylesheet, so a new size changes only what they scroll
    over. ``_scroll_update`` is what resizes the scrollbars (showing or
    hiding one asks for a layout by itself). ``applied`` is the state kept by
    ``size_updated``: the scrollbars are fitted here, so that the next layout
    does not fit them again in a frame of its own.
    """
    fitted = applied[0][2] if applied else size
    if size == widget.virtual_size and fitted == size:
        return
    widget.set_reactive(Widget.virtual_size, size)
    widget._scroll_update(size)
    widget.refresh()
    if applied:
        applied[0] = (applied[0][0], applied[0][1], size)


def own_bindings(node: DOMNode, key: str) -> list[Binding]:
    """The bindings ``node`` itself declares for ``key`` (not its ancestors').

    Why: the text widgets run their own bindings the moment a key reaches
    them (``widgets/local_keys.py``); Textual's public ``active_bindings``
    is the whole screen's, made after the key has bubbled up to the App.
    """
    return list(node._bindings.key_to_bindings.get(key, ()))


def replace_bindings(node: DOMNode, bindings: Iterable[BindingType]) -> None:
    """Give ``node`` new bindings (the footer's words in another language).

    Why: a binding's description is fixed once made and ``BINDINGS`` is read
    once per class; there is no public way to change a node's bindings.
    """
    node._bindings = BindingsMap(bindings)


class CrashHook(App[int]):
    """An App that hears of an uncaught error first (``crashed``) and prints no traceback itself.

    Why: ``_handle_exception`` is Textual's one place for an error no handler
    caught, and there is no public hook; the traceback it would print (from
    ``_exit_renderables``) goes to a log instead, and the user gets one line.
    """

    def crashed(self, error: Exception) -> None:
        """Called once per uncaught error, before the App ends."""

    def _handle_exception(self, error: Exception) -> None:
        self.crashed(error)
        super()._handle_exception(error)
        self._exit_renderables.clear()


# -- a TextArea (widgets/long_text.py) with a line of 100 KB ------------------------
#
# Why: ``TextArea._render_line`` draws one row of the screen at a time, and for
# each row cuts the whole document line it belongs to into its wrapped pieces
# (``Text.divide`` on what ``get_line`` gives; Textual has a TODO to cache it),
# then keeps one. A word of 100 KB in a column 20 wide is 5,000 pieces, cut
# again for each of the editor's 20 rows: opening such a cell, typing a key in
# it or moving its cursor took half a second. ``WrappedDocument.get_sections``,
# which every move of the cursor asks for, cut the line with ``Text.divide``
# too, making 5,000 ``Text`` objects only to take their strings. No public API
# serves: ``get_line`` (public) is the only hook into the drawing, and
# ``wrapped_document`` (public) has no faster way to its pieces. This module
# imports no TextArea: pvm loads it after the first paint.

LONG_LINE = 2_000
"""Characters from which a line's wrapped pieces are cut once per drawing, not once per row."""


class LastCut:
    """One editor's long line as last drawn: its text made safe once, and the pieces it was cut into."""

    def __init__(self) -> None:
        self.line: str | None = None
        self.clean = Text()
        self.cut: tuple[tuple[object, ...], Lines] | None = None
        self.sections: tuple[str, list[int], list[str]] | None = None


class PiecesOnce(Text):
    """A long line, for ``TextArea.get_line``: cut at the same places again, it gives the pieces it gave.

    The pieces are Textual's to style and draw; it sets their ``end`` (the
    same each time) and makes new ``Text`` to expand tabs, never changing
    the pieces themselves. ``Text`` drops control codes from every string
    it is given, a pass over all 100 KB (slow for text beyond ASCII, 6 ms),
    for each row twice (made, then padded by one space for the cursor): the
    line is made safe once, and padding adds the spaces as ``Text``.
    """

    def __init__(self, line: str, last: LastCut) -> None:
        super().__init__(end="", no_wrap=True)
        if last.line != line:
            last.line, last.clean = line, Text(line)
        self.append_text(last.clean)
        self._last = last

    def pad_right(self, count: int, character: str = " ") -> None:
        if count:
            self.append_text(Text(character * count))

    def divide(self, offsets: Iterable[int]) -> Lines:
        at = tuple(offsets)
        key = (self.plain, tuple(self._spans), self.style, at)
        cut = self._last.cut
        if cut is not None and cut[0] == key:
            return cut[1]
        pieces = super().divide(at)
        self._last.cut = key, pieces
        return pieces


class KeptWrap(WrappedDocument):
    """TextArea's wrap of its text (``wrapped_document``), made by Textual and then adopted (``adopt``).

    Why each override:

    - ``get_sections``, which each move of the cursor asks for two or three
      times, cut the line with ``Text.divide``, making a ``Text`` per piece
      (5,000 for a word of 100 KB) only to take their strings. Here the line
      is sliced (the same strings: the line as ``Text`` holds it, without
      the control codes ``Text`` drops), and the pieces of a long line are
      kept until the line or its offsets change.
    - ``wrap``: TextArea wraps its whole text at every resize, also to the
      width it has (a change of height, or a layout that ends where it
      began): 30 ms for 20,000 short lines, once more as a cell opens.
      ``wrap_range`` keeps the wrap up to date at each edit, so wrapping the
      same lines at the same widths again changes nothing, and is skipped
      (the lines are compared by identity first, as a list's ``==`` does).
      A wrap of every line is done here as ``WrappedDocument.wrap`` does
      it, without splitting a line that has no tab at its tabs (half the
      time of wrapping 20,000 short lines).
    - ``height`` added up the rows of every line, and TextArea asks for it
      for each row it draws: 2 ms each with 40,000 lines. Every row has its
      entry in ``_offset_to_line_info``, which ``wrap`` and ``wrap_range``
      keep.
    """

    _last: LastCut
    _wrapped_as: tuple[int, int, list[str]] | None

    @classmethod
    def adopt(cls, wrapped: WrappedDocument, last: LastCut | None = None) -> KeptWrap:
        """Make ``wrapped`` (as Textual made it) a ``KeptWrap``; ``last`` keeps a long line's pieces."""
        wrapped.__class__ = cls
        assert isinstance(wrapped, KeptWrap)
        wrapped._last = last or LastCut()
        # Textual made it wrapped, at these widths:
        wrapped._wrapped_as = (wrapped._width, wrapped._tab_width, list(wrapped.document.lines))
        return wrapped

    @property
    def height(self) -> int:
        return len(self._offset_to_line_info)

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        lines = self.document.lines
        done = self._wrapped_as
        if done is not None and done[:2] == (width, tab_width or self._tab_width) and done[2] == lines:
            return
        self._width = width
        if tab_width:
            self._tab_width = tab_width
        tabs = self._tab_width
        wrap_line = _wrapped_document.compute_wrap_offsets  # as Textual's wrap: what remember_wraps put there
        all_offsets: list[list[int]] = []
        line_info: list[tuple[int, int]] = []
        line_rows: list[list[int]] = []
        tab_widths: list[list[int]] = []
        y = 0
        for index, line in enumerate(lines):
            if "\t" in line:
                sections = get_tab_widths(line, tabs)
                offsets = wrap_line(line, width, tabs, precomputed_tab_sections=sections) if width else []
                tab_widths.append([tab for _, tab in sections])
            else:  # a line without tabs is one section, with no tab after it (none at all when empty)
                offsets = wrap_line(line, width, tabs) if width and line else []
                tab_widths.append([0] if line else [])
            all_offsets.append(offsets)
            if offsets:
                rows = len(offsets) + 1
                line_info += zip(itertools.repeat(index, rows), range(rows), strict=True)
                line_rows.append(list(range(y, y + rows)))
                y += rows
            else:
                line_info.append((index, 0))
                line_rows.append([y])
                y += 1
        self._wrap_offsets = all_offsets
        self._offset_to_line_info = line_info
        self._line_index_to_offsets = line_rows
        self._tab_width_cache = tab_widths
        self._wrapped_as = (width, tabs, list(lines))

    def get_sections(self, line_index: int) -> list[str]:
        raw = self.document[line_index]
        offsets = self.get_offsets(line_index)
        if len(raw) < LONG_LINE:
            return _slices(Text(raw, end="").plain, offsets)
        last = self._last
        kept = last.sections
        if kept is not None and kept[0] is raw and kept[1] == offsets:
            return kept[2]
        if last.line != raw:
            last.line, last.clean = raw, Text(raw)
        sections = _slices(last.clean.plain, offsets)
        last.sections = (raw, list(offsets), sections)
        return sections


def _slices(line: str, offsets: list[int]) -> list[str]:
    bounds = [0, *offsets, len(line)]
    return [line[start:end] for start, end in itertools.pairwise(bounds)]


def long_row(area: TextArea, y: int, last: LastCut) -> Strip | None:
    """Row ``y`` of ``area`` drawn from its piece of a long line alone; None when TextArea draws it itself.

    Why: ``TextArea._render_line`` counts the tabs in every piece of the line
    above the row it draws (a Python loop over up to 10,000 pieces, for each
    of the editor's rows: 50 ms a drawing with the cursor at the end of 100 KB
    of emoji), after cutting the line into ``Text`` pieces. This draws a
    piece of a soft-wrapped line as ``_render_line`` does (the same styles,
    in the same order, on the same stretch of the line without its control
    codes, its tabs as wide), from that piece alone. What pvm does not use
    (line numbers, syntax highlights, a suggestion, no soft wrap) is left to
    TextArea. ``tests/app/test_textual_internals_text_area.py`` compares the
    rows with Textual's own.
    """
    scroll_y = area.scroll_offset.y
    wrapped = area.wrapped_document
    try:
        line_index, section = wrapped._offset_to_line_info[y + scroll_y]
    except IndexError:
        return None
    raw = area.document.get_line(line_index)
    if (
        len(raw) < LONG_LINE
        or not area.soft_wrap
        or area.show_line_numbers
        or area.suggestion
        or area._highlights.get(line_index)
    ):
        return None
    if last.line != raw:
        last.line, last.clean = raw, Text(raw)
    line = last.clean.plain + " "  # TextArea pads the line by one space for the cursor
    offsets = wrapped.get_offsets(line_index)
    start = offsets[section - 1] if section else 0
    end = offsets[section] if section < len(offsets) else len(line)
    if not offsets:  # not wrapped yet (no width): of 100 KB in one row, what fits the editor is seen
        if "\t" in raw:
            return None  # TextArea expands the tabs of an unwrapped line another way
        end = min(end, start + 4 * area.size.width + 16)
    spans = _row_spans(area, line_index, len(line) - 1)
    piece = Text(line[start:end], end="")
    for span_start, span_end, style in spans:
        piece_start, piece_end = max(0, span_start - start), min(span_end - start, end - start)
        if piece_end > piece_start:
            piece.spans.append(Span(piece_start, piece_end, style))
    if "\t" in piece.plain:  # each tab as wide as the line's wrap measured it
        before = line.count("\t", 0, start)
        widths = wrapped.get_tab_widths(line_index)[before : before + piece.plain.count("\t")]
        piece = expand_text_tabs_from_widths(piece, widths)
    theme = area._theme
    base_style = theme.base_style if theme and theme.base_style is not None else area.rich_style
    cursor_row = area.selection.end[0]
    if cursor_row == line_index and area.highlight_cursor_line:
        line_style = theme.cursor_line_style if theme and area._has_cursor else None
    else:
        line_style = theme.base_style if theme else None
    strip = Strip(piece.render(area.app.console), cell_length=piece.cell_len)
    width = area.scrollable_content_region.size.width - area.gutter_width
    return strip.extend_cell_length(width, line_style).apply_style(base_style)


def _row_spans(area: TextArea, line_index: int, length: int) -> list[tuple[int, int, Style]]:
    """The styles ``TextArea._render_line`` puts on a whole line of ``length`` characters, in its order."""
    spans: list[tuple[int, int, Style]] = []
    padded = length + 1

    def stylize(style: Style | None, start: int = 0, end: int | None = None) -> None:
        end = padded if end is None else end
        if style and start < padded and end > start:  # as Text.stylize
            spans.append((start, min(padded, end), style))

    theme = area._theme
    has_cursor = area._has_cursor
    selection = area.selection
    start, end = selection
    cursor_row, cursor_column = end
    top, bottom = sorted(selection)
    if theme and area.highlight_cursor_line and has_cursor and cursor_row == line_index:
        stylize(theme.cursor_line_style)
    if start != end and top[0] <= line_index <= bottom[0] and theme:
        style = theme.selection_style
        if top[0] == bottom[0]:
            stylize(style, top[1], bottom[1])
        elif line_index == top[0]:
            stylize(style, top[1], length)
        elif line_index == bottom[0]:
            stylize(style, 0, bottom[1])
        else:
            stylize(style, 0, length)
    bracket = area._matching_bracket_location
    brackets = has_cursor and area.match_cursor_bracket and bracket is not None and start == end
    if cursor_row == line_index:
        if brackets and theme:
            stylize(theme.bracket_matching_style, cursor_column, cursor_column + 1)
        if area._draw_cursor and theme:
            stylize(theme.cursor_style, cursor_column, cursor_column + 1)
    if brackets and theme and bracket is not None and bracket[0] == line_index:
        stylize(theme.bracket_matching_style, bracket[1], bracket[1] + 1)
    return spans


# -- wrapping a long line (widgets/long_text.py) -----------------------------------
#
# Why: ``WrappedDocument`` calls ``compute_wrap_offsets`` (a name in its own
# module) for every line at each ``wrap``, and TextArea wraps three times as
# the cell editor opens (once per width it passes through, and again at a
# resize to the same width): 35 ms each for 100 KB of emoji, a third of the
# opening. The offsets of a long line without tabs are kept by line and
# width, and a word too long for a row is folded with the measured widths
# summed once and searched, where Textual measures and appends one
# character at a time; the offsets are the same (``tests/test_textual_internals.py``
# compares them with Textual's for many texts).

_kept_wraps: LRUCache[tuple[str, int, int], list[int]] = LRUCache(16)


def remember_wraps() -> None:
    """Make every ``WrappedDocument`` wrap long lines with ``wrap_offsets`` (the editor's module calls it)."""
    _wrapped_document.compute_wrap_offsets = wrap_offsets


def wrap_offsets(
    text: str,
    width: int,
    tab_size: int,
    fold: bool = True,
    precomputed_tab_sections: list[tuple[str, int]] | None = None,
) -> list[int]:
    """``compute_wrap_offsets``, the same offsets; those of a long line without tabs kept and found faster."""
    if 2 * len(text) <= width and "\t" not in text:
        return []  # no character is wider than two cells: the line fits (20,000 short lines are common)
    if len(text) < LONG_LINE or width < 2 or not fold:
        return compute_wrap_offsets(text, width, tab_size, fold, precomputed_tab_sections)
    key = (text, width, tab_size)  # the tabs' widths follow from the text and the tab size
    kept = _kept_wraps.get(key)
    if kept is None:
        kept = _kept_wraps[key] = (
            compute_wrap_offsets(text, width, tab_size, fold, precomputed_tab_sections)
            if "\t" in text
            else _offsets_without_tabs(text, width)
        )
    return list(kept)


def _offsets_without_tabs(text: str, width: int) -> list[int]:
    """Where Textual's ``compute_wrap_offsets`` breaks ``text`` (no tabs, ``width`` of 2 or more)."""
    breaks: list[int] = []
    cell_offset = 0
    for start, _, chunk in chunks(text):
        chunk_width = _width_past(chunk, width)
        if width - cell_offset >= chunk_width:
            cell_offset += chunk_width
        elif chunk_width > width:  # a word wider than a row: folded at the last character that fits
            rows = _fold(chunk, width)
            breaks.extend(start + row for row in rows if start + row)
            cell_offset = cell_len(chunk[rows[-1] :])
        elif cell_offset and start:
            breaks.append(start)
            cell_offset = chunk_width
    return breaks


def _width_past(chunk: str, width: int) -> int:
    """The cells of ``chunk``, or for a chunk wider than ``width``, of a start of it wider than that.

    No more is needed to wrap it, and measuring 100 KB of emoji takes 11 ms
    (a start of a text is never wider than the text).
    """
    if len(chunk) > 4 * width:
        start = cell_len(chunk[: 4 * width])
        if start > width:
            return start
    return cell_len(chunk)


def _fold(word: str, width: int) -> list[int]:
    """Where each row of ``word`` starts, folded as Textual folds it: as many characters as fit."""
    if word.isascii() and word.isprintable():
        return list(range(0, len(word), width))
    reach = list(itertools.accumulate(map(get_character_cell_size, word), initial=0))
    rows = []
    row = 0
    while row < len(word):
        rows.append(row)
        row = max(row + 1, bisect.bisect_right(reach, reach[row] + width, row + 1) - 1)
    return rows
