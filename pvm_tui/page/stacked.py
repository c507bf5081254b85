"""The matrix as two tables, one above the other: what they bring, then what they get.

Used when the template's nine columns side by side cannot each be as wide
as their longest word (``pvm_tui.page``). Each table is the partner column
and one side's four columns over the full width, so its columns have about
twice the room and words stay whole where the grid would hyphenate them.
The partner columns of both tables are as wide, so the tables line up;
the balance marker and the facts show once, in the first.

Why this and not the others weighed: a grid with less chrome (no lines
between a side's columns, one space between them) still spends 16 cells,
and the Dutch example's longest words need 130, so at 120 columns it
would still hyphenate; cards keep words whole but lose the template's
columns, which is what makes the matrix a matrix. Two tables keep the
columns and headings, and read as the template folded in two.
"""

from __future__ import annotations

from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, SIDES, Matrix
from pvm_tui.page.grid import columns_of, matrix_grid, overhead
from pvm_tui.page.lines import Line
from pvm_tui.page.measure import Table, table, widths


def side_tables(matrix: Matrix, labels: Labels, width: int, *, ascii_only: bool = False) -> list[Line]:
    available = max(1 + len(CATEGORIES), width - overhead(1))
    tables = [table(matrix, labels, columns_of([side])) for side in SIDES]
    sizes = _lined_up(
        tables, [widths(t, matrix.language, available) for t in tables], matrix.language, available
    )
    lines: list[Line] = []
    for index, (side, t, size) in enumerate(zip(SIDES, tables, sizes, strict=True)):
        if index:
            lines.append([])
        lines += matrix_grid(
            matrix,
            labels,
            width,
            sides=[side],
            ascii_only=ascii_only,
            measured=t,
            text_widths=size,
            facts=index == 0,
        )
    return lines


def _lined_up(tables: list[Table], sizes: list[list[int]], language: str, available: int) -> list[list[int]]:
    """The widths again with the partner column as wide in both tables.

    The wider of the two if both tables can have it, else the narrower. Only
    when neither can be (words that cannot be hyphenated fill the room) do
    the tables keep their own widths.
    """
    for choose in (max, min):
        partner = choose(size[0] for size in sizes)
        again = [
            size if size[0] == partner else widths(t, language, available, partner)
            for t, size in zip(tables, sizes, strict=True)
        ]
        if all(size[0] == partner for size in again):
            return again
    return sizes
