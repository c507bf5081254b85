"""Interaction latency inside pvm, driven through Textual's Pilot with real key presses.

Each figure is wall-clock time, measured inside the benchmark process from
the moment a key event is handed to the app until the last screen update
it caused has been composed (and turned into the bytes a terminal would
get), summed over the keys of one interaction. Pilot waits between keys
(it sleeps in steps of 20 ms until the process looks idle); those sleeps
come after the last update and so fall outside every figure, while all the
work pvm does for the key (the action, the model, the table, the layout,
garbage collection, the redraw) falls inside.

How: ``App._display`` is what a screen update ends in. It is wrapped to
stamp the clock after each update, and, since the headless driver skips it,
to render the update to terminal output as a real driver would. The cell
editor's cursor does not blink here, so no timer adds updates of its own.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

INTERACTIONS = (
    "cursor move",
    "commit a cell edit",
    "add a partner",
    "delete a partner",
    "move a partner",
    "switch rows (w)",
)


def percentiles(samples: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile (nearest rank) of ``samples``."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def measure_interactions(path: Path, repeats: int = 40) -> dict[str, list[float]]:
    """Seconds per interaction, ``repeats`` of each: cursor move, cell edit, add, delete, move, `w`."""
    import os
    import tempfile

    # `w` remembers its choice in the state folder: a folder of the benchmark's own, not the user's.
    with tempfile.TemporaryDirectory() as state:
        before = os.environ.get("XDG_STATE_HOME")
        os.environ["XDG_STATE_HOME"] = state
        try:
            return asyncio.run(_measure(path, repeats))
        finally:
            if before is None:
                del os.environ["XDG_STATE_HOME"]
            else:
                os.environ["XDG_STATE_HOME"] = before


class FrameClock:
    """Stamps the end of every screen update of an app."""

    def __init__(self) -> None:
        self.last: float | None = None

    def install(self, app: Any) -> None:
        from textual._compositor import CompositorUpdate

        display = app._display

        def stamped(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is None:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)  # what a terminal driver would write
            self.last = time.perf_counter()

        app._display = stamped


async def _measure(path: Path, repeats: int) -> dict[str, list[float]]:
    from pvm_tui.app import PvmApp
    from pvm_tui.document import open_path

    document = open_path(str(path), language="nl", read_only=False, backup=False)
    app = PvmApp(document, "nl")
    clock = FrameClock()
    samples: dict[str, list[float]] = {name: [] for name in INTERACTIONS}
    async with app.run_test(size=(120, 40)) as pilot:
        clock.install(app)
        await pilot.pause()
        editor = app.editor
        assert editor is not None and editor.cells.editor is not None
        editor.cells.editor.cursor_blink = False

        async def timed(*keys: str) -> float:
            total = 0.0
            for key in keys:
                clock.last = None
                start = time.perf_counter()
                await pilot.press(key)
                if clock.last is None:
                    raise RuntimeError(f"the key {key!r} changed nothing on the screen")
                total += clock.last - start
            return total

        await pilot.press("2")  # into the brings columns, on the first partner
        for run in range(repeats):
            samples["cursor move"].append(await timed("down" if run % 2 == 0 else "up"))
        for run in range(repeats):
            await pilot.press("e", "x")
            samples["commit a cell edit"].append(await timed("escape"))
            if run % 2:
                await pilot.press("down")
        for _ in range(repeats):
            samples["add a partner"].append(await timed("a"))
            await pilot.press("escape")
            samples["delete a partner"].append(await timed("d", "y"))
        await pilot.press("ctrl+home")  # the first partner: it moves down and back up
        for run in range(repeats):
            samples["move a partner"].append(await timed("shift+down" if run % 2 == 0 else "shift+up"))
        for _ in range(repeats):
            samples["switch rows (w)"].append(await timed("w"))
    return samples
