"""How the grid shows its rows (compact or whole text), remembered per user in the state folder.

One small JSON object beside the recent files. Reading never fails: a
missing or garbled file means compact rows, as when pvm is new.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from pvm_tui import state

_FILE_NAME = "view.json"


def _path() -> Path:
    return state.folder() / _FILE_NAME


def whole_text() -> bool:
    """True when this user last chose whole-text rows."""
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("rows") == "whole"


def remember_whole_text(whole: bool) -> None:
    """Keep the choice for the next start; failing to write it is not an error."""
    data = json.dumps({"rows": "whole" if whole else "compact"})
    with contextlib.suppress(OSError):
        state.write(_path(), data.encode("utf-8"))
