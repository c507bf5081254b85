"""Resolving one conflict: keep mine, keep theirs, or keep both joined. Pure edits on a matrix.

A conflict on a partner that one side removed (its name holds the
conflict, and that side's marker says it removed the partner) is resolved
by taking the removing side: the partner goes; mine or both with the side
that kept it: the partner stays, with its name.
"""

from __future__ import annotations

from typing import Literal

from pvm_tui.merge.found import Conflict
from pvm_tui.model import COLUMN_BY_KEY, Matrix

Choice = Literal["mine", "theirs", "both"]


def joined(ours: str, theirs: str) -> str:
    """Both texts, ours first, one line apart; an empty one adds nothing."""
    return "\n".join(text for text in (ours, theirs) if text)


def text_for(conflict: Conflict, choice: Choice) -> str:
    sides = conflict.sides
    if choice == "mine":
        return sides.ours
    if choice == "theirs":
        return sides.theirs
    return joined(sides.ours, sides.theirs)


def removes_partner(conflict: Conflict, choice: Choice) -> bool:
    """Whether ``choice`` takes the side that removed the partner."""
    sides = conflict.sides
    return (choice == "mine" and sides.ours_removed) or (choice == "theirs" and sides.theirs_removed)


def resolve(matrix: Matrix, conflict: Conflict, choice: Choice) -> Matrix:
    """``matrix`` with ``conflict`` resolved by ``choice``."""
    return resolve_with(
        matrix, conflict, text_for(conflict, choice), remove=removes_partner(conflict, choice)
    )


def resolve_with(matrix: Matrix, conflict: Conflict, text: str, *, remove: bool = False) -> Matrix:
    """``matrix`` with the conflicting cell holding ``text`` (or its partner removed)."""
    if conflict.row is None:
        return matrix.with_company(matrix.company.edit(**{conflict.field: text}))
    if remove:
        return matrix.with_partner_removed(conflict.row)
    if conflict.field == "agreements":
        return matrix.with_facts(conflict.row, agreements=text)
    return matrix.with_cell(conflict.row, COLUMN_BY_KEY[conflict.field], text)
