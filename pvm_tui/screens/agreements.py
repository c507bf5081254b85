"""The agreements with one partner, written in a dialog: free text over several lines.

Esc (or ctrl+s) keeps the text, as the cell editor does; what was kept is
one undoable change, so ctrl+z in the grid takes it back. Control
characters in the text are shown as stand-ins and kept as they were.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from pvm_tui.text import edited_text, harmless
from pvm_tui.widgets.long_text import OrderedTextArea
from pvm_tui.widgets.settle import settle


class AgreementsScreen(ModalScreen[str | None]):
    """Answers the new agreements, or None when they stay as they were."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, in key order: the key right after Esc already goes to the grid.
        Binding("escape,ctrl+s", "keep", show=False, priority=True),
    ]

    def __init__(self, agreements: str, title: str, hint: str) -> None:
        super().__init__(classes="dialog", id="agreements")
        self.agreements = agreements
        self.title_text = title
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="agreements-box"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield OrderedTextArea(
                harmless(self.agreements), id="agreements-text", soft_wrap=True, compact=True
            )
            yield Static(Text(self.hint, style="dim"), classes="dialog-choice")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        self.set_focus(area)

    async def action_keep(self) -> None:
        area = self.query_one(TextArea)
        await settle(area)
        self.dismiss(edited_text(self.agreements, area.text))
