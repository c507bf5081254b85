"""The side panel: the selected cell whole, with the method's question, editable in a TextArea.

It shows the partner, the side and category, the guidance question for the
category and the full text, in the cell editor (``cell_editor.py``), which
is added after the first paint. The panel never changes the matrix: the App
reads the text back when editing ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from pvm_tui.text import harmless

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from pvm_tui.widgets.cell_editor import CellEditor


class PanelLine(Static):
    """A line of the panel that repaints only when what it shows changes."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self._shown: Text | None = None

    def show(self, text: Text) -> None:
        if text != self._shown:
            self._shown = text
            self.update(text, layout=False)


class CellPanel(Vertical):
    """Partner, side and category, guidance, and the cell's text."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.partner = PanelLine(id="cell-partner")
        self.where = PanelLine(id="cell-where")
        self.guidance = PanelLine(id="cell-guidance")
        self.editor: CellEditor | None = None
        self._text = ("", "")
        self._mounting: tuple[CellEditor, AwaitMount] | None = None

    def compose(self) -> ComposeResult:
        yield from (self.partner, self.where, self.guidance)

    async def add_editor(self) -> CellEditor:
        """Put the cell editor in the panel (once), showing the cell the panel shows."""
        if self._mounting is None:
            from pvm_tui.widgets.cell_editor import CellEditor

            editor = CellEditor()
            self._mounting = editor, self.mount(editor)
        editor, mounting = self._mounting
        await mounting
        if self.editor is None:
            self.editor = editor
            editor.show(*self._text)
        return editor

    def show(self, partner: Text, where: Text, guidance: str, text: str, placeholder: str) -> None:
        """Show a cell (not while it is being edited: the App takes care of that).

        The lines have fixed heights in the stylesheet, so updating them
        needs no new layout of the screen: moving the cursor stays cheap.
        """
        partner.no_wrap = True
        partner.overflow = "ellipsis"
        where.no_wrap = True
        where.overflow = "ellipsis"
        self.partner.show(partner)
        self.where.show(where)
        self.guidance.show(Text(guidance, style="italic"))
        self._text = (text, placeholder)
        if self.editor is not None:
            self.editor.show(text, placeholder)

    def show_message(self, message: str) -> None:
        """No cell to show (no partners, or none let through by the filter)."""
        self.partner.show(Text(""))
        self.where.show(Text(""))
        self.guidance.show(Text(harmless(message)))
        self._text = ("", "")
        if self.editor is not None:
            self.editor.show("", "")
