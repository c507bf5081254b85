"""Recovery copies in the editor: kept while there are unsaved changes, offered back on the next start.

The copy is written ``recovery_delay`` seconds after the last change; the
tests make that 0.05 s and wait for the copy to appear (or go), instead of
sleeping the real two seconds.
"""

from __future__ import annotations

import signal
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from pvm_tui import recent, recovery_store
from pvm_tui.app import PvmApp
from pvm_tui.document import open_example, open_path
from pvm_tui.model import COLUMNS
from pvm_tui.screens.editor import EditorScreen
from pvm_tui.screens.recovery_dialog import RecoveryDialog
from tests.app.conftest import editor_of, read_toml, screen_text, session_of, type_text, until

MONEY = COLUMNS.index(next(column for column in COLUMNS if column.key == "brings.money"))


def app_for(path: Path, *, read_only: bool = False) -> PvmApp:
    return PvmApp(open_path(path, language="en", read_only=read_only), "en", recovery_delay=0.05)


def the_copy(path: Path) -> recovery_store.Recovery:
    copies = recovery_store.copies_for(path)
    assert len(copies) == 1, copies
    return copies[0]


def copy_exists(path: Path) -> Callable[[], bool]:
    return lambda: bool(recovery_store.paths_for(path))


def no_copy(path: Path) -> Callable[[], bool]:
    return lambda: not recovery_store.paths_for(path)


# -- keeping the copy -------------------------------------------------------------------


async def test_text_still_open_in_the_cell_editor_is_in_the_copy(sample: Path) -> None:
    before = sample.read_bytes()
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, " GmbH")
        # On a busy machine a pause between two typed keys may already bring
        # the copy up to date half-way; the copy must come to hold all of it.
        await until(
            pilot,
            lambda: copy_exists(sample)() and the_copy(sample).matrix.partners[0].name == "Sennheiser GmbH",
        )
        copy = the_copy(sample)
        assert session_of(app).open_cell is not None, "the cell editor is still open: nothing was committed"
        assert copy.file == sample.resolve()
        assert copy.based_on == session_of(app).document.file.fingerprint
        # More typing: the copy follows once typing stops.
        await type_text(pilot, " & Co")
        await until(pilot, lambda: the_copy(sample).matrix.partners[0].name == "Sennheiser GmbH & Co")
    assert sample.read_bytes() == before


async def test_the_copy_lives_in_the_state_folder_named_after_the_file(
    sample: Path, clean_environment
) -> None:
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "!")
        await pilot.press("escape")
        await until(pilot, copy_exists(sample))
        assert session_of(app).recovery_path is not None
        assert session_of(app).recovery_path.parent == clean_environment / "state" / "pvm" / "recovery"
        assert session_of(app).recovery_path.name.startswith("tinnitracks.toml-")


async def test_a_save_removes_the_copy(sample: Path) -> None:
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "!")
        await until(pilot, copy_exists(sample))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not recovery_store.paths_for(sample)
        assert read_toml(sample)["partners"][0]["name"] == "Sennheiser!"
        # Editing on after the save starts a new copy.
        await pilot.press("e")
        await type_text(pilot, "?")
        await until(pilot, copy_exists(sample))
        assert the_copy(sample).matrix.partners[0].name == "Sennheiser!?"


async def test_quit_and_discard_removes_the_copy(sample: Path) -> None:
    before = sample.read_bytes()
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "!")
        await pilot.press("escape")
        await until(pilot, copy_exists(sample))
        await pilot.press("q", "d")
        await pilot.pause()
    assert app.return_code == 0
    assert not recovery_store.paths_for(sample)
    assert sample.read_bytes() == before


async def test_undoing_every_change_removes_the_copy(sample: Path) -> None:
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "!")
        await pilot.press("escape")
        await until(pilot, copy_exists(sample))
        await pilot.press("ctrl+z")
        await until(pilot, no_copy(sample))
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_an_app_that_ends_with_unsaved_changes_leaves_a_copy(sample: Path) -> None:
    app = PvmApp(open_path(sample, language="en"), "en")  # the real delay: the copy comes at the end
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "!")
        assert not recovery_store.paths_for(sample)
    assert the_copy(sample).matrix.partners[0].name == "Sennheiser!"


