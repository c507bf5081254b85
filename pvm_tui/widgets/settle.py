"""Waiting until a widget has handled every key already sent to it, so that no later key overtakes them.

Leaving the cell editor, the filter line or a form field first lets it
handle what was typed into it; the screen then reads the text.
"""

from __future__ import annotations

import asyncio
import contextlib

from textual.widget import Widget


async def settle(widget: Widget) -> None:
    """Wait until ``widget`` has handled every event already sent to it.

    A callback queued behind those events runs after them; the App's own
    queue waits meanwhile, so no later key overtakes them.
    """
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def mark() -> None:
        if not done.done():
            done.set_result(None)

    if widget.call_later(mark):
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(done, timeout=2)
