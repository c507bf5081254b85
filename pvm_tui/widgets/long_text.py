"""A TextArea for texts that may hold a line of 100 KB: cells, agreements, the company description.

A pasted report or a word with no spaces is one line of 100 KB. Textual's
TextArea cuts such a line into its wrapped pieces again for every row it
draws, and builds a ``Text`` per piece to find the cursor's row: 0.4 to
1.6 s a key. ``LongTextArea`` cuts it once per drawing and finds the
cursor's piece by slicing (both in ``textual_internals.py``, which says
why). Loading this module loads TextArea, so it is imported only after the
first paint, with the screens that use it.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import TextArea

from pvm_tui import textual_internals as internals


class LongTextArea(TextArea):
    """A ``TextArea`` that draws and moves through a line of 100 KB in time in step with the screen."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._last_cut = internals.LastCut()
        super().__init__(*args, **kwargs)
        internals.slice_sections(self.wrapped_document)  # the text given here is not loaded by load_text

    def get_line(self, line_index: int) -> Text:
        line = self.document.get_line(line_index)
        if len(line) < internals.LONG_LINE:
            return super().get_line(line_index)
        return internals.PiecesOnce(line, self._last_cut)

    def load_text(self, text: str) -> None:
        super().load_text(text)
        self._last_cut = internals.LastCut()
        internals.slice_sections(self.wrapped_document)
