"""The cell being edited: opening it in the side panel's cell editor, and reading back what was typed.

``CellEditing`` knows nothing of the matrix: the editor screen gives it the
text to show and decides what a commit changes. It records the open cell
in the session (``Session.open_cell``) so the recovery copy holds what is
being typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pvm_tui.session import OpenCell, Session
from pvm_tui.widgets.cell_panel import CellPanel
from pvm_tui.widgets.settle import settle

if TYPE_CHECKING:
    from pvm_tui.widgets.cell_editor import CellEditor


class CellEditing:
    """The side panel's cell editor and the cell open in it."""

    def __init__(self, session: Session, panel: CellPanel) -> None:
        self.session = session
        self.panel = panel
        self.editor: CellEditor | None = None
        """The cell editor, once it is on screen (it is made after the first paint)."""

    @property
    def cell(self) -> OpenCell | None:
        return self.session.open_cell

    async def ready(self) -> CellEditor:
        """The cell editor, put on screen now if it is not there yet."""
        if self.editor is None:
            self.editor = await self.panel.add_editor()
        return self.editor

    async def open(self, key: int, column: int, text: str) -> CellEditor:
        """Open a cell with ``text`` for typing; the caller gives the editor the focus."""
        editor = await self.ready()
        self.session.open_cell = OpenCell(key, column, lambda: editor.text)
        editor.begin(text, writable=not self.session.read_only)
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
