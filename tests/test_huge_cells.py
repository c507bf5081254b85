"""Cells of 100 KB: `pvm show` prints every character, and the grid's wrapping cuts a long word whole.

Wrapping measured the rest of a long word after every cut, so a word of
100 KB took seconds to minutes (`pvm show` on one such cell ran for eight
minutes). What must hold whatever the speed: every line fits its width, no
character is lost or repeated, and the editor's grid shows a huge cell's
start and how much more there is (its speed is in benchmarks/long_cells.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from pvm_tui import cli, store
from pvm_tui.cell_head import GRID_LINES
from pvm_tui.hyphenate import breaks
from pvm_tui.labels import labels_for
from pvm_tui.model import COLUMN_BY_KEY, Company, Matrix, Partner
from pvm_tui.widgets.grid_cells import whole_lines, wrap

SIZE = 100_000
WORD = "".join(f"w{index:05d}" for index in range(SIZE // 6))
HUGE = {
    "one word": (WORD, r"[w0-9]{4,}", ""),
    "emoji": ("👩\u200d💻" * (SIZE // 11), "(?:👩\u200d💻)+", ""),
    "combining": ("e\u0301" * (SIZE // 3), "(?:e\u0301)+", ""),
    "many lines": ("\n".join(f"line{index:05d}" for index in range(SIZE // 10)), r"line\d{5}", "\n"),
}
COLUMN = COLUMN_BY_KEY["brings.other"]


@pytest.mark.parametrize("kind", list(HUGE))
def test_the_grid_cuts_a_huge_word_into_pieces_exactly_as_wide_as_the_column(kind: str) -> None:
    text = HUGE[kind][0].replace("\n", "")
    lines = wrap(text, 14)
    assert "".join(lines) == text
    assert {cell_len(line) for line in lines[:-1]} == {14}
    assert 0 < cell_len(lines[-1]) <= 14


@pytest.mark.parametrize("kind", list(HUGE))
def test_a_whole_text_row_shows_the_start_of_a_huge_cell_and_how_much_more(kind: str) -> None:
    text, pattern, joined = HUGE[kind]
    partner = Matrix(partners=(Partner(name="Lang"),)).with_cell(0, COLUMN, text).partners[0]
    lines = whole_lines(partner, COLUMN, labels_for("en"), 18)
    assert len(lines) <= GRID_LINES
    assert all(cell_len(line) <= 18 - 2 for line in lines), lines
    shown = joined.join(re.findall(pattern, "\n".join(lines) if joined else "".join(lines)))
    assert len(shown) > 100 and text.startswith(shown)
    assert re.search(r"… \(\d+ KB more: e to read it all\)$", " ".join(lines[-3:])), lines


def test_a_cell_of_ordinary_length_is_shown_whole() -> None:
    text = " ".join(["woord"] * 40)
    partner = Matrix(partners=(Partner(name="Lang"),)).with_cell(0, COLUMN, text).partners[0]
    assert " ".join(whole_lines(partner, COLUMN, labels_for("nl"), 18)) == text


@pytest.mark.parametrize("width", ["160", "80"])
@pytest.mark.parametrize("kind", list(HUGE))
def test_pvm_show_prints_every_character_of_a_huge_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, width: str
) -> None:
    text, pattern, joined = HUGE[kind]
    matrix = Matrix(company=Company(name="c"), partners=(Partner(name="Lang"),), language="nl")
    matrix = matrix.with_cell(0, COLUMN, text)
    path = tmp_path / "m.toml"
    path.write_text(store.dumps(store.new_file(path, matrix), matrix), encoding="utf-8")
    assert cli.main(["show", str(path), "--width", width]) == 0
    out = capsys.readouterr().out
    assert max(cell_len(line) for line in out.splitlines()) <= int(width)
    assert joined.join(re.findall(pattern, out)) == text


def test_a_run_of_letters_no_language_has_is_not_split_into_syllables() -> None:
    assert not [place for place in breaks("abcdefghij" * 20, "nl") if place.hyphen]
    assert [place for place in breaks("samenwerkingsverband", "nl") if place.hyphen]
