"""Quit with unsaved changes, the company form, saving the example's copy, a file changed on disk."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from pvm_tui import bundled
from tests.app.conftest import (
    SAMPLES,
    document_of,
    editor,
    editor_of,
    example,
    read_toml,
    screen_text,
    session_of,
    type_text,
)


async def _edit_first_name(pilot, text: str = "!") -> None:
    await pilot.press("e")
    await type_text(pilot, text)
    await pilot.press("escape")


async def test_help_says_how_to_close_it_on_its_first_page_at_80x24(sample: Path) -> None:
    """The way out stays under the text; at its end it was pages down, with an empty key bar."""
    app = editor(sample, language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Esc, q of ? sluit deze hulp." in screen_text(app)
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert "Esc, q of ? sluit deze hulp." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.editor


async def test_quit_without_changes_needs_no_dialog(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_dialog_s_saves_and_quits(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_first_name(pilot)
        await pilot.press("q")
        assert app.screen.id == "quit-dialog"
        assert "not saved" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
    assert app.return_code == 0
    assert read_toml(sample)["partners"][0]["name"] == "Sennheiser!"


async def test_quit_dialog_d_discards_and_quits(sample: Path) -> None:
    before = sample.read_bytes()
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_first_name(pilot)
        await pilot.press("q", "d")
        await pilot.pause()
    assert app.return_code == 0
    assert sample.read_bytes() == before


async def test_quit_dialog_escape_cancels_and_keeps_editing(sample: Path) -> None:
    before = sample.read_bytes()
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_first_name(pilot)
        await pilot.press("q", "escape")
        await pilot.pause()
        assert app.is_running
        assert app.screen is app.editor
        assert session_of(app).matrix.partners[0].name == "Sennheiser!"
        await pilot.press("e")
        assert editor_of(app).context() == "editor"
    assert sample.read_bytes() == before


async def test_ctrl_q_while_editing_keeps_the_text_and_asks(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "?")
        await pilot.press("ctrl+q")
        assert app.screen.id == "quit-dialog"
        await pilot.press("s")
        await pilot.pause()
    assert read_toml(sample)["partners"][0]["name"] == "Sennheiser?"


async def test_the_company_form_edits_the_header_undoably(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        assert app.screen.id == "profile"
        await pilot.press("ctrl+u")
        await type_text(pilot, "Tinnitracks GmbH")
        await pilot.press("tab")
        await type_text(pilot, "2026-11-28")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is app.editor
        assert session_of(app).matrix.company.name == "Tinnitracks GmbH"
        assert session_of(app).matrix.company.date == dt.date(2026, 11, 28)
        assert "Tinnitracks GmbH" in screen_text(app)
        await pilot.press("ctrl+z")
        assert session_of(app).matrix.company.name == "Tinnitracks"
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()
    company = read_toml(sample)["company"]
    assert company["name"] == "Tinnitracks GmbH"
    assert company["date"] == dt.date(2026, 11, 28)
    assert company["industry"] == "Medische technologie"


async def test_the_company_form_refuses_a_bad_date_whichever_key_closes_it(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "tab")
        await type_text(pilot, "tomorrow")
        for key in ("ctrl+s", "escape"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.id == "profile", key
            assert "2026-11-28" in screen_text(app)
        assert not session_of(app).dirty
        await pilot.press("ctrl+u")
        await type_text(pilot, "2026-12-01")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.editor
        assert session_of(app).matrix.company.date == dt.date(2026, 12, 1)


async def test_the_examples_copy_asks_for_a_file_name_and_never_writes_into_the_package(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    packaged = bundled.example_path("en")
    before = packaged.read_bytes()
    app = example("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_first_name(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.id == "save-as"
        await pilot.press("ctrl+u")
        await type_text(pilot, "mine.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.editor
        assert not session_of(app).dirty
        assert document_of(app).path == Path("mine.toml")
        # later saves go to the same file without asking
        await _edit_first_name(pilot, "?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is app.editor
    assert packaged.read_bytes() == before
    assert read_toml(tmp_path / "mine.toml")["partners"][0]["name"] == "Sennheiser!?"


async def test_save_as_asks_before_overwriting_a_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken.toml").write_text("precious", encoding="utf-8")
    app = example("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s", "ctrl+u")
        await type_text(pilot, "taken.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert "already exists" in screen_text(app)
        assert (tmp_path / "taken.toml").read_text(encoding="utf-8") == "precious"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.editor
        assert (tmp_path / "taken.toml").read_text(encoding="utf-8") == "precious"
        await pilot.press("ctrl+s", "ctrl+u")
        await type_text(pilot, "taken.toml")
        await pilot.press("enter", "enter")
        await pilot.pause()
    assert read_toml(tmp_path / "taken.toml")["company"]["name"] == "Tinnitracks"


async def test_a_file_changed_on_disk_is_not_overwritten_silently(sample: Path) -> None:
    """Saving first merges what changed on disk: both people's changes are in the file."""
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_first_name(pilot)
        other = sample.read_text(encoding="utf-8").replace('name = "Tinnitracks"', 'name = "Changed by Bob"')
        sample.write_text(other, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor_of(app)
        assert not session_of(app).dirty
        # Undo goes back to before Bob's change came in, as a reload would.
        await pilot.press("ctrl+z")
        assert session_of(app).matrix.company.name == "Tinnitracks"
    saved = read_toml(sample)
    assert saved["partners"][0]["name"] == "Sennheiser!"
    assert saved["company"]["name"] == "Changed by Bob"


async def test_a_file_that_cannot_be_read_is_not_overwritten_silently(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_first_name(pilot)
        broken = sample.read_text(encoding="utf-8").replace('name = "Tinnitracks"', 'name = "Changed by Bob')
        sample.write_text(broken, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.id == "changed-dialog"
        assert sample.read_text(encoding="utf-8") == broken
        await pilot.press("escape")
        assert session_of(app).dirty
        # overwrite: ours wins
        await pilot.press("ctrl+s", "o")
        await pilot.pause()
        assert not session_of(app).dirty
    saved = read_toml(sample)
    assert saved["partners"][0]["name"] == "Sennheiser!"
    assert saved["company"]["name"] == "Tinnitracks"


async def test_the_changed_on_disk_dialog_names_an_odd_file_on_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "first\nsecond\x1b[2J.toml"
    shutil.copy(SAMPLES / "tinnitracks.toml", odd)
    app = editor(odd)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_first_name(pilot)
        odd.write_text(odd.read_text(encoding="utf-8").replace('name = "Tinnitracks"', 'name = "Bob'))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.id == "changed-dialog"
        question = str(app.screen.query_one(".dialog-question").render())
        assert "first␊second␛[2J.toml was changed by someone else" in question
