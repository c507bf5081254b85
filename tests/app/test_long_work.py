"""Long work runs off the UI thread: the keys keep working while it runs (issue 14 §16).

Writing the recovery copy of a big matrix, reading a big file from the
start screen, reloading it, reading its recovery copies: each is held here (an event the test sets)
until the test lets it go, so what the app does meanwhile is what a user
would see during a slow one, without a big file and without timing.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from pvm_tui import copies, recent, recovery_store, store
from pvm_tui.app import PvmApp
from pvm_tui.document import open_path
from pvm_tui.history import Place
from pvm_tui.model import COLUMNS
from pvm_tui.screens import editor_follow, file_dialogs, start
from pvm_tui.screens.help import HelpScreen
from pvm_tui.screens.recovery_dialog import RecoveryDialog
from pvm_tui.screens.start import StartScreen
from pvm_tui.session import Session
from tests.app.conftest import SAMPLES, read_toml, screen_text, session_of, type_text, until
from tests.app.terminal import Terminal


class Held:
    """A function held in its thread until ``release`` is set; ``inside`` says it got there,
    ``over`` that it has ended (were it held on the UI thread, nothing else could happen before)."""

    def __init__(self) -> None:
        self.inside = threading.Event()
        self.release = threading.Event()
        self.over = threading.Event()
        self.armed = True
        """Only calls made while armed are held."""

    def wrap(self, real):
        def held(*args, **kwargs):
            if not self.armed:
                return real(*args, **kwargs)
            try:
                if not self.release.is_set():
                    self.inside.set()
                    self.release.wait(timeout=20)
                return real(*args, **kwargs)
            finally:
                self.over.set()

        return held


@pytest.fixture
def held_copy(monkeypatch: pytest.MonkeyPatch) -> Held:
    """Every recovery copy is written in a thread, and held there until released."""
    held = Held()
    monkeypatch.setattr(recovery_store, "write", held.wrap(recovery_store.write))
    return held


def leave_a_recovery_copy(sample: Path) -> None:
    """An earlier session that renamed the first partner and kept a copy of it, never saved."""
    earlier = Session(open_path(sample, language="en"))
    here = Place(0, 0)
    earlier.change(earlier.matrix.with_cell(0, COLUMNS[0], "Sennheiser recovered"), "cell", here, here)
    earlier.keep_copy()


def copied_name(path: Path) -> str | None:
    copies = recovery_store.copies_for(path)
    return copies[0].matrix.partners[0].name if copies else None


async def test_the_recovery_copy_is_written_while_the_keys_keep_working(
    sample: Path, held_copy: Held
) -> None:
    app = PvmApp(open_path(sample, language="en"), "en", recovery_delay=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, " GmbH")
        await pilot.press("escape")
        await until(pilot, held_copy.inside.is_set)  # the copy is being written, and waits
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not held_copy.over.is_set(), "help answered while the copy was still being written"
        held_copy.release.set()
        await until(pilot, lambda: copied_name(sample) == "Sennheiser GmbH")
        assert session_of(app).dirty


@pytest.fixture
def held_read(monkeypatch: pytest.MonkeyPatch) -> Held:
    """Every matrix file is read in a thread (as a big one is), and held there until released."""
    held = Held()
    monkeypatch.setattr(store, "load", held.wrap(store.load))
    monkeypatch.setattr(start, "READ_FROM", 0)
    monkeypatch.setattr(file_dialogs, "READ_FROM", 0)
    return held


async def test_a_big_file_opened_from_the_start_screen_is_read_while_the_keys_work(
    sample: Path, held_read: Held
) -> None:
    recent.remember(sample)
    app = PvmApp(None, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the first recent file
        await until(pilot, held_read.inside.is_set)
        assert "Reading tinnitracks.toml… 0 s · Esc cancel · q quit" in screen_text(app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not held_read.over.is_set(), "help answered while the file was still being read"
        await pilot.press("escape")  # closes the help; the file is still being read
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        held_read.release.set()
        await until(pilot, lambda: app.editor is not None)
        await until(pilot, lambda: "Sennheiser" in screen_text(app))  # its first frame comes next
        assert len(session_of(app).matrix.partners) == len(read_toml(sample)["partners"])


async def test_esc_gives_up_reading_a_big_file_and_the_start_screen_stays(
    sample: Path, held_read: Held
) -> None:
    recent.remember(sample)
    app = PvmApp(None, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await until(pilot, held_read.inside.is_set)
        await pilot.press("escape")
        await until(pilot, lambda: "Reading" not in screen_text(app))
        assert "Enter open · q quit" in screen_text(app)
        held_read.release.set()
        await until(pilot, held_read.over.is_set)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.editor is None
        await pilot.press("q")
    assert app.return_code == 0


async def test_q_quits_while_a_big_file_is_read(sample: Path, held_read: Held) -> None:
    recent.remember(sample)
    app = PvmApp(None, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await until(pilot, held_read.inside.is_set)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0, "q answered"
        assert not held_read.over.is_set(), "q answered while the file was still being read"
        held_read.release.set()
    assert app.editor is None


async def test_reloading_a_big_file_reads_it_while_the_keys_work(sample: Path, held_read: Held) -> None:
    held_read.armed = False
    app = PvmApp(open_path(sample, language="en"), "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, " mine")
        await pilot.press("escape")
        text = sample.read_text(encoding="utf-8")
        sample.write_text(text.replace('name = "Tinnitracks"', 'name = "Changed by Bob'), encoding="utf-8")
        await pilot.press("ctrl+s")  # a file pvm cannot read is never overwritten: it asks
        await until(pilot, lambda: app.screen.id == "changed-dialog")
        sample.write_text(text.replace('name = "Tinnitracks"', 'name = "Changed by Bob"'), encoding="utf-8")
        held_read.armed = True
        await pilot.press("r")
        await until(pilot, held_read.inside.is_set)
        assert "Reading tinnitracks.toml again… 0 s" in screen_text(app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not held_read.over.is_set(), "help answered while the file was still being read"
        await pilot.press("escape")
        held_read.release.set()
        await until(pilot, lambda: "Reloaded" in screen_text(app))
        session = session_of(app)
        assert session.matrix.company.name == "Changed by Bob"
        assert session.matrix.partners[0].name == "Sennheiser"
        assert not session.dirty
        assert "Sennheiser mine" not in screen_text(app) and "Sennheiser" in screen_text(app)


async def test_big_recovery_copies_are_read_while_the_keys_work_then_offered(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_a_recovery_copy(sample)
    held = Held()
    monkeypatch.setattr(recovery_store, "read", held.wrap(recovery_store.read))
    monkeypatch.setattr(file_dialogs, "READ_FROM", 0)
    app = PvmApp(open_path(sample, language="en"), "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, held.inside.is_set)
        assert "Looking at the recovery copies of tinnitracks.toml… 0 s" in screen_text(app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not held.over.is_set(), "help answered while the copy was still being read"
        await pilot.press("escape")
        held.release.set()
        await until(pilot, lambda: isinstance(app.screen, RecoveryDialog))
        await pilot.press("r")
        await until(pilot, lambda: "Restored the changes" in screen_text(app))
        assert "Sennheiser recov…" in screen_text(app)
        assert session_of(app).matrix.partners[0].name == "Sennheiser recovered"


async def test_a_big_copy_is_restored_in_a_thread_while_the_keys_work(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_a_recovery_copy(sample)
    held = Held()
    monkeypatch.setattr(recovery_store, "with_keys_of", held.wrap(recovery_store.with_keys_of))
    monkeypatch.setattr(file_dialogs, "SLOW_PARTNERS", 0)  # every copy counts as big
    app = PvmApp(open_path(sample, language="en"), "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RecoveryDialog))
        await pilot.press("r")
        await until(pilot, held.inside.is_set)
        await until(pilot, lambda: "Restoring the changes from" in screen_text(app))
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not held.over.is_set(), "help answered while the copy was still being restored"
        await pilot.press("escape")
        held.release.set()
        await until(pilot, lambda: "Restored the changes" in screen_text(app))
        assert "Sennheiser recov…" in screen_text(app)
        assert session_of(app).matrix.partners[0].name == "Sennheiser recovered"
        await pilot.press("ctrl+z")  # back to the file
        await until(pilot, lambda: session_of(app).matrix.partners[0].name == "Sennheiser")
        assert "Sennheiser recov" not in screen_text(app)


def test_pvm_file_says_it_is_reading_a_big_file_before_the_editor_can_draw(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    padding = "".join(f"# {'padding ' * 12}\n" for _ in range(12_000))  # over a megabyte, quick to read
    path.write_text((SAMPLES / "tinnitracks.en.toml").read_text(encoding="utf-8") + padding, encoding="utf-8")
    terminal = Terminal(path.name, cwd=tmp_path)
    terminal.wait_for_output("pvm: reading big.toml (1.2 MB)…".encode())
    terminal.wait_for("Sennheiser")  # and then the editor, as ever
    terminal.type("q")
    assert terminal.finish() == 0


async def test_a_big_file_changed_on_disk_is_read_again_while_the_keys_work(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held()
    held.armed = False
    monkeypatch.setattr(store, "from_bytes", held.wrap(store.from_bytes))
    monkeypatch.setattr(editor_follow, "READ_FROM", 0)
    app = PvmApp(open_path(sample, language="en"), "en")
    async with app.run_test(size=(120, 40)) as pilot:
        held.armed = True
        text = sample.read_text(encoding="utf-8")
        sample.write_text(text.replace('"Sennheiser"', '"Sennheiser by Bob"', 1), encoding="utf-8")
        await until(pilot, held.inside.is_set)  # seen once it held still, and read in a thread
        assert "Reading tinnitracks.toml again… 0 s" in screen_text(app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not held.over.is_set(), "help answered while the file was still being read"
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is app.editor)
        held.release.set()
        await until(pilot, lambda: "changed on disk and was reloaded" in screen_text(app))
        assert session_of(app).matrix.partners[0].name == "Sennheiser by Bob"
        assert "Sennheiser by Bob" in screen_text(app)
        assert not session_of(app).dirty


async def test_a_save_reads_a_big_file_changed_on_disk_in_a_thread_then_merges_and_saves(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held()
    held.armed = False
    monkeypatch.setattr(store, "from_bytes", held.wrap(store.from_bytes))
    monkeypatch.setattr(editor_follow, "READ_FROM", 0)
    app = PvmApp(open_path(sample, language="en"), "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, " mine")
        text = sample.read_text(encoding="utf-8")
        sample.write_text(text.replace('name = "Tinnitracks"', 'name = "Changed by Bob"'), encoding="utf-8")
        held.armed = True
        await pilot.press("ctrl+s")
        await until(pilot, held.inside.is_set)
        assert "Reading tinnitracks.toml again… 0 s" in screen_text(app)
        held.release.set()
        await until(pilot, lambda: "Saved" in screen_text(app))
    saved = read_toml(sample)
    assert saved["partners"][0]["name"] == "Sennheiser mine"
    assert saved["company"]["name"] == "Changed by Bob"


async def test_the_start_screen_reads_big_recovery_copies_while_the_keys_work(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_a_recovery_copy(sample)
    listing, summing = Held(), Held()
    monkeypatch.setattr(copies, "every_copy", listing.wrap(copies.every_copy))
    monkeypatch.setattr(copies, "holds", summing.wrap(copies.holds))
    monkeypatch.setattr(start, "READ_FROM", 0)
    app = PvmApp(None, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, listing.inside.is_set)
        assert "Looking at the recovery copies… 0 s · q quit" in screen_text(app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not listing.over.is_set(), "help answered while the copies were still being read"
        await pilot.press("escape")
        listing.release.set()
        await until(pilot, lambda: "Unsaved changes (recovery copies)" in screen_text(app))
        assert "Enter open · q quit" in screen_text(app)
        await pilot.press("up", "enter")  # from "New matrix…" up to the copy: its file is read
        await until(pilot, summing.inside.is_set)
        assert "Reading tinnitracks.toml… 0 s · Esc cancel · q quit" in screen_text(app)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not summing.over.is_set(), "help answered while the file was still being read"
        await pilot.press("escape")
        summing.release.set()
        await until(pilot, lambda: "5 partners · 1 change the" in screen_text(app))
        assert app.screen.id == "copy-dialog"
