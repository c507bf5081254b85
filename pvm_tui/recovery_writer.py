"""One recovery copy, written from any thread, in order: an older snapshot never overwrites a newer one.

A copy of a big matrix takes a third of a second to write (14,000
partners), so the editor writes it in a thread while the keys keep
working. The snapshot is taken on the UI thread (a matrix is immutable,
so keeping it costs nothing); the writing may then run anywhere. Two
writes of the same copy may overlap: the timer's write in its thread and
the last one, made on the spot, when a signal ends pvm. Each snapshot
gets a number; writes and removals take turns under one lock, and a
write whose number is older than what is on disk is skipped, so the
copy that stays is always the newest (with the open cell's text).
Nothing here imports Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from pvm_tui import recovery_store
from pvm_tui.model import Matrix

Write = Callable[[], Path | None]
"""A snapshot's write: the copy written, or None when a newer one was on disk already."""


class RecoveryWriter:
    """Takes turns between the writes and removals of one session's copy.

    ``snapshot`` and ``remove`` are called on one thread (the UI's); the writes they hand out, anywhere.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handed_out = 0
        """The number of the newest snapshot (or removal) asked for."""
        self._on_disk = 0
        """The number of the snapshot (or removal) that the disk holds now."""

    def snapshot(self, path: Path, matrix: Matrix, file: Path, based_on: str | None) -> Write:
        """The write of ``matrix`` as a copy at ``path``; call it on any thread.

        Raises there as ``recovery_store.write`` does.
        """
        self._handed_out += 1
        number = self._handed_out

        def write() -> Path | None:
            with self._lock:
                if number <= self._on_disk:
                    return None  # a newer snapshot (or the removal) is on disk already
                recovery_store.write(path, matrix, file, based_on)
                self._on_disk = number
            return path

        return write

    def remove(self, path: Path) -> None:
        """Remove the copy now; a write still waiting for its turn is then skipped."""
        with self._lock:
            self._handed_out += 1
            self._on_disk = self._handed_out
            recovery_store.remove(path)
