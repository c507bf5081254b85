"""Whole-text rows for thousands of partners, made a little at a time while the keys keep working.

A whole-text row is as tall as its tallest cell, so the grid can show such
rows only once every cell of every row is wrapped to its column: 4 s for
15,000 partners, with no key answered meanwhile. When more text than
``AT_ONCE`` has no whole-text rows yet, the grid shows compact rows
(made when drawn, at once) and makes the whole-text rows here, a slice of
``SLICE_SECONDS`` at a time on the UI thread; between slices every key
is handled. Then it shows them. The partners are immutable, so what is
made stays right; a partner edited meanwhile is simply made again.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence

from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, Partner
from pvm_tui.widgets.grid_cells import CellMaker

AT_ONCE = 250_000
"""Characters of text whose whole-text rows are made on the spot (about a tenth of a second)."""

SLICE_SECONDS = 0.04
"""How long one slice of the work holds the UI thread."""


async def breathe() -> None:
    """Between two slices: every key, timer and repaint waiting is handled."""
    await asyncio.sleep(0.001)


def few_missing(
    made: CellMaker, partners: Sequence[Partner], labels: Labels, widths: tuple[int, ...]
) -> bool:
    """True when the whole-text rows of ``partners`` not made yet can be made on the spot."""
    left = AT_ONCE
    for partner in partners:
        if made.has(partner, labels, True, widths):
            continue
        left -= sum(len(partner.cell(column)) for column in COLUMNS) + 1
        if left < 0:
            return False
    return True


async def make(
    made: CellMaker,
    partners: Sequence[Partner],
    labels: Labels,
    widths: tuple[int, ...],
    progress: Callable[[int, int], None],
) -> None:
    """Measure the whole-text rows of ``partners`` (their cells are made when drawn), slice by slice;
    ``progress(done, total)`` after each."""
    total = len(partners)
    started = time.monotonic()
    for done, partner in enumerate(partners, 1):
        made.height(partner, labels, widths)
        if time.monotonic() - started >= SLICE_SECONDS:
            progress(done, total)
            await breathe()
            started = time.monotonic()
    progress(total, total)
