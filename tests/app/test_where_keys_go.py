"""Keys that go where you expect: `n` on an empty cell, `n` after `2` and `3`, Tab within a step."""

from __future__ import annotations

from pathlib import Path

from pvm_tui import navigation
from tests.app.conftest import editor, editor_of, read_toml, session_of, type_text

NAME, RESOURCES, CHANNELS = 0, 1, 2
GETS = navigation.STEP_COLUMNS[3]


def two_partners(tmp_path: Path) -> Path:
    path = tmp_path / "two.toml"
    path.write_text(
        'language = "en"\n\n[[partners]]\nname = "Alpha"\n[partners.gets]\nresources = "a"\n\n'
        '[[partners]]\nname = "Beta"\n',
        encoding="utf-8",
    )
    return path


async def test_n_after_pvm_new_writes_the_name_of_the_unnamed_partner(tmp_path: Path, run_pvm) -> None:
    path = tmp_path / "new.toml"
    assert run_pvm("new", str(path), "--name", "X", "--lang", "en").returncode == 0
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Bank")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    assert read_toml(path)["partners"][0]["name"] == "Bank"


async def test_n_on_an_empty_cell_edits_it_and_after_leaving_it_empty_moves_on(tmp_path: Path) -> None:
    app = editor(two_partners(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "n")  # the empty resources of Alpha, under the cursor
        assert editor_of(app).context() == "editor"
        assert editor_of(app).grid.cursor_coordinate == (0, RESOURCES)
        await pilot.press("escape", "n")  # left empty: n goes on to sales channels
        assert editor_of(app).grid.cursor_coordinate == (0, CHANNELS)
        await type_text(pilot, "shops")
        await pilot.press("escape")
        assert session_of(app).matrix.partners[0].brings.channels == "shops"
        assert session_of(app).matrix.partners[0].brings.resources == ""


async def test_n_after_3_edits_the_first_empty_cell_of_step_3_for_this_partner(tmp_path: Path) -> None:
    app = editor(two_partners(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "n")  # Alpha gets resources already: its sales channels are next
        assert editor_of(app).grid.cursor_coordinate == (0, GETS[1])
        await type_text(pilot, "reach")
        await pilot.press("escape")
        assert session_of(app).matrix.partners[0].gets.channels == "reach"


async def test_tab_in_the_editor_stays_in_the_step_and_never_lands_in_a_name(tmp_path: Path) -> None:
    app = editor(two_partners(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "e")
        for column in GETS[1:]:
            await pilot.press("tab")
            assert editor_of(app).grid.cursor_coordinate == (0, column)
        await pilot.press("tab")  # from Alpha's last gets cell to Beta's first, not Beta's name
        assert editor_of(app).grid.cursor_coordinate == (1, GETS[0])
        await type_text(pilot, "typed")
        await pilot.press("shift+tab")  # back to Alpha's last gets cell
        assert editor_of(app).grid.cursor_coordinate == (0, GETS[-1])
        await pilot.press("escape")
        beta = session_of(app).matrix.partners[1]
        assert beta.name == "Beta"
        assert beta.gets.resources == "typed"


async def test_tab_in_step_1_goes_from_name_to_name(tmp_path: Path) -> None:
    app = editor(two_partners(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "tab")
        assert editor_of(app).grid.cursor_coordinate == (1, NAME)
        await pilot.press("shift+tab")
        assert editor_of(app).grid.cursor_coordinate == (0, NAME)


async def test_tab_past_the_last_cell_of_a_step_stays_and_says_so(tmp_path: Path) -> None:
    app = editor(two_partners(tmp_path), language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "down", "e")
        for _ in GETS[1:]:
            await pilot.press("tab")
        await type_text(pilot, "last")
        await pilot.press("tab")  # past Beta's last gets cell: nowhere further in step 3
        await pilot.pause()
        assert editor_of(app).grid.cursor_coordinate == (1, GETS[-1])
        assert editor_of(app).context() == "editor"
        assert editor_of(app).status.message == "Last cell of step 3"
        await type_text(pilot, " more")
        await pilot.press("escape", "up", "3", "e", "shift+tab")  # before Alpha's first gets cell
        await pilot.pause()
        assert editor_of(app).grid.cursor_coordinate == (0, GETS[0])
        assert editor_of(app).status.message == "First cell of step 3"
        await pilot.press("escape")
        assert session_of(app).matrix.partners[1].gets.other.endswith("last more")
