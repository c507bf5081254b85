"""The real `pvm` in a real pseudo-terminal: start, type, save, quit (as over SSH at 80x24)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from tests.app.conftest import read_toml

pexpect = pytest.importorskip("pexpect")
REPO = Path(__file__).resolve().parent.parent.parent


def _spawn(*args: str, cwd: Path):
    environment = dict(os.environ)
    environment["PYTHONPATH"] = str(REPO) + os.pathsep + environment.get("PYTHONPATH", "")
    environment["TERM"] = "xterm-256color"
    return pexpect.spawn(
        sys.executable,
        ["-m", "pvm_tui", *args],
        cwd=str(cwd),
        env=environment,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=30,
    )


def _send_slowly(child, *keys: str) -> None:
    """One key at a time, slower than the terminal's Esc delay, as a person types."""
    for key in keys:
        child.send(key)
        time.sleep(0.25)


def test_type_a_partner_save_and_quit_in_a_real_terminal(tmp_path: Path) -> None:
    child = _spawn("partners.toml", "--lang", "en", cwd=tmp_path)
    child.expect("Partner Value Matrix")
    _send_slowly(child, "a", "Bank", "\x1b", "n", "A loan", "\x1b", "\x13")  # \x13 is ctrl+s
    child.expect("Saved")
    _send_slowly(child, "q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = read_toml(tmp_path / "partners.toml")
    assert saved["partners"][0]["name"] == "Bank"
    assert saved["partners"][0]["brings"]["resources"] == "A loan"


def test_the_example_opens_and_quits(tmp_path: Path) -> None:
    child = _spawn("--example", "--lang", "nl", cwd=tmp_path)
    child.expect("Sennheiser")
    _send_slowly(child, "q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert list(tmp_path.iterdir()) == []
