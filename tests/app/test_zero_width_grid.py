"""Zero-width characters keep the editor's grid and card square: every line of the screen as wide.

Textual pads each cell by Rich's measure of its text alone; the terminal
gets the line whole. A joiner at the end of a cell (or one that joins no
emoji) made the two disagree, and the row drew a cell wider than the screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from wcwidth import wcwidth

from pvm_tui import store
from pvm_tui.model import CATEGORIES, Company, Matrix, Partner, Side
from tests.app.conftest import editor
from tests.test_zero_width_page import NO_EMOJI, ZERO_WIDTH

FAMILY = "👩\u200d💻" * 12 + "x"  # longer than a column: cut between whole pictures


def matrix_file(path: Path, texts: list[str]) -> Path:
    partners = tuple(
        Partner(
            name="P" + text,
            brings=Side(**dict.fromkeys(CATEGORIES, text)),
            gets=Side(resources="x " + text, money=text + " y", other=text * 3),
            agreements=text,
        )
        for text in texts
    )
    matrix = Matrix(company=Company(name="c" + texts[0]), partners=partners, language="en")
    path.write_text(store.dumps(store.new_file(path, matrix), matrix), encoding="utf-8")
    return path


def drawn(line: str) -> int:
    """The cells a terminal that sizes each character alone gives ``line``."""
    return sum(max(wcwidth(char), 0) for char in line)


@pytest.mark.parametrize("size", [(200, 40), (120, 40)])
async def test_every_line_of_the_grid_and_card_is_as_wide_as_the_screen(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = editor(matrix_file(tmp_path / "m.toml", [*ZERO_WIDTH, FAMILY]))
    async with app.run_test(size=size) as pilot:
        for _mode in ("one", "the other"):
            await pilot.pause()
            lines = [strip.text for strip in app.screen._compositor.render_strips()]
            assert [cell_len(line) for line in lines] == [size[0]] * size[1], lines
            await pilot.press("w")  # compact rows and whole text


async def test_a_terminal_draws_the_rows_as_wide_as_the_screen(tmp_path: Path) -> None:
    app = editor(matrix_file(tmp_path / "m.toml", NO_EMOJI))
    async with app.run_test(size=(200, 40)) as pilot:
        for _mode in ("one", "the other"):
            await pilot.pause()
            lines = [strip.text for strip in app.screen._compositor.render_strips()]
            assert [drawn(line) for line in lines] == [200] * 40, lines
            await pilot.press("w")
