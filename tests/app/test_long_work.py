"""Long work runs off the UI thread: the keys keep working while it runs (issue 14 §16).

Writing the recovery copy of a big matrix, reading a big file from the
start screen, reloading it: each is held here (an event the test sets)
until the test lets it go, so what the app does meanwhile is what a user
would see during a slow one, without a big file and without timing.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from pvm_tui import recent, recovery_store, store
from pvm_tui.app import PvmApp
from pvm_tui.document import open_path
from pvm_tui.screens import copy_keeper, slow_work, start
from pvm_tui.screens.help import HelpScreen
from pvm_tui.screens.start import StartScreen
from tests.app.conftest import read_toml, screen_text, session_of, type_text


class Held:
    """A function held in its thread until ``release`` is set; ``inside`` says it got there,
    ``over`` that it has ended (were it held on the UI thread, nothing else could happen before)."""

    def __init__(self) -> None:
        self.inside = threading.Event()
        self.release = threading.Event()
        self.over = threading.Event()

    def wrap(self, real):
        def held(*args, **kwargs):
            try:
                if not self.release.is_set():
                    self.inside.set()
                    self.release.wait(timeout=20)
                return real(*args, **kwargs)
            finally:
                self.over.set()

        return held


async def until(pilot, condition, tries: int = 200) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("it did not happen")


@pytest.fixture
def held_copy(monkeypatch: pytest.MonkeyPatch) -> Held:
    """Every recovery copy is written in a thread, and held there until released."""
    held = Held()
    monkeypatch.setattr(recovery_store, "write", held.wrap(recovery_store.write))
    monkeypatch.setattr(copy_keeper, "THREAD_FROM", 0)
    return held


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
    monkeypatch.setattr(slow_work, "READ_FROM", 0)
    monkeypatch.setattr(start, "READ_FROM", 0)
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
        assert "Sennheiser" in screen_text(app)
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
