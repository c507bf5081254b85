"""A TextArea for texts that may hold a line of 100 KB: cells, agreements, the company description.

A pasted report or a word with no spaces is one line of 100 KB. Textual's
TextArea cuts such a line into its wrapped pieces again for every row it
draws, counts the tabs of every piece above the row, builds a ``Text`` per
piece to find the cursor's row, and wraps the line again at every resize:
0.4 to 1.6 s a key. ``LongTextArea`` draws each row from its own piece,
finds the cursor's piece by slicing, and wraps a long line once per width
(all in ``textual_internals.py``, which says why). Loading this module
loads TextArea, so it is imported only after the first paint, with the
screens that use it.

``OrderedTextArea`` is the one people type into (a cell, the agreements,
the company's description): its own keys run in the order they arrive
(``local_keys.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.strip import Strip
from textual.widgets import TextArea

from pvm_tui import textual_internals as internals
from pvm_tui.widgets.local_keys import run_own_binding

if TYPE_CHECKING:
    from textual.document._wrapped_document import WrappedDocument

internals.remember_wraps()


class LongTextArea(TextArea):
    """A ``TextArea`` that draws and moves through a line of 100 KB in time in step with the screen."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._last_cut = internals.LastCut()
        super().__init__(*args, **kwargs)

    @property
    def wrapped_document(self) -> WrappedDocument:
        return self._wrapped

    @wrapped_document.setter
    def wrapped_document(self, wrapped: WrappedDocument) -> None:
        # TextArea makes a new one for each text it loads, and asks it for sections at once.
        self._wrapped = internals.KeptWrap.adopt(wrapped, self._last_cut)

    def get_line(self, line_index: int) -> Text:
        line = self.document.get_line(line_index)
        if len(line) < internals.LONG_LINE:
            return super().get_line(line_index)
        return internals.PiecesOnce(line, self._last_cut)

    def _render_line(self, y: int) -> Strip:
        row = internals.long_row(self, y, self._last_cut)
        return super()._render_line(y) if row is None else row


class OrderedTextArea(LongTextArea):
    """A TextArea whose own key bindings run in key order (see ``local_keys.py``)."""

    async def on_key(self, event: events.Key) -> None:
        # Runs before TextArea's own key handler; prevent_default (in
        # run_own_binding) keeps that one from seeing the key too.
        if not self.read_only:
            await run_own_binding(self, event)
