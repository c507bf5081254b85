"""An open editor follows its file on disk: reload, merge, the cell held open, conflicts walked through.

The file is changed as a text editor changes it: a plain write. The screen
looks at the file as its timer does (``look_at_file``), twice: a change is
taken once it has held still between two looks.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLES
from textual.pilot import Pilot

from pvm_tui.app import PvmApp
from tests.app.conftest import editor, editor_of, read_toml, screen_text, session_of, type_text

ORIGINAL = (SAMPLES / "tinnitracks.en.toml").read_text(encoding="utf-8")


def matrix_file(tmp_path: Path) -> Path:
    path = tmp_path / "partners.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    return path


def write_outside(path: Path, text: str) -> None:
    """As a text editor saves: the file written in place."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


async def look_twice(app: PvmApp, pilot: Pilot[int]) -> None:
    screen = editor_of(app)
    await screen.look_at_file()
    await screen.look_at_file()
    await pilot.pause()


def status(app: PvmApp) -> str:
    return editor_of(app).status.message


async def test_without_unsaved_changes_it_reloads_keeps_the_cursor_and_says_what_changed(
    tmp_path: Path,
) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("j", "j", "l", "l")  # Funds, brings.channels
        theirs = (
            ORIGINAL.replace('name = "Sennheiser"', 'name = "Sennheiser GmbH"')
            .replace("Custom sound technology", "Custom audio technology")
            .replace('"Return on their investment"', '"Dividend"')
            .replace(
                '[[partners]]\nname = "Sennheiser',
                '[[partners]]\nname = "Investor"\n\n[[partners]]\nname = "Sennheiser',
                1,
            )
        )
        write_outside(path, theirs)
        await look_twice(app, pilot)
        assert (
            status(app) == "partners.toml changed on disk and was reloaded: 3 cells changed, 1 partner added"
        )
        session = session_of(app)
        assert not session.dirty
        assert [p.name for p in session.matrix.partners][:2] == ["Investor", "Sennheiser GmbH"]
        # Still on the Funds' channels cell, one row lower now.
        assert editor_of(app).view.here() == (3, 2)
        assert "Sennheiser GmbH" in screen_text(app)
        assert len(editor_of(app).grid._marked) == 4  # 3 cells and the new partner's name


async def test_unsaved_changes_are_merged_at_once_and_saving_keeps_both_and_their_comment(
    tmp_path: Path,
) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("j", "e", "ctrl+u")  # Health insurers' name
        await type_text(pilot, "Health insurance funds")
        await pilot.press("escape")
        theirs = ORIGINAL.replace('"Return on their investment"', '"Dividend"  # their note')
        write_outside(path, theirs)
        await look_twice(app, pilot)
        assert status(app) == "partners.toml changed on disk; merged with your changes: 1 cell changed"
        assert session_of(app).dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = path.read_text(encoding="utf-8")
    assert saved == theirs.replace('name = "Health insurers"', 'name = "Health insurance funds"')


async def test_the_same_cell_changed_on_both_sides_is_walked_through(tmp_path: Path) -> None:
    for key, expected in (("m", "Shares"), ("t", "Dividend"), ("b", "Shares\nDividend")):
        path = matrix_file(tmp_path)
        app = editor(path)
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.press("j", "j", "l", "l", "l", "l", "l", "l", "l", "e", "ctrl+u")  # Funds, gets.money
            await type_text(pilot, "Shares")
            await pilot.press("escape")
            write_outside(path, ORIGINAL.replace('"Return on their investment"', '"Dividend"'))
            await look_twice(app, pilot)
            text = screen_text(app)
            assert "Conflict 1 of 1" in text
            assert "Shares" in text and "Dividend" in text
            assert "m  keep mine" in text
            await pilot.press(key)
            await pilot.pause()
            assert status(app) == "All conflicts resolved."
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert read_toml(path)["partners"][2]["gets"]["money"] == expected


