"""What the grid and the card keep from earlier frames never shows on screen where it no longer belongs.

The grid keeps cell drawings and screen lines across edits, cursor moves,
adds, deletes, moves and both row modes, and the card repaints only the
lines that changed. After every few keys of a long, varied session the
screen must be exactly (text, colours and the row each cell answers to
for the mouse) what the same state looks like drawn from nothing.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rich.segment import Segment
from textual.pilot import Pilot

from pvm_tui import textual_internals as internals
from pvm_tui.app import PvmApp
from tests.app.conftest import editor, editor_of, type_text

KEYS = [
    ["down"],
    ["up"],
    ["left"],
    ["right"],
    ["1"],
    ["2"],
    ["3"],
    ["w"],
    ["shift+down"],
    ["shift+up"],
    ["ctrl+z"],
    ["ctrl+y"],
    ["delete"],
    ["home"],
    ["end"],
]
"""Keys (or a few keys in a row) that change what the grid and the card show."""


def _drawn(app: PvmApp) -> list[list[tuple[str, str, object]]]:
    """Every screen line as its segments: text, style without the mouse meta, and the meta's row."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        line = []
        for segment in Segment.simplify(strip):
            style = segment.style
            row = style.meta.get("row") if style is not None and style._meta else None
            line.append((segment.text, str(style or ""), row))
        lines.append(line)
    return lines


async def _drawn_from_nothing(app: PvmApp, pilot: Pilot[int]) -> list[list[tuple[str, str, object]]]:
    screen = editor_of(app)
    internals.forget_all(screen.grid)
    screen.grid.refresh()
    card = screen.view.card
    card._laid = None
    card.refresh()
    await pilot.pause()
    return _drawn(app)


@pytest.mark.parametrize(("seed", "size"), [(1, (120, 40)), (2, (80, 24)), (3, (200, 50))])
async def test_what_is_kept_draws_what_a_fresh_drawing_does(
    sample: Path, seed: int, size: tuple[int, int]
) -> None:
    choose = random.Random(seed)
    app = editor(sample, language="en")
    async with app.run_test(size=size) as pilot:
        for step in range(40):
            action = choose.random()
            if action < 0.15:
                await pilot.press("e")
                await type_text(pilot, choose.choice(["x", " more words here", " a b c d e f g h i j k"]))
                await pilot.press("escape")
            elif action < 0.22:
                await pilot.press("a")
                await type_text(pilot, f"New {step}")
                await pilot.press("escape")
            elif action < 0.27:
                await pilot.press("d", "y")
            else:
                await pilot.press(*choose.choice(KEYS))
            await pilot.pause()
            if step % 4 == 3:
                seen = _drawn(app)
                assert await _drawn_from_nothing(app, pilot) == seen, f"after step {step}"
