"""A big matrix in the editor: how long each grid-wide key holds the UI thread (issue 14 §16).

Opens a generated matrix of 15,000 (or 20,000) partners with Pilot and
presses the keys that touch every row: opening it, `w`, the filter, the
view by influence `o`, `]`/`[`, adding, deleting and moving a partner near
the top and undoing that, jumping to the end, the language `L`, what to
fix first `r`, the next empty cell `n`, a resize in whole text, undoing a
reload, restoring a recovery copy, and saving. For each it prints the wall time until the app is idle,
the CPU time, and the longest stretch the UI thread was held at once
(what a person notices: no key is answered meanwhile). The rule is that
no stretch is longer than half a second.

    python benchmarks/big_matrix.py [PARTNERS ...]      (15000 by default)

``PVM_PROFILE="NAME"`` (a step's name as printed) profiles that step;
``PVM_PROFILE_SORT=tottime`` sorts the profile by own time. Work made a
slice at a time (whole-text rows) goes on after its key's step ends: the
step after it then shows the switch to whole text.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import re
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from generate import matrix_text  # noqa: E402

PROFILE = os.environ.get("PVM_PROFILE", "")
"""The name of one step to profile (as printed), from the environment."""

HOLD_LIMIT = 0.5
"""The longest the UI thread may be held at once."""


class Stalls:
    """The longest time between two turns of the event loop since ``reset``."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._watch())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def reset(self) -> None:
        self.longest = 0.0
        self._since = time.perf_counter()

    _since = 0.0
    """When the step began: a stretch that started before it (the benchmark's own setup) counts from here."""

    async def _watch(self) -> None:
        step = 0.005
        while True:
            before = time.perf_counter()
            await asyncio.sleep(step)
            self.longest = max(self.longest, time.perf_counter() - max(before, self._since) - step)


