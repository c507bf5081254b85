"""End to end in a real pseudo-terminal: a dropped SSH session, a kill, and terminals of every kind.

The editor runs as `pvm FILE` on a pseudo-terminal that is its controlling
terminal; closing our end of it is what a dropped SSH connection does (the
kernel hangs the terminal up and sends SIGHUP). The text typed just before,
committed or still open in the cell editor, must be offered back by the
next `pvm FILE`, and the file itself must not have changed.
"""

from __future__ import annotations

import re
import shutil
import signal
import sys
from pathlib import Path

import pytest

from pvm_tui import recovery_store
from tests.app.conftest import SAMPLES, read_toml
from tests.app.terminal import Terminal

ESC, CTRL_S = "\x1b", "\x13"


@pytest.fixture
def matrix_file(tmp_path: Path) -> Path:
    path = tmp_path / "partners.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    return path


def type_two_cells(terminal: Terminal) -> None:
    """A committed edit of the first name, and an edit of the second left open in the cell editor."""
    terminal.wait_for("What do they bring?")
    terminal.type("e", " committed", ESC, "j", "e", " still open")
    terminal.wait_for("Health insurers still open")


def offered_back(matrix_file: Path) -> None:
    """A new editor on the file shows both texts; restoring and saving puts them in the file."""
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent)
    terminal.wait_for("Unsaved changes from an earlier session")
    # A frame can arrive in more than one read: wait for the copy's texts before reading the screen.
    terminal.wait_for("Health insurers still open")
    screen = terminal.text()
    assert "Sennheiser committed" in screen
    assert "Health insurers still open" in screen
    terminal.type("r")
    terminal.wait_for("Restored the changes")
    terminal.type(CTRL_S)
    terminal.wait_for("Saved")
    terminal.type("q")
    assert terminal.finish() == 0
    names = [partner["name"] for partner in read_toml(matrix_file)["partners"]]
    assert names[:2] == ["Sennheiser committed", "Health insurers still open"]
    assert not recovery_store.paths_for(matrix_file)


def test_a_dropped_connection_keeps_the_typed_text_and_the_next_start_offers_it(matrix_file: Path) -> None:
    before = matrix_file.read_bytes()
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent)
    type_two_cells(terminal)
    terminal.hang_up()  # well within the two seconds after which a copy is written anyway
    assert terminal.finish() == 128 + signal.SIGHUP
    assert matrix_file.read_bytes() == before
    copies = recovery_store.copies_for(matrix_file)
    assert len(copies) == 1
    assert [p.name for p in copies[0].matrix.partners[:2]] == [
        "Sennheiser committed",
        "Health insurers still open",
    ]
    offered_back(matrix_file)


def test_sigterm_keeps_the_typed_text_and_restores_the_terminal(matrix_file: Path) -> None:
    before = matrix_file.read_bytes()
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent)
    type_two_cells(terminal)
    written = len(terminal.output)
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.finish() == 128 + signal.SIGTERM
    after_kill = bytes(terminal.output[written:])
    assert b"\x1b[?1049l" in after_kill, "the terminal's normal screen is back"
    assert b"\x1b[?25h" in after_kill, "the cursor is visible again"
    assert matrix_file.read_bytes() == before
    offered_back(matrix_file)


def _colours(output: bytes) -> list[list[int]]:
    """The parameters of every SGR (colour and style) sequence written."""
    return [[int(n) for n in found.split(b";") if n] for found in re.findall(rb"\x1b\[([0-9;]*)m", output)]


def test_a_16_colour_terminal_gets_only_the_16_colours(matrix_file: Path) -> None:
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent, term="xterm")
    terminal.wait_for("What do they bring?")
    assert "Sennheiser" in terminal.text()
    terminal.type("q")
    assert terminal.finish() == 0
    sequences = _colours(bytes(terminal.output))
    assert any(any(30 <= n <= 37 or 90 <= n <= 97 for n in params) for params in sequences)
    assert not [params for params in sequences if 38 in params or 48 in params], "no 256 or RGB colours"


