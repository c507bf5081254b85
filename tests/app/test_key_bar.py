"""The editor's bottom line: `^p palette` always at the right, the keys before it cut at a whole one.

Read off the screen's last line at 80×24, 120×40 and 200×50, in English and
Dutch, in the grid, in the cell editor and in the filter, with and without
the READ-ONLY badge. At 200 columns every key fits: the narrower bars must
show the start of that list, whole keys only, as many as fit.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from pvm_tui.app import PvmApp
from tests.app.conftest import SAMPLES, editor

SIZES = [(200, 50), (120, 40), (80, 24), (40, 20)]  # the widest first: it shows every key
PALETTE = "^p palette"
BADGES = ("READ-ONLY", "ALLEEN LEZEN")
MODES = {"grid": (), "cell editor": ("enter",), "filter": ("slash",)}


def last_line(app: PvmApp) -> str:
    return app.screen._compositor.render_strips()[-1].text


def entries(line: str) -> list[str]:
    """The line's keys with their words, in order; the badge and the palette left out.

    A key and its word are one space apart, two keys at least two.
    """
    found = [entry for entry in re.split(r" {2,}", line.strip()) if entry]
    return [entry for entry in found if entry not in BADGES and entry != PALETTE]


async def bars(pilot: Pilot[int], keys: tuple[str, ...]) -> dict[int, str]:
    """The bottom line at each of ``SIZES``, after ``keys`` (then Escape back to the grid)."""
    await pilot.press(*keys)
    seen = {}
    for width, height in SIZES:
        await pilot.resize_terminal(width, height)
        await pilot.pause()
        seen[width] = last_line(pilot.app)
    if keys:
        await pilot.press("escape")
    await pilot.resize_terminal(*SIZES[0])
    return seen


@pytest.mark.parametrize("read_only", [False, True])
async def test_the_palette_key_is_always_shown_and_the_keys_before_it_are_whole(
    tmp_path: Path, read_only: bool
) -> None:
    path = tmp_path / "tinnitracks.en.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    app = editor(path, read_only=read_only)
    async with app.run_test(size=SIZES[0]) as pilot:
        for language in ("en", "nl"):
            if language == "nl":
                await pilot.press("L")
            badge = BADGES[language == "nl"]
            for mode, keys in MODES.items():
                lines = await bars(pilot, keys)
                every_key = entries(lines[200])
                assert every_key, (mode, lines[200])
                for width, line in lines.items():
                    where = (language, mode, width, line)
                    assert cell_len(line) == width, where
                    assert line.endswith(f" {PALETTE} "), where
                    assert line.startswith(f" {badge} ") == read_only, where
                    shown = entries(line)
                    assert shown == every_key[: len(shown)], where  # the most used first, none cut
                    if len(shown) < len(every_key):  # and as many as fit before the palette
                        head = line[: line.rindex(f" {PALETTE} ")]  # the badge, the keys, the gap
                        room = len(head) - len(head.rstrip(" ")) - (1 if shown else 2 if read_only else 0)
                        assert cell_len(f" {every_key[len(shown)]} ") > room, where


async def test_at_120_columns_the_grid_shows_the_palette_after_whole_keys(tmp_path: Path) -> None:
    """What the bar showed before: `... w whole text  / filter  p` and no palette."""
    path = tmp_path / "tinnitracks.en.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    async with editor(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = last_line(pilot.app)
        assert line.endswith(f"  {PALETTE} ")
        assert entries(line)[-1] != "p"
        assert "w whole text" in entries(line)
