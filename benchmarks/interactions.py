"""Interaction latency inside pvm, driven through Textual's Pilot with real key presses."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def measure_interactions(path: Path, repeats: int = 40) -> dict[str, tuple[float, float]]:
    """p50/p95 seconds of a cursor move, a committed cell edit, an add and a delete."""
    return asyncio.run(_measure(path, repeats))


async def _measure(path: Path, repeats: int) -> dict[str, tuple[float, float]]:
    raise NotImplementedError("wired to the editor once it lands")
