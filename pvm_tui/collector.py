"""When Python's garbage collector may pause the editor: once it is on screen, and while nobody types.

A full collection walks every object that has lived a while: Textual's
widgets, the matrix, and each version of it that undo keeps (a tuple of
every partner). With thousands of partners and a long undo history that
takes tens of milliseconds, and Python starts one every few dozen key
presses: typing stutters. So, while the editor runs:

- what exists once it is on screen (Textual, the open matrix) is frozen,
  left out of every collection (it is not garbage: it lives as long as the
  editor); the collector is off until then (``cli.main`` turns it off);
- full collections run only after ``QUIET`` seconds without a key; the
  quick collections of young objects run as usual. The first one also
  looks at what was frozen, for the garbage left from starting up;
- what survives a full collection is frozen too, so that the next one
  looks only at what came since. Without that, the whole-text rows of
  15,000 partners (made after the start) were walked again at every pause
  of a second: 0.25 s each time here, up to 0.8 s on a busy machine. The
  price: a cycle of objects that was alive at a collection and dies later
  (a dialog that was open then) is not freed until the editor closes.

Everything is put back as it was when the editor closes.
"""

from __future__ import annotations

import gc
import time

QUIET = 1.0
"""Seconds without a key after which a full collection may run."""

_NEVER = 1 << 30


class IdleCollector:
    """Holds back full garbage collections while keys arrive."""

    def __init__(self) -> None:
        self._threshold: tuple[int, int, int] | None = None
        self._last_key = time.monotonic()
        self._started_clean = False

    def start(self) -> None:
        """Freeze what exists and hold back full collections (until ``stop``)."""
        if self._threshold is not None:
            return
        gc.freeze()
        young, middle, full = gc.get_threshold()
        self._threshold = (young, middle, full)
        gc.set_threshold(young, middle, _NEVER)
        gc.enable()

    def key(self) -> None:
        """A key arrived: no full collection for the next ``QUIET`` seconds."""
        self._last_key = time.monotonic()

    def tick(self) -> None:
        """Called now and then: a full collection if one is due and no key came for a while."""
        if self._threshold is None or time.monotonic() - self._last_key < QUIET:
            return
        if not self._started_clean:
            self._started_clean = True
            gc.unfreeze()
            gc.collect()
            gc.freeze()
        elif gc.get_count()[2] > 0:  # young collections since the last full one
            gc.collect()
            gc.freeze()  # what survived: left out of the next full collections

    def stop(self) -> None:
        if self._threshold is None:
            return
        gc.set_threshold(*self._threshold)
        gc.unfreeze()
        self._threshold = None
