"""The cell editor: the TextArea that takes a cell's place in the partner card while it is edited.

It is as tall as its wrapped text (``height: auto`` in the stylesheet) and
grows while you type; it lies over its cell in the card (``position:
absolute``) and says when its height changes, so that the card keeps the
cell's place as tall. Textual's TextArea is the costliest widget to load
and to put on screen, so this module is imported, and the editor mounted,
only after the first paint (``PartnerCard.add_editor``); a key that needs
it sooner waits for it.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.message import Message

from pvm_tui.widgets.long_text import OrderedTextArea


class CellEditor(OrderedTextArea):
    """The multi-line editor of one cell, hidden between edits."""

    class Resized(Message):
        """The editor is ``height`` lines tall now (the card keeps its cell's place that tall)."""

        def __init__(self, height: int) -> None:
            super().__init__()
            self.height = height

    def __init__(self) -> None:
        super().__init__(
            id="cell-editor",
            soft_wrap=True,
            tab_behavior="focus",
            highlight_cursor_line=False,
        )
        self.can_focus = False

    def watch_has_focus(self, has_focus: bool) -> None:
        # Hidden between edits, it need not restyle for the focus it lost (1.5 ms an edit):
        # the focus coming back with the next edit restyles it.
        if has_focus or self.display:
            super().watch_has_focus(has_focus)

    # The card's columns are narrow, so most text wraps: ctrl+u and ctrl+k work on
    # the line as written (as in a shell), not on the part of it that fits the card.

    def action_delete_to_start_of_line(self) -> None:
        """ctrl+u: delete from the start of the line to the cursor."""
        row, column = self.selection.end
        if self.read_only or column == 0 or not self.selection.is_empty:
            super().action_delete_to_start_of_line()
            return
        self.delete((row, 0), (row, column))

    def action_delete_to_end_of_line(self) -> None:
        """ctrl+k: delete from the cursor to the end of the line."""
        row, column = self.selection.end
        end = len(self.document.get_line(row))
        if self.read_only or column == end or not self.selection.is_empty:
            super().action_delete_to_end_of_line()
            return
        self.delete((row, column), (row, end))

    def wanted_height(self) -> int:
        """How tall the editor will be with its text, as wrapped at its width now (``max-height`` kept)."""
        height = max(1, self.wrapped_document.height) + self.styles.gutter.height
        maximum = self.styles.max_height
        if maximum is not None and maximum.is_cells:
            height = min(height, int(maximum.value))
        return height

    def wrap_for(self, width: int) -> None:
        """Wrap the loaded text as it will be when the editor is ``width`` columns wide.

        Hidden between edits, the editor has no size, so its text was wrapped
        at none: its height would come out as its number of lines, and the
        editor would settle over three more frames once shown (too short, then
        a scrollbar, a narrower wrap, a new height, the card laid out again).
        """
        inner = width - self.styles.gutter.width  # padding and border, both sides
        wrap_width = max(0, inner - self.gutter_width - 1)  # as TextArea.wrap_width: line numbers, the cursor
        self.wrapped_document.wrap(wrap_width, tab_width=self.indent_width)
        # Its height ("height: auto") is its virtual size's, which TextArea sets as it wraps.
        self.virtual_size = Size(0, self.wrapped_document.height)

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized(self.outer_size.height))

    def begin(self, text: str, *, writable: bool) -> None:
        """Load a cell's text with the cursor at its end, ready for typing."""
        self.can_focus = True
        self.read_only = not writable
        # "(empty: press e ...)" says how to start writing: not while writing.
        self.placeholder = ""
        self.load_text(text)
        self.move_cursor(self.document.end)

    def end(self) -> None:
        # Between edits the editor cannot take the focus, so no key can reach it.
        self.can_focus = False
