"""How the grid shows its rows (compact or whole text), remembered per user in the state folder.

One small JSON object beside the recent files. Reading never fails: a
missing or garbled file means compact rows, as when pvm is new.

The choice is written in a thread: the file is replaced safely (written,
synced, renamed, the folder synced), and a sync took up to 30 ms here,
which the `w` key waited for when it was written on the UI thread. Each
choice is numbered as it is made, so that a slow write of an older one
never overwrites a newer one; reading waits for the writes under way.
"""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path

from pvm_tui import state

_FILE_NAME = "view.json"


class _Writes:
    """The choices being written, newest last; only the newest of those made is kept on disk."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._made = 0
        self._written = 0
        self._threads: list[threading.Thread] = []

    def start(self, path: Path, data: bytes) -> None:
        self._made += 1
        self._threads = [thread for thread in self._threads if thread.is_alive()]
        # Not a daemon: a choice made just before pvm ends is still written.
        thread = threading.Thread(target=self._write, args=(self._made, path, data), name="pvm-view-choice")
        self._threads.append(thread)
        thread.start()

    def wait(self) -> None:
        for thread in list(self._threads):
            thread.join()

    def _write(self, number: int, path: Path, data: bytes) -> None:
        with self._lock:
            if number < self._written:
                return  # a newer choice is on disk already
            with contextlib.suppress(OSError):
                state.write(path, data)
            self._written = number


_writes = _Writes()


def _path() -> Path:
    return state.folder() / _FILE_NAME


def whole_text() -> bool:
    """True when this user last chose whole-text rows."""
    _writes.wait()
    if not state.own_file(_path()):
        return False  # none yet, or a pipe (reading would wait forever) or a link someone planted
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("rows") == "whole"


def remember_whole_text(whole: bool) -> None:
    """Keep the choice for the next start, written in a thread; failing to write it is not an error."""
    _writes.start(_path(), json.dumps({"rows": "whole" if whole else "compact"}).encode("utf-8"))
