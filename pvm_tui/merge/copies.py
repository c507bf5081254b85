"""The other side's whole version, kept as a copy when a merge leaves conflicts.

The copy is the file exactly as it was on disk when pvm merged it, byte for
byte (comments and all), in ``theirs/`` in pvm's state folder, beside
``recovery/``: ``<name>-<hash>-<time>.toml``, named as recovery copies are
(the file's name and a hash of its full path) with the time it was taken.
Written like every file there: private, under a random temporary name, and
never through a link. Nothing here imports Textual.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from pvm_tui import recovery_store, state

FOLDER_NAME = "theirs"


def folder() -> Path:
    return state.folder() / FOLDER_NAME


def keep_theirs(file: Path | str, data: bytes, *, now: dt.datetime | None = None) -> Path:
    """Write ``data`` (the other side's version of ``file``) as a new copy; returns its path.

    Raises ``OSError`` when it cannot be written.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = f"{recovery_store.base_name(file)}-{stamp}"
    path = folder() / f"{base}.toml"
    number = 2
    while os.path.lexists(path):
        path = folder() / f"{base}.{number}.toml"
        number += 1
    state.write(path, data)
    return path
