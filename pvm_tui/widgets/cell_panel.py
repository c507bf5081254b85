"""The side panel: the selected cell whole, with the method's question, editable in a TextArea.

It shows the partner, the side and category, the guidance question for the
category and the full text. While the grid has focus the text is read-only;
editing makes it writable and gives it focus. The panel never changes the
matrix: the App reads the text back when editing ends.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.widgets import Static

from pvm_tui.text import harmless
from pvm_tui.widgets.local_keys import OrderedTextArea
from pvm_tui.widgets.sizing import set_virtual_size


class CellEditor(OrderedTextArea):
    """The multi-line editor of one cell."""

    def _refresh_size(self) -> None:
        # TextArea sets its virtual size in a way that lays out the whole
        # screen; this editor's size comes from the stylesheet (see sizing.py).
        if self.soft_wrap:
            size = Size(0, self.wrapped_document.height)
        else:
            width, height = self.document.get_size(self.indent_width)
            size = Size(width + self.gutter_width + 1, height)
        set_virtual_size(self, size)

    def begin(self, text: str, *, writable: bool) -> None:
        """Load a cell's text with the cursor at its end, ready for typing."""
        self.can_focus = True
        self.read_only = not writable
        self.load_text(text)
        self.move_cursor(self.document.end)

    def end(self) -> None:
        # Between edits the editor cannot take the focus, so no key can reach
        # it. It stays writable: going read-only and back restyles it, which
        # took as long as all the rest of ending an edit.
        self.can_focus = False


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

    def compose(self) -> ComposeResult:
        self.partner = PanelLine(id="cell-partner")
        self.where = PanelLine(id="cell-where")
        self.guidance = PanelLine(id="cell-guidance")
        self.editor = CellEditor(
            id="cell-editor",
            read_only=True,
            soft_wrap=True,
            tab_behavior="focus",
            highlight_cursor_line=False,
        )
        self.editor.can_focus = False
        yield from (self.partner, self.where, self.guidance, self.editor)

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
        editor = self.editor
        editor.placeholder = placeholder
        if editor.text != text:
            editor.load_text(text)
        editor.scroll_home(animate=False)

    def show_message(self, message: str) -> None:
        """No cell to show (no partners, or none let through by the filter)."""
        self.partner.show(Text(""))
        self.where.show(Text(""))
        self.guidance.show(Text(harmless(message)))
        self.editor.load_text("")
        self.editor.placeholder = ""
