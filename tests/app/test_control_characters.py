"""Editing a cell never turns its control characters into the symbols that show them (issue 14 §5).

The editor shows CR as ␍ and ESC as ␛ so that a cell cannot drive the
terminal; typing in the cell must not put those symbols into the data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.app.conftest import SAMPLES, editor, read_toml, type_text

CELL = "first line\r\nsecond line \x1b[31mred\x1b[0m"
UNTOUCHED = "keep\r\nme\x07 as I am\u2028here"


def matrix_with_controls(tmp_path: Path) -> Path:
    path = tmp_path / "controls.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    text = path.read_text(encoding="utf-8")
    text = text.replace('name = "Sennheiser"', 'name = "Sennheiser\\u001b"', 1)
    text = text.replace(
        'resources = "Custom sound technology and headphones"',
        'resources = "first line\\r\\nsecond line \\u001b[31mred\\u001b[0m"',
        1,
    )
    text = text.replace('name = "Health insurers"', 'name = "keep\\r\\nme\\u0007 as I am\\u2028here"', 1)
    path.write_text(text, encoding="utf-8")
    return path


async def test_typing_after_control_characters_keeps_them_and_the_rest_byte_for_byte(tmp_path: Path) -> None:
    path = matrix_with_controls(tmp_path)
    before = path.read_text(encoding="utf-8")
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l", "e")  # the first partner's resources
        await type_text(pilot, " more")
        await pilot.press("escape", "h", "e")  # and its name
        await type_text(pilot, "!")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    partners = read_toml(path)["partners"]
    assert partners[0]["brings"]["resources"] == CELL + " more"
    assert partners[0]["name"] == "Sennheiser\x1b!"
    assert partners[1]["name"] == UNTOUCHED
    after = path.read_text(encoding="utf-8")
    assert "␍" not in after and "␛" not in after and "⏎" not in after
    assert 'name = "keep\\r\\nme\\u0007 as I am\\u2028here"' in after, "untouched text, byte for byte"
    assert len(after.splitlines()) == len(before.splitlines())


async def test_opening_and_leaving_a_cell_with_control_characters_changes_nothing(tmp_path: Path) -> None:
    path = matrix_with_controls(tmp_path)
    before = path.read_bytes()
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "e", "escape", "ctrl+s")
        await pilot.pause()
    assert path.read_bytes() == before


async def test_the_company_form_keeps_control_characters_in_what_it_changes(tmp_path: Path) -> None:
    path = matrix_with_controls(tmp_path)
    text = path.read_text(encoding="utf-8").replace('name = "Tinnitracks"', 'name = "Tinni\\u001btracks"', 1)
    path.write_text(text, encoding="utf-8")
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("end")
        await type_text(pilot, " GmbH")
        await pilot.press("ctrl+s")  # keep the form
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert read_toml(path)["company"]["name"] == "Tinni\x1btracks GmbH"
