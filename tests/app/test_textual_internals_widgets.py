"""Each use pvm makes of Textual's insides (``pvm_tui/textual_internals.py``) still works.

A Textual upgrade that renames or reshapes one of them fails here, with a
message that names the use, rather than showing wrong cells to a user.
"""

from __future__ import annotations

import ast
import gc
import inspect
import textwrap
import weakref
from collections.abc import Iterator, Mapping

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import DataTable, Input
from textual.widgets.data_table import RowKey

from pvm_tui import textual_internals as internals
from tests.app.conftest import screen_text

UPGRADE = "Textual changed {what}: see pvm_tui/textual_internals.{use}"


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable()
        yield Input()


async def _table(pilot_app: TableApp) -> DataTable[Text]:
    table = pilot_app.query_one(DataTable)
    table.add_columns("a", "b")
    for row in range(5):
        table.add_row(Text(f"a{row}"), Text(f"b{row}"), key=f"r{row}")
    return table


def _screen_lines(app: App[None]) -> list[str]:
    return screen_text(app).splitlines()  # type: ignore[arg-type]


async def test_keeping_caches_keeps_the_update_count() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = await _table(app)
        await pilot.pause()
        assert hasattr(table, "_update_count"), UPGRADE.format(
            what="DataTable._update_count", use="keeping_caches"
        )
        before = table._update_count
        with internals.keeping_caches(table):
            table.add_row(Text("a5"), Text("b5"), key="r5")
            assert table._update_count != before, UPGRADE.format(
                what="what add_row does to DataTable._update_count", use="keeping_caches"
            )
        assert table._update_count == before


async def test_forget_rows_forgets_only_those_rows() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = await _table(app)
        await pilot.pause()
        for cache in ("_cell_render_cache", "_row_render_cache"):
            keys = list(getattr(table, cache).keys())
            assert keys, UPGRADE.format(what=f"DataTable.{cache}", use="forget_rows")
            assert all(isinstance(key, tuple) and isinstance(key[0], RowKey) for key in keys), UPGRADE.format(
                what=f"the keys of DataTable.{cache} (the row key first)", use="forget_rows"
            )
        internals.forget_rows(table, {RowKey("r1")}, moved=True)
        rows = {key[0] for key in list(table._cell_render_cache.keys())}
        assert RowKey("r1") not in rows
        assert RowKey("r2") in rows, "the other rows keep their drawings"
        # A changed cell shows after forgetting its row, with the update count kept.
        table.refresh()
        await pilot.pause()
        with internals.keeping_caches(table):
            table.update_cell("r1", table.ordered_columns[0].key, Text("c1"))
        lines = list(table._line_cache.keys())
        assert lines and all(isinstance(key[0], int) for key in lines), UPGRADE.format(
            what="the keys of DataTable._line_cache (the screen line first)", use="forget_rows"
        )
        internals.forget_rows(table, {RowKey("r1")}, moved=False)
        kept = {key[0] for key in list(table._line_cache.keys())}
        assert table.header_height + 1 not in kept, "the row's own line is forgotten"
        assert table.header_height + 2 in kept, "the other rows' lines are kept"
        table.refresh()
        await pilot.pause()
        assert any("c1" in line for line in _screen_lines(app)), UPGRADE.format(
            what="how DataTable caches a row's drawing", use="forget_rows"
        )


async def test_place_rows_orders_the_rows() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = await _table(app)
        order = [RowKey(f"r{row}") for row in (4, 3, 2, 1, 0)]
        internals.place_rows(table, order)
        internals.forget_rows(table, set(order), moved=True)
        assert [row.key for row in table.ordered_rows] == order, UPGRADE.format(
            what="DataTable._row_locations", use="place_rows"
        )
        assert table.get_row_index("r4") == 0
        await pilot.pause()
        text = "\n".join(_screen_lines(app))
        assert text.index("a4") < text.index("a0")


