"""The real `pvm` in a real pseudo-terminal at 80x24, as over SSH: start, type, save, quit.

The screen is read back with ``pyte``, a terminal emulator, so the test sees
what a person would see.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pyte

from tests.app.conftest import read_toml

REPO = Path(__file__).resolve().parent.parent.parent


class Terminal:
    """`python -m pvm_tui ARGS` on a pseudo-terminal of 80x24, with an emulated screen."""

    def __init__(self, *args: str, cwd: Path) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        environment = dict(os.environ)
        environment["PYTHONPATH"] = str(REPO) + os.pathsep + environment.get("PYTHONPATH", "")
        environment["TERM"] = "xterm-256color"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pvm_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=environment,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear; the screen shows:\n{self.text()}")
            self._read(0.1)

    def type(self, *keys: str) -> None:
        """One key (or word) at a time, slower than the terminal's Esc delay, as a person types."""
        for key in keys:
            os.write(self.master, key.encode("utf-8"))
            self._read(0.25)

    def finish(self, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.1)
        os.close(self.master)
        return self.process.wait(timeout=5)

    def _read(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return
            try:
                data = os.read(self.master, 65536)
            except OSError:  # the program ended and closed the terminal
                return
            if not data:
                return
            self.stream.feed(data)


def test_type_a_partner_save_and_quit_in_a_real_terminal(tmp_path: Path) -> None:
    terminal = Terminal("partners.toml", "--lang", "en", cwd=tmp_path)
    terminal.wait_for("What do they bring?")
    terminal.type("a", "Bank", "\x1b", "n", "A loan", "\x1b")
    terminal.wait_for("◐ Bank")
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
    assert "e bewerk" in terminal.text()
    terminal.type("q")
    assert terminal.finish() == 0
    assert list(tmp_path.iterdir()) == []
