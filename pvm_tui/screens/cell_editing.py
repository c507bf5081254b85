"""Editing a cell: the cell editor, in its place in the partner card, and keeping what was typed.

``CellEditing`` is the cell editor and the cell open in it; it knows nothing
of the matrix. It records the open cell in the session
(``Session.open_cell``) so the recovery copy holds what is being typed.
``CellActions`` are the editor screen's actions on it: `e`, `Esc`, Tab,
ctrl+o. Leaving the cell keeps its text as one undoable change.
"""

# The actions are methods of EditorScreen kept in this file; they name ``self: EditorScreen``
# so that mypy checks them against the whole screen (it calls that self type "misc").
# mypy: disable-error-code="misc"

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from pvm_tui import navigation
from pvm_tui.history import Place
from pvm_tui.model import COLUMNS
from pvm_tui.session import OpenCell, Session
from pvm_tui.text import harmless
from pvm_tui.widgets.partner_card import PartnerCard
from pvm_tui.widgets.settle import settle

if TYPE_CHECKING:
    from pvm_tui.screens.editor import EditorScreen
    from pvm_tui.widgets.cell_editor import CellEditor


class CellEditing:
    """The cell editor in the partner card, and the cell open in it."""

    def __init__(self, session: Session, card: PartnerCard) -> None:
        self.session = session
        self.card = card
        self.editor: CellEditor | None = None
        """The cell editor, once it is on screen (it is made after the first paint)."""

    @property
    def cell(self) -> OpenCell | None:
        return self.session.open_cell

    async def ready(self) -> CellEditor:
        """The cell editor, put on screen now if it is not there yet."""
        if self.editor is None:
            self.editor = await self.card.add_editor()
        return self.editor

    async def open(self, key: int, column: int, text: str) -> CellEditor:
        """Open a cell with ``text`` for typing; the caller gives the editor the focus."""
        editor = await self.ready()
        self.session.open_cell = OpenCell(key, column, lambda: editor.text)
        editor.begin(text, writable=not self.session.read_only)
        self.card.begin_edit(column)  # after the text is in: the card makes room for all of it
        return editor

    async def close(self) -> tuple[OpenCell, str] | None:
        """Close the open cell, once the editor has taken every key typed into it: the cell and its text."""
        cell, editor = self.session.open_cell, self.editor
        if cell is None or editor is None:
            return None
        await settle(editor)
        text = editor.text
        self.session.open_cell = None
        editor.end()
        self.card.end_edit()
        return cell, text

    async def typed(self) -> str:
        """The text in the open cell now, every key sent to it included."""
        editor = await self.ready()
        await settle(editor)
        return editor.text

    def replace(self, text: str) -> None:
        """Put ``text`` in the open cell (what $EDITOR gave back)."""
        if self.editor is not None:
            self.editor.load_text(text)


class CellActions:
    """The editor screen's actions on the cell editor (a part of ``EditorScreen``)."""

    async def action_edit(self: EditorScreen) -> None:
        await self.to_grid()
        if not self.session.matrix.partners:
            self.say(self.words.no_partners)
            return
        await self.begin_edit()

    async def begin_edit(self: EditorScreen) -> None:
        """Edit the cell under the cursor; the editor has the focus before the next key is handled."""
        place = self.view.cursor_place()
        if place is None:
            return
        self.left_empty = None
        index, column = place
        partner = self.session.matrix.partners[index]
        self.view.editing = True
        self.view.show_cursor_cell()
        editor = await self.cells.open(partner.key, column, harmless(partner.cell(COLUMNS[column])))
        self.set_focus(editor)
        self.view.refresh_mode()

    async def finish_edit(self: EditorScreen, *, next_cell: bool = False) -> None:
        """Leave the editor, keeping its text: one undoable change when the text differs.

        ``next_cell``: another cell opens right after (Tab), so the keys stay
        with the editor and EDITING stays shown: giving them to the grid and
        back restyled both twice and drew the status line in a frame of its own.
        """
        closed = await self.cells.close()
        if closed is None:
            return
        cell, text = closed
        self.view.editing = False
        if not next_cell:
            self.set_focus(self.grid)
            self.view.refresh_mode()
        index = self.session.index_of(cell.key)
        if index is None:
            return
        kept = self.session.kept_text(index, cell.column, text, held=cell.held)
        old = self.session.matrix.partners[index].cell(COLUMNS[cell.column])
        empty = not (old if kept is None else kept).strip()
        self.left_empty = (cell.key, cell.column) if empty else None
        if kept is None:
            self.view.show_cursor_cell()
        else:
            place = Place(index, cell.column)
            new = self.session.matrix.with_cell(index, COLUMNS[cell.column], kept)
            self.change(new, "cell", place, place, cell=place)
        if cell.held:  # the other side changed this cell while it was open: resolve it now
            self.walk_conflicts(first=True)

    async def action_editor_done(self: EditorScreen) -> None:
        await self.finish_edit()

    async def action_editor_move(self: EditorScreen, delta: int) -> None:
        """Tab and shift+Tab: keep the text and edit the next or previous cell of the same step.

        In steps 2 and 3 that goes through the step's four columns and on to
        the next (or previous) partner's, never into a name; in step 1 from
        name to name.
        """
        await self.finish_edit(next_cell=True)
        grid = self.grid
        row, column = grid.cursor_coordinate
        columns = navigation.STEP_COLUMNS[navigation.step_of(column)]
        position = (columns.index(column) if column in columns else 0) + delta
        row += position // len(columns)  # floor division: -1 before the first column
        moved = 0 <= row < grid.row_count
        if moved:
            grid.move_cursor(row=row, column=columns[position % len(columns)], animate=False)
        await self.begin_edit()
        if self.session.open_cell is None:  # no cell opened after all: the keys go back to the grid
            self.set_focus(self.grid)
            self.view.refresh_mode()
        if not moved:  # the same cell opens again: say why the key did not move on
            step = navigation.step_of(column)
            self.say((self.words.step_end if delta > 0 else self.words.step_start).format(step=step))

    async def action_external_editor(self: EditorScreen) -> None:
        from pvm_tui.external_editor import EditorFailed, edit_text

        if self.session.open_cell is None:
            return
        text = await self.cells.typed()
        try:
            edited = self.run_external(lambda: edit_text(text))
        except EditorFailed as error:
            self.say(str(error), error=True)
            return
        self.cells.replace(edited)
        await self.finish_edit()

    def run_external(self: EditorScreen, run: Callable[[], str]) -> str:
        """Run ``run`` with the terminal handed over (the app suspends); headless runs it as it is.

        An error in ``run`` (the editor cannot start, or exits with an error)
        is raised once the terminal is pvm's again: Textual's ``suspend`` does
        not take it back when its body raises, and pvm was left frozen on a
        blank screen, reading nothing.
        """
        failure: Exception
        try:
            with self.app.suspend():
                try:
                    return run()
                except Exception as error:
                    failure = error
        except SuspendNotSupported:
            return run()
        raise failure
