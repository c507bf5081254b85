"""Interaction latency inside pvm, driven through Textual's Pilot with real key presses.

Each figure is the processor time pvm spends on the keys of one interaction,
from the key press until the screen has settled, redraw included. Pilot
itself waits for the app to go idle in sleeps of 20 ms, which would swamp
the wall-clock time; the work pvm does runs on one thread, so its processor
time is what a user waits for on an otherwise idle machine.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path


def percentiles(samples: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile of ``samples``."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def measure_interactions(path: Path, repeats: int = 40) -> dict[str, tuple[float, float]]:
    """p50/p95 seconds of a cursor move, a committed cell edit, an add and a delete."""
    return asyncio.run(_measure(path, repeats))


async def _measure(path: Path, repeats: int) -> dict[str, tuple[float, float]]:
    from pvm_tui.app import PvmApp
    from pvm_tui.document import open_path

    document = open_path(str(path), language="nl", read_only=False, backup=False)
    app = PvmApp(document, "nl")
    samples: dict[str, list[float]] = {
        "cursor move": [],
        "commit a cell edit": [],
        "add a partner": [],
        "delete a partner": [],
    }
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

        async def timed(name: str, *keys: str) -> None:
            start = time.process_time()
            await pilot.press(*keys)
            samples[name].append(time.process_time() - start)

        await pilot.press("2")  # into the brings columns, on the first partner
        for run in range(repeats):
            await timed("cursor move", "down" if run % 2 == 0 else "up")
        for run in range(repeats):
            await pilot.press("e", "x")
            await timed("commit a cell edit", "escape")
            if run % 2:
                await pilot.press("down")
        for _ in range(repeats):
            await timed("add a partner", "a")
            await pilot.press("escape")
            await timed("delete a partner", "d", "y")
    return {name: percentiles(values) for name, values in samples.items()}
