"""The command palette speaks the labels' language: Textual's own commands and prompts too."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import editor, screen_text, type_text, until


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
