"""The editor's main screen: title, step bar, grid, partner card, status and footer (and the filter line).

It only lays the widgets out and carries the key bindings (made from
``keys.KEYS`` in the current language); the App owns the matrix and does
every action.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from pvm_tui.keys import CHANGING_ACTIONS, FOOTER_ORDER, KEYS
from pvm_tui.labels import Labels
from pvm_tui.textual_internals import replace_bindings
from pvm_tui.ui_text import ui_text
from pvm_tui.widgets.grid import MatrixGrid
from pvm_tui.widgets.key_bar import KeyBar
from pvm_tui.widgets.partner_card import PartnerCard
from pvm_tui.widgets.status import StatusLine, TitleBar
from pvm_tui.widgets.step_bar import StepBar


def bindings(language: str, read_only: bool = False) -> list[BindingType]:
    """The editor's bindings with footer words in ``language``.

    All are priority bindings: the App sees each key first and in order, and
    ``PvmApp.check_action`` lets a binding through only where it applies.
    In read-only mode `e` shows a cell rather than edits it, and says so.
    """
    made: list[BindingType] = []
    for key in KEYS:
        footer = key.footer[language] if key.footer else key.help[language]
        if read_only and key.id == "edit":
            footer = ui_text(language).view
        made.append(
            Binding(
                key.keys,
                f"app.{key.action}",
                footer,
                show=key.footer is not None,
                key_display=key.footer_key,
                priority=True,
                id=key.id,
                tooltip=key.help[language],
            )
        )
    return made


class EditorScreen(Screen[None]):
    """The screen of one open matrix."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("en")

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As on every Screen, but a change of focus does not repaint the whole screen: the
    widgets it concerns restyle and repaint themselves, and the rest stays as it is
    (a full repaint is most of the cost of starting and ending an edit)."""

    def __init__(self, labels: Labels) -> None:
        super().__init__()
        self.labels = labels

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        yield StepBar(self.labels, id="steps")
        with Horizontal(id="body"):
            yield MatrixGrid(id="grid")
            yield PartnerCard(id="card")
        yield StatusLine(id="status")
        yield KeyBar(FOOTER_ORDER, id="keys")

    def on_mount(self) -> None:
        self.app.editor_mounted()  # type: ignore[attr-defined]

    def set_language(self, language: str, read_only: bool = False) -> None:
        """Footer words in another language: the bindings are made again."""
        # Binding descriptions are fixed once made, and the footer shows them as they are.
        replace_bindings(self, bindings(language, read_only))
        self.refresh_bindings()

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        super().set_focus(widget, scroll_visible, from_app_focus)
        # Textual tells the footer only after the next frame, which would
        # then need a frame of its own; now it changes in the same one.
        self.refresh_bindings()

    def set_mode(self, word: str) -> None:
        """A word at the start of the footer: READ-ONLY."""
        self.query_one(KeyBar).set_badge(word)

    def on_key(self, event: events.Key) -> None:
        """A change key that reached the screen unhandled: say why nothing happened."""
        app = self.app
        if not getattr(app, "read_only", False):
            return
        for key in KEYS:
            if event.key in key.key_names and key.action.split("(")[0] in CHANGING_ACTIONS:
                app.say_read_only()  # type: ignore[attr-defined]
                event.stop()
                return
