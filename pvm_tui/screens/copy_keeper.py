"""Keeping the session's recovery copy up to date while the user types, without making typing wait.

The copy is written once no change has come for ``delay`` seconds (two by
default), and while changes keep coming without such a pause, at the
latest ``MOST_BEHIND`` seconds after the first change it does not hold yet:
a steady typist's copy is never more than 5 s behind. One timer at a time
checks the time, rather than a new timer per key. A copy that cannot be
written is said once.
"""

from __future__ import annotations

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
        """Write the copy now (or remove it when nothing is unsaved)."""
        self._first_change = None
        try:
            self.session.keep_copy()
        except (store.MatrixFileError, OSError) as error:
            if not self._problem_said:
                self._problem_said = True
                self.problem(error)
