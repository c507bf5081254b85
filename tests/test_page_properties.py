"""`pvm show`'s page fits its width for any matrix at any width, and the grid's lines meet (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from pvm_tui.labels import labels_for
from pvm_tui.model import Matrix
from pvm_tui.page import WIDE_MIN_WIDTH, draw
from pvm_tui.page.grid import matrix_grid
from pvm_tui.page.stacked import side_tables
from tests.test_markup_properties import matrices

GRID = ("┌", "│", "├", "└")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices(), st.integers(20, 220), st.sampled_from(["nl", "en"]))
def test_every_line_fits_the_width_and_the_grid_is_square(matrix: Matrix, width: int, language: str) -> None:
    labels = labels_for(language)
    lines = ["".join(text for text, _ in line) for line in draw(matrix, labels, width)]
    # One cell of slack: a single character two cells wide cannot be split.
    assert all(cell_len(line) <= width + 1 for line in lines)
    if width >= WIDE_MIN_WIDTH:
        grid = ["".join(text for text, _ in line) for line in matrix_grid(matrix, labels, width)]
        assert len({cell_len(line) for line in grid}) == 1
        assert all(line.startswith(GRID) for line in grid)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices(), st.integers(WIDE_MIN_WIDTH, 220), st.sampled_from(["nl", "en"]))
def test_the_tables_one_per_side_fit_are_square_and_line_up(
    matrix: Matrix, width: int, language: str
) -> None:
    labels = labels_for(language)
    lines = ["".join(text for text, _ in line) for line in side_tables(matrix, labels, width)]
    assert all(cell_len(line) <= width + 1 for line in lines)
    brings, gets = "\n".join(lines).split("\n\n")
    for table in (brings.splitlines(), gets.splitlines()):
        assert len({cell_len(line) for line in table}) == 1
        assert all(line.startswith(GRID) for line in table)
    assert brings.splitlines()[0].index("┬") == gets.splitlines()[0].index("┬")
