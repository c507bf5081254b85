"""The real `pvm` in a real pseudo-terminal at 80x24, as over SSH: start, type, save, quit.

The screen is read back with ``pyte``, a terminal emulator, so the test sees
what a person would see.
"""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import read_toml
from tests.app.terminal import Terminal


def test_type_a_partner_save_and_quit_in_a_real_terminal(tmp_path: Path) -> None:
    terminal = Terminal("partners.toml", "--lang", "en", cwd=tmp_path)
    terminal.wait_for("What do they bring?")
    terminal.type("a", "Bank", "\x1b", "n", "A loan", "\x1b")
    terminal.wait_for("→B Bank")
    terminal.type("\x13")  # ctrl+s
    terminal.wait_for("Saved partners.toml")
    terminal.type("q")
    assert terminal.finish() == 0
    saved = read_toml(tmp_path / "partners.toml")
    assert saved["partners"][0]["name"] == "Bank"
    assert saved["partners"][0]["brings"]["resources"] == "A loan"


def test_the_example_opens_in_dutch_and_quits_without_writing(tmp_path: Path) -> None:
    terminal = Terminal("--example", "--lang", "nl", cwd=tmp_path)
    terminal.wait_for("wat brengen ze?")
    assert "Sennheiser" in terminal.text()
    # The key bar is drawn in the frame after the grid: wait for it rather than race it.
    terminal.wait_for("e bewerk")
    terminal.type("q")
    assert terminal.finish() == 0
    assert list(tmp_path.iterdir()) == []
