"""ctrl+o through a real terminal: an $EDITOR that fails gives the terminal back to pvm, which says why."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.app.conftest import SAMPLES, read_toml
from tests.app.terminal import Terminal

CTRL_O, CTRL_S, ESC = "\x0f", "\x13", "\x1b"


@pytest.mark.parametrize(
    ("editor", "said"), [("false", "exited with status 1"), ("no-such-editor-pvm", "No such file")]
)
def test_a_failing_editor_leaves_pvm_working_and_the_cell_as_it_was(
    tmp_path: Path, editor: str, said: str
) -> None:
    """pvm stayed on a blank screen, the terminal echoing keys, until it was killed."""
    path = tmp_path / "partners.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    terminal = Terminal(path.name, cwd=tmp_path, env={"VISUAL": editor})
    terminal.wait_for("What do they bring?")
    terminal.type("e", " GmbH", CTRL_O)
    terminal.wait_for(said)
    terminal.wait_for("What do they bring?")  # the editor is on screen again
    terminal.type(ESC, CTRL_S)
    terminal.wait_for("Saved")
    terminal.type("q")
    assert terminal.finish() == 0
    assert read_toml(path)["partners"][0]["name"] == "Sennheiser GmbH"
