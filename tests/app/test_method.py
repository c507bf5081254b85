"""The method's order: steps 1 2 3, `n` for the next empty cell, and a whole matrix filled in by keyboard."""

from __future__ import annotations

from pathlib import Path

from pvm_tui import navigation
from pvm_tui.model import COLUMNS
from pvm_tui.widgets.grid import NAME_WIDTH
from tests.app.conftest import burst, editor, editor_of, read_toml, screen_text, session_of, type_text


async def test_steps_move_the_cursor_into_their_columns_and_light_up_in_the_step_bar(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "2")
        assert editor_of(app).grid.cursor_coordinate == (1, 1)
        assert editor_of(app).view.step_bar.step == 2
        assert "What do they contribute?" in screen_text(app)
        await pilot.press("3")
        assert editor_of(app).grid.cursor_coordinate == (1, 5)
        assert editor_of(app).view.step_bar.step == 3
        # the step's columns are in view: its heading is on screen, the partner column too
        text = screen_text(app)
        assert "What do they get out of it?" in text
        assert "Zorgverzekeringen" in text
        await pilot.press("1")
        assert editor_of(app).grid.cursor_coordinate == (1, 0)
        assert editor_of(app).view.step_bar.step == 1


async def test_every_column_is_reachable_at_80_by_24(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        for column in range(1, len(COLUMNS)):
            await pilot.press("l")
            await pilot.pause()
            region = editor_of(app).grid.cell_region(editor_of(app).grid.cursor_coordinate)
            visible_left = editor_of(app).grid.scroll_x + NAME_WIDTH
            assert region.x >= visible_left - 1
            assert (
                region.right
                <= editor_of(app).grid.scroll_x + editor_of(app).grid.scrollable_content_region.width
            )
            assert editor_of(app).grid.cursor_coordinate.column == column


async def test_n_walks_the_empty_cells_in_the_methods_order_and_starts_editing(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "n")
        # Sennheiser brings resources and channels; money is the first empty cell of step 2
        assert editor_of(app).grid.cursor_coordinate == (0, 3)
        assert editor_of(app).context() == "editor"
        await type_text(pilot, "none")
        await pilot.press("escape", "n")
        assert editor_of(app).grid.cursor_coordinate == (0, 4)
        await pilot.press("escape")
        expected = navigation.next_empty(session_of(app).matrix, list(range(5)), 0, 4)
        await pilot.press("n")
        assert tuple(editor_of(app).grid.cursor_coordinate) == expected
        await pilot.press("escape")
        assert session_of(app).matrix.partners[0].brings.money == "none"


async def test_n_moves_on_to_the_next_step_when_the_current_one_is_full(tmp_path: Path) -> None:
    app = editor(tmp_path / "two.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # an empty matrix: n adds the first partner
        await type_text(pilot, "Bank")
        await pilot.press("escape", "n")  # step 1 is full: step 2, first partner
        assert editor_of(app).grid.cursor_coordinate == (0, 1)
        assert editor_of(app).view.step_bar.step == 2
        for _ in range(4):
            await pilot.press("escape", "n")
        assert editor_of(app).grid.cursor_coordinate == (0, 5)
        assert editor_of(app).view.step_bar.step == 3


async def test_a_new_user_fills_in_three_partners_in_the_methods_order_and_finds_them_in_the_file(
    tmp_path: Path,
) -> None:
    """The issue's "done when": 80x24, only the keyboard, save, quit, and the file says what was typed."""
    path = tmp_path / "mine.toml"
    app = editor(path)
    async with app.run_test(size=(80, 24)) as pilot:
        partners = ["Bank", "Shop [eu]", "Uni"]
        for name in partners:  # step 1: the key partners
            await pilot.press("a")
            await type_text(pilot, name)
            await pilot.press("escape")
        await pilot.press("ctrl+home")
        # step 2 and 3 with n: type where there is something to say, Esc past the rest
        answers = {
            (0, "brings.money"): "A loan",
            (1, "brings.channels"): "Their shop window",
            (2, "brings.resources"): "Research\nand students",
            (0, "gets.money"): "Interest",
            (1, "gets.other"): "More visitors",
            (2, "gets.resources"): "Case studies",
        }
        for _ in range(3 * 8):
            await pilot.press("n")
            row, column = editor_of(app).grid.cursor_coordinate
            text = answers.get((row, COLUMNS[column].key))
            if text:
                await type_text(pilot, text)
            await pilot.press("escape")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not session_of(app).dirty
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    saved = read_toml(path)
    assert [table["name"] for table in saved["partners"]] == partners
    for (row, key), text in answers.items():
        side, category = key.split(".")
        assert saved["partners"][row][side][category] == text
    # nothing else was written into the cells
    written = sum(len(table.get(side, {})) for table in saved["partners"] for side in ("brings", "gets"))
    assert written == len(answers)


async def test_typing_a_newline_with_enter_keeps_it(tmp_path: Path) -> None:
    app = editor(tmp_path / "lines.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "a", "A", "enter", "B", "escape")
        assert session_of(app).matrix.partners[0].name == "A\nB"


async def test_home_end_page_and_first_last_partner_keys(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    rows = "".join(f'[[partners]]\nname = "P{number}"\n' for number in range(60))
    path.write_text(
        f'format = "partnerwaarde-matrix"\nversion = 1\nlanguage = "en"\n{rows}', encoding="utf-8"
    )
    app = editor(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end")
        assert editor_of(app).grid.cursor_coordinate == (0, len(COLUMNS) - 1)
        await pilot.press("home")
        assert editor_of(app).grid.cursor_coordinate == (0, 0)
        await pilot.press("pagedown")
        assert editor_of(app).grid.cursor_coordinate.row > 3
        await pilot.press("pageup")
        assert editor_of(app).grid.cursor_coordinate.row == 0
        await pilot.press("ctrl+end")
        assert editor_of(app).grid.cursor_coordinate.row == 59
        assert "P59" in screen_text(app)
        await pilot.press("ctrl+home", "j", "j", "k")
        assert editor_of(app).grid.cursor_coordinate == (1, 0)
        await pilot.press("l", "l", "h", "right", "left", "down", "up")
        assert editor_of(app).grid.cursor_coordinate == (1, 1)
        await pilot.press("tab", "tab", "shift+tab")
        assert editor_of(app).grid.cursor_coordinate == (1, 2)
