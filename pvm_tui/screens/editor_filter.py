"""The editor screen's filter line: `/` shows only the partners with a text, balance, status or influence.

What the line's words select is ``partner_filter.py``.

The line is made when first wanted. Enter, ↓ and Esc leave it keeping the
filter, as Esc leaves a cell keeping its text (a glued or late Esc must never
throw typing away); Esc in the grid then shows all partners again.
``EditorView.set_filter`` refills the grid.
"""

# The actions are methods of EditorScreen kept in this file; they name ``self: EditorScreen``
# so that mypy checks them against the whole screen (it calls that self type "misc").
# mypy: disable-error-code="misc"

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input

from pvm_tui.widgets.local_keys import OrderedInput
from pvm_tui.widgets.settle import settle

if TYPE_CHECKING:
    from pvm_tui.screens.editor import EditorScreen


class FilterActions:
    """The filter line's actions (a part of ``EditorScreen``)."""

    filter_input: Input | None = None

    async def action_filter(self: EditorScreen) -> None:
        await self.to_grid()
        if self.filter_input is None:
            # Made when first wanted: one widget less to set up before the first paint.
            self.filter_input = OrderedInput(
                id="filter", compact=True, placeholder=self.words.filter_placeholder
            )
            await self.mount(self.filter_input, before="#body")
        self.filter_input.display = True
        self.set_focus(self.filter_input)

    def on_input_changed(self: EditorScreen, event: Input.Changed) -> None:
        if event.input is not self.filter_input:
            return
        event.stop()
        if event.value != self.view.filter_text:
            self.set_filter(event.value)

    async def action_filter_done(self: EditorScreen) -> None:
        if self.filter_input is None:
            return
        await settle(self.filter_input)
        self.set_filter(self.filter_input.value)
        self.set_focus(self.grid)
        if not self.view.filter_text.strip():
            self.filter_input.display = False
        else:
            # After what set_filter said (the count, and any word not understood).
            self.say(f"{self.status.message} · {self.words.filter_kept}")

    async def action_clear_filter(self: EditorScreen) -> None:
        if self.filter_input is not None:
            if self.context() == "filter":
                await settle(self.filter_input)
            self.filter_input.value = ""
            self.filter_input.display = False
        self.set_filter("")
        self.set_focus(self.grid)

    def set_filter(self: EditorScreen, text: str) -> None:
        self.view.set_filter(text)
        self.refresh_bindings()
