"""Keeping the session's recovery copy up to date while the user types, without making typing wait.

The copy is written once no change has come for ``delay`` seconds (two by
default); one timer at a time checks the time of the last change, rather
than a new timer per key. A copy that cannot be written is said once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from pvm_tui import store
from pvm_tui.session import Session


class CopyKeeper:
    """Writes ``session``'s recovery copy a little after the last change."""

    def __init__(self, session: Session, owner: Widget, delay: float, problem: Callable[[Exception], None]):
        """``owner`` runs the timer; ``problem(error)`` says (once) that the copy cannot be written."""
        self.session = session
        self.owner = owner
        self.delay = delay
        self.problem = problem
        self._due = 0.0
        self._timer: Timer | None = None
        self._problem_said = False

    def soon(self) -> None:
        """Bring the copy up to date once nothing has changed for ``delay`` seconds."""
        if self.session.read_only:
            return
        self._due = time.monotonic() + self.delay
        if self._timer is None:
            self._timer = self.owner.set_timer(self.delay, self._when_due, name="recovery")

    def _when_due(self) -> None:
        left = self._due - time.monotonic()
        if left > 0:
            self._timer = self.owner.set_timer(left, self._when_due, name="recovery")
            return
        self._timer = None
        self.now()

    def now(self) -> None:
        """Write the copy now (or remove it when nothing is unsaved)."""
        try:
            self.session.keep_copy()
        except (store.MatrixFileError, OSError) as error:
            if not self._problem_said:
                self._problem_said = True
                self.problem(error)
