"""From the start screen, a file opens with the labels of its own language, as `pvm FILE` does.

The tests run with an English locale (``tests/conftest.py``), as many servers have. (A new
matrix made there keeps the start screen's labels: ``test_company_form.py``.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pvm_tui.app import PvmApp
from tests.app.conftest import SAMPLES, screen_text, type_text
from tests.app.test_start_and_files import choose


async def test_a_dutch_file_opened_from_the_start_screen_has_dutch_labels(tmp_path: Path) -> None:
    path = tmp_path / "tinnitracks.toml"
    shutil.copy(SAMPLES / "tinnitracks.toml", path)  # language = "nl"
    app = PvmApp(None, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await choose(pilot, "open")
        await type_text(pilot, str(path))
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app)
        assert "wat brengen ze?" in shown and "What do they bring?" not in shown


@pytest.mark.parametrize("locale", ["nl_NL.UTF-8", "en_US.UTF-8"])
async def test_lang_given_stays_for_a_file_opened_from_the_start_screen(
    tmp_path: Path, monkeypatch, locale: str
) -> None:
    """`pvm --lang en` keeps English labels for a Dutch file, whatever the locale says."""
    monkeypatch.setenv("LANG", locale)
    path = tmp_path / "tinnitracks.toml"
    shutil.copy(SAMPLES / "tinnitracks.toml", path)
    app = PvmApp(None, "en", language_given=True)  # as launch.py makes it for `--lang en`
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await choose(pilot, "open")
        await type_text(pilot, str(path))
        await pilot.press("enter")
        await pilot.pause()
        assert "What do they bring?" in screen_text(app)
