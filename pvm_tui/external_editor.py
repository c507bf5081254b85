"""Editing one cell's text in the user's own editor ($VISUAL, $EDITOR, else vi)."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path


class EditorFailed(Exception):
    """The editor could not start or did not finish well; the text stays as it was."""


def editor_command(environ: Mapping[str, str] | None = None) -> list[str]:
    """The user's editor as an argument list, the way git picks it."""
    env = os.environ if environ is None else environ
    command = env.get("VISUAL") or env.get("EDITOR") or "vi"
    return shlex.split(command)


def edit_text(text: str, name: str = "cell") -> str:
    """Open ``text`` in the user's editor and return what it holds when the editor exits."""
    command = editor_command()
    with tempfile.TemporaryDirectory(prefix="pvm-") as folder:
        path = Path(folder) / f"{name}.txt"
        # A text file ends with a newline: editors expect one, and a line appended to
        # the file must start a line of its own.
        path.write_text(text + "\n", encoding="utf-8")
        try:
            status = subprocess.call([*command, str(path)])
        except OSError as error:
            raise EditorFailed(f"{shlex.join(command)}: {error.strerror or error}") from None
        if status != 0:
            raise EditorFailed(f"{shlex.join(command)} exited with status {status}")
        edited = path.read_text(encoding="utf-8", errors="replace")
    # The file's final newline (ours, or the one the editor adds) is not part of the cell.
    return edited[:-1] if edited.endswith("\n") else edited
