"""The process around the editor in a real pseudo-terminal: a terminal that dies without a hang-up,
signals that end pvm, suspend and resume, ctrl+c.

Each ending keeps the unsaved text (the cell still open in the editor too)
in a recovery copy that the next `pvm FILE` offers back.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from pvm_tui import recovery_store
from tests.app.conftest import SAMPLES
from tests.app.terminal import Terminal
from tests.app.test_terminal_survival import offered_back, type_two_cells


@pytest.fixture
def matrix_file(tmp_path: Path) -> Path:
    path = tmp_path / "partners.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    return path


def test_a_terminal_closed_without_a_hang_up_ends_pvm_with_the_text_kept(matrix_file: Path) -> None:
    before = matrix_file.read_bytes()
    # Not the controlling terminal: closing it sends no SIGHUP, as when an SSH link dies quietly.
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent, controlling=False)
    type_two_cells(terminal)
    terminal.hang_up()
    try:
        status = terminal.process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        terminal.process.kill()
        raise AssertionError("pvm still runs 2 s after its terminal closed") from None
    assert status == 128 + signal.SIGHUP
    assert matrix_file.read_bytes() == before
    (copy,) = recovery_store.copies_for(matrix_file)
    assert [p.name for p in copy.matrix.partners[:2]] == [
        "Sennheiser committed",
        "Health insurers still open",
    ]
    offered_back(matrix_file)
