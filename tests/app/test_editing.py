"""Editing cells by keyboard: the editor in the partner card, Esc, Tab, ctrl+s, ctrl+o, undo."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.app.conftest import editor, editor_of, read_toml, region_text, screen_text, session_of, type_text


async def test_cursor_starts_on_the_first_name_with_the_grid_focused(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.focused is editor_of(app).grid
        assert editor_of(app).grid.cursor_coordinate == (0, 0)
        assert "Sennheiser" in region_text(app, editor_of(app).view.card)


async def test_edit_a_cell_and_save(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "l", "e")  # Health insurers, brings.resources
        assert editor_of(app).context() == "editor"
        await type_text(pilot, " and more")
        await pilot.press("escape")
        assert session_of(app).matrix.partners[1].brings.resources.endswith(" and more")
        assert app.focused is editor_of(app).grid
        assert session_of(app).dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not session_of(app).dirty
    saved = read_toml(sample)
    assert saved["partners"][1]["brings"]["resources"] == (
        "Kennis over prevalentie en kosten van de ziekte (Tinnitus) and more"
    )
    # the rest of the file is untouched, comments included
    assert "# column inferred from the extracted source" in sample.read_text(encoding="utf-8")
    assert Path(str(sample) + "~").exists()


async def test_enter_edits_with_the_cursor_at_the_end_and_enter_then_adds_a_line(
    sample: Path,
) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert editor_of(app).cells.editor.cursor_location == editor_of(app).cells.editor.document.end
        await pilot.press("enter")
        await type_text(pilot, "GmbH")
        await pilot.press("escape")
        assert session_of(app).matrix.partners[0].name == "Sennheiser\nGmbH"


async def test_escape_shows_the_text_in_the_grid_at_once_and_ctrl_z_restores_it(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "ctrl+u")  # ctrl+u: delete to the start of the line
        await type_text(pilot, "Bose")
        await pilot.press("escape")
        await pilot.pause()
        assert "Bose" in screen_text(app)
        assert "Sennheiser" not in editor_of(app).grid.get_cell_at((0, 0)).plain
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].name == "Sennheiser"
        assert "Sennheiser" in editor_of(app).grid.get_cell_at((0, 0)).plain
        await pilot.press("ctrl+y")
        assert session_of(app).matrix.partners[0].name == "Bose"


async def test_tab_and_shift_tab_keep_the_text_and_edit_the_next_and_previous_cell(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, " AG")
        await pilot.press("tab")  # in step 1, from name to name
        assert editor_of(app).context() == "editor"
        assert editor_of(app).grid.cursor_coordinate == (1, 0)
        await pilot.press("shift+tab", "escape", "2", "e")
        await type_text(pilot, "!")
        await pilot.press("tab")
        assert editor_of(app).grid.cursor_coordinate == (0, 2)
        await pilot.press("shift+tab")
        assert editor_of(app).grid.cursor_coordinate == (0, 1)
        await pilot.press("escape")
        partner = session_of(app).matrix.partners[0]
        assert partner.name == "Sennheiser AG"
        assert partner.brings.resources == "Aangepaste geluidstechnologie en koptelefoons!"


async def test_ctrl_s_in_the_editor_keeps_the_text_and_saves(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, " GmbH")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].name == "Sennheiser GmbH"
        assert not session_of(app).dirty
    assert read_toml(sample)["partners"][0]["name"] == "Sennheiser GmbH"


async def test_ctrl_o_edits_the_cell_in_the_users_editor(sample: Path, monkeypatch, tmp_path: Path) -> None:
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import sys\n"
        "path = sys.argv[1]\n"
        "text = open(path, encoding='utf-8').read()\n"
        "open(path, 'w', encoding='utf-8').write(text.removesuffix('\\n') + ' (edited outside)\\n')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "ctrl+o")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].name == "Sennheiser (edited outside)"
        assert app.focused is editor_of(app).grid
        await pilot.press("ctrl+z")
        assert session_of(app).matrix.partners[0].name == "Sennheiser"


async def test_a_failing_editor_leaves_the_cell_alone(sample: Path, monkeypatch) -> None:
    monkeypatch.setenv("EDITOR", "false")
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "ctrl+o")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].name == "Sennheiser"
        assert "exited with status 1" in editor_of(app).status.message


async def test_an_unchanged_edit_is_no_change(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "escape", "l", "enter", "escape")
        assert not session_of(app).dirty
        assert not session_of(app).history.can_undo


async def test_a_failed_save_says_why_and_keeps_every_edit(tmp_path: Path) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    path = folder / "acme.toml"
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Bank")
        await pilot.press("escape")
        folder.rmdir()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert editor_of(app).status.error
        assert "Not saved" in editor_of(app).status.message
        assert "does not exist" in editor_of(app).status.message
        assert session_of(app).dirty
        assert session_of(app).matrix.partners[0].name == "Bank"
        folder.mkdir()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not session_of(app).dirty
    assert read_toml(path)["partners"][0]["name"] == "Bank"