def write_big(folder: Path, partners: int) -> Path:
    """A matrix file of ``partners`` filled-in partners, under the read limit (shorter cells above 15,000)."""
    text = matrix_text(partners)
    if partners > 15_000:
        # Each cell's second line dropped: 20,000 full partners are more than pvm reads.
        text = re.sub(r'(\(\d+/\d+\))\n[^"\n]*"""', r'\1"""', text)
    path = folder / f"big-{partners}.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def _drive(path: Path, rows: list[tuple[str, float, float, float]]) -> None:
    from pvm_tui.app import PvmApp
    from pvm_tui.document import open_path

    stalls = Stalls()

    async def timed(name: str, act: Callable[[], Awaitable[Any]], pilot: Any) -> None:
        stalls.reset()
        profile = cProfile.Profile() if name == PROFILE else None
        wall, cpu = time.perf_counter(), time.process_time()
        if profile is not None:
            profile.enable()
        await act()
        await _idle(pilot)
        if profile is not None:
            profile.disable()
            pstats.Stats(profile).sort_stats(os.environ.get("PVM_PROFILE_SORT", "cumulative")).print_stats(40)
        rows.append((name, time.perf_counter() - wall, time.process_time() - cpu, stalls.longest))
        print(f"  {name:<34} {rows[-1][1]:7.2f} s wall {rows[-1][2]:7.2f} s cpu  held {rows[-1][3]:6.2f} s")

    wall, cpu = time.perf_counter(), time.process_time()
    stalls.start()
    stalls.reset()
    app = PvmApp(open_path(str(path), language="nl", read_only=False, backup=False), "nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await _idle(pilot)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"  {'open (to idle)':<34} {wall:7.2f} s wall {cpu:7.2f} s cpu  held {stalls.longest:6.2f} s")
        editor = app.editor
        assert editor is not None

        async def press(*keys: str) -> None:
            await pilot.press(*keys)

        await timed("cursor down", lambda: press("down"), pilot)
        await timed("w (whole text)", lambda: press("w"), pilot)
        await timed("down in whole text", lambda: press("down"), pilot)
        await timed("w (compact again)", lambda: press("w"), pilot)
        await timed("w (whole text again)", lambda: press("w"), pilot)
        await timed("w (compact)", lambda: press("w"), pilot)
        await timed("/ and 'kennis'", lambda: press("slash", *"kennis"), pilot)
        await timed("backspace x6 (filter)", lambda: press(*["backspace"] * 6), pilot)
        await timed("escape (filter done)", lambda: press("escape"), pilot)
        await timed("o (by influence)", lambda: press("o"), pilot)
        await timed("o (file order)", lambda: press("o"), pilot)
        await timed("]", lambda: press("right_square_bracket"), pilot)
        await timed("[", lambda: press("left_square_bracket"), pilot)
        await timed("ctrl+home", lambda: press("ctrl+home"), pilot)
        await timed("a (add near the top)", lambda: press("a"), pilot)
        await timed("escape", lambda: press("escape"), pilot)
        await timed("d y (delete it)", lambda: press("d", "y"), pilot)
        await timed("ctrl+z (undo delete)", lambda: press("ctrl+z"), pilot)
        await timed("ctrl+y (redo delete)", lambda: press("ctrl+y"), pilot)
        await timed("shift+down (move)", lambda: press("shift+down"), pilot)
        await timed("ctrl+z (undo move)", lambda: press("ctrl+z"), pilot)
        await timed("ctrl+end", lambda: press("ctrl+end"), pilot)
        await timed("ctrl+home", lambda: press("ctrl+home"), pilot)
        await timed("L (language)", lambda: press("L"), pilot)
        await timed("L (language back)", lambda: press("L"), pilot)
        await timed("pagedown", lambda: press("pagedown"), pilot)
        await timed("r (what to fix first)", lambda: press("r"), pilot)
        await timed("escape (list done)", lambda: press("escape"), pilot)
        await timed("n (next empty cell)", lambda: press("n"), pilot)
        await timed("escape (cell done)", lambda: press("escape"), pilot)
        await timed("w (whole text, resize)", lambda: press("w"), pilot)
        await timed("resize to 100x40 (whole)", lambda: pilot.resize_terminal(100, 40), pilot)
        await timed("resize to 120x40 (whole)", lambda: pilot.resize_terminal(120, 40), pilot)
        await timed("/ and 'kennis' (whole)", lambda: press("slash", *"kennis"), pilot)
        await timed("backspace x6 (filter, whole)", lambda: press(*["backspace"] * 6), pilot)
        await timed("escape (filter done, whole)", lambda: press("escape"), pilot)
        await timed("w (compact, resize)", lambda: press("w"), pilot)

        # A reload (every partner renamed) and its undo and redo.
        session = app.session
        assert session is not None
        path.write_text(
            path.read_text(encoding="utf-8").replace('name = "Partner ', 'name = "Partner X'),
            encoding="utf-8",
        )

        async def reload() -> None:
            editor.files.reload()
            await _until(pilot, lambda: not editor.files.slow_work.busy)

        await timed("reload", reload, pilot)
        await timed("ctrl+z (undo reload)", lambda: press("ctrl+z"), pilot)
        await timed("ctrl+y (redo reload)", lambda: press("ctrl+y"), pilot)
        await timed("ctrl+z (undo reload)", lambda: press("ctrl+z"), pilot)
        await timed("w (whole text, after reload)", lambda: press("w"), pilot)
        await timed("ctrl+y (redo reload, whole)", lambda: press("ctrl+y"), pilot)
        await timed("ctrl+z (undo reload, whole)", lambda: press("ctrl+z"), pilot)
        await timed("w (compact)", lambda: press("w"), pilot)

        # Restoring a recovery copy that differs in every partner.
        import dataclasses
        import datetime as dt

        from pvm_tui.model import Influence

        matrix = session.matrix
        fresh = dataclasses.replace(
            matrix,
            partners=tuple(partner.with_facts(influence=Influence.HIGH) for partner in matrix.partners),
        )

        async def restore() -> None:
            from pvm_tui.recovery_store import Recovery

            written = dt.datetime.now(dt.timezone.utc)
            copy = Recovery(path, path, written, None, 0, "", fresh)
            editor.files._restore(copy)

        await timed("restore a recovery copy", restore, pilot)
        await timed("ctrl+z (undo restore)", lambda: press("ctrl+z"), pilot)
        await timed("? (help)", lambda: press("question_mark"), pilot)
        await timed("escape (help done)", lambda: press("escape"), pilot)

        async def save() -> None:
            await press("ctrl+s")
            await _until(pilot, lambda: not editor.files.slow_work.busy)

        await timed("ctrl+s (save)", save, pilot)
        stalls.stop()


async def _idle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.app.animator.wait_until_complete()
    await pilot.pause()


async def _until(pilot: Any, condition: Callable[[], bool]) -> None:
    while not condition():
        await pilot.pause(0.02)


def big_matrix(partners: int) -> list[tuple[str, float, float, float]]:
    """Each key's wall time, CPU time and longest hold of the UI thread, in seconds."""
    rows: list[tuple[str, float, float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        before = os.environ.get("XDG_STATE_HOME")
        os.environ["XDG_STATE_HOME"] = folder  # `w` remembers its choice: not in the user's folder
        try:
            path = write_big(Path(folder), partners)
            print(f"\nA big matrix: {partners:,} partners ({path.stat().st_size / 1e6:.1f} MB), 120x40")
            asyncio.run(_drive(path, rows))
        finally:
            if before is None:
                del os.environ["XDG_STATE_HOME"]
            else:
                os.environ["XDG_STATE_HOME"] = before
    over = [row for row in rows if row[3] > HOLD_LIMIT]
    for name, _, _, held in over:
        print(f"  held the UI thread {held:.2f} s (> {HOLD_LIMIT} s): {name}")
    return rows


if __name__ == "__main__":
    for size in map(int, sys.argv[1:] or ["15000"]):
        big_matrix(size)
