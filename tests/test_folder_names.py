"""A name that ends in a slash names a folder: pvm never writes a file under it.

``Path("reports/")`` is ``reports``, so `pvm export m.toml -o reports/` (a
folder that was meant to exist, or a slip of tab completion) wrote a file
named ``reports``. A missing folder is now one line and exit status 2; an
existing one is "is a folder", as before.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLES

RunPvm = Callable[..., subprocess.CompletedProcess[str]]

COMMANDS = {
    "new": ("new", "reports/"),
    "export": ("export", "m.toml", "-f", "csv", "-o", "reports/"),
    "template": ("template", "-o", "reports/"),
    "merge": ("merge", "m.toml", "m.toml", "m.toml", "-o", "reports/"),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_folder_named_with_a_slash_is_one_line_and_no_file(
    command: str, run_pvm: RunPvm, tmp_path: Path
) -> None:
    shutil.copy(SAMPLES / "tinnitracks.en.toml", tmp_path / "m.toml")
    result = run_pvm(*COMMANDS[command], cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "pvm: reports: names a folder (it ends in /), and there is no such folder\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["m.toml"]


@pytest.mark.parametrize("command", COMMANDS)
def test_an_existing_folder_named_with_a_slash_is_never_written_over(
    command: str, run_pvm: RunPvm, tmp_path: Path
) -> None:
    shutil.copy(SAMPLES / "tinnitracks.en.toml", tmp_path / "m.toml")
    (tmp_path / "reports").mkdir()
    result = run_pvm(*COMMANDS[command], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("pvm: reports: ") and result.stderr.count("\n") == 1
    assert list((tmp_path / "reports").iterdir()) == []
