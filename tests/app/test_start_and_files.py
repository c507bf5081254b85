"""The start screen's Open file…, recent files with their folder, the recovery dialog's warning, ctrl+o."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pvm_tui import recent, recovery_store
from pvm_tui.app import PvmApp
from pvm_tui.document import open_path
from pvm_tui.screens.open_file import complete_path
from pvm_tui.screens.start import StartScreen
from tests.app.conftest import SAMPLES, editor, example, read_toml, screen_text, session_of, type_text


def start_app() -> PvmApp:
    return PvmApp(None, "en")


async def choose(pilot, option_id: str) -> None:
    options = pilot.app.screen.query_one("#start-options")
    target = options.get_option_index(option_id)
    while options.highlighted != target:
        await pilot.press("down" if (options.highlighted or 0) < target else "up")
    await pilot.press("enter")
    await pilot.pause()


def test_a_path_completes_as_far_as_the_names_in_its_folder_agree(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "partners-2025.toml").write_text("", encoding="utf-8")
    (tmp_path / "partners-2026.toml").write_text("", encoding="utf-8")
    assert complete_path(f"{tmp_path}/pl") == f"{tmp_path}/plans/"
    assert complete_path(f"{tmp_path}/pa") == f"{tmp_path}/partners-202"
    assert complete_path(f"{tmp_path}/partners-2026") == f"{tmp_path}/partners-2026.toml"
    assert complete_path(f"{tmp_path}/nothing") == f"{tmp_path}/nothing"


async def test_open_file_completes_the_path_with_tab_and_opens_it(tmp_path: Path) -> None:
    folder = tmp_path / "matrices"
    folder.mkdir()
    shutil.copy(SAMPLES / "tinnitracks.en.toml", folder / "tinnitracks.en.toml")
    app = start_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, "open")
        assert app.screen.id == "open-file"
        await type_text(pilot, f"{tmp_path}/mat")
        await pilot.press("tab")
        await type_text(pilot, "tinni")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.editor is not None and app.screen is app.editor
        assert session_of(app).document.path == folder / "tinnitracks.en.toml"


async def test_open_file_says_when_there_is_no_such_file(tmp_path: Path) -> None:
    app = start_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, "open")
        await type_text(pilot, f"{tmp_path}/missing.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.id == "open-file"
        assert "There is no file" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)


async def test_recent_files_show_their_folder_and_the_arrows_open_nothing(tmp_path: Path) -> None:
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        shutil.copy(SAMPLES / "tinnitracks.en.toml", tmp_path / name / "partners.toml")
        recent.remember(tmp_path / name / "partners.toml")
    app = start_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        lines = [line for line in screen_text(app).splitlines() if "partners.toml" in line]
        assert any("/first " in line for line in lines), lines
        assert any("/second " in line for line in lines), lines
        for key in ("down", "down", "up", "down", "right", "left", "pagedown", "home", "end"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, StartScreen), key


def _copy_with_pid(sample: Path, pid: int, written: dt.datetime | None = None) -> None:
    matrix = open_path(sample, language="en").file.saved.with_partner_removed(0)
    text = recovery_store.dumps(matrix, sample, None, now=written)
    path = recovery_store.copy_path(sample)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace(f"pid = {os.getpid()}", f"pid = {pid}"), encoding="utf-8")


async def test_the_recovery_dialog_does_not_call_an_ended_pvm_still_editing(sample: Path) -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])  # ends, and is not reaped yet
    try:
        for _ in range(200):
            stat = Path(f"/proc/{ended.pid}/stat").read_text(encoding="ascii")
            if stat.rsplit(")", 1)[1].split()[0] == "Z":
                break
            time.sleep(0.02)
        _copy_with_pid(sample, ended.pid)
        app = editor(sample)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert "Unsaved changes from an earlier session" in screen_text(app)
            assert "may still be editing" not in screen_text(app)
    finally:
        ended.wait()


async def test_a_process_that_got_the_number_later_is_not_the_pvm_that_wrote_the_copy(sample: Path) -> None:
    later = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _copy_with_pid(sample, later.pid, written=dt.datetime.now().astimezone() - dt.timedelta(hours=1))
        app = editor(sample)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert "Unsaved changes from an earlier session" in screen_text(app)
            assert "may still be editing" not in screen_text(app)
    finally:
        later.kill()
        later.wait()


async def test_ctrl_o_gives_the_editor_a_file_that_ends_with_a_newline(
    sample: Path, monkeypatch, tmp_path: Path
) -> None:
    script = tmp_path / "append.sh"
    script.write_text('#!/bin/sh\necho "Regel uit de editor" >> "$1"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "ctrl+u")
        await type_text(pilot, "gasten")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].name == "gasten\nRegel uit de editor"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert read_toml(sample)["partners"][0]["name"] == "gasten\nRegel uit de editor"


async def test_with_many_recent_files_the_key_hint_stays_on_a_small_screen(tmp_path: Path) -> None:
    for number in range(14):
        path = tmp_path / f"matrix-{number}.toml"
        shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
        recent.remember(path)
    app = start_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Enter open" in text
        assert "matrix-13.toml" in text


@pytest.mark.parametrize("typed", ["reports/", "reports"])
async def test_a_new_matrix_is_never_written_as_a_file_named_like_a_folder(
    tmp_path: Path, monkeypatch, typed: str
) -> None:
    """`reports/` (missing) or `reports` (a folder): the dialog says so, and nothing is written."""
    monkeypatch.chdir(tmp_path)
    if typed == "reports":
        (tmp_path / "reports").mkdir()
    app = PvmApp(None, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await choose(pilot, "new")
        await pilot.press("ctrl+u")
        await type_text(pilot, typed)
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert f"{typed} is a folder: give the name of a file in it" in screen_text(app)
        assert app.editor is None
    assert [path.name for path in tmp_path.iterdir()] == (["reports"] if typed == "reports" else [])
    if typed == "reports":
        assert (tmp_path / "reports").is_dir()


async def test_save_as_refuses_a_name_that_ends_in_a_slash(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = example("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s", "ctrl+u")
        await type_text(pilot, "reports/")
        await pilot.press("enter", "enter")
        await pilot.pause()
        shown = screen_text(app)  # the dialog wraps the line after "such as"
        assert "reports/ is a folder: give the name of a file in it" in shown
        assert "reports/partners.toml." in shown
    assert list(tmp_path.iterdir()) == []
