"""Keeping the session's recovery copy up to date while the user types, without making typing wait.

The copy is written once no change has come for ``delay`` seconds (two by
default), and while changes keep coming without such a pause, at the
latest ``MOST_BEHIND`` seconds after the first change it does not hold yet:
a steady typist's copy is never more than 5 s behind. One timer at a time
checks the time, rather than a new timer per key. A copy that cannot be
written is said once.

The copy is written in a thread (a third of a second at 14,000 partners,
more as it grows; and even a small one waits up to 30 ms for the disk to
sync it), from a snapshot taken here; one write at a time, and
``RecoveryWriter`` keeps an older snapshot from ever overwriting a newer
one (such as the last copy a signal writes on the spot).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from pvm_tui import store
from pvm_tui.session import Session

MOST_BEHIND = 4.0
"""Seconds after a change at which the copy holds it, pause or no pause (a timer may fire late)."""


class CopyKeeper:
    """Writes ``session``'s recovery copy a little after the last change."""

    def __init__(self, session: Session, owner: Widget, delay: float, problem: Callable[[Exception], None]):
        """``owner`` runs the timer; ``problem(error)`` says (once) that the copy cannot be written."""
        self.session = session
        self.owner = owner
        self.delay = delay
        self.problem = problem
        self._due = 0.0
        self._first_change: float | None = None
        """When the oldest change the copy does not hold yet was made."""
        self._timer: Timer | None = None
        self._problem_said = False
        self.writing = False
        """A write runs in a thread; a copy asked for meanwhile waits for it (``_again``)."""
        self._again = False

    def soon(self) -> None:
        """Bring the copy up to date after a pause of ``delay`` seconds, or ``MOST_BEHIND`` at the latest."""
        if self.session.read_only:
            return
        now = time.monotonic()
        if self._first_change is None:
            self._first_change = now
        self._due = min(now + self.delay, self._first_change + MOST_BEHIND)
        if self._timer is None:
            self._timer = self.owner.set_timer(self._due - now, self._when_due, name="recovery")

    def _when_due(self) -> None:
        left = self._due - time.monotonic()
        if left > 0:
            self._timer = self.owner.set_timer(left, self._when_due, name="recovery")
            return
        self._timer = None
        self.now()

    def now(self) -> None:
        """Bring the copy up to date now (or remove it when nothing is unsaved)."""
        self._first_change = None
        if self.writing:
            self._again = True  # the snapshot is taken once the write under way is done
            return
        try:
            write = self.session.copy_write()
            if write is None:
                return
        except (store.MatrixFileError, OSError) as error:
            self._failed(error)
            return
        self.writing = True
        self.owner.run_worker(self._in_thread(write), name="recovery", group="recovery")

    async def _in_thread(self, write: Callable[[], object]) -> None:
        try:
            await asyncio.to_thread(write)
        except (store.MatrixFileError, OSError) as error:
            self._failed(error)
        finally:
            self.writing = False
        if self._again:
            self._again = False
            self.now()

    def _failed(self, error: Exception) -> None:
        if not self._problem_said:
            self._problem_said = True
            self.problem(error)
