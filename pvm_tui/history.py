"""Undo and redo for the editor, as stacks of whole matrices.

A ``Matrix`` is immutable and an edit shares every untouched partner with
the matrix it came from, so keeping the matrix from before each change is
cheap and makes undo exact: there is no inverse operation to get wrong.
Each step also remembers where the change happened, so the cursor can go
back there.
"""

from __future__ import annotations

from typing import NamedTuple

from pvm_tui.model import Matrix


class Place(NamedTuple):
    """A cell of the matrix: the partner's index and the column's index."""

    row: int
    column: int


class Step(NamedTuple):
    """One change: the matrix on the other side of it, and where it happened.

    ``before`` is where the cursor belongs when the change is undone,
    ``after`` where it belongs when the change is made (again).
    """

    matrix: Matrix
    before: Place
    after: Place
    what: str


class History:
    """The session's undo and redo stacks; unlimited, as the issue asks."""

    def __init__(self) -> None:
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def record(self, before: Matrix, where_before: Place, where_after: Place, what: str) -> None:
        """Remember the matrix as it was before a change; a new change forgets what was undone."""
        self._undo.append(Step(before, where_before, where_after, what))
        self._redo.clear()

    def undo(self, current: Matrix) -> Step | None:
        """The step to go back to (its ``matrix`` and ``before`` place), or None."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(Step(current, step.before, step.after, step.what))
        return step

    def redo(self, current: Matrix) -> Step | None:
        """The step to go forward to (its ``matrix`` and ``after`` place), or None."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(Step(current, step.before, step.after, step.what))
        return step

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
