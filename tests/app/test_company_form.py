"""The company form (`p`): Esc keeps what was typed, ctrl+s saves, the hints fit, the file's language."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import editor, read_toml, screen_text, session_of, type_text


async def test_escape_keeps_the_form_as_one_undoable_change(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "ctrl+u")
        await type_text(pilot, "Tinnitracks GmbH")
        await pilot.press("tab", "tab", "ctrl+u")
        await type_text(pilot, "Sound therapy")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.editor
        company = session_of(app).matrix.company
        assert (company.name, company.industry) == ("Tinnitracks GmbH", "Sound therapy")
        await pilot.press("ctrl+z")
        await pilot.pause()
        company = session_of(app).matrix.company
        assert (company.name, company.industry) == ("Tinnitracks", "Medische technologie")
        assert not session_of(app).dirty


async def test_ctrl_s_in_the_form_saves_the_file(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "end")
        await type_text(pilot, " GmbH")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is app.editor
        assert not session_of(app).dirty
    assert read_toml(sample)["company"]["name"] == "Tinnitracks GmbH"


async def test_the_forms_keys_are_in_view_at_80x24(sample: Path) -> None:
    for language, hint in (
        ("en", "Esc: keep · ctrl+s: keep and save · Tab or Enter: next field"),
        ("nl", "Esc: houden · ctrl+s: houden en opslaan · Tab of Enter: volgend veld"),
    ):
        app = editor(sample, language=language)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("p")
            await pilot.pause()
            assert hint in screen_text(app)


async def test_the_file_language_is_chosen_in_the_form_and_saved(sample: Path) -> None:
    app = editor(sample, language="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        for _ in range(8):  # past the seven fields and the description to the language
            await pilot.press("tab")
        await pilot.press("ctrl+u")
        await type_text(pilot, "xx")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "profile"
        assert "nl (Nederlands) of en (Engels)" in screen_text(app)
        await pilot.press("ctrl+u")
        await type_text(pilot, "en")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # The labels stay Dutch: only L switches them.
        assert "Partnerwaarde-matrix" in screen_text(app)
    assert read_toml(sample)["language"] == "en"


async def test_a_new_matrix_is_made_in_the_language_chosen_for_it(tmp_path: Path, monkeypatch) -> None:
    from pvm_tui.app import PvmApp

    monkeypatch.chdir(tmp_path)
    app = PvmApp(None, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # "New matrix…"
        await pilot.press("ctrl+u")
        await type_text(pilot, "acme.toml")
        await pilot.press("enter")
        await type_text(pilot, "Acme")
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "nl")
        await pilot.press("enter")
        await pilot.pause()
        assert "Partnerwaarde-matrix" not in screen_text(app)  # the labels stay English
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = read_toml(tmp_path / "acme.toml")
    assert saved["language"] == "nl"
    assert saved["company"]["name"] == "Acme"


async def test_a_key_typed_into_the_form_adds_to_the_name_rather_than_replacing_it(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await type_text(pilot, "Q")
        await pilot.press("escape")
        await pilot.pause()
        assert session_of(app).matrix.company.name == "TinnitracksQ"


async def test_the_language_field_is_labelled_as_the_fields_above_it(sample: Path) -> None:
    """It said "Taal bestand" under "naam", "datum", "locatie": capitalised and clipped Dutch."""
    fields = (("nl", "taal van het bestand", "locatie"), ("en", "file language", "location"))
    for language, label, above in fields:
        app = editor(sample, language=language)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("p")
            await pilot.pause()
            labels = [line.strip("█ ").split("  ")[0] for line in screen_text(app).splitlines()]
            assert above in labels and label in labels
