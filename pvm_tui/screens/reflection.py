"""The reflection view: what to fix first, as `pvm check` lists it, one key away in the editor.

Every partner that is not mutual yet, those with high influence first
(``pvm_tui.reflection``), each with its balance marker and the method's
question for its missing side. Enter on an item closes the view with that
item, and the editor opens the cell to fill in; Esc closes it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from pvm_tui import balance_marks
from pvm_tui.labels import Labels
from pvm_tui.reflection import FixItem


def item_text(item: FixItem, labels: Labels) -> Text:
    """One item: the marker and the partner (with its influence), then each question indented."""
    balance = item.partner.balance
    text = Text(no_wrap=False, end="")
    text.append(balance_marks.short(balance, labels), balance_marks.style(balance))
    text.append(" ")
    text.append(item.heading(labels), "bold")
    for question in item.questions(labels):
        text.append("\n    ")
        text.append(question)
    return text


class ReflectionScreen(ModalScreen[FixItem | None]):
    """The list of what to fix first; dismissed with the chosen item, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, in key order: the key right after Esc goes to the editor below (see help.py).
        Binding("escape,q,r", "close", show=False, priority=True),
    ]

    def __init__(self, items: tuple[FixItem, ...], labels: Labels, hint: str) -> None:
        super().__init__(classes="dialog", id="reflection")
        self.items = items
        self.labels = labels
        self.hint = hint

    def compose(self) -> ComposeResult:
        labels = self.labels
        with Vertical(classes="dialog-box", id="reflection-box"):
            yield Static(Text(labels.fix_first.rstrip(":"), style="bold"), classes="dialog-title")
            if not self.items:
                yield Static(Text(labels.nothing_to_fix))
            else:
                options = [Option(item_text(item, labels), id=str(i)) for i, item in enumerate(self.items)]
                yield OptionList(*options, id="reflection-items")
            yield Static(Text(self.hint, style="dim"), classes="dialog-choice")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.items[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)
