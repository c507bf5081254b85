"""The grid of a big matrix: what touches every row never holds the keys for seconds (issue 14 §16).

A screen shows some forty rows of thousands. Opening a matrix makes the
text of only the cells that are drawn; a reload or a restored copy that
changed every partner redraws all rows in one pass. The matrices here have
a couple of thousand partners: enough to show what is made and what is
drawn, quick to read. ``benchmarks/big_matrix.py`` times 15,000 and 20,000.

Whole-text rows of many partners are made a slice at a time while compact
rows show; here every text counts as too much to make at once, a slice is
one partner, and the pause between slices waits until the test lets it go.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DataTable

from pvm_tui import textual_internals
from pvm_tui.screens.help import HelpScreen
from pvm_tui.widgets import grid_cells, whole_rows
from tests.app.conftest import editor, editor_of, region_text, screen_text, session_of, type_text, until


def big_matrix_text(partners: int, name: str = "Partner ", tail: str = "") -> str:
    lines = [
        'format = "partnerwaarde-matrix"',
        "version = 1",
        'language = "en"',
        "",
        "[company]",
        'name = "Big"',
    ]
    for index in range(partners):
        lines += ["", "[[partners]]", f'name = "{name}{index:04d}"', "[partners.brings]"]
        lines.append(f'resources = "knowledge {index}{tail}"')
    return "\n".join(lines) + "\n"


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "big.toml"
    path.write_text(big_matrix_text(2000), encoding="utf-8")
    return path


class Counted:
    """Wraps a function and counts its calls."""

    def __init__(self, real) -> None:
        self.real = real
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.real(*args, **kwargs)


async def test_a_big_matrix_opens_making_only_the_cells_it_draws(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Counted(grid_cells.cell_text)
    monkeypatch.setattr(grid_cells, "cell_text", made)
    app = editor(big)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Partner 0000" in text and "knowledge 0" in text and "Partner 0030" in text
        assert made.calls <= 9 * 40, "only the rows on screen are made"
        await pilot.press("ctrl+end")
        text = screen_text(app)
        assert "Partner 1999" in text and "knowledge 1999" in text
        assert "Partner 0000" not in text
        assert made.calls <= 2 * 9 * 40
        grid = editor_of(app).grid
        assert grid.get_cell_at((1000, 1)).plain.strip() == "│ knowledge 1000", (
            "a cell never drawn reads right"
        )


async def _reload_from(app, pilot, path: Path, text: str) -> None:
    """Change the file on disk; ctrl+s brings the change in (nothing is unsaved: a reload), then saves."""
    path.write_text(text, encoding="utf-8")
    await pilot.press("ctrl+s")
    await until(pilot, lambda: "Saved" in screen_text(app))


async def test_a_reload_that_renames_every_partner_redraws_all_rows_in_one_pass(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = editor(big)
    async with app.run_test(size=(120, 40)) as pilot:
        forgets = Counted(textual_internals.forget_rows)
        monkeypatch.setattr(textual_internals, "forget_rows", forgets)
        await _reload_from(app, pilot, big, big_matrix_text(2000, name="Renamed "))
        # Once for the new cells, once for marking the cells changed on disk; not once per partner.
        assert forgets.calls <= 2, "the drawings are looked through once, not once per partner"
        calls = forgets.calls
        text = screen_text(app)
        assert "Renamed 0000" in text and "Partner 0000" not in text
        await pilot.press("ctrl+end")
        assert "Renamed 1999" in screen_text(app)
        await pilot.press("ctrl+z")  # the reload undone: the names are back
        await until(pilot, lambda: "Partner 0000" in screen_text(app))
        await pilot.press("ctrl+end")
        assert "Partner 1999" in screen_text(app) and "Renamed" not in screen_text(app)
        assert forgets.calls <= calls + 2


async def test_a_reload_that_drops_many_partners_takes_their_rows_out_at_once(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    removed = Counted(DataTable.remove_row)
    monkeypatch.setattr(DataTable, "remove_row", removed)
    app = editor(big)
    async with app.run_test(size=(120, 40)) as pilot:
        await _reload_from(app, pilot, big, big_matrix_text(1500))
        grid = editor_of(app).grid
        assert grid.row_count == 1500 == len(session_of(app).matrix.partners)
        assert removed.calls == 0, "no row is taken out one at a time (each numbers every row again)"
        await pilot.press("ctrl+end")
        text = screen_text(app)
        assert "Partner 1499" in text and "Partner 1500" not in text
        await pilot.press("ctrl+z")
        await until(pilot, lambda: grid.row_count == 2000)
        await pilot.press("ctrl+end")
        assert "Partner 1999" in screen_text(app)


TAIL = " and a long tail of words that only whole text shows"


class Gate:
    """The pause between two slices of whole-text rows, held until ``open``."""

    def __init__(self) -> None:
        self.opened: asyncio.Event | None = None
        self.waiting = 0

    async def breathe(self) -> None:
        if self.opened is None:
            self.opened = asyncio.Event()
        self.waiting += 1
        await self.opened.wait()

    def open(self) -> None:
        assert self.opened is not None
        self.opened.set()


@pytest.fixture
def slices(monkeypatch: pytest.MonkeyPatch) -> Gate:
    gate = Gate()
    monkeypatch.setattr(whole_rows, "AT_ONCE", 0)
    monkeypatch.setattr(whole_rows, "SLICE_SECONDS", 0.0)
    monkeypatch.setattr(whole_rows, "breathe", gate.breathe)
    return gate


@pytest.fixture
def long_cells(tmp_path: Path) -> Path:
    path = tmp_path / "long.toml"
    path.write_text(big_matrix_text(12, tail=TAIL), encoding="utf-8")
    return path


async def test_w_shows_compact_rows_and_counts_while_whole_rows_are_made_and_keys_work(
    long_cells: Path, slices: Gate
) -> None:
    app = editor(long_cells)
    async with app.run_test(size=(120, 40)) as pilot:
        grid = editor_of(app).grid
        await pilot.press("w")
        await until(pilot, lambda: slices.waiting == 1)
        text = screen_text(app)
        assert "Whole text: 1 of 12 partners ready… (you can go on working)" in text
        shown = region_text(app, grid)
        assert "shows" not in shown and "│ knowledge 0" in shown, "compact rows meanwhile"
        await pilot.press("down")  # the keys work while the rows are made
        assert grid.cursor_row == 1
        assert "Partner 0001" in screen_text(app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        assert grid.making_whole and slices.waiting == 1, "still at the first slice"
        slices.open()
        await until(pilot, lambda: not grid.making_whole)
        await pilot.pause()
        text = screen_text(app)
        assert "│ shows" in region_text(app, grid), "the whole-text rows show once they are made"
        assert "Whole text: every word of every cell" in text
        assert grid.cursor_row == 1, "the cursor stays on its partner"


async def test_an_edit_while_whole_rows_are_made_shows_in_them(long_cells: Path, slices: Gate) -> None:
    app = editor(long_cells)
    async with app.run_test(size=(120, 40)) as pilot:
        grid = editor_of(app).grid
        await pilot.press("w")
        await until(pilot, lambda: slices.waiting == 1)
        await pilot.press("e")
        await type_text(pilot, " edited meanwhile")
        await pilot.press("escape")
        slices.open()
        await until(pilot, lambda: not grid.making_whole)
        await pilot.pause()
        shown = region_text(app, grid)
        assert "│ shows" in shown
        assert "edited" in shown and "meanwhile" in shown


async def test_w_again_while_whole_rows_are_made_stays_compact(long_cells: Path, slices: Gate) -> None:
    app = editor(long_cells)
    async with app.run_test(size=(120, 40)) as pilot:
        grid = editor_of(app).grid
        await pilot.press("w")
        await until(pilot, lambda: slices.waiting == 1)
        await pilot.press("w")
        assert "Compact: one line per partner" in screen_text(app)
        slices.open()
        await pilot.pause()
        await pilot.pause()
        assert not grid.whole and not grid.making_whole
        assert "shows" not in region_text(app, grid), "nothing switches to whole text later"


async def test_a_reload_in_whole_text_shows_the_new_text_once_its_rows_are_made(
    long_cells: Path, slices: Gate
) -> None:
    app = editor(long_cells)
    async with app.run_test(size=(120, 40)) as pilot:
        grid = editor_of(app).grid
        await pilot.press("w")
        slices.open()
        await until(pilot, lambda: grid.whole and not grid.making_whole)
        # Read again (as after "reload" in the changed-on-disk dialog): each partner keeps its row.
        long_cells.write_text(big_matrix_text(12, name="Renamed ", tail=TAIL), encoding="utf-8")
        editor_of(app).files.reload()
        assert grid.making_whole, "too much to make at once: compact rows meanwhile"
        await until(pilot, lambda: not grid.making_whole)
        await pilot.pause()
        shown = region_text(app, grid)
        assert "│ shows" in shown, "whole text again"
        assert "Renamed" in shown and "Partner" not in shown
        await pilot.press("ctrl+z")  # the reload undone, in whole text
        await until(pilot, lambda: not grid.making_whole and "Partner" in region_text(app, grid))
        assert "Renamed" not in region_text(app, grid)


async def test_keys_that_change_every_row_make_only_the_rows_they_draw(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = editor(big)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        grid = editor_of(app).grid
        heading = region_text(app, grid).splitlines()[0]
        made: set[int] = set()  # the partners whose cells were asked for
        cells = grid_cells.CellMaker.cells

        def counted(maker, partner, *args):
            made.add(partner.key)
            return cells(maker, partner, *args)

        monkeypatch.setattr(grid_cells.CellMaker, "cells", counted)
        await pilot.press("L")  # every row's words in the other language
        await pilot.pause()
        assert region_text(app, grid).splitlines()[0] != heading, "the other language shows"
        assert "Partner 0000" in screen_text(app)
        assert len(made) <= 40, "only the rows on screen are made"
        big.write_text(big_matrix_text(2000, name="Renamed "), encoding="utf-8")
        editor_of(app).files.reload()  # every partner renamed, each in its own row
        await until(pilot, lambda: "Renamed 0000" in screen_text(app))
        await pilot.press("ctrl+z")
        await until(pilot, lambda: "Partner 0000" in screen_text(app))
        assert len(made) <= 40, "only the rows on screen are made"
        await pilot.press("ctrl+end")
        assert "Partner 1999" in screen_text(app) and "Renamed" not in screen_text(app)
        never_drawn = grid.get_cell_at((1000, 0)).plain.strip()
        assert never_drawn.endswith("Partner 1000"), "a row never drawn reads right"


async def test_whole_text_rows_of_a_big_matrix_make_the_cells_of_the_rows_they_draw(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: set[int] = set()  # the partners whose whole-text cells were made
    whole_cell = grid_cells.whole_cell

    def counted(partner, *args):
        made.add(partner.key)
        return whole_cell(partner, *args)

    monkeypatch.setattr(grid_cells, "whole_cell", counted)
    app = editor(big)
    async with app.run_test(size=(120, 40)) as pilot:
        grid = editor_of(app).grid
        await pilot.press("w")
        await until(pilot, lambda: grid.whole and not grid.making_whole)
        await pilot.pause()
        lines = region_text(app, grid).splitlines()
        assert lines[2].startswith(" →B Partner     │ knowledge "), "name and cell wrapped to their columns"
        assert lines[3].startswith("    0000        │ 0 "), lines
        assert len(made) <= 40, "every row is measured; only the rows on screen are made"
        assert grid.virtual_size.height == 2 + 2 * 2000, "each row as high as its text (two lines)"
        await pilot.press("ctrl+end")
        assert "    1999        │ 1999 " in region_text(app, grid)


def _rows_added(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows each call of ``append_rows`` adds to the grid, from now on."""
    added: list[int] = []
    append_rows = textual_internals.append_rows

    def counted(table, rows):
        rows = list(rows)
        added.append(len(rows))
        return append_rows(table, rows)

    monkeypatch.setattr(textual_internals, "append_rows", counted)
    return added


