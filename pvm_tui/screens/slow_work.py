"""Work that can take longer than half a second runs in a thread; the status line counts the seconds.

The first save of a big matrix reads the whole file's layout with tomlkit
(14 s for 20,000 partners), which froze the editor: no key was answered
until it was done. Such work now runs in a worker thread while the keys
keep working, and the status line says what is going on, every second.
The work is handed a snapshot (matrices are immutable), so editing on
meanwhile cannot change what is written. Reading a big file (opening it
from the start screen, reloading it, reading its recovery copies) goes
the same way; such a read can be given up (``cancel``): a thread cannot be
stopped, but what it read is then dropped.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual.dom import DOMNode
from textual.timer import Timer

SLOW_FROM = 256 * 1024
"""Bytes of matrix file from which a save goes to a thread: tomlkit reads about a megabyte a
second here, so a smaller file saves in well under half a second on the spot."""

SLOW_PARTNERS = 1000
"""Partners from which a save goes to a thread even without a file yet (a new or example matrix)."""

Done = Callable[[Exception | None], None]
"""Called on the UI thread when the work has ended: with the error that stopped it, or None."""


class SlowWork:
    """One piece of work at a time, in a thread, with its progress in the status line."""

    def __init__(self, owner: DOMNode, say: Callable[[str], None]) -> None:
        """``owner`` runs the worker and the timer; ``say(text)`` puts a line in the status."""
        self.owner = owner
        self.say = say
        self.busy = False
        self._number = 0
        """Counts the works started; a work given up (``cancel``) is no longer the current one."""
        self._started = 0.0
        self._message = ""
        self._timer: Timer | None = None

    def start(self, work: Callable[[], object], message: str, done: Done) -> None:
        """Run ``work`` in a thread; ``message`` (with ``{seconds}``) is shown until it ends."""
        self.busy = True
        self._number += 1
        self._started = time.monotonic()
        self._message = message
        self._show()
        self._timer = self.owner.set_interval(1.0, self._show, name="slow-work")
        self.owner.run_worker(self._run(work, done, self._number), name="slow-work")

    def cancel(self) -> bool:
        """Give up the work under way: its end is not reported. False when there was none."""
        if not self.busy:
            return False
        self._number += 1
        self._stop()
        return True

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.busy = False

    def _show(self) -> None:
        self.say(self._message.format(seconds=int(time.monotonic() - self._started)))

    async def _run(self, work: Callable[[], object], done: Done, number: int) -> None:
        error: Exception | None = None
        try:
            await asyncio.to_thread(work)
        except Exception as caught:  # handed to ``done``, which says it
            error = caught
        finally:
            if number == self._number:
                self._stop()
        if number == self._number:
            done(error)
