"""The cell's text in the user's own editor: the file it gets is private and not guessable."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from pvm_tui.external_editor import edit_text


def _recording_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An $EDITOR that writes the path it was given and that file's mode, then appends a line."""
    record = tmp_path / "record.txt"
    script = tmp_path / "editor.py"
    script.write_text(
        "import os, sys\n"
        "path = sys.argv[1]\n"
        f"with open({str(record)!r}, 'w') as out:\n"
        "    out.write(path + '\\n' + oct(os.stat(path).st_mode & 0o777))\n"
        "with open(path, 'a') as file:\n"
        "    file.write('added\\n')\n"
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    return record


def test_the_file_has_a_random_name_and_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = _recording_editor(tmp_path, monkeypatch)
    names = set()
    for _ in range(2):
        assert edit_text("first", name="cell") == "first\nadded"
        path, mode = record.read_text().splitlines()
        names.add(Path(path).name)
        assert Path(path).name.startswith("cell-") and Path(path).suffix == ".txt"
        assert int(mode, 8) & (stat.S_IRWXG | stat.S_IRWXO) == 0
        assert not Path(path).exists()
    assert len(names) == 2
