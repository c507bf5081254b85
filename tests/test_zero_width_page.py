"""Zero-width and wide characters keep `pvm show`'s tables square: every line of a table as wide.

A table's lines are pieces (a line, padding, a cell's text) padded by the
width of each piece; the terminal, Rich and the SVG measure the joined line.
The two must agree for any text: a zero-width joiner alone or at a cell's
end, one before a letter, emoji sequences, combining marks alone or after a
space, variation selectors, soft hyphens, a byte order mark, wide CJK.
"""

from __future__ import annotations

import unicodedata

import pytest
from rich.cells import cell_len
from wcwidth import wcwidth

from pvm_tui.labels import labels_for
from pvm_tui.model import CATEGORIES, Company, Matrix, Partner, Side
from pvm_tui.page import draw
from pvm_tui.page.grid import matrix_grid
from pvm_tui.page.lines import Line
from pvm_tui.page.stacked import side_tables
from pvm_tui.text import aligned

ZERO_WIDTH = [
    "\u200d",  # a zero-width joiner alone: what the property test found
    "a\u200d",
    "\u200da",
    "x\u200dy",
    "\u200d\u200d",
    "👩\u200d💻",  # an emoji sequence: one picture, two cells
    "👩🏽\u200d💻 team",
    "\u0301",  # a combining mark alone, and after a space
    " \u0301",
    "e\u0301",
    "\ufe0f",  # a variation selector alone, after a letter, after a heart
    "a\ufe0f",
    "\u2764\ufe0f",
    "\u00ad",  # soft hyphen
    "\ufeff",  # byte order mark
    "中文字",
    "क्\u200dष",  # a joiner in Devanagari
]


NO_EMOJI = [text for text in ZERO_WIDTH if not any(unicodedata.category(char) == "So" for char in text)]
"""What a terminal that sizes each character alone (xterm) draws as Rich measures it."""


def partner(text: str) -> Partner:
    side = Side(**dict.fromkeys(CATEGORIES, text))
    return Partner(name=text, brings=side, gets=Side(resources="x " + text, money=text + " y"))


def matrix(text: str) -> Matrix:
    return Matrix(company=Company(name=text, description=text), partners=(partner(text),), language="en")


def joined(line: Line) -> str:
    return "".join(text for text, _ in line)


def assert_square(lines: list[Line]) -> None:
    """Every line as wide, measured whole, and as wide as its pieces were padded to."""
    assert len({cell_len(joined(line)) for line in lines}) == 1, [joined(line) for line in lines]
    for line in lines:
        assert cell_len(joined(line)) == sum(cell_len(text) for text, _ in line), joined(line)


@pytest.mark.parametrize("text", ZERO_WIDTH)
def test_the_grid_is_square_whatever_its_cells_hold(text: str) -> None:
    assert_square(matrix_grid(matrix(text), labels_for("en"), 200))


@pytest.mark.parametrize("text", ZERO_WIDTH)
def test_the_two_tables_are_square_whatever_their_cells_hold(text: str) -> None:
    lines = side_tables(matrix(text), labels_for("nl"), 120)
    gap = lines.index([])
    assert_square(lines[:gap])
    assert_square(lines[gap + 1 :])


def drawn(line: Line) -> int:
    """The cells a terminal that sizes each character alone gives the line."""
    return sum(max(wcwidth(char), 0) for char in joined(line))


@pytest.mark.parametrize("text", NO_EMOJI)
def test_a_terminal_draws_every_line_of_the_tables_as_wide(text: str) -> None:
    # Rich counts a joiner as taking the next character with it, a terminal does not.
    grid = matrix_grid(matrix(text), labels_for("en"), 200)
    assert len({drawn(line) for line in grid}) == 1, [joined(line) for line in grid]
    for line in draw(matrix(text), labels_for("nl"), 120):
        assert drawn(line) == cell_len(joined(line)), joined(line)


@pytest.mark.parametrize("text", ZERO_WIDTH)
@pytest.mark.parametrize("width", [40, 80, 200])
def test_every_line_of_the_page_is_as_wide_as_its_pieces(text: str, width: int) -> None:
    # The cards line up their texts after the labels, the header its values.
    for line in draw(matrix(text), labels_for("en"), width):
        assert cell_len(joined(line)) == sum(cell_len(piece) for piece, _ in line), joined(line)
        assert cell_len(joined(line)) <= width


def test_a_joiner_that_joins_no_emoji_is_left_out_and_the_rest_kept() -> None:
    assert aligned("\u200d") == ""
    assert aligned("a\u200d b") == "a b"
    assert aligned("\u200dab") == "ab"
    assert aligned("क्\u200dष") == "क्ष"
    assert aligned("a\ufe0f\u200d💻") == "a\ufe0f💻"  # a selector does not make a letter an emoji
    for sequence in ("👩\u200d💻", "👨\u200d👩\u200d👧", "👩🏽\u200d💻", "\u2764\ufe0f\u200d🔥"):
        assert aligned(sequence) == sequence
    for text in ZERO_WIDTH:
        if "\u200d" not in text:
            assert aligned(text) == text  # every other character stays, byte for byte
    assert aligned("\x1b[31m\u200d") == "␛[31m"  # and it is harmless
