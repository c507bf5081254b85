"""The App's recovery layer: unsaved changes survive a dropped SSH session, a kill or a crash.

While there are unsaved changes a recovery copy (``recovery.py``) is kept
up to date, written once no change has come for ``recovery_delay`` seconds
(two by default), so typing itself never waits for a disk. It holds the
text still open in the cell editor too. A save, a deliberate discard or
undoing every change removes it.

SIGHUP (the terminal is gone) and SIGTERM write the copy at once, then
end the app; an unexpected exception writes it, logs the traceback in the
state folder and leaves the user one line (``launch.py`` prints it). The
next start offers each copy of the file back in a dialog.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from textual.timer import Timer
from textual.widgets import TextArea

from pvm_tui import recent, recovery, state, store
from pvm_tui.diff.compare import compare
from pvm_tui.document import Document
from pvm_tui.editing import EditingActions
from pvm_tui.history import Place
from pvm_tui.model import COLUMNS, Matrix
from pvm_tui.screens.recovery import RecoveryDialog, when
from pvm_tui.text import edited_text, inline

EXIT_GRACE = 5.0
"""Seconds a signalled app has to shut down before the process ends regardless (a terminal
that is gone can make writing to it block)."""

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


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


class RecoveringActions(EditingActions):
    """Keeps the recovery copy, offers copies back, and leaves safely on signals and crashes."""

    def __init__(
        self,
        document: Document | None,
        language: str,
        matrix: Matrix | None = None,
        *,
        recovery_delay: float = 2.0,
        handle_signals: bool = False,
    ) -> None:
        """``handle_signals`` only for a real run: it installs SIGHUP and SIGTERM handlers."""
        super().__init__(document, language, matrix)
        self.recovery_delay = recovery_delay
        self.handle_signals = handle_signals
        self.recovery_path: Path | None = None
        """This session's copy, once it has one."""
        self.crash: Crash | None = None
        self._copy_due = 0.0
        self._copy_timer: Timer | None = None
        self._discarded = False
        self._copy_problem_said = False
        self._offers: list[recovery.Recovery] = []

    # -- keeping the copy up to date -------------------------------------------

    def apply(self, new: Matrix, place: Place, *, cell: Place | None = None) -> None:
        super().apply(new, place, cell=cell)
        self.copy_soon()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.editing is not None:
            self.copy_soon()

    def copy_soon(self) -> None:
        """Bring the copy up to date once nothing has changed for ``recovery_delay`` seconds.

        Called on every key typed in a cell, so it only notes the time: one
        timer at a time checks it, instead of a new timer per key.
        """
        if self.document is None or self.read_only:
            return
        self._copy_due = time.monotonic() + self.recovery_delay
        if self._copy_timer is None:
            self._copy_timer = self.set_timer(self.recovery_delay, self._copy_when_due, name="recovery")

    def _copy_when_due(self) -> None:
        left = self._copy_due - time.monotonic()
        if left > 0:
            self._copy_timer = self.set_timer(left, self._copy_when_due, name="recovery")
            return
        self._copy_timer = None
        self.keep_copy()

    def pending_matrix(self) -> Matrix:
        """The matrix with the text still open in the cell editor, kept as `Esc` would keep it."""
        if self.editing is None or self.cell_editor is None:
            return self.matrix
        key, column = self.editing
        index = self._index.get(key)
        if index is None:
            return self.matrix
        old = self.matrix.partners[index].cell(COLUMNS[column])
        kept = edited_text(old, self.cell_editor.text)
        if kept is None:
            return self.matrix
        return self.matrix.with_cell(index, COLUMNS[column], kept)

    def keep_copy(self) -> Path | None:
        """Write the copy now if there are unsaved changes, else remove this session's copy.

        Returns the copy written, if any. Quick: no tomlkit, one small file.
        """
        document = self.document
        if document is None or document.read_only or self._discarded:
            return None
        matrix = self.pending_matrix()
        if matrix == document.file.saved:
            self._remove_copy()
            return None
        path = self.recovery_path or recovery.free_path(document.path)
        try:
            recovery.write(path, matrix, document.path, document.file.fingerprint)
        except (store.MatrixFileError, OSError) as error:
            if not self._copy_problem_said:
                self._copy_problem_said = True
                with contextlib.suppress(Exception):
                    self.say(self.words.recovery_failed.format(error=error), error=True)
            return None
        self.recovery_path = path
        return path

    def _remove_copy(self) -> None:
        if self.recovery_path is not None:
            with contextlib.suppress(OSError):
                recovery.remove(self.recovery_path)
            self.recovery_path = None

    def recovery_saved(self, *files: Path) -> None:
        """After a save: no copy of these files is needed any more (but another running pvm's)."""
        self._remove_copy()
        for file in files:
            with contextlib.suppress(OSError):
                recovery.remove_all(file)

    def recovery_discarded(self) -> None:
        """The user threw the changes away on purpose: no copy of them stays."""
        self._discarded = True
        self._remove_copy()

    # -- offering copies back ----------------------------------------------------

    def editor_mounted(self) -> None:
        super().editor_mounted()
        self.offer_copies()
        if self.dirty:
            self.copy_soon()  # a new matrix from the start screen is unsaved from the start

    def offer_copies(self) -> None:
        """Offer each copy of the file that holds something the file does not, newest first."""
        document = self.document
        if document is None or document.read_only:
            return
        self._offers = []
        for copy in recovery.copies_for(document.path):
            if copy.matrix != document.file.saved:
                self._offers.append(copy)
            elif not copy.maybe_running():
                # Nothing in it that the file does not hold (saved by other means).
                with contextlib.suppress(OSError):
                    recovery.remove(copy.path)
        self._offer_next()

    def _offer_next(self) -> None:
        if not self._offers or self.document is None:
            return
        copy = self._offers.pop(0)

        def answered(answer: str | None) -> None:
            if answer == "restore":
                self.restore(copy)
            elif answer == "delete":
                with contextlib.suppress(OSError):
                    recovery.remove(copy.path)
                self.say(self.words.recovery_deleted)
            else:
                self.say(self.words.recovery_kept.format(path=copy.path))
            # The next dialog once this one is gone (it is still on the stack now).
            self.call_later(self._offer_next)

        self.push_screen(RecoveryDialog(copy, self.document.file.saved, self.labels, self.words), answered)

    def restore(self, copy: recovery.Recovery) -> None:
        """Make the copy's matrix the matrix, undoably; the cursor goes to its first change."""
        new = recovery.with_keys_of(self.matrix, copy.matrix)
        here = self.here()
        after = _first_change(self.matrix, new) or Place(min(here.row, max(len(new.partners) - 1, 0)), 0)
        self.change(new, "recover", here, after)
        if self.recovery_path is None and not copy.maybe_running():
            # From now on this session's copy is that one: no second copy of the same text.
            self.recovery_path = copy.path
        self.say(self.words.recovered.format(when=when(copy)))

    # -- signals and crashes -----------------------------------------------------

    def on_mount(self) -> None:
        if not self.handle_signals:
            return
        loop = asyncio.get_running_loop()
        for signum in _SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self.hang_up, signum)

    def on_unmount(self) -> None:
        # However the app ends (a panic included), unsaved changes are left in a copy.
        with contextlib.suppress(Exception):
            self.keep_copy()
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for signum in _SIGNALS:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.remove_signal_handler(signum)

    def hang_up(self, signum: int) -> None:
        """SIGHUP (the terminal is gone) or SIGTERM: keep the unsaved changes first, then leave."""
        with contextlib.suppress(Exception):
            self.keep_copy()
        if self.handle_signals:
            if not _terminal_answers():
                _let_go_of_terminal()
            _end_process_after(EXIT_GRACE, 128 + signum)
        self.exit(return_code=128 + signum)

    def _handle_exception(self, error: Exception) -> None:
        if self.crash is None:
            copy = None
            with contextlib.suppress(Exception):
                copy = self.keep_copy()
            summary = inline(f"{type(error).__name__}: {error}")[:200]
            self.crash = Crash(summary, copy, _write_log(error))
        super()._handle_exception(error)
        # The traceback is in the log; the user gets one line instead (see launch.py).
        self._exit_renderables.clear()


def _first_change(old: Matrix, new: Matrix) -> Place | None:
    for change in compare(old, new).partners:
        if change.new_row is None:
            continue
        column = COLUMNS.index(change.cells[0].column) if change.cells else 0
        return Place(change.new_row, column)
    return None


def _write_log(error: BaseException) -> Path | None:
    """The traceback in ``crash.log`` in the state folder, for a bug report; None if it cannot be written."""
    path = recent.state_folder() / "crash.log"
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        state.write(path, (f"pvm crashed at {stamp}\n\n" + "".join(lines)).encode("utf-8", "replace"))
    except OSError:
        return None
    return path


def _terminal_answers() -> bool:
    """False when the terminal has hung up (the SSH connection dropped, the window closed)."""
    import termios

    try:
        termios.tcgetattr(sys.__stdin__.fileno() if sys.__stdin__ else 0)
    except (termios.error, OSError, ValueError):
        return False
    return True


def _let_go_of_terminal() -> None:
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


def _end_process_after(seconds: float, status: int) -> None:
    """End the process after ``seconds`` if it has not ended by then: the copy is already written."""
    timer = threading.Timer(seconds, os._exit, (status,))
    timer.daemon = True
    timer.start()
