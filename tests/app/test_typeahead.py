"""Type-ahead: keys that arrive together (a slow SSH link, a paste) land in the editor, in order.

``burst`` hands every key to the driver at once, as one read from the
terminal would, with no pause for the App to catch up in between.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pvm_tui.app import PvmApp
from tests.app.conftest import burst, editor, editor_of, example, read_toml, session_of, until


async def test_text_typed_right_after_e_lands_in_the_editor(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "e", " ", "G", "m", "b", "H", "escape")
        assert session_of(app).matrix.partners[0].name == "Sennheiser GmbH"


async def test_text_typed_right_after_enter_lands_in_the_editor(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "j", "enter", "!", "escape")
        assert session_of(app).matrix.partners[1].name == "Zorgverzekeringen!"


async def test_text_typed_right_after_a_lands_in_the_new_name(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "a", "h", "i", "j", "k", "l", "escape")
        assert session_of(app).matrix.partners[1].name == "hijkl"


async def test_text_typed_right_after_n_lands_in_the_empty_cell(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "2", "n", "e", "u", "r", "o", "escape", "n", "x", "escape")
        partner = session_of(app).matrix.partners[0]
        assert partner.brings.money == "euro"
        assert partner.brings.other == "x"


async def test_moves_and_edits_in_one_burst_keep_their_order(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(
            pilot,
            "j",
            "j",
            "e",
            "1",
            "escape",
            "k",
            "e",
            "2",
            "escape",
            "ctrl+home",
            "l",
            "e",
            "3",
            "tab",
            "4",
        )
        await burst(pilot, "escape")
        names = [partner.name for partner in session_of(app).matrix.partners]
        assert names[1] == "Zorgverzekeringen2"
        assert names[2].endswith("Gründerfonds)1")
        assert session_of(app).matrix.partners[0].brings.resources.endswith("koptelefoons3")
        assert session_of(app).matrix.partners[0].brings.channels.endswith("verkoopkanalen4")


async def test_deleting_typed_text_in_a_burst_keeps_its_place(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "a", "a", "x", "backspace", "b", "left", "c", "escape")
        assert session_of(app).matrix.partners[1].name == "acb"


async def test_pilot_presses_in_one_call_also_land_in_order(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "h", "i", "escape", "j", "a", "y", "o", "escape")
        assert session_of(app).matrix.partners[0].name == "Sennheiserhi"
        assert session_of(app).matrix.partners[2].name == "yo"


async def test_a_filter_typed_in_one_burst(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "/", "K", "N", "O", "enter", "e", "!", "escape")
        assert editor_of(app).grid.row_count == 1
        assert session_of(app).matrix.partners[3].name == "KNO-arts (specialist)!"


async def test_escape_glued_to_the_next_key_leaves_the_editor_first(sample: Path) -> None:
    """A terminal reports Esc and a key in one read as alt+key; in the editor that is Esc, then the key."""
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "2", "n", "x", "alt+n", "y", "z", "escape")
        partner = session_of(app).matrix.partners[0]
        assert partner.brings.money == "x"
        assert partner.brings.other == "yz"


async def test_escape_glued_to_a_key_in_the_filter_leaves_it_first(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "/", "K", "N", "O", "alt+j", "e", "!", "escape")
        # As when typed slowly: the filter finds KNO-arts, Esc leaves the line keeping the
        # filter, j finds no other partner shown, and KNO-arts's name gets the "!".
        assert editor_of(app).grid.row_count == 1
        assert session_of(app).matrix.partners[3].name == "KNO-arts (specialist)!"
        assert session_of(app).matrix.partners[4].name == "Verkopers van gehoorapparaten"


async def test_text_typed_right_after_enter_in_the_new_matrix_form_lands_in_the_next_field(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = PvmApp(None, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # "New matrix…"
        await pilot.press("ctrl+u")
        await burst(pilot, *"acme.toml", "enter", *"Acme BV", "enter")
        await pilot.pause()
        assert app.screen is app.editor
        assert session_of(app).document is not None and session_of(app).document.path.name == "acme.toml"
        assert session_of(app).matrix.company.name == "Acme BV"


async def test_text_typed_right_after_enter_in_the_company_form_lands_in_the_next_field(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await burst(pilot, *"Tinni", "enter", "ctrl+u", *"2026-11-28", "enter", "ctrl+s")
        await pilot.pause()
        assert session_of(app).matrix.company.name == "Tinni"
        assert str(session_of(app).matrix.company.date) == "2026-11-28"


async def test_a_correction_typed_in_a_burst_in_the_company_form_keeps_its_order(sample: Path) -> None:
    """The form's fields ran backspace and ← after the letters behind them: "XY" stayed."""
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await burst(pilot, " ", "X", "backspace", "Y", "left", "Z", "escape")
        await pilot.pause()
        assert session_of(app).matrix.company.name == "Tinnitracks ZY"


async def test_a_correction_typed_in_a_burst_in_the_agreements_keeps_its_order(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("A")
        await pilot.pause()
        await burst(pilot, *"Jaarlijkz", "backspace", "s", "escape")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].agreements == "Jaarlijks"


async def test_a_file_name_typed_after_ctrl_u_in_one_burst_is_the_one_saved(
    tmp_path: Path, monkeypatch
) -> None:
    """The example's save asks for a name; ctrl+u then the name in one burst saved nothing."""
    monkeypatch.chdir(tmp_path)
    app = example()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await burst(pilot, "ctrl+u", *"mine.toml", "enter")
        await until(pilot, lambda: (tmp_path / "mine.toml").exists())
        assert read_toml(tmp_path / "mine.toml")["company"]["name"] == "Tinnitracks"


@pytest.mark.parametrize("opener", ["question_mark", "r", "q"])
async def test_the_key_glued_to_esc_that_closes_a_dialog_does_its_job_in_the_grid(
    sample: Path, opener: str
) -> None:
    """Help, what to fix first and the quit question took the key after Esc with them, unheard."""
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e", "!", "escape")  # unsaved, so that q asks
        await pilot.press(opener)
        await pilot.pause()
        assert app.screen is not app.editor
        await burst(pilot, "escape", "j")
        assert app.screen is app.editor
        assert editor_of(app).grid.cursor_coordinate.row == 1
