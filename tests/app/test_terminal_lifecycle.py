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


def test_a_copy_is_written_while_typing_without_a_pause(matrix_file: Path) -> None:
    """One key a second never lets the copy wait for a pause: it is at most 5 s behind."""
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent)
    terminal.wait_for("What do they bring?")
    terminal.type("e")
    typed = "abcdefgh"
    for key in typed:
        terminal.type(key)
        terminal._read(0.75)  # with type()'s 0.25 s: one key a second
    terminal.process.send_signal(signal.SIGKILL)
    terminal.finish()
    copies = recovery_store.copies_for(matrix_file)
    assert copies, "a copy was written during 8 s of steady typing"
    name = copies[0].matrix.partners[0].name
    assert name.startswith("Sennheiser" + typed[:3]), name


ENDING_SIGNALS = ("SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGINT", "SIGVTALRM", "SIGPROF")


@pytest.mark.parametrize("name", ENDING_SIGNALS)
def test_a_signal_that_ends_pvm_keeps_the_open_text_and_restores_the_terminal(
    matrix_file: Path, name: str
) -> None:
    signum = getattr(signal, name)
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent)
    terminal.wait_for("What do they bring?")
    terminal.type("e", " typed")
    terminal.wait_for("Sennheiser typed")
    written = len(terminal.output)
    terminal.process.send_signal(signum)
    assert terminal.finish() == 128 + signum  # SIGINT: 130, as a shell reports ctrl+c
    after = bytes(terminal.output[written:])
    assert b"\x1b[?1049l" in after, "the terminal's normal screen is back"
    assert b"\x1b[?1000l" in after, "mouse tracking is off"
    assert b"\x1b[?25h" in after, "the cursor is visible again"
    (copy,) = recovery_store.copies_for(matrix_file)
    assert copy.matrix.partners[0].name == "Sennheiser typed"


def test_after_a_suspend_and_fg_the_screen_is_drawn_again_at_once(matrix_file: Path) -> None:
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent)
    terminal.wait_for("What do they bring?")
    written = len(terminal.output)
    terminal.process.send_signal(signal.SIGTSTP)
    terminal.wait_for_output(b"\x1b[?1049l", since=written)  # it let go of the terminal
    terminal.screen.reset()  # what a shell shows meanwhile
    terminal.process.send_signal(signal.SIGCONT)
    terminal.wait_for("What do they bring?", timeout=10)
    terminal.type("q")
    assert terminal.finish() == 0
