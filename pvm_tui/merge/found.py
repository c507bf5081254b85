"""The cells of a matrix that still hold a conflict, and their names in words.

Used by `pvm check` and `pvm merge` to list what is left to resolve, and
by the editor to walk through it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pvm_tui.labels import Labels
from pvm_tui.merge import markers
from pvm_tui.merge.markers import Sides
from pvm_tui.merge.words import MergeWords
from pvm_tui.model import COLUMN_BY_KEY, COLUMNS, COMPANY_FIELDS, Matrix
from pvm_tui.text import one_line


@dataclass(frozen=True)
class Conflict:
    """One cell (or company field) changed differently on both sides.

    ``row`` is the partner's row, None for a company field; ``field`` is the
    column key (``"brings.money"``), ``"agreements"``, or the company field's name.
    """

    row: int | None
    field: str
    sides: Sides

    def swapped(self) -> Conflict:
        return Conflict(self.row, self.field, self.sides.swapped())


def conflicts_in(matrix: Matrix) -> tuple[Conflict, ...]:
    """Every cell and company field that holds both versions, company first, then row by row."""
    found: list[Conflict] = []
    for name in COMPANY_FIELDS:
        value = getattr(matrix.company, name)
        sides = markers.read(value) if isinstance(value, str) else None
        if sides is not None:
            found.append(Conflict(None, name, sides))
    for row, partner in enumerate(matrix.partners):
        for column in COLUMNS:
            sides = markers.read(partner.cell(column))
            if sides is not None:
                found.append(Conflict(row, column.key, sides))
        sides = markers.read(partner.agreements)
        if sides is not None:
            found.append(Conflict(row, "agreements", sides))
    return tuple(found)


def describe(conflict: Conflict, matrix: Matrix, labels: Labels, words: MergeWords) -> str:
    """One line naming a conflict: 'partner 3 "Sennheiser" · What do they bring? · € (money)'."""
    place, sides = conflict, conflict.sides
    if place.row is None:
        return f"{words.company} · {labels.company[place.field]}"
    partner = matrix.partners[place.row]
    name = partner.name
    if (named := markers.read(name)) is not None:
        name = named.ours or named.theirs
    where = words.partner.format(row=place.row + 1, name=f'"{one_line(labels.partner_name(name))}"')
    if place.field == "agreements":
        return f"{where} · {labels.facts['agreements']}"
    column = COLUMN_BY_KEY[place.field]
    if column.side is None:
        removed = sides.ours_removed or sides.theirs_removed
        return f"{where} · {words.removed_and_changed if removed else labels.partner}"
    return f"{where} · {labels.column_title(column)}"
