"""Filter, language, help, read-only review, the start screen, the command palette and small screens."""

from __future__ import annotations

from pathlib import Path

import pytest

from pvm_tui import recent
from pvm_tui.app import PvmApp
from pvm_tui.keys import KEYS
from pvm_tui.palette import editor_commands
from pvm_tui.ui_text import ui_text
from tests.app.conftest import burst, editor, editor_of, read_toml, screen_text, session_of, type_text


async def test_filter_shows_matching_partners_esc_keeps_it_and_esc_in_the_grid_clears_it(
    sample: Path,
) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert editor_of(app).context() == "filter"
        await type_text(pilot, "verkoop")  # in Sennheiser's channels and the hearing aid sellers' row
        await pilot.pause()
        assert editor_of(app).grid.row_count == 2
        assert "2 of 5 partners" in editor_of(app).status.message
        await pilot.press("enter")
        assert editor_of(app).context() == "grid"
        assert editor_of(app).grid.row_count == 2
        # keys work on the filtered rows: edit the second shown partner
        await pilot.press("j", "e")
        await type_text(pilot, "!")
        await pilot.press("escape")
        assert session_of(app).matrix.partners[4].name == "Verkopers van gehoorapparaten!"
        await pilot.press("escape")
        assert editor_of(app).grid.row_count == 5
        assert editor_of(app).grid.cursor_coordinate.row == 4
        await pilot.press("slash")
        await type_text(pilot, "KNO")
        # Esc leaves the line as it leaves a cell: keeping what was typed.
        await pilot.press("escape")
        assert editor_of(app).context() == "grid"
        assert editor_of(app).grid.row_count == 1
        assert "Esc shows all partners" in editor_of(app).status.message
        assert "esc all partners" in screen_text(app)
        # Esc in the grid then shows every partner again, and the line goes.
        await pilot.press("escape")
        assert editor_of(app).grid.row_count == 5
        assert editor_of(app).query_one("#filter").display is False


async def test_a_partner_added_while_filtering_stays_in_view(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "Sennheiser")
        await pilot.press("enter", "a")
        await type_text(pilot, "Bose")
        await pilot.press("escape")
        assert editor_of(app).grid.row_count == 2
        assert [partner.name for partner in session_of(app).matrix.partners][:2] == ["Sennheiser", "Bose"]