def test_no_color_draws_in_shades_of_grey(matrix_file: Path) -> None:
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent, env={"NO_COLOR": "1"})
    terminal.wait_for("What do they bring?")
    assert "Sennheiser" in terminal.text()
    terminal.type("q")
    assert terminal.finish() == 0
    greys = {0, 7, 8, 15, 16, 231, *range(232, 256)}
    for params in _colours(bytes(terminal.output)):
        for index, number in enumerate(params[:-2]):
            if number in (38, 48) and params[index + 1] == 5:
                assert params[index + 2] in greys, params
            assert not (number in (38, 48) and params[index + 1] == 2), "no RGB colours"


def test_a_tiny_terminal_still_runs_the_editor(matrix_file: Path) -> None:
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent, size=(20, 8))
    terminal.wait_for("5 partners")
    terminal.type("e", "!", ESC, CTRL_S)
    terminal.type("q")
    assert terminal.finish() == 0
    assert read_toml(matrix_file)["partners"][0]["name"] == "Sennheiser!"


def test_term_dumb_prints_the_matrix_instead_of_starting_the_editor(matrix_file: Path, run_pvm) -> None:
    result = run_pvm(str(matrix_file), env={"TERM": "dumb"})
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "pvm: this terminal (TERM=dumb) cannot run the editor; here is the matrix as `pvm show` prints it"
    ]
    assert result.stdout == run_pvm("show", "--plain", str(matrix_file)).stdout
    assert "\x1b" not in result.stdout


def test_term_dumb_mentions_a_recovery_copy(matrix_file: Path, run_pvm) -> None:
    from pvm_tui import store

    matrix = store.load(matrix_file).saved
    recovery_store.write(
        recovery_store.copy_path(matrix_file), matrix.with_partner_removed(0), matrix_file, None
    )
    result = run_pvm(str(matrix_file), env={"TERM": "dumb"})
    assert result.returncode == 0
    assert (
        f"unsaved changes from an earlier session are in {recovery_store.copy_path(matrix_file)}"
        in result.stderr
    )


def test_term_dumb_without_a_file_says_what_to_do(tmp_path: Path, run_pvm) -> None:
    result = run_pvm(env={"TERM": "dumb"}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("pvm: this terminal (TERM=dumb) cannot run the editor;")
    assert result.stdout == ""
    new = run_pvm(str(tmp_path / "new.toml"), env={"TERM": "dumb"})
    assert new.returncode == 2
    assert not (tmp_path / "new.toml").exists()


UNEXPECTED = """\
import sys
from pvm_tui import cli
from pvm_tui.screens.editor import EditorScreen

async def broken(self):
    raise RuntimeError("something pvm did not expect")

EditorScreen.action_add_partner = broken
sys.exit(cli.main(sys.argv[1:]))
"""


def test_an_unexpected_error_is_one_line_that_says_where_the_changes_are(matrix_file: Path) -> None:
    # The real CLI, with one action broken on purpose, in a real terminal.
    script = matrix_file.parent / "broken_pvm.py"
    script.write_text(UNEXPECTED, encoding="utf-8")
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent, program=[sys.executable, str(script)])
    terminal.wait_for("What do they bring?")
    terminal.type("e", " typed", ESC, "a")
    assert terminal.finish() == 1
    output = bytes(terminal.output).decode("utf-8", "replace")
    copy = recovery_store.copies_for(matrix_file)[0]
    assert copy.matrix.partners[0].name == "Sennheiser typed"
    line = (
        "pvm: unexpected error (RuntimeError: something pvm did not expect); "
        f"your unsaved changes are in {copy.path} (details in "
    )
    assert line in output
    assert "Traceback" not in output


def test_keys_typed_while_pvm_starts_wait_for_the_editor_and_do_their_work(matrix_file: Path) -> None:
    """Typed before the editor's screen was made, the first key ended pvm with "unexpected error"."""
    terminal = Terminal(matrix_file.name, cwd=matrix_file.parent, size=(120, 40))
    terminal.type("jje early")  # at once, while Python is still starting
    terminal.wait_for("EDITING")
    terminal.type(ESC, CTRL_S)
    terminal.wait_for("Saved")
    assert "unexpected error" not in terminal.text()
    terminal.type("q")
    assert terminal.finish() == 0
    names = [partner["name"] for partner in read_toml(matrix_file)["partners"]]
    assert names[2] == "Funds (Innovationsfonds Hamburg & High-Tech Gründerfonds) early"
