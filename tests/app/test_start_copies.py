"""The start screen lists every recovery copy (of a moved file, damaged ones too), to restore or delete."""

from __future__ import annotations

from pathlib import Path

from pvm_tui import recovery_store
from pvm_tui.app import PvmApp
from pvm_tui.document import open_path
from pvm_tui.model import COLUMN_BY_KEY, Matrix
from pvm_tui.screens.recovery_dialog import RecoveryDialog
from tests.app.conftest import screen_text, session_of


def changed(path: Path) -> Matrix:
    matrix = open_path(path, language="en").file.saved
    return matrix.with_cell(0, COLUMN_BY_KEY["gets.money"], "A share of every sale")


async def test_a_copy_of_a_moved_file_is_listed_and_restored(sample: Path) -> None:
    recovered = changed(sample)
    fingerprint = open_path(sample, language="en").file.fingerprint
    recovery_store.write(recovery_store.copy_path(sample), recovered, sample, fingerprint)
    sample.rename(sample.with_name("renamed.toml"))  # `mv a.toml b.toml`
    app = PvmApp(None, "en", recovery_delay=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Unsaved changes (recovery copies)" in text
        assert "tinnitracks.toml" in text
        assert "Tinnitracks · 5 partners · the file is gone" in text
        await pilot.press("up", "enter")  # from "New matrix…" up to the copy
        await pilot.pause()
        assert "r  open its file with these changes restored" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        await pilot.press("r")
        await pilot.pause()
        assert session_of(app).matrix == recovered
        assert session_of(app).document.path == sample


async def test_a_damaged_copy_is_shown_with_its_reason_and_can_be_deleted(tmp_path: Path) -> None:
    damaged = recovery_store.copy_path(tmp_path / "lost.toml")
    damaged.parent.mkdir(parents=True)
    damaged.write_text("[company\nname = 'half written'\n", encoding="utf-8")
    app = PvmApp(None, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "damaged, cannot be read: not valid TOML" in screen_text(app)
        await pilot.press("up", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "A damaged recovery copy" in text and damaged.name in text
        await pilot.press("x")
        await pilot.pause()
        assert not damaged.exists()
        assert "damaged" not in screen_text(app)
        assert "Unsaved changes (recovery copies)" not in screen_text(app)


async def test_a_copy_can_be_deleted_from_the_start_screen(sample: Path) -> None:
    recovery_store.write(recovery_store.copy_path(sample), changed(sample), sample, None)
    app = PvmApp(None, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("up", "enter")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert not recovery_store.paths_for(sample)
        assert app.screen.id == "start"


async def test_opening_a_file_with_a_damaged_copy_says_so(sample: Path) -> None:
    damaged = recovery_store.copy_path(sample)
    damaged.parent.mkdir(parents=True)
    damaged.write_text("[company\n", encoding="utf-8")
    app = PvmApp(open_path(sample, language="en"), "en")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        said = [str(notification.message) for notification in app._notifications]
        assert any(
            message.startswith("A recovery copy of this file cannot be read (not valid TOML")
            and message.endswith(f"`pvm recover` lists it: {damaged}")
            for message in said
        ), said
    assert damaged.exists()  # only the person deletes it


async def test_a_copy_whose_folder_is_gone_says_how_to_restore_it(tmp_path: Path) -> None:
    gone = tmp_path / "gone" / "m.toml"
    recovery_store.write(recovery_store.copy_path(gone), Matrix(), gone, "abc")
    app = PvmApp(None, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("up", "enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        said = [str(notification.message) for notification in app._notifications]
        assert said == [
            f"Its folder {gone.parent} is gone; "
            "`pvm recover --restore 1 -o NEW.toml` puts the changes in a new file"
        ]
        assert app.screen.id == "start"
    assert recovery_store.paths_for(gone)
