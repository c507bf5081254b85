"""Help: the keys, the method's three steps and its tips, in the current language."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from pvm_tui import balance_marks
from pvm_tui.keys import KEYS
from pvm_tui.labels import Labels
from pvm_tui.model import STEPS
from pvm_tui.ui_text import UiText


def keys_table(language: str) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1), expand=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key in KEYS:
        if key.in_help:
            table.add_row(Text(key.shown_keys()), Text(key.help[language]))
    return table


class HelpScreen(ModalScreen[None]):
    """Scrollable help; Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, in key order: the key right after Esc (over SSH they often come together)
        # goes to the editor below, not to this screen on its way out.
        Binding("escape,q,question_mark", "close", show=False, priority=True),
        Binding("down,j", "scroll('down')", show=False),
        Binding("up,k", "scroll('up')", show=False),
        Binding("pagedown,space", "scroll('page_down')", show=False),
        Binding("pageup", "scroll('page_up')", show=False),
    ]

    def __init__(self, labels: Labels, words: UiText) -> None:
        super().__init__(classes="dialog", id="help")
        self.labels = labels
        self.words = words

    def compose(self) -> ComposeResult:
        labels, words = self.labels, self.words
        with Vertical(classes="dialog-box", id="help-box"):
            with VerticalScroll(id="help-text"):
                title = Text(f"{words.help_title}: {labels.method}", style="bold")
                yield Static(title, classes="dialog-title")
                yield Static(Text(labels.about))
                yield Static(Text(words.help_keys, style="bold underline"), classes="help-heading")
                yield Static(keys_table(labels.code))
                yield Static(Text(words.help_palette))
                yield Static(Text(words.help_steps, style="bold underline"), classes="help-heading")
                for step in STEPS:
                    yield Static(
                        Text.assemble((f"{step} {labels.steps[step]}: ", "bold"), labels.step_guidance[step]),
                        classes="help-step",
                    )
                yield Static(Text(words.help_markers, style="bold underline"), classes="help-heading")
                yield Static(Text(balance_marks.legend(labels)))
                yield Static(Text(words.help_tips, style="bold underline"), classes="help-heading")
                for tip in labels.tips:
                    yield Static(Text(f"• {tip}"))
            # Below the text, not at its end: at 80x24 the end is pages down, and the key bar
            # under a dialog shows no keys, so this line is where the way out is said.
            yield Static(Text(words.help_close, style="dim"), id="help-close")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        box = self.query_one("#help-text", VerticalScroll)
        page = max(box.size.height - 2, 1)
        steps = {"down": 3, "up": -3, "page_down": page, "page_up": -page}
        box.scroll_relative(y=steps[direction], animate=False)
