"""What an open editor does with a change made to its file from outside: reload or merge, in data.

The base is the matrix pvm last read or saved, "ours" the matrix in the
editor (with the text of a cell still open in the cell editor), "theirs"
the file as it is on disk now. With no unsaved changes the result is
theirs (a reload); otherwise the three are merged. Either way the cell open
in the editor is held: its text is never replaced, and a change to it from
outside is a conflict. The outcome says which cells the other side
changed (to mark them), where each of our rows went (to keep the cursor),
and what to say in the status line. Pure: no files, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pvm_tui.diff.compare import compare
from pvm_tui.merge import markers
from pvm_tui.merge.found import Conflict
from pvm_tui.merge.three_way import Place, merge
from pvm_tui.merge.words import MergeWords, words_for
from pvm_tui.model import COLUMNS, Matrix
from pvm_tui.text import edited_text


@dataclass(frozen=True)
class Outcome:
    """The matrix to show now, and what the other side changed in it."""

    matrix: Matrix
    conflicts: tuple[Conflict, ...]
    changed: frozenset[Place]
    """Cells (in ``matrix``'s rows) whose text came from the other side."""
    rows: dict[int, int]
    """Our row -> its row in ``matrix``, for every partner still there."""
    cells: int
    added: int
    removed: int
    reloaded: bool
    """Nothing of ours had to be merged in: the matrix is the file's, as on disk."""

    def summary(self, words: MergeWords) -> str:
        """'3 cells changed, 1 partner added' (and conflicts, when there are any)."""
        parts = []
        if self.cells:
            parts.append(_count(self.cells, words.cell_changed, words.cells_changed))
        if self.added:
            parts.append(_count(self.added, words.partner_added, words.partners_added))
        if self.removed:
            parts.append(_count(self.removed, words.partner_removed, words.partners_removed))
        if self.conflicts:
            parts.append(_count(len(self.conflicts), words.conflicts_one, words.conflicts))
        return ", ".join(parts) if parts else words.nothing_changed


def held_text(cell: str, typed: str, language: str) -> str | None:
    """What a cell that got a conflict while open keeps of the text typed into it.

    The typed text is our side of the conflict; the other side's text stays
    beside it until the conflict is resolved. None: the cell stays as it is.
    """
    sides = markers.read(cell)
    if sides is None:
        return edited_text(cell, typed)
    mine = typed.rstrip() if edited_text(sides.ours, typed) is not None else sides.ours
    if mine == sides.theirs:
        return mine
    kept = markers.write(replace(sides, ours=mine), words_for(language))
    return None if kept == cell else kept


def _count(count: int, one: str, many: str) -> str:
    return one if count == 1 else many.format(count=count)


def take_outside_change(
    base: Matrix, ours: Matrix, theirs: Matrix, *, open_cell: Place | None = None
) -> Outcome:
    """Bring the change from ``base`` to ``theirs`` into ``ours``.

    ``open_cell`` is the cell open in the editor, in ``ours``'s rows; ``ours``
    holds the editor's text in it.
    """
    pinned = frozenset([open_cell]) if open_cell is not None else frozenset()
    result = merge(base, ours, theirs, pinned=pinned)
    theirs_changes = compare(base, theirs)
    theirs_to_row = {o.theirs: row for row, o in enumerate(result.origins) if o.theirs is not None}
    conflicted = {(c.row, c.field) for c in result.conflicts}
    changed: set[Place] = set()
    cells = 0
    for change in theirs_changes.company:
        cells += 1
        changed.add((None, change.field))
    added = removed = 0
    for partner in theirs_changes.partners:
        if partner.kind == "removed":
            removed += 1
            continue
        assert partner.new_row is not None and partner.new is not None
        row = theirs_to_row.get(partner.new_row)
        if partner.kind == "added":
            added += 1
            if row is not None:
                changed.update((row, column.key) for column in COLUMNS if partner.new.cell(column))
            continue
        keys = [cell.column.key for cell in partner.cells] + (["name"] if partner.renamed else [])
        cells += len(keys)
        if row is not None:
            changed.update((row, key) for key in keys)
    rows = {o.ours: row for row, o in enumerate(result.origins) if o.ours is not None}
    return Outcome(
        matrix=result.matrix,
        conflicts=result.conflicts,
        changed=frozenset(changed - conflicted),
        rows=rows,
        cells=cells,
        added=added,
        removed=removed,
        reloaded=result.matrix == theirs,
    )
