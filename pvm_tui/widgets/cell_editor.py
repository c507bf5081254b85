"""The cell editor: the TextArea in the side panel where a cell's text is shown whole and edited.

Textual's TextArea is the costliest widget to load and to put on screen,
so this module is imported, and the editor mounted, only after the first
paint (``CellPanel.add_editor``); a key that needs it sooner waits for it.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widgets import TextArea

from pvm_tui.textual_internals import set_virtual_size
from pvm_tui.widgets.local_keys import run_own_binding


class OrderedTextArea(TextArea):
    """A TextArea whose own key bindings run in key order (see ``local_keys.py``)."""

    async def on_key(self, event: events.Key) -> None:
        # Runs before TextArea's own key handler; prevent_default (in
        # run_own_binding) keeps that one from seeing the key too.
        if not self.read_only:
            await run_own_binding(self, event)


class CellEditor(OrderedTextArea):
    """The multi-line editor of one cell; between edits it shows the selected cell."""

    def __init__(self) -> None:
        super().__init__(
            id="cell-editor",
            read_only=True,
            soft_wrap=True,
            tab_behavior="focus",
            highlight_cursor_line=False,
        )
        self.can_focus = False

    def _refresh_size(self) -> None:
        # TextArea sets its virtual size in a way that lays out the whole
        # screen; this editor's size comes from the stylesheet (see textual_internals.set_virtual_size).
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

    def show(self, text: str, placeholder: str) -> None:
        """Show a cell's text from its start (between edits)."""
        self.placeholder = placeholder
        if self.text != text:
            self.load_text(text)
        self.scroll_home(animate=False)
