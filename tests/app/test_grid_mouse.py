"""A click on the grid selects the cell under the mouse, also after rows moved.

The grid keeps the drawings of rows that only moved (a partner added or
deleted above them); each drawing carries its row's index for the mouse,
so a kept drawing with an old index would send a click to another partner.
"""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import editor, editor_of, session_of, type_text

HEADER = 2
"""The grid's heading lines above the first row."""


async def click_row(pilot, row: int, column_x: int = 30) -> None:  # type: ignore[no-untyped-def]
    await pilot.click("#grid", offset=(column_x, HEADER + row))
    await pilot.pause()


def name_under_cursor(app) -> str:  # type: ignore[no-untyped-def]
    grid = editor_of(app).grid
    key = grid.key_at(grid.cursor_row)
    return next(partner.name for partner in session_of(app).matrix.partners if partner.key == key)


async def test_a_click_after_partners_were_added_and_deleted_above_selects_the_row_clicked(
    sample: Path,
) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        names = [partner.name for partner in session_of(app).matrix.partners]
        await click_row(pilot, 3)
        assert name_under_cursor(app) == names[3]
        # Added above (every row below moves one place), then deleted (they move back).
        await pilot.press("ctrl+home", "a")
        await type_text(pilot, "New")
        await pilot.press("escape")
        await click_row(pilot, 4)
        assert name_under_cursor(app) == names[3]
        await pilot.press("ctrl+home", "j", "d", "y")
        await pilot.pause()
        await click_row(pilot, 3)
        assert name_under_cursor(app) == names[3]
        await click_row(pilot, 1)
        assert name_under_cursor(app) == names[1]


async def test_a_click_after_a_partner_moved_two_places_selects_the_row_clicked(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        names = [partner.name for partner in session_of(app).matrix.partners]
        for row in range(len(names)):
            await click_row(pilot, row)  # every row drawn where it stands now
        await pilot.press("ctrl+home", "shift+down", "shift+down")
        await pilot.pause()
        moved = [names[1], names[2], names[0], *names[3:]]
        assert [partner.name for partner in session_of(app).matrix.partners] == moved
        for row in range(len(moved)):
            await click_row(pilot, row)
            assert name_under_cursor(app) == moved[row], f"row {row}"
