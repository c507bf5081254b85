"""The grid of a big matrix: what touches every row never holds the keys for seconds (issue 14 §16).

A screen shows some forty rows of thousands. Opening a matrix makes the
text of only the cells that are drawn; a reload or a restored copy that
changed every partner redraws all rows in one pass. The matrices here have
a couple of thousand partners: enough to show what is made and what is
drawn, quick to read. ``benchmarks/big_matrix.py`` times 15,000 and 20,000.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from pvm_tui import textual_internals
from pvm_tui.widgets import grid_cells
from tests.app.conftest import editor, editor_of, screen_text, session_of, until


def big_matrix_text(partners: int, name: str = "Partner ") -> str:
    lines = [
        'format = "partnerwaarde-matrix"',
        "version = 1",
        'language = "en"',
        "",
        "[company]",
        'name = "Big"',
    ]
    for index in range(partners):
        lines += ["", "[[partners]]", f'name = "{name}{index:04d}"', "[partners.brings]"]
        lines.append(f'resources = "knowledge {index}"')
    return "\n".join(lines) + "\n"


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "big.toml"
    path.write_text(big_matrix_text(2000), encoding="utf-8")
    return path


class Counted:
    """Wraps a function and counts its calls."""

    def __init__(self, real) -> None:
        self.real = real
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.real(*args, **kwargs)


async def test_a_big_matrix_opens_making_only_the_cells_it_draws(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Counted(grid_cells.cell_text)
    monkeypatch.setattr(grid_cells, "cell_text", made)
    app = editor(big)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Partner 0000" in text and "knowledge 0" in text and "Partner 0030" in text
        assert made.calls <= 9 * 40, "only the rows on screen are made"
        await pilot.press("ctrl+end")
        text = screen_text(app)
        assert "Partner 1999" in text and "knowledge 1999" in text
        assert "Partner 0000" not in text
        assert made.calls <= 2 * 9 * 40
        grid = editor_of(app).grid
        assert grid.get_cell_at((1000, 1)).plain.strip() == "│ knowledge 1000", (
            "a cell never drawn reads right"
        )


async def _reload_from(app, pilot, path: Path, text: str) -> None:
    """Change the file on disk; ctrl+s brings the change in (nothing is unsaved: a reload), then saves."""
    path.write_text(text, encoding="utf-8")
    await pilot.press("ctrl+s")
    await until(pilot, lambda: "Saved" in screen_text(app))


async def test_a_reload_that_renames_every_partner_redraws_all_rows_in_one_pass(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = editor(big)
    async with app.run_test(size=(120, 40)) as pilot:
        forgets = Counted(textual_internals.forget_rows)
        monkeypatch.setattr(textual_internals, "forget_rows", forgets)
        await _reload_from(app, pilot, big, big_matrix_text(2000, name="Renamed "))
        # Once for the new cells, once for marking the cells changed on disk; not once per partner.
        assert forgets.calls <= 2, "the drawings are looked through once, not once per partner"
        calls = forgets.calls
        text = screen_text(app)
        assert "Renamed 0000" in text and "Partner 0000" not in text
        await pilot.press("ctrl+end")
        assert "Renamed 1999" in screen_text(app)
        await pilot.press("ctrl+z")  # the reload undone: the names are back
        await until(pilot, lambda: "Partner 0000" in screen_text(app))
        await pilot.press("ctrl+end")
        assert "Partner 1999" in screen_text(app) and "Renamed" not in screen_text(app)
        assert forgets.calls <= calls + 2


async def test_a_reload_that_drops_many_partners_takes_their_rows_out_at_once(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    removed = Counted(DataTable.remove_row)
    monkeypatch.setattr(DataTable, "remove_row", removed)
    app = editor(big)
    async with app.run_test(size=(120, 40)) as pilot:
        await _reload_from(app, pilot, big, big_matrix_text(1500))
        grid = editor_of(app).grid
        assert grid.row_count == 1500 == len(session_of(app).matrix.partners)
        assert removed.calls == 0, "no row is taken out one at a time (each numbers every row again)"
        await pilot.press("ctrl+end")
        text = screen_text(app)
        assert "Partner 1499" in text and "Partner 1500" not in text
        await pilot.press("ctrl+z")
        await until(pilot, lambda: grid.row_count == 2000)
        await pilot.press("ctrl+end")
        assert "Partner 1999" in screen_text(app)