async def test_a_cell_open_in_the_editor_keeps_its_text_and_a_change_to_it_is_a_conflict(
    tmp_path: Path,
) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("j", "j", "l", "l", "l", "l", "l", "l", "l", "e", "ctrl+u")
        await type_text(pilot, "Shares")
        write_outside(path, ORIGINAL.replace('"Return on their investment"', '"Dividend"'))
        await look_twice(app, pilot)
        screen = editor_of(app)
        assert screen.context() == "editor"
        assert screen.cells.editor is not None and screen.cells.editor.text == "Shares"
        assert "1 conflict" in status(app)
        await type_text(pilot, " and options")
        await pilot.press("escape")
        await pilot.pause()
        assert "Conflict 1 of 1" in screen_text(app)
        assert "Shares and options" in screen_text(app)
        await pilot.press("escape")  # later
        await pilot.pause()
        assert status(app) == "1 conflict(s) left: ! to resolve them."
        # Saved now, the cell holds both versions: nothing of theirs is written over.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert read_toml(path)["partners"][2]["gets"]["money"] == (
            "<<<<<<< mine\nShares and options\n=======\nDividend\n>>>>>>> theirs"
        )
        await pilot.press("exclamation_mark")
        await pilot.pause()
        await pilot.press("m")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert read_toml(path)["partners"][2]["gets"]["money"] == "Shares and options"


async def test_an_unreadable_file_is_never_merged_pvm_says_so_and_waits(tmp_path: Path) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("e", "ctrl+u")
        await type_text(pilot, "Bose")
        await pilot.press("escape")
        half = ORIGINAL[: ORIGINAL.index("[[partners]]") + 40]
        write_outside(path, half)
        await look_twice(app, pilot)
        assert status(app).startswith("partners.toml changed on disk but cannot be read (")
        assert "pvm waits for a readable version" in status(app)
        assert session_of(app).matrix.partners[0].name == "Bose"
        assert len(session_of(app).matrix.partners) == 5
        write_outside(path, ORIGINAL.replace('"Return on their investment"', '"Dividend"'))
        await look_twice(app, pilot)
        assert status(app) == "partners.toml changed on disk; merged with your changes: 1 cell changed"
        assert session_of(app).matrix.partners[0].name == "Bose"
        assert session_of(app).matrix.partners[2].gets.money == "Dividend"


async def test_undo_takes_back_a_merge_and_a_resolution_and_says_so(tmp_path: Path) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("e", "ctrl+u")
        await type_text(pilot, "Bose")
        await pilot.press("escape")
        write_outside(path, ORIGINAL.replace('"Return on their investment"', '"Dividend"'))
        await look_twice(app, pilot)
        await pilot.press("ctrl+z")
        assert status(app) == "Undone: merge with the file on disk"
        assert session_of(app).matrix.partners[2].gets.money == "Return on their investment"


async def test_e_keeps_both_and_opens_the_cell_editor_on_them(tmp_path: Path) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("e", "ctrl+u")
        await type_text(pilot, "Bose")
        await pilot.press("escape")
        write_outside(path, ORIGINAL.replace('name = "Sennheiser"', 'name = "Sony"'))
        await look_twice(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        screen = editor_of(app)
        assert screen.context() == "editor"
        assert screen.cells.editor is not None and screen.cells.editor.text == "Bose\nSony"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, " & Sony")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    assert read_toml(path)["partners"][0]["name"] == "Bose & Sony"


async def test_a_company_field_changed_on_both_sides_is_walked_through_too(tmp_path: Path) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(160, 40)) as pilot:
        session = session_of(app)
        mine = session.matrix.with_company(session.matrix.company.edit(location="Hamburg"))
        editor_of(app).change(mine, "profile", editor_of(app).view.here(), editor_of(app).view.here())
        write_outside(path, ORIGINAL.replace('location = "Germany"', 'location = "Berlin"'))
        await look_twice(app, pilot)
        assert "company · location" in screen_text(app)
        await pilot.press("b", "ctrl+s")
        await pilot.pause()
    assert read_toml(path)["company"]["location"] == "Hamburg\nBerlin"


async def test_with_a_cell_open_a_conflict_says_how_to_resolve_it_before_where_theirs_is_kept(
    tmp_path: Path,
) -> None:
    """"! to resolve them" came after the long path of their kept version, cut off the line."""
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "l", "l", "l", "l", "l", "l", "l", "e", "ctrl+u")
        await type_text(pilot, "Shares")
        write_outside(path, ORIGINAL.replace('"Return on their investment"', '"Dividend"'))
        await look_twice(app, pilot)
        assert "their whole version is in" in status(app)
        line = screen_text(app).splitlines()[-2]
        assert "1 conflict (! to resolve)" in line