async def test_switching_the_language_changes_labels_not_the_matrix(sample: Path) -> None:
    app = editor(sample, language="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "wat brengen ze?" in text
        assert "Wie is deze belangrijke" in text
        await pilot.press("L")
        await pilot.pause()
        text = screen_text(app)
        assert "What do they bring?" in text
        assert "Who is this key" in text
        assert "Zorgverzekeringen" in text  # the user's text is never translated
        assert "e edit" in text
        assert not session_of(app).dirty
        await pilot.press("L")
        await pilot.pause()
        assert "e bewerk" in screen_text(app)


async def test_help_shows_keys_steps_and_tips_in_the_current_language(sample: Path) -> None:
    app = editor(sample, language="nl")
    async with app.run_test(size=(120, 70)) as pilot:
        await pilot.press("question_mark")
        assert app.screen.id == "help"
        text = screen_text(app)
        assert "De drie stappen" in text
        assert "Toetsen" in text
        assert "Wat ze brengen" in text
        await pilot.press("escape", "L", "question_mark")
        text = screen_text(app)
        assert "The three steps" in text
        assert "undo" in text
        await pilot.press("q")
        assert app.screen is app.editor


async def test_read_only_changes_nothing_and_says_so(sample: Path) -> None:
    before = sample.read_bytes()
    app = editor(sample, read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "READ-ONLY" in screen_text(app).splitlines()[-1]
        for key in ("a", "d", "n", "p", "shift+down", "ctrl+s", "ctrl+z"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is app.editor, key
            assert "Read-only" in editor_of(app).status.message, key
        await pilot.press("e")
        await type_text(pilot, "typed")
        assert "Read-only" in editor_of(app).status.message
        await pilot.press("escape")
        assert session_of(app).matrix == session_of(app).document.file.saved
        assert not session_of(app).history.can_undo
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert sample.read_bytes() == before


async def test_tiny_and_resized_terminals_do_not_crash(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "x")
        await pilot.press("escape", "3", "j", "question_mark", "escape")
        for size in ((120, 40), (20, 8), (80, 24), (40, 12)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert screen_text(app)
        await pilot.press("e", "escape")
        assert session_of(app).matrix.partners[0].name == "Sennheiserx"


async def test_the_start_screen_opens_a_recent_matrix(sample: Path) -> None:
    recent.remember(sample)
    app = PvmApp(None, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "tinnitracks.toml" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.editor
        assert app.focused is editor_of(app).grid
        assert session_of(app).matrix.partners[0].name == "Sennheiser"


async def test_the_start_screen_makes_a_new_matrix(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = PvmApp(None, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "no recent matrices" in screen_text(app)
        await pilot.press("enter")  # "New matrix…" is chosen when there is nothing recent
        await pilot.press("ctrl+u")
        await type_text(pilot, "acme.toml")
        await pilot.press("enter")
        await type_text(pilot, "Acme")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.editor
        assert editor_of(app).view.step_bar.step == 1
        assert "Acme" in screen_text(app)
        await burst(pilot, "a", "B", "a", "n", "k", "escape", "ctrl+s")
        await pilot.pause()
        await pilot.press("q")
    saved = read_toml(tmp_path / "acme.toml")
    assert saved["company"]["name"] == "Acme"
    assert saved["partners"][0]["name"] == "Bank"
    assert recent.load() == [tmp_path / "acme.toml"]


async def test_the_start_screen_opens_the_example(tmp_path: Path) -> None:
    app = PvmApp(None, "nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "enter")  # past New matrix… and Open file…
        await pilot.pause()
        assert app.screen is app.editor
        assert session_of(app).document is not None and session_of(app).document.needs_name
        assert "Sennheiser" in screen_text(app)


async def test_every_action_is_in_the_command_palette(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = {title for title, _help, _action in editor_commands(editor_of(app))}
        for name, (title, _help) in editor_of(app).words.palette.items():
            assert title in titles, name
        await pilot.press("ctrl+p")
        await type_text(pilot, "Add partner")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert len(session_of(app).matrix.partners) == 6


@pytest.mark.parametrize(
    ("language", "query", "switched_to"), [("en", "language", "nl"), ("nl", "taal", "en")]
)
async def test_the_palette_finds_a_command_by_what_it_does(
    sample: Path, language: str, query: str, switched_to: str
) -> None:
    # The language switch is titled with the language it switches to ("Nederlands"):
    # a person looking for it types what it does.
    app = editor(sample, language=language)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, query)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert editor_of(app).words is ui_text(switched_to)


def test_every_editor_key_has_a_palette_command_or_is_a_movement() -> None:
    movements = {"cursor", "step", "editor_done", "editor_move", "external_editor", "filter_done", "quit"}
    palette = set(ui_text("en").palette)
    for key in KEYS:
        name = key.action.split("(")[0]
        assert name in palette or name in movements or name == "move_partner", key.id


async def test_undo_shows_a_partner_the_filter_hides(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "!")
        await pilot.press("escape", "slash")
        await type_text(pilot, "KNO")
        await pilot.press("enter")
        assert editor_of(app).grid.row_count == 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].name == "Sennheiser"
        assert editor_of(app).grid.row_count == 2
        assert editor_of(app).view.cursor_place() == (0, 0)
        await pilot.press("ctrl+y", "ctrl+z", "ctrl+y")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].name == "Sennheiser!"
        assert "Sennheiser!" in screen_text(app)


async def test_read_only_leaves_changes_out_of_the_palette(sample: Path) -> None:
    app = editor(sample, read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = {title for title, _help, _action in editor_commands(editor_of(app))}
        assert "Help" in titles and "Filter partners" in titles
        assert not titles & {"Save", "Add partner", "Delete partner", "Undo", "Company"}


async def test_ctrl_s_saves_from_the_filter_line_too(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await type_text(pilot, "!")
        await pilot.press("escape", "slash")
        await type_text(pilot, "Senn")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not session_of(app).dirty
        assert editor_of(app).grid.row_count == 1
    assert read_toml(sample)["partners"][0]["name"] == "Sennheiser!"


async def test_a_file_name_with_a_line_break_shows_on_one_line_in_the_title_and_the_recent_list(
    tmp_path: Path,
) -> None:
    odd = tmp_path / "first\nsecond\x1b[2J.toml"
    odd.write_text('[[partners]]\nname = "Acme"\n', encoding="utf-8")
    app = editor(odd)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        title = screen_text(app).splitlines()[0]
        assert "first␊second␛[2J.toml" in title
    recent.remember(odd)
    start = PvmApp(None, "en")
    async with start.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert "first␊second␛[2J.toml" in screen_text(start)


async def test_the_empty_filter_line_is_whole_at_80_columns_and_names_no_wrong_key(sample: Path) -> None:
    """It said "Esc clears" (Esc keeps the filter) and lost that at 80 columns after "Enter keeps,"."""
    for language, prompt in (
        ("en", "filter: text, or balance:one-sided status:current influence:high"),
        ("nl", "filter: tekst, of balans:eenzijdig status:huidig invloed:veel"),
    ):
        app = editor(sample, language=language)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("slash")
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert any(line.strip() == prompt for line in lines), language
            await type_text(pilot, "KNO")
            await pilot.press("escape")
            assert editor_of(app).grid.row_count == 1  # Esc kept the filter
