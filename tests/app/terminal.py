"""The real `pvm` in a real pseudo-terminal, read back with ``pyte`` (a terminal emulator).

The pseudo-terminal is the program's controlling terminal, as a terminal
over SSH is: closing our end hangs it up, and the kernel sends the program
SIGHUP, exactly as when an SSH connection drops.
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

REPO = Path(__file__).resolve().parent.parent.parent


def _take_terminal() -> None:
    """In the child, after setsid: make the pseudo-terminal (its stdin) the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """`python -m pvm_tui ARGS` on a pseudo-terminal of ``size``, with an emulated screen."""

    def __init__(
        self,
        *args: str,
        cwd: Path,
        size: tuple[int, int] = (80, 24),
        term: str = "xterm-256color",
        env: dict[str, str] | None = None,
        program: list[str] | None = None,
        controlling: bool = True,
    ) -> None:
        """``program`` runs instead of `python -m pvm_tui` (with ``args`` after it).

        ``controlling=False``: the terminal is not the program's controlling
        terminal, so closing it sends no SIGHUP (as when a dead SSH link
        never hangs up).
        """
        columns, lines = size
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        environment = dict(os.environ)
        environment["PYTHONPATH"] = str(REPO) + os.pathsep + environment.get("PYTHONPATH", "")
        environment["TERM"] = term
        environment.pop("COLORTERM", None)
        environment.update(env or {})
        self.process = subprocess.Popen(
            [*(program or [sys.executable, "-m", "pvm_tui"]), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=environment,
            start_new_session=True,
            preexec_fn=_take_terminal if controlling else None,
        )
        os.close(slave)
        self.master: int | None = master
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.output = bytearray()
        """Every byte the program wrote, escape sequences and all."""

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear; the screen shows:\n{self.text()}")
            self._read(0.1)

    def wait_for_output(self, data: bytes, since: int = 0, timeout: float = 30) -> None:
        """Wait until the program has written ``data``, at or after byte ``since`` of its output."""
        start = since
        deadline = time.monotonic() + timeout
        while data not in self.output[start:]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{data!r} was not written")
            self._read(0.1)

    def type(self, *keys: str) -> None:
        """One key (or word) at a time, slower than the terminal's Esc delay, as a person types."""
        assert self.master is not None
        for key in keys:
            os.write(self.master, key.encode("utf-8"))
            self._read(0.25)

    def hang_up(self) -> None:
        """Close the terminal under the program, as a dropped SSH connection does."""
        assert self.master is not None
        os.close(self.master)
        self.master = None

    def finish(self, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while self.master is not None and self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.1)
        if self.master is not None:
            self._read(0.2)  # what it wrote on the way out
            os.close(self.master)
            self.master = None
        return self.process.wait(timeout=max(deadline - time.monotonic(), 5))

    def _read(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while self.master is not None and (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return
            try:
                data = os.read(self.master, 65536)
            except OSError:  # the program ended and closed the terminal
                return
            if not data:
                return
            self.output += data
            self.stream.feed(data)
