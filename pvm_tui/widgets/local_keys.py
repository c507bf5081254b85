"""Text widgets that handle their own keys in the order they arrive.

Textual runs a focused widget's bindings (backspace, arrows, ctrl+z in a
TextArea) only after the key has bubbled up to the App, while printable
keys are handled on the spot. In a burst of typed keys (a paste, a slow SSH
link) that can reorder "a, backspace, b". These widgets run their own
bindings as soon as a key reaches them, so every key typed into them is
applied in order before anything that comes after it (see ``settle.py``).

The cell editor does the same (``cell_editor.py``, kept apart because
Textual's TextArea is costly to load and is loaded after the first paint).
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input

from pvm_tui.textual_internals import own_bindings


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run the widget's own binding for ``event`` now; True when there was one."""
    for binding in own_bindings(widget, event.key):
        if await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class OrderedInput(Input):
    """An Input whose own key bindings run in key order."""

    async def on_key(self, event: events.Key) -> None:
        # Runs before Input's own key handler; prevent_default (in
        # run_own_binding) keeps that one from seeing the key too.
        await run_own_binding(self, event)
