"""Time to first paint over a real pseudo-terminal, read by a terminal emulator (pyte).

A program is started on a pty of a fixed size; its output is fed to pyte, and
the clock stops when a given text is visible on the emulated screen. The
child's peak memory is its VmHWM from /proc, read just before it is
stopped (ru_maxrss from wait4 would not do: Linux carries the forking
parent's high-water mark over into the child across exec).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import tempfile
import termios
import time
from dataclasses import dataclass

import pyte


@dataclass
class Paint:
    seconds: float
    peak_memory_kib: int


def time_to_text(
    argv: list[str], text: str, *, columns: int = 120, lines: int = 40, timeout: float = 60.0
) -> Paint:
    """Start ``argv`` on a pty and return how long until ``text`` shows on screen."""
    screen = pyte.Screen(columns, lines)
    stream = pyte.ByteStream(screen)
    # A state folder of its own: a benchmark run must not fill the user's recent
    # files or leave recovery copies in their start screen.
    state = tempfile.mkdtemp(prefix="pvm-bench-state-")
    environment = dict(
        os.environ, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines), XDG_STATE_HOME=state
    )
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the program
        os.execvpe(argv[0], argv, environment)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    seen = None
    deadline = start + timeout
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            stream.feed(chunk)
            if any(text in line for line in screen.display):
                seen = time.perf_counter() - start
                break
    finally:
        peak = _peak_memory_kib(pid)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
        shutil.rmtree(state, ignore_errors=True)
    if seen is None:
        raise RuntimeError(f"{' '.join(argv)}: {text!r} never appeared on screen")
    return Paint(seen, peak)


def _peak_memory_kib(pid: int) -> int:
    """The process's peak resident memory (VmHWM) in KiB, 0 where /proc does not say."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
