"""Where the cursor goes for the method's keys: `1` `2` `3` and `n`.

Pure functions over the model and grid positions (a row is a partner's
index, a column an index into ``model.COLUMNS``), so the order in which
`n` walks the matrix can be tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pvm_tui.model import COLUMNS, STEPS, Matrix

STEP_COLUMNS: dict[int, tuple[int, ...]] = {
    step: tuple(index for index, column in enumerate(COLUMNS) if column.step == step) for step in STEPS
}
"""The grid column indexes of each step, left to right."""


def step_of(column: int) -> int:
    """The step (1, 2 or 3) a grid column belongs to."""
    return COLUMNS[column].step


def first_column(step: int) -> int:
    return STEP_COLUMNS[step][0]


def next_empty(matrix: Matrix, rows: Sequence[int], row: int, column: int) -> tuple[int, int] | None:
    """The next empty cell after (``row``, ``column``) in the method's order, or None.

    ``rows`` are the partners in view, top to bottom (all of them unless a
    filter hides some). The walk goes through the rest of the current step
    partner by partner, left to right within a partner, then through the
    later steps from the top, and finally wraps round to the earlier steps
    and the start of this one, so pressing `n` again and again visits every
    empty cell once before it comes back.
    """
    if not rows:
        return None
    try:
        start = rows.index(row)
    except ValueError:
        start = 0
    for place in _walk(rows, start, column):
        partner = matrix.partners[place[0]]
        if not partner.cell(COLUMNS[place[1]]).strip():
            return place
    return None


def _walk(rows: Sequence[int], start: int, column: int) -> Iterator[tuple[int, int]]:
    step = step_of(column)
    columns = STEP_COLUMNS[step]
    here = columns.index(column) if column in columns else -1
    # the rest of the current partner, then the partners below it
    for other in columns[here + 1 :]:
        yield rows[start], other
    for row in rows[start + 1 :]:
        for other in columns:
            yield row, other
    # the later steps, then the earlier ones, each from the top
    order = [s for s in STEPS if s > step] + [s for s in STEPS if s < step]
    for later in order:
        for row in rows:
            for other in STEP_COLUMNS[later]:
                yield row, other
    # back to the top of the current step, ending on the cell we started from
    for row in rows[: start + 1]:
        for other in columns:
            if row == rows[start] and here >= 0 and other > column:
                break
            yield row, other