async def test_remove_rows_takes_rows_out_and_keeps_the_order_of_the_rest() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = await _table(app)
        await pilot.pause()
        table.move_cursor(row=4)
        for name in ("_row_locations", "_data", "_updated_cells", "_require_update_dimensions"):
            assert hasattr(table, name), UPGRADE.format(what=f"DataTable.{name}", use="remove_rows")
        internals.remove_rows(table, {RowKey("r1"), RowKey("r3")})
        assert [row.key for row in table.ordered_rows] == [RowKey("r0"), RowKey("r2"), RowKey("r4")], (
            UPGRADE.format(what="DataTable._row_locations", use="remove_rows")
        )
        assert table.get_row_index("r4") == 2
        assert table.cursor_coordinate.row == 2, "the cursor is kept inside the table"
        await pilot.pause()
        lines = _screen_lines(app)
        assert any("a4" in line for line in lines) and not any("a3" in line for line in lines), (
            UPGRADE.format(what="how DataTable draws after its rows change", use="remove_rows")
        )


async def test_set_cells_and_forget_all() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = await _table(app)
        await pilot.pause()
        internals.set_cells(table, [(RowKey("r2"), [Text("x"), Text("y")])])
        assert table.get_row("r2") == [Text("x"), Text("y")], UPGRADE.format(
            what="DataTable._data", use="set_cells"
        )
        internals.forget_all(table)
        assert not list(table._cell_render_cache.keys()), UPGRADE.format(
            what="DataTable._clear_caches", use="forget_all"
        )
        table.refresh()
        await pilot.pause()
        assert any(line.startswith(" x ") for line in _screen_lines(app)), "the new cells show"


async def test_set_virtual_size_resizes_without_a_layout() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = await _table(app)
        await pilot.pause()
        assert hasattr(table, "_scroll_update"), UPGRADE.format(
            what="Widget._scroll_update", use="set_virtual_size"
        )
        internals.set_virtual_size(table, Size(300, 400))
        assert table.virtual_size == Size(300, 400)
        await pilot.pause()
        assert table.max_scroll_y > 0, "the scrollbars know the new size"


async def test_own_bindings_and_replace_bindings() -> None:
    app = TableApp()
    async with app.run_test():
        field = app.query_one(Input)
        found = internals.own_bindings(field, "backspace")
        assert found and found[0].action == "delete_left", UPGRADE.format(
            what="Input's bindings or DOMNode._bindings", use="own_bindings"
        )
        from textual.binding import Binding

        internals.replace_bindings(field, [Binding("f5", "nothing", "Five")])
        assert [binding.description for binding in internals.own_bindings(field, "f5")] == ["Five"]
        assert internals.own_bindings(field, "backspace") == []


class Failing(internals.CrashHook):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[Exception] = []

    def crashed(self, error: Exception) -> None:
        self.heard.append(error)

    def on_mount(self) -> None:
        raise ValueError("on purpose")


async def test_crash_hook_hears_the_error_and_prints_no_traceback() -> None:
    app = Failing()
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
    except ValueError:
        pass  # Pilot raises the app's error again for the test
    assert [str(error) for error in app.heard] == ["on purpose"], UPGRADE.format(
        what="App._handle_exception", use="CrashHook"
    )
    assert hasattr(app, "_exit_renderables") and app._exit_renderables == [], UPGRADE.format(
        what="App._exit_renderables (the traceback printed on exit)", use="CrashHook"
    )


RESTYLE = "KeptDrawingsTable.notify_style_update"


class KeepingTable(internals.KeptDrawingsTable[Text]):
    def __init__(self) -> None:
        super().__init__(cursor_type="cell")


class KeepingApp(App[None]):
    CSS = "KeepingTable:focus { background-tint: white 10%; }"

    def compose(self) -> ComposeResult:
        yield KeepingTable()
        yield Input()


async def test_the_drawings_are_kept_when_the_focus_moves() -> None:
    app = KeepingApp()
    async with app.run_test() as pilot:
        table = app.query_one(KeepingTable)
        await _table(app)  # type: ignore[arg-type]
        table.focus()
        await pilot.pause()
        for name in ("_cell_render_cache", "_row_render_cache", "_styles_cache", "_pseudo_class_state"):
            assert hasattr(table, name), UPGRADE.format(what=f"DataTable.{name}", use=RESTYLE)
        drawn = set(table._cell_render_cache.keys())
        assert drawn, UPGRADE.format(what="DataTable._render_cell's cache", use=RESTYLE)
        assert {key[-1] for key in drawn} == {0}, UPGRADE.format(
            what="DataTable's cache keys (the focus state last)", use="KeptDrawingsTable.render_lines"
        )
        app.query_one(Input).focus()
        await pilot.pause()
        assert {key[-1] for key in list(table._cell_render_cache.keys())} == {0, 1}, "drawn for the new look"
        table.focus()
        await pilot.pause()
        assert drawn <= set(table._cell_render_cache.keys()), UPGRADE.format(
            what="what a style update does to DataTable's caches", use=RESTYLE
        )
        assert len(table._looks) == 2, "the focused look again: the first drawings are used again"
        assert "a0" in screen_text(app) and "b4" in screen_text(app), "the cells show"