async def test_a_new_file_gets_a_copy_too(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Bank")
        await until(pilot, copy_exists(path))
    assert the_copy(path).matrix.partners[0].name == "Bank"
    assert not path.exists()


async def test_read_only_keeps_no_copy_and_offers_none(sample: Path) -> None:
    recovery_store.write(recovery_store.copy_path(sample), _changed(sample), sample, None)
    app = app_for(sample, read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen is app.editor
    assert len(recovery_store.paths_for(sample)) == 1


# -- offering it back -----------------------------------------------------------------------


def _changed(path: Path, text: str = "Fifty thousand a year\nand headphones"):
    """The sample's matrix with its first partner's money cell changed."""
    matrix = open_path(path, language="en").file.saved
    return matrix.with_cell(0, COLUMNS[MONEY], text)


async def test_the_next_start_shows_the_recovered_text_and_r_restores_it_undoably(sample: Path) -> None:
    before = sample.read_bytes()
    recovered = _changed(sample)
    recovery_store.write(recovery_store.copy_path(sample), recovered, sample, None)
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        shown = screen_text(app)
        assert "Unsaved changes from an earlier session" in shown
        assert "Sennheiser" in shown
        assert "What do they bring? · € (money)" in shown
        assert "Fifty thousand a year" in shown and "and headphones" in shown
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is app.editor
        assert session_of(app).matrix == recovered
        assert session_of(app).dirty
        assert "● unsaved" in screen_text(app)
        assert editor_of(app).grid.cursor_coordinate.column == MONEY, "the cursor is on the recovered text"
        await pilot.press("ctrl+z")
        assert session_of(app).matrix == session_of(app).document.file.saved
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()
    assert read_toml(sample)["partners"][0]["brings"]["money"] == "Fifty thousand a year\nand headphones"
    assert not recovery_store.paths_for(sample)
    assert before != sample.read_bytes()


async def test_k_keeps_the_file_and_the_copy(sample: Path) -> None:
    recovery_store.write(recovery_store.copy_path(sample), _changed(sample), sample, None)
    kept = recovery_store.copy_path(sample).read_bytes()
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert app.screen is app.editor
        assert not session_of(app).dirty
        assert "recovery copy stays" in editor_of(app).status.message
        # This session's own changes go to a copy of their own, next to the kept one.
        await pilot.press("e")
        await type_text(pilot, "!")
        await until(pilot, lambda: len(recovery_store.paths_for(sample)) == 2)
        assert recovery_store.copy_path(sample).read_bytes() == kept
        await pilot.press("escape", "q", "d")
        await pilot.pause()
    assert recovery_store.paths_for(sample) == [recovery_store.copy_path(sample)]
    # ... and it is offered again next time.
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.editor
    assert recovery_store.copy_path(sample).read_bytes() == kept


async def test_x_deletes_the_copy(sample: Path) -> None:
    recovery_store.write(recovery_store.copy_path(sample), _changed(sample), sample, None)
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.screen is app.editor
        assert not session_of(app).dirty
    assert not recovery_store.paths_for(sample)


async def test_a_copy_the_file_already_holds_is_removed_without_asking(sample: Path) -> None:
    matrix = open_path(sample, language="en").file.saved
    recovery_store.write(recovery_store.copy_path(sample), matrix, sample, None)
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen is app.editor
    assert not recovery_store.paths_for(sample)


async def test_a_copy_older_than_the_file_is_offered_with_a_warning(sample: Path) -> None:
    import os

    recovery_store.write(recovery_store.copy_path(sample), _changed(sample), sample, None)
    written = recovery_store.read(recovery_store.copy_path(sample)).written.timestamp()
    os.utime(sample, (written + 60, written + 60))
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        assert "The file was changed after this copy was written" in screen_text(app)


async def test_restoring_then_saving_keeps_the_comments_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(
        'format = "partnerwaarde-matrix"\nlanguage = "en"\n\n[[partners]]\n'
        'name = "Bank"  # our bank\n\n[partners.brings]\nmoney = "loan" # ask Ann\n\n'
        '[[partners]]\nname = "Shop"\n',
        encoding="utf-8",
    )
    matrix = open_path(path, language="en").file.saved
    recovery_store.write(
        recovery_store.copy_path(path), matrix.with_cell(1, COLUMNS[MONEY], "rent"), path, None
    )
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r", "ctrl+s")
        await pilot.pause()
    text = path.read_text(encoding="utf-8")
    assert "# our bank" in text and "# ask Ann" in text
    assert read_toml(path)["partners"][1]["brings"]["money"] == "rent"


async def test_the_example_copy_is_offered_back_by_pvm_example(tmp_path: Path) -> None:
    app = PvmApp(open_example("en"), "en", recovery_delay=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, " typed in the example")
        await until(pilot, lambda: bool(recovery_store.copies_for(session_of(app).document.path)))
    app = PvmApp(open_example("en"), "en", recovery_delay=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "typed in the example" in screen_text(app)
        await pilot.press("r")
        assert session_of(app).matrix.partners[0].name == "Sennheiser typed in the example"
        assert session_of(app).document.needs_name


async def test_the_dialog_survives_a_tiny_terminal(sample: Path) -> None:
    recovery_store.write(recovery_store.copy_path(sample), _changed(sample), sample, None)
    app = app_for(sample)
    async with app.run_test(size=(20, 8)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        await pilot.press("down", "pagedown")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "Fifty thousand" in screen_text(app)
        await pilot.press("r")
        assert session_of(app).matrix == _changed(sample)


# -- signals and crashes ------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
async def test_a_signal_writes_the_copy_at_once_and_ends_the_app(sample: Path, signum: int) -> None:
    app = PvmApp(open_path(sample, language="en"), "en")  # the real delay: only the signal writes
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, " typed")
        app.hang_up(signum)
        assert the_copy(sample).matrix.partners[0].name == "Sennheiser typed"
        await pilot.pause()
    assert app.return_code == 128 + signum


async def test_an_unexpected_error_writes_the_copy_and_a_log(sample: Path, monkeypatch) -> None:
    def broken(*args: object) -> None:
        raise ZeroDivisionError("a bug")

    app = app_for(sample)
    monkeypatch.setattr(EditorScreen, "action_help", broken)
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("e")
            await type_text(pilot, " typed")
            await pilot.press("escape", "question_mark")
            await pilot.pause()
    assert the_copy(sample).matrix.partners[0].name == "Sennheiser typed"
    assert app.crash is not None
    message = app.crash.message()
    assert message.startswith(
        "pvm: unexpected error (ZeroDivisionError: a bug); your unsaved changes are in "
    )
    assert str(the_copy(sample).path) in message
    log = recent.state_folder() / "crash.log"
    assert str(log) in message
    assert "ZeroDivisionError: a bug" in log.read_text(encoding="utf-8")
    # A traceback can quote the matrix's text: only its owner may read it.
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


# -- a file changed on disk ----------------------------------------------------------------


async def test_a_file_changed_on_disk_can_be_saved_under_another_name(sample: Path) -> None:
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "!")
        await pilot.press("escape")
        # Half written by another tool: not merged, not overwritten.
        theirs = sample.read_text(encoding="utf-8").replace('"Tinnitracks"', '"Changed by Bob')
        sample.write_text(theirs, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.id == "changed-dialog"
        await pilot.press("a", "ctrl+u")
        await type_text(pilot, str(sample.with_name("mine.toml")))
        await pilot.press("enter")
        await pilot.pause()
        assert not session_of(app).dirty
    assert sample.read_text(encoding="utf-8") == theirs
    assert read_toml(sample.with_name("mine.toml"))["partners"][0]["name"] == "Sennheiser!"
    assert not recovery_store.paths_for(sample)


async def test_every_copy_is_offered_newest_first(sample: Path) -> None:
    import datetime as dt

    older = dt.datetime.now().astimezone() - dt.timedelta(hours=1)
    recovery_store.folder().mkdir(parents=True, exist_ok=True)
    recovery_store.copy_path(sample, 1).write_text(
        recovery_store.dumps(_changed(sample, "the older copy"), sample, None, now=older), encoding="utf-8"
    )
    recovery_store.write(
        recovery_store.copy_path(sample, 2), _changed(sample, "the newer copy"), sample, None
    )
    app = app_for(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "the newer copy" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        assert "the older copy" in screen_text(app)
        await pilot.press("k")
        await pilot.pause()
        assert app.screen is app.editor
    assert recovery_store.paths_for(sample) == [recovery_store.copy_path(sample, 1)]


async def test_the_copy_of_a_pvm_that_still_runs_is_offered_but_never_taken_over(sample: Path) -> None:
    import os
    import subprocess
    import sys

    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        path = recovery_store.copy_path(sample)
        recovery_store.write(path, _changed(sample), sample, None)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"pid = {os.getpid()}", f"pid = {other.pid}"), encoding="utf-8")
        theirs = path.read_bytes()
        app = app_for(sample)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert f"pvm (process {other.pid}) may still be editing this file" in screen_text(app)
            await pilot.press("r", "e")
            await type_text(pilot, "!")
            await until(pilot, lambda: len(recovery_store.paths_for(sample)) == 2)
            await pilot.press("escape", "ctrl+s")
            await pilot.pause()
        assert path.read_bytes() == theirs, "the other pvm's copy is its own"
        assert recovery_store.paths_for(sample) == [path]
    finally:
        other.kill()
        other.wait()


async def test_a_matrix_opened_from_the_start_screen_is_offered_its_copy_too(sample: Path) -> None:
    recent.remember(sample)
    recovery_store.write(recovery_store.copy_path(sample), _changed(sample), sample, None)
    app = PvmApp(None, "en", recovery_delay=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        await pilot.press("r")
        assert session_of(app).matrix == _changed(sample)
