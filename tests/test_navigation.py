"""The order in which `n` visits the empty cells."""

from __future__ import annotations

from pvm_tui import navigation
from pvm_tui.model import COLUMNS, Matrix, Partner, Side


def _matrix() -> Matrix:
    return Matrix(
        partners=(
            Partner(name="A", brings=Side(resources="r", channels="c", money="m", other="o")),
            Partner(name="", brings=Side(money="m")),
            Partner(name="C", gets=Side(resources="r", channels="c", money="m", other="o")),
        )
    )


def test_step_columns() -> None:
    assert navigation.STEP_COLUMNS == {1: (0,), 2: (1, 2, 3, 4), 3: (5, 6, 7, 8)}
    assert [navigation.step_of(column) for column in range(len(COLUMNS))] == [1, 2, 2, 2, 2, 3, 3, 3, 3]


def test_n_finishes_the_current_step_first() -> None:
    matrix = _matrix()
    rows = [0, 1, 2]
    assert navigation.next_empty(matrix, rows, 0, 0) == (1, 0)  # the unnamed partner
    assert navigation.next_empty(matrix, rows, 0, 1) == (1, 1)  # step 2 goes on below
    assert navigation.next_empty(matrix, rows, 1, 2) == (1, 4)  # money is filled: skipped


def test_n_moves_to_the_next_step_then_wraps_round() -> None:
    matrix = _matrix()
    rows = [0, 1, 2]
    assert navigation.next_empty(matrix, rows, 2, 4) == (0, 5)  # step 2 done below: step 3 from the top
    assert navigation.next_empty(matrix, rows, 1, 8) == (1, 0)  # after step 3: back to step 1
    assert navigation.next_empty(matrix, rows, 2, 0) == (1, 1)  # step 1 done below: step 2 from the top
    full = Side("a", "b", "c", "d")
    names_missing = Matrix(
        partners=(Partner("", full, full), Partner("B", full, full), Partner("C", full, full))
    )
    assert navigation.next_empty(names_missing, rows, 1, 0) == (0, 0)  # wraps round to the top of step 1


def test_n_only_visits_the_rows_in_view_and_says_when_all_is_filled() -> None:
    matrix = _matrix()
    assert navigation.next_empty(matrix, [2], 2, 0) == (2, 1)
    full = Matrix(
        partners=(Partner(name="X", brings=Side("a", "b", "c", "d"), gets=Side("a", "b", "c", "d")),)
    )
    assert navigation.next_empty(full, [0], 0, 0) is None
    assert navigation.next_empty(Matrix(), [], 0, 0) is None


def test_a_blank_only_cell_counts_as_empty_and_the_walk_can_end_where_it_started() -> None:
    matrix = Matrix(
        partners=(Partner(name="   ", brings=Side("a", "b", "c", "d"), gets=Side("a", "b", "c", "d")),)
    )
    assert navigation.next_empty(matrix, [0], 0, 0) == (0, 0)