FOCUS = "KeptDrawingsTable._on_focus"


def _called_in(function: object) -> set[str]:
    """The names a function calls or sets, from its source."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))  # type: ignore[arg-type]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            names.add(node.attr)
    return names


class NewsApp(App[None]):
    """A table in a container that hears what its children say of the focus."""

    def __init__(self) -> None:
        super().__init__()
        self.news: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield KeepingTable()
        yield Input()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.news.append(f"focus {type(event.widget).__name__}")

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.news.append(f"blur {type(event.widget).__name__}")


async def test_the_focus_coming_and_going_is_passed_on_as_widget_does() -> None:
    # KeptDrawingsTable takes the place of Widget's own focus handlers: they must still do
    # no more than set has_focus, repaint, and tell the parent.
    for handler, event in ((Widget._on_focus, "DescendantFocus"), (Widget._on_blur, "DescendantBlur")):
        allowed = {"has_focus", "refresh", "parent", "post_message", event, event.removeprefix("Descendant")}
        assert _called_in(handler) <= allowed, UPGRADE.format(what=f"Widget.{handler.__name__}", use=FOCUS)
    app = NewsApp()
    async with app.run_test() as pilot:
        table = app.query_one(KeepingTable)
        table.focus()
        await pilot.pause()
        assert table.has_focus and app.screen.focused is table
        app.query_one(Input).focus()
        await pilot.pause()
        assert not table.has_focus
        heard = [item for item in app.news if "KeepingTable" in item]
        assert heard == ["focus KeepingTable", "blur KeepingTable"]


async def test_a_row_without_the_cursor_is_drawn_once_wherever_the_cursor_is() -> None:
    app = KeepingApp()
    async with app.run_test() as pilot:
        table = app.query_one(KeepingTable)
        await _table(app)  # type: ignore[arg-type]
        table.focus()
        await pilot.pause()
        keys = list(table._row_render_cache.keys())
        assert keys and all(len(key) == 10 for key in keys), UPGRADE.format(
            what="DataTable._render_line_in_row's cache key", use="KeptDrawingsTable._render_line_in_row"
        )
        assert any(key[3] == internals.NOWHERE for key in keys), UPGRADE.format(
            what="DataTable._render_line_in_row's arguments", use="KeptDrawingsTable._render_line_in_row"
        )
        before = len(keys)
        await pilot.press("down", "down")
        # Each move drew only the row the cursor left and the row it entered.
        assert len(table._row_render_cache.keys()) - before == 4
        assert table.cursor_coordinate == (2, 0)


async def test_a_line_without_the_cursor_is_kept_wherever_the_cursor_and_the_row_are() -> None:
    app = KeepingApp()
    async with app.run_test() as pilot:
        table = app.query_one(KeepingTable)
        await _table(app)  # type: ignore[arg-type]
        table.focus()
        await pilot.pause()
        assert all(len(key) == 11 for key in table._line_cache.keys()), UPGRADE.format(  # noqa: SIM118
            what="DataTable._render_line's cache key", use="KeptDrawingsTable._render_line"
        )
        for name in ("_render_line", "_get_offsets", "_clear_caches"):
            assert hasattr(DataTable, name), UPGRADE.format(what=f"DataTable.{name}", use="KeptDrawingsTable")
        table._kept_lines["probe"] = None  # type: ignore[index]
        table._clear_caches()
        assert not table._kept_lines, UPGRADE.format(
            what="when DataTable clears its caches", use="KeptDrawingsTable._clear_caches"
        )
        table.refresh()  # drawn again once the table has measured its new rows
        await pilot.pause()
        lines = table._kept_lines
        now = {key for key in lines.keys() if key[7] == table._update_count}  # noqa: SIM118
        assert {key[0].value for key in now} == {None, "r1", "r2", "r3", "r4"}, UPGRADE.format(
            what="DataTable._get_offsets", use="KeptDrawingsTable._render_line"
        )
        before = set(lines.keys())
        await pilot.press("down")
        table.refresh()  # the whole table, as when the focus comes back from the cell editor
        await pilot.pause()
        drawn = set(lines.keys()) - before
        assert {key[0].value for key in drawn} == {"r0"}, "only the row the cursor left"
        with internals.keeping_caches(table):
            table.remove_row("r0")  # every row moves up: a new stripe and index for each
        internals.forget_rows(table, {RowKey("r0")}, moved=True)
        table.refresh()
        await pilot.pause()
        assert not any(key[0].value == "r0" for key in lines.keys()), "a removed row's lines go"  # noqa: SIM118
        assert screen_text(app).splitlines()[1].startswith(" a1"), screen_text(app)


async def test_the_scrollbars_are_fitted_once_per_change_of_size() -> None:
    app = KeepingApp()
    async with app.run_test() as pilot:
        table = app.query_one(KeepingTable)
        await _table(app)  # type: ignore[arg-type]
        await pilot.pause()
        assert hasattr(ScrollView, "_size_updated"), UPGRADE.format(
            what="ScrollView._size_updated", use="KeptDrawingsTable._size_updated"
        )
        size, room = table.size, table.container_size
        assert table._fitted == [(size, room, table.virtual_size)], "fitted at the first layout"
        assert table._size_updated(size, Size(1, 1), room) is False, "the same sizes: nothing to fit"
        table.fit_virtual_size(Size(300, 400))
        assert table._fitted[0][2] == Size(300, 400), "fit_virtual_size tells _size_updated what it fitted"
        await pilot.pause()
        assert table.max_scroll_y > 0, "the scrollbars know the new size"


async def test_append_rows_adds_rows_that_show_and_take_the_cursor() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = app.query_one(DataTable)
        table.add_column("a", width=6)  # append_rows is for columns of fixed widths
        table.add_column("b", width=6)
        for name in ("_row_locations", "_data", "_require_update_dimensions", "_highlight_cursor"):
            assert hasattr(table, name), UPGRADE.format(what=f"DataTable.{name}", use="append_rows")
        internals.append_rows(
            table, [(f"r{row}", [Text(f"a{row}"), Text(f"b{row}")], 1) for row in range(30)]
        )
        await pilot.pause()
        assert table.row_count == 30
        assert table.get_row("r29") == [Text("a29"), Text("b29")]
        assert table.virtual_size.height >= 30, UPGRADE.format(
            what="DataTable's dimensions on idle", use="append_rows"
        )
        assert "a0" in screen_text(app) and "b5" in screen_text(app)
        await pilot.press("down", "down")
        assert table.cursor_coordinate == (2, 0)


class _Cells(Mapping[object, Text]):
    """A row whose cells are made when read (as the grid's rows are: ``grid_rows.py``)."""

    def __init__(self, row: int) -> None:
        self.row = row
        self.read: list[str] = []

    def __getitem__(self, key: object) -> Text:
        name = str(getattr(key, "value", key))  # DataTable asks with its ColumnKey
        self.read.append(name)
        return Text(f"{name}{self.row}")

    def __iter__(self) -> Iterator[object]:
        return iter(("a", "b"))

    def __len__(self) -> int:
        return 2


async def test_append_rows_keeps_a_mapping_that_makes_its_cells_when_drawn() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(DataTable)
        table.add_column("a", width=6, key="a")
        table.add_column("b", width=6, key="b")
        rows = [_Cells(row) for row in range(200)]
        added = internals.append_rows(
            table, [(RowKey(f"r{row}"), cells, 1) for row, cells in enumerate(rows)]
        )
        assert added[7] is table.rows[RowKey("r7")], "the table's record of each row, in order"
        await pilot.pause()
        assert "a0" in screen_text(app) and "b3" in screen_text(app), UPGRADE.format(
            what="how DataTable reads a row's cells (DataTable._data)", use="append_rows"
        )
        assert rows[0].read and not rows[150].read, "a row out of view is not read"
        assert table.get_cell_at((150, 1)) == Text("b150")
        rows[1].row = 7  # the row holds another partner now: forgotten, drawn again
        internals.forget_rows(table, [RowKey("r1")], moved=False)
        table.refresh()
        await pilot.pause()
        assert "a7" in screen_text(app)


def test_empty_frees_what_a_cache_held_without_a_garbage_collection() -> None:
    cache: LRUCache[int, list[object]] = LRUCache(10)
    held = [object() for _ in range(3)]
    gone = weakref.ref(held_class := _Held())
    for key in range(5):
        cache[key] = [held, held_class]
    assert hasattr(cache, "_cache"), UPGRADE.format(what="LRUCache._cache", use="empty")
    del held_class
    enabled = gc.isenabled()
    gc.disable()
    try:
        internals.empty(cache)
        assert gone() is None, "freed at once, not when the collector next runs"
    finally:
        if enabled:
            gc.enable()
    assert len(cache) == 0 and cache.get(1) is None
    cache[1] = [held]
    assert cache.get(1) == [held], "the cache works after"


class _Held:
    """Something a cache holds (weakly referable)."""


class StripedTable(internals.KeptDrawingsTable[Text]):
    def __init__(self) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, fixed_columns=1)


