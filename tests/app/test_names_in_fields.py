"""A file's name in a text field is shown as any text is: terminal codes as stand-ins, never as codes.

A name can hold anything (a shared folder, a cloned repository). Completed
into *Open file…*'s path field, or offered in the save-as field, it went to
the terminal as it was: ESC [2J cleared the screen, OSC 0 retitled the
window (and OSC 52 would set the clipboard). The fields now hold the name as
it shows (ESC as ␛), and the file that opens or is written is the real one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pvm_tui.screens.save_as import SaveAsScreen
from pvm_tui.ui_text import ui_text
from tests.app.conftest import SAMPLES, editor, screen_text, session_of, type_text
from tests.app.test_start_and_files import choose, start_app

NAME = "ev\x1b[2J\x1b]0;T\x07il.toml"
SHOWN = "ev␛[2J␛]0;T␇il.toml"


async def test_a_name_with_terminal_codes_completes_as_it_shows_and_opens_the_real_file(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(SAMPLES / "tinnitracks.en.toml", folder / NAME)
    app = start_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await choose(pilot, "open")
        await type_text(pilot, f"{folder}/e")
        await pilot.press("tab")
        await pilot.pause()
        assert f"m/{SHOWN}" in screen_text(app)
        assert "\x1b" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.editor is not None and app.screen is app.editor
        assert session_of(app).document.path == folder / NAME


async def test_the_save_as_field_shows_the_files_name_harmlessly_and_saves_under_the_real_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / NAME
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    app = editor(path)
    answers: list[tuple[Path, bool] | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(SaveAsScreen(ui_text("en"), NAME), answers.append)
        await pilot.pause()
        assert SHOWN in screen_text(app) and "\x1b" not in screen_text(app)
        await pilot.press("end", "left", "left", "left", "left", "left")  # before ".toml"
        await type_text(pilot, "-2")
        await pilot.press("enter")
        await pilot.pause()
    assert answers == [(Path(NAME.replace(".toml", "-2.toml")), False)]
