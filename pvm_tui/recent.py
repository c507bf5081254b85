"""The recently opened matrices, kept in the user's state folder for the start screen.

A small JSON list of absolute paths, newest first. Reading never fails: a
missing, unreadable or garbled list is simply an empty one, because losing
the list of recent files must never stop anyone from opening pvm.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from pvm_tui import state

LIMIT = 10
_FILE_NAME = "recent.json"


def state_folder() -> Path:
    """pvm's folder in the user's state directory (XDG_STATE_HOME on Linux)."""
    return state.folder()


def _list_path() -> Path:
    return state_folder() / _FILE_NAME


def load() -> list[Path]:
    """The recent matrices, newest first, leaving out files that no longer exist."""
    if not state.own_file(_list_path()):
        return []  # none yet, or a pipe (reading would wait forever) or a link someone planted
    try:
        data = json.loads(_list_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    paths = [Path(item) for item in data if isinstance(item, str)]
    return [path for path in paths if path.is_file()][:LIMIT]


def remember(path: Path) -> None:
    """Put ``path`` at the top of the list; failures to write it are ignored."""
    absolute = Path(os.path.abspath(path))
    paths = [absolute] + [item for item in load() if item != absolute]
    listing = json.dumps([str(item) for item in paths[:LIMIT]], indent=1)
    with contextlib.suppress(OSError):
        state.write(_list_path(), listing.encode("utf-8"))
    # Once per file opened: what an earlier pvm left readable to others is made private.
    state.tighten_all()