class StripedApp(App[None]):
    CSS = "StripedTable { height: 12; }"  # a table that changes its height draws everything again

    def compose(self) -> ComposeResult:
        yield StripedTable()


def _cells_as_datatable_draws_them(table: StripedTable) -> list[list[Segment]]:
    """Every cell without the cursor, drawn bare and restyled, beside DataTable's own drawing of it."""
    pairs = []
    base = table.rich_style
    for row in range(table.row_count):
        row_style = table._get_row_style(row, base)
        for column in range(len(table.columns)):
            if (row, column) == tuple(table.cursor_coordinate):
                continue
            width = table.ordered_columns[column].get_render_width(table)
            ours = table._render_cell(row, column, row_style, width)
            table._cell_render_cache.clear()
            stock = DataTable._render_cell(table, row, column, row_style, width)
            table._cell_render_cache.clear()
            pairs.append(
                (
                    [list(Segment.simplify(line)) for line in ours],
                    [list(Segment.simplify(line)) for line in stock],
                )
            )
    return pairs


async def test_a_cell_drawn_bare_and_restyled_is_what_datatable_draws() -> None:
    app = StripedApp()
    async with app.run_test() as pilot:
        table = app.query_one(StripedTable)
        table.add_columns("name", "a", "b")
        for row in range(6):
            table.add_row(
                Text(f"n{row}"), Text(f"a{row} styled", style="bold red"), Text(f"b{row}"), key=f"r{row}"
            )
        await pilot.pause()
        for ours, stock in _cells_as_datatable_draws_them(table):
            assert ours == stock, UPGRADE.format(
                what="how DataTable._render_cell styles a cell", use="_restyled_cell"
            )
        # Drawn bare once, then asked for at another place (a row above it removed):
        # the stripe and the mouse's row index are those of the new place.
        for row in range(table.row_count):
            for column in range(len(table.columns)):
                width = table.ordered_columns[column].get_render_width(table)
                table._render_cell(row, column, table._get_row_style(row, table.rich_style), width)
        with internals.keeping_caches(table):  # as the grid removes a partner: the drawings stay
            internals.remove_rows(table, [RowKey("r0")])
        internals.forget_rows(table, [], moved=True)
        await pilot.pause()
        for ours, stock in _cells_as_datatable_draws_them(table):
            assert ours == stock, "a cell that moved is drawn for its new place"


async def test_forget_header_shows_new_column_labels() -> None:
    app = KeepingApp()
    async with app.run_test() as pilot:
        table = await _table(app)  # type: ignore[arg-type]
        await pilot.pause()
        assert hasattr(table, "_header_row_key"), UPGRADE.format(
            what="DataTable._header_row_key", use="forget_header"
        )
        assert "a" in _screen_lines(app)[0]
        table.ordered_columns[0].label = Text("z!")  # as wide as the column
        with internals.keeping_caches(table):
            internals.forget_header(table)
        await pilot.pause()
        assert "z!" in _screen_lines(app)[0], UPGRADE.format(
            what="the header row's drawings", use="forget_header"
        )
        assert "a0" in screen_text(app), "the rows still show"
