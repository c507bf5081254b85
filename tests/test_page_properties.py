"""`pvm show`'s page fits its width for any matrix at any width, and the grid's lines meet (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from pvm_tui.labels import labels_for
from pvm_tui.model import Matrix
from pvm_tui.page import WIDE_MIN_WIDTH, draw
from pvm_tui.page.grid import matrix_grid
from pvm_tui.page.lines import Line
from pvm_tui.page.stacked import side_tables
from tests.test_markup_properties import NASTY, matrices
from tests.test_zero_width_page import ZERO_WIDTH

GRID = ("┌", "│", "├", "└")
# Zero-width and wide characters as often as any other text: drawn from
# all of Unicode, a lone joiner turned up about once in 600 examples.
TEXT = st.lists(
    st.one_of(
        st.sampled_from(ZERO_WIDTH),
        st.sampled_from(NASTY),
        st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    ),
    max_size=6,
).map("".join)


def joined(line: Line) -> str:
    return "".join(text for text, _ in line)


def as_padded(lines: list[Line]) -> bool:
    """Whether each line is as wide, measured whole, as the pieces it was padded with."""
    return all(cell_len(joined(line)) == sum(cell_len(text) for text, _ in line) for line in lines)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices(TEXT), st.integers(20, 220), st.sampled_from(["nl", "en"]))
def test_every_line_fits_the_width_and_the_grid_is_square(matrix: Matrix, width: int, language: str) -> None:
    labels = labels_for(language)
    page = draw(matrix, labels, width)
    assert as_padded(page)
    lines = [joined(line) for line in page]
    # One cell of slack: a single character two cells wide cannot be split.
    assert all(cell_len(line) <= width + 1 for line in lines)
    if width >= WIDE_MIN_WIDTH:
        grid = [joined(line) for line in matrix_grid(matrix, labels, width)]
        assert len({cell_len(line) for line in grid}) == 1
        assert all(line.startswith(GRID) for line in grid)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices(TEXT), st.integers(WIDE_MIN_WIDTH, 220), st.sampled_from(["nl", "en"]))
def test_the_tables_one_per_side_fit_are_square_and_line_up(
    matrix: Matrix, width: int, language: str
) -> None:
    labels = labels_for(language)
    tables = side_tables(matrix, labels, width)
    assert as_padded(tables)
    lines = [joined(line) for line in tables]
    assert all(cell_len(line) <= width + 1 for line in lines)
    brings, gets = "\n".join(lines).split("\n\n")
    for table in (brings.splitlines(), gets.splitlines()):
        assert len({cell_len(line) for line in table}) == 1
        assert all(line.startswith(GRID) for line in table)
    assert brings.splitlines()[0].index("┬") == gets.splitlines()[0].index("┬")
