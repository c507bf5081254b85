"""When the editor ends unexpectedly: a signal (the terminal is gone, SIGTERM) or an uncaught error.

The App (``app.py``) writes the recovery copy first, then uses these: a
crash leaves its traceback in ``crash.log`` in the state folder and the user
one line (``launch.py`` prints it); a signal lets go of a terminal that is
gone and ends the process after ``EXIT_GRACE`` seconds whatever happens.
No Textual here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from pvm_tui import recent, state
from pvm_tui.text import inline

EXIT_GRACE = 5.0
"""Seconds a signalled app has to shut down before the process ends regardless (a terminal
that is gone can make writing to it block)."""

_ENDING = (
    # The terminal is gone; asked to stop; ctrl+c or ctrl+\ sent from elsewhere (the editor reads
    # those keys itself); and every other signal whose default is to end the process. Not the
    # faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGSYS: Python cannot go on after them),
    # nor SIGPIPE and SIGXFSZ, which Python ignores, nor SIGTRAP, a debugger's.
    *("SIGHUP", "SIGTERM", "SIGINT", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM"),
    *("SIGVTALRM", "SIGPROF", "SIGXCPU", "SIGIO", "SIGPWR", "SIGSTKFLT"),
)
SIGNALS = tuple(dict.fromkeys(getattr(signal, name) for name in _ENDING if hasattr(signal, name)))
"""The signals that make pvm keep its recovery copy, give the terminal back and end with 128 + the
signal's number (130 for SIGINT, as a shell reports ctrl+c)."""


@dataclass(frozen=True)
class Crash:
    """An unexpected error that ended the editor, and where the user's work went."""

    error: str
    copy: Path | None
    log: Path | None

    def message(self) -> str:
        """The one line for stderr."""
        if self.copy is not None:
            kept = f"your unsaved changes are in {self.copy}"
        else:
            kept = "no unsaved changes were lost"
        details = f" (details in {self.log})" if self.log is not None else ""
        return inline(f"pvm: unexpected error ({self.error}); {kept}{details}")


def write_log(error: BaseException) -> Path | None:
    """The traceback in ``crash.log`` in the state folder, for a bug report; None if it cannot be written."""
    path = recent.state_folder() / "crash.log"
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        state.write(path, (f"pvm crashed at {stamp}\n\n" + "".join(lines)).encode("utf-8", "replace"))
    except OSError:
        return None
    return path


def terminal_answers() -> bool:
    """False when the terminal has hung up (the SSH connection dropped, the window closed)."""
    import termios

    try:
        termios.tcgetattr(sys.__stdin__.fileno() if sys.__stdin__ else 0)
    except (termios.error, OSError, ValueError):
        return False
    return True


def let_go_of_terminal() -> None:
    """Point standard input and output at /dev/null, so that shutting down cannot fail or block on
    a terminal that is gone (writing to it fails with EIO)."""
    try:
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    for descriptor in (0, 1, 2):
        with contextlib.suppress(OSError):
            os.dup2(null, descriptor)
    os.close(null)


def end_process_after(seconds: float, status: int) -> None:
    """End the process after ``seconds`` if it has not ended by then: the copy is already written."""
    timer = threading.Timer(seconds, os._exit, (status,))
    timer.daemon = True
    timer.start()
