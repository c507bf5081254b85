"""A save that takes long runs off the UI thread: the keys keep working and the status counts (issue 14 §16).

The first save of a big matrix spends seconds in tomlkit. Here a save is
held back until the test lets it go, so what the editor does meanwhile is
what a user would see during a 14 s save, without waiting 14 s.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from pvm_tui import session as session_module
from pvm_tui import store
from pvm_tui.screens import file_dialogs
from pvm_tui.screens.help import HelpScreen
from tests.app.conftest import editor, read_toml, screen_text, session_of, type_text, until


class HeldSave:
    """A save held back: it waits for ``release``; ``returned`` is set once it has written."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.returned = threading.Event()


@pytest.fixture
def held_save(monkeypatch: pytest.MonkeyPatch) -> HeldSave:
    """Every save waits (at most 20 s) until it is released; every matrix counts as big."""
    held = HeldSave()
    real_save = store.save

    def slow_save(*args, **kwargs):
        held.release.wait(timeout=20)
        result = real_save(*args, **kwargs)
        held.returned.set()
        return result

    monkeypatch.setattr(session_module.store, "save", slow_save)
    monkeypatch.setattr(file_dialogs, "SLOW_FROM", 0, raising=False)
    return held


async def test_keys_work_while_a_long_save_runs_and_the_status_says_so(sample: Path, held_save) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, " AG")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        assert "Saving tinnitracks.toml… 0 s" in screen_text(app), "the status says what is going on"
        await pilot.press("question_mark")  # help, while the save still waits
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert not held_save.returned.is_set(), "help opened while the save still waits"
        await pilot.press("escape")
        await pilot.press("ctrl+s")  # a second save while the first runs is refused, not queued
        await pilot.pause()
        assert "Still saving" in screen_text(app)
        held_save.release.set()
        await until(pilot, lambda: "Saved" in screen_text(app))
        assert not session_of(app).dirty
    assert read_toml(sample)["partners"][0]["name"] == "Sennheiser AG"


async def test_an_edit_made_during_a_save_stays_unsaved_and_in_the_recovery_copy(
    sample: Path, held_save
) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, " AG")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        await pilot.press("j", "e")
        await type_text(pilot, " later")
        await pilot.press("escape")
        session = session_of(app)
        session.keep_copy()
        held_save.release.set()
        await until(pilot, lambda: "Saved" in screen_text(app))
        assert session.dirty, "the edit made during the save is not in the file"
        assert session.recovery_path is not None and session.recovery_path.exists()
    names = [partner["name"] for partner in read_toml(sample)["partners"]]
    assert names[:2] == ["Sennheiser AG", "Zorgverzekeringen"]
