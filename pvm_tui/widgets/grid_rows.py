"""A grid row as the table holds it: a partner, whose cells are made when the row is drawn.

``DataTable`` keeps every row's cells in a mapping from column key to cell,
and reads a row only to draw it (or when asked for a cell). A row here
holds its partner and asks the grid for the cells of the mode that shows
(compact or whole text, the language, the column widths) when it is read.
So a key that changes every row (a language switch, a reload that renamed
every partner, its undo) changes nothing per row but the partner it holds:
making nine cells for each of 20,000 partners, most never drawn, held the
keys 0.4 s.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

from textual.widgets.data_table import Row, RowKey

from pvm_tui.model import COLUMNS, Partner
from pvm_tui.widgets.grid_cells import GridCell

COLUMN_KEYS: tuple[str, ...] = tuple(column.key for column in COLUMNS)
INDEX_OF: dict[str, int] = {key: index for index, key in enumerate(COLUMN_KEYS)}
"""A column's place by its key (a ``ColumnKey`` finds its string here: it hashes and compares as one)."""


class CellSource(Protocol):
    """What makes a partner's cells as the grid shows them now (the grid)."""

    def cell(self, partner: Partner, column: int) -> GridCell: ...


class PartnerRow(Mapping[object, GridCell]):
    """One row of the grid: its partner now, and the table's record of the row (its height)."""

    __slots__ = ("key", "partner", "row", "source")

    def __init__(self, partner: Partner, source: CellSource) -> None:
        self.partner = partner
        self.source = source
        self.key = RowKey(str(partner.key))
        """The row's key in the table."""
        self.row: Row | None = None
        """The table's ``Row`` (its height), once the row is in the table."""

    def __getitem__(self, key: object) -> GridCell:
        return self.source.cell(self.partner, INDEX_OF[key])  # type: ignore[index]

    def __iter__(self) -> Iterator[object]:
        return iter(COLUMN_KEYS)

    def __len__(self) -> int:
        return len(COLUMN_KEYS)
