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
from textual.color import Color
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


def _cursor_background(app: PvmApp) -> object:
    """The background the grid's cursor cell shows on screen in (its mouse meta names the cell)."""
    grid = editor_of(app).grid
    row, column = grid.cursor_coordinate
    for strip in editor_of(app)._compositor.render_strips():
        for segment in strip:
            style = segment.style
            meta = style.meta if style is not None and style._meta else {}
            if (meta.get("row"), meta.get("column")) == (row, column) and segment.text.strip():
                return style.bgcolor  # type: ignore[union-attr]
    raise AssertionError("the cursor's cell is not on screen")


async def test_the_cursor_shows_where_the_keys_are_and_only_its_row_is_drawn_again(sample: Path) -> None:
    app = editor(sample, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        here = _cursor_background(app)
        accent = Color.parse(app.get_css_variables()["accent"]).rich_color

        await pilot.press("e")  # the cell opens in the card: the accent mark in the grid
        await pilot.pause()
        assert _cursor_background(app) == accent != here
        assert _drawn(app) == await _drawn_from_nothing(app, pilot), "while the cell is open"

        await type_text(pilot, " more")
        await pilot.press("escape")  # the grid has the keys again: the block cursor
        await pilot.pause()
        assert _cursor_background(app) == here
        assert _drawn(app) == await _drawn_from_nothing(app, pilot), "after the edit"

        await pilot.press("slash")  # the filter has the keys: a dim cursor
        await pilot.pause()
        away = _cursor_background(app)
        assert away not in (here, accent)
        assert _drawn(app) == await _drawn_from_nothing(app, pilot), "while the filter has the keys"

        await pilot.press("escape")
        await pilot.pause()
        assert _cursor_background(app) == here
        assert _drawn(app) == await _drawn_from_nothing(app, pilot), "back in the grid"


async def test_the_grid_looks_the_same_with_the_keys_and_without(sample: Path) -> None:
    # MatrixGrid skips the restyle Textual does when the focus comes or goes (at every edit):
    # that holds only while none of its styles, nor its components', differ with :focus.
    app = editor(sample, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        grid = editor_of(app).grid

        def looks() -> list[str]:
            app.update_styles(grid)
            components = sorted(grid.COMPONENT_CLASSES)
            return [grid.styles.css, *(grid.get_component_styles(name).css for name in components)]

        assert grid.has_focus
        focused = looks()
        await pilot.press("slash")  # the filter has the keys
        await pilot.pause()
        assert not grid.has_focus
        assert looks() == focused