async def test_each_letter_typed_in_the_filter_line_keeps_the_rows_that_stay(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = editor(big)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        grid = editor_of(app).grid
        added = _rows_added(monkeypatch)
        await pilot.press("slash", "1")
        assert grid.row_count == sum("1" in f"{index:04d}" for index in range(2000))
        await pilot.press("9", "9")
        narrowed = grid.row_count
        assert narrowed == sum("199" in f"{index:04d}" for index in range(2000))
        assert sum(added) == 0, "narrowing the filter adds no row"
        text = screen_text(app)
        assert "Partner 0199" in text and "Partner 1990" in text and "Partner 0001" not in text
        await pilot.press("backspace", "backspace")
        assert sum(added) == grid.row_count - narrowed, "widening it adds only the rows that come back"
        await pilot.press("escape", "escape")  # the filter line, then the filter
        assert grid.row_count == 2000
        assert grid.keys_in_view() == sorted(grid.keys_in_view()), "in the file's order"
        await pilot.press("ctrl+end")
        assert "Partner 1999" in screen_text(app)


async def test_o_puts_the_rows_in_another_order_keeping_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "influence.toml"
    text = big_matrix_text(2000)
    for index in (7, 1507):  # two partners of high influence, far down
        text = text.replace(
            f'name = "Partner {index:04d}"\n', f'name = "Partner {index:04d}"\ninfluence = "high"\n'
        )
    path.write_text(text, encoding="utf-8")
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        grid = editor_of(app).grid
        added = _rows_added(monkeypatch)
        await pilot.press("o")
        assert [grid.get_cell_at((row, 0)).plain.strip()[-12:] for row in range(3)] == [
            "Partner 0007",
            "Partner 1507",
            "Partner 0000",
        ]
        assert "Partner 1507" in region_text(app, grid)
        await pilot.press("o")  # the file's order again
        assert "Partner 1507" not in region_text(app, grid) and "Partner 0007" in region_text(app, grid)
        assert grid.row_count == 2000 and sum(added) == 0, "every row stays; only the order changes"
