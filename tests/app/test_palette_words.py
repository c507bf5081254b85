"""Textual's own words speak the labels' language: the palette's commands and prompts, the ctrl+c hint."""

from __future__ import annotations

from pathlib import Path

from pvm_tui.palette import editor_commands
from tests.app.conftest import editor, editor_of, screen_text, type_text, until


def system_titles(app) -> list[str]:
    """What Textual's own part of the palette offers now."""
    return [command.title for command in app.get_system_commands(app.screen)]


async def test_the_dutch_palette_has_no_english_of_textual_and_follows_a_switch(sample: Path) -> None:
    app = editor(sample, language="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: "Zoek een actie…" in screen_text(app))
        assert "Search for commands" not in screen_text(app)
        await type_text(pilot, "thema")
        await until(pilot, lambda: "De kleuren van pvm veranderen" in screen_text(app))
        await pilot.press("escape")
        # Textual's "Keys" panel (its words English) and "Screenshot" are not offered.
        assert sorted(system_titles(app)) == ["Thema", "Vergroten"]
        await pilot.press("L", "ctrl+p")
        await until(pilot, lambda: "Search for an action…" in screen_text(app))
        await pilot.press("escape")
        assert sorted(system_titles(app)) == ["Maximize", "Theme"]


async def test_the_palettes_theme_list_asks_in_dutch(sample: Path) -> None:
    app = editor(sample, language="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "thema")
        await until(pilot, lambda: "De kleuren van pvm" in screen_text(app))
        await pilot.press("enter")
        await until(pilot, lambda: "Zoek een thema…" in screen_text(app))
        assert "Search for themes" not in screen_text(app)


async def test_read_only_the_first_hint_and_the_palette_name_what_works(sample: Path) -> None:
    """Read-only, the first hint said "n fills in the next empty cell" and the palette "Edit cell"."""
    app = editor(sample, language="nl", read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        hint = screen_text(app).splitlines()[-2]
        assert "e toont de hele tekst van een cel" in hint
        assert "n vult" not in hint
        titles = [title for title, _help, _action in editor_commands(editor_of(app))]
        assert "Cel bekijken" in titles and "Cel bewerken" not in titles
        await pilot.press("ctrl+p")
        await type_text(pilot, "bekijken")
        await until(pilot, lambda: "De hele tekst van de geselecteerde cel tonen" in screen_text(app))


async def test_ctrl_c_says_in_dutch_which_key_quits(sample: Path) -> None:
    """Textual's hint said "Do you want to quit? Press q to quit the app" in English."""
    app = editor(sample, language="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        # What the toast in the corner says.
        said = [(note.title, note.message) for note in app._notifications]
        assert said == [("Wil je stoppen?", "Druk op q om pvm te stoppen.")]
