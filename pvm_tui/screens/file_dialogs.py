"""Saving, quitting and recovery copies, as the editor asks about them in dialogs.

Every save goes through ``Session.save`` (``store.save``: atomic, with a
backup). A save that fails says why and keeps every edit; a file changed
on disk since it was read is never overwritten silently: a dialog offers
reload, overwrite or save as. Quitting with unsaved changes asks save,
discard or cancel. At the start each recovery copy of the file that holds
something new is offered back, one dialog at a time; one that cannot be
read is reported.

``FileDialogs`` pushes the dialogs and acts on the answers; it reports to
the editor screen through the two callables it is given.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from pvm_tui import recovery_store, store
from pvm_tui.document import READ_FROM
from pvm_tui.history import Place
from pvm_tui.labels import Labels
from pvm_tui.model import Matrix
from pvm_tui.screens.slow_work import SLOW_FROM, SLOW_PARTNERS, SlowWork
from pvm_tui.session import Session
from pvm_tui.text import inline
from pvm_tui.ui_text import UiText

if TYPE_CHECKING:
    from pvm_tui import copies

Then = Callable[[], object] | None
"""What to do once the matrix is saved (quit, for the quit dialog's `s`)."""


class FileDialogs:
    """Save, save as, a file changed on disk, quit, and recovery copies offered back."""

    def __init__(
        self,
        app: App[int],
        session: Session,
        *,
        say: Callable[..., None],
        where: Callable[[], Place],
        show_change: Callable[[Matrix, Place], None],
        saved: Callable[[], None],
        to_grid: Callable[[], Awaitable[None]],
    ) -> None:
        """``say(message, error=False)`` puts a line in the status; ``where()`` is the cursor's place;
        ``show_change(old, place)`` shows the session's matrix after a change made here (reload,
        restore); ``saved()`` after a save; ``to_grid()`` finishes the cell being edited, if any."""
        self.app = app
        self.session = session
        self.say = say
        self.where = where
        self.show_change = show_change
        self.saved = saved
        self.to_grid = to_grid
        self.labels: Labels
        self.words: UiText
        self._offers: list[recovery_store.Recovery] = []
        self.slow_work = SlowWork(app, say)
        """A big matrix is saved (or read again) in a thread, the keys working meanwhile."""
        self.reading = False
        """The slow work is a reload, not a save."""
        self.reading_copies = SlowWork(app, say)
        """The file's recovery copies, read in a thread when they are big."""
        self.restoring = SlowWork(app, say)
        """A big recovery copy being restored (its partners paired with the matrix's) in a thread."""

    def speak(self, labels: Labels, words: UiText) -> None:
        """The language of the dialogs and messages."""
        self.labels, self.words = labels, words

    def save(self, then: Then = None, *, path: Path | None = None, overwrite: bool = False) -> None:
        """Write the matrix; ``then`` runs once it is saved (after a save-as dialog if one is needed)."""
        session, document = self.session, self.session.document
        if document.read_only:
            self.say(self.words.read_only_refused)
            return
        if path is None and document.needs_name:
            self.ask_name(then)
            return
        if self.slow_work.busy:
            self.say(self.words.still_reading if self.reading else self.words.still_saving)
            return
        matrix, before = session.matrix, document.path

        def write() -> None:
            session.write(matrix, path=path, overwrite=overwrite)

        def done(error: Exception | None) -> None:
            self._written(error, matrix, before, then, path)

        if len(document.file.source or "") < SLOW_FROM and len(matrix.partners) < SLOW_PARTNERS:
            error: Exception | None = None
            try:
                write()
            except store.MatrixFileError as caught:
                error = caught
            done(error)
            return
        name = inline((path or document.path).name)
        self.slow_work.start(write, self.words.saving.replace("{name}", name), done)

    def _written(
        self, error: Exception | None, matrix: Matrix, before: Path, then: Then, path: Path | None
    ) -> None:
        """After the matrix was written (or not, ``error`` says why)."""
        session, document = self.session, self.session.document
        if isinstance(error, store.FileChangedError):
            target = path or document.path

            def answered(answer: str | None) -> None:
                self._file_changed(answer, then, target)

            from pvm_tui.screens.choice import changed_dialog

            self.app.push_screen(changed_dialog(self.words, inline(str(target))), answered)
            return
        if isinstance(error, store.MatrixFileError):
            self.say(self.words.not_saved.format(error=error), error=True)
            return
        if error is not None:
            raise error  # a bug: the App's crash handling keeps the changes and says where
        session.written(matrix, before)
        self.saved()
        self.say(self.words.saved.format(path=document.path))
        if then is not None:
            then()

    def ask_name(self, then: Then) -> None:
        suggestion = self.session.document.path.name

        def answered(answer: tuple[Path, bool] | None) -> None:
            if answer is not None:
                self.save(then, path=answer[0], overwrite=answer[1])

        from pvm_tui.screens.save_as import SaveAsScreen

        self.app.push_screen(SaveAsScreen(self.words, suggestion), answered)

    def _file_changed(self, answer: str | None, then: Then, target: Path) -> None:
        """What to do about a file changed on disk: reload it, overwrite it, or save as."""
        document = self.session.document
        if answer == "overwrite":
            self.save(then, path=target if target != document.path else None, overwrite=True)
        elif answer == "save_as":
            self.ask_name(then)
        elif answer == "reload":
            self.reload()

    def reload(self) -> None:
        """Read the file again; the matrix it replaces stays one ctrl+z away.

        A big file is read in a thread; what was changed meanwhile stays one
        ctrl+z away too.
        """
        session = self.session
        if self.slow_work.busy:
            self.say(self.words.still_reading if self.reading else self.words.still_saving)
            return
        try:
            big = session.document.path.stat().st_size >= READ_FROM
        except OSError:
            big = False  # reading it says why
        if not big:
            try:
                fresh = session.read_again()
            except store.MatrixFileError as error:
                self.say(str(error), error=True)
                return
            self._reloaded(fresh, self.where())
            return
        read: list[store.MatrixFile] = []

        def done(error: Exception | None) -> None:
            self.reading = False
            if isinstance(error, store.MatrixFileError):
                self.say(str(error), error=True)
            elif error is not None:
                raise error  # a bug: the App's crash handling keeps the changes and says where
            else:
                self.app.call_later(self._reloaded_later, read[0])

        self.reading = True
        message = self.words.reloading.replace("{name}", inline(session.document.path.name))
        current = session.matrix
        self.slow_work.start(lambda: read.append(session.read_again(current)), message, done)

    async def _reloaded_later(self, fresh: store.MatrixFile) -> None:
        await self.to_grid()  # a cell opened while the file was read keeps its text, undoably
        self._reloaded(fresh, self.where())

    def _reloaded(self, fresh: store.MatrixFile, where: Place) -> None:
        old = self.session.matrix
        after = self.session.reloaded(fresh, where)
        self.show_change(old, after)
        self.say(self.words.reloaded.format(path=self.session.document.path))

    def quit(self, leave: Callable[[], None]) -> None:
        """Quit (``leave``); with unsaved changes a dialog offers save (s), discard (d) or cancel (Esc)."""
        if not self.session.dirty:
            leave()
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.save(leave)
            elif answer == "discard":
                self.session.discard()
                leave()

        from pvm_tui.screens.choice import quit_dialog

        self.app.push_screen(quit_dialog(self.words), answered)

    # -- recovery copies offered back -----------------------------------------------

    def offer_copies(self) -> None:
        """Offer each copy of the file that holds something the file does not, newest first.

        Copies of a big matrix are read in a thread (1.6 s each for 15,000
        partners); the dialogs come once they are read.
        """
        session = self.session
        if session.read_only:
            return
        path = session.document.path
        found = recovery_store.paths_for(path)
        if not found:
            return  # as good as always: the dialogs and the reading of copies load only when needed
        from pvm_tui import copies

        looked: list[tuple[list[recovery_store.Recovery], list[copies.Found]]] = []

        def look() -> None:
            readable, damaged = copies.read_all(path)
            looked.append((session.copies_to_offer(readable), damaged))

        def done(error: Exception | None) -> None:
            if error is not None:
                raise error  # a bug: reading a copy says what is wrong with it, it does not raise
            self._offer(*looked[0])

        if _total_size(found) < READ_FROM:
            look()
            done(None)
            return
        message = self.words.reading_copies.replace("{name}", inline(path.name))
        # Once the editor is mounted (this is called while it mounts), so that the status shows it.
        self.app.call_later(self.reading_copies.start, look, message, done)

    def _offer(self, offers: list[recovery_store.Recovery], damaged: list[copies.Found]) -> None:
        # A copy that cannot be read is never skipped without a word: the
        # person can look at it, and delete it, with `pvm recover`.
        from pvm_tui.copies_words import copy_words

        words = copy_words(self.labels.code)
        for each in damaged:
            self.say(words.editor_damaged.format(problem=each.problem, path=each.path), error=True)
        self._offers = offers
        self._offer_next()

    def _offer_next(self) -> None:
        if not self._offers:
            return
        copy = self._offers.pop(0)

        def answered(answer: str | None) -> None:
            if answer == "restore":
                self._restore(copy)
                return  # the next dialog once it is restored
            if answer == "delete":
                with contextlib.suppress(OSError):
                    recovery_store.remove(copy.path)
                self.say(self.words.recovery_deleted)
            else:
                self.say(self.words.recovery_kept.format(path=copy.path))
            # The next dialog once this one is gone (it is still on the stack now).
            self.app.call_later(self._offer_next)

        saved = self.session.document.file.saved
        from pvm_tui.screens.recovery_dialog import RecoveryDialog

        self.app.push_screen(RecoveryDialog(copy, saved, self.labels, self.words), answered)

    def _restore(self, copy: recovery_store.Recovery) -> None:
        """Restore a copy; a big one is paired with the matrix's partners in a thread, the keys working."""
        session = self.session
        from pvm_tui.screens.recovery_dialog import when

        if len(session.matrix.partners) + len(copy.matrix.partners) < SLOW_PARTNERS:
            self._restored(copy, session.keyed_copy(copy))
            return
        keyed: list[tuple[Matrix, Place | None]] = []

        def done(error: Exception | None) -> None:
            if error is not None:
                raise error  # a bug: the App's crash handling keeps the changes and says where
            self.app.call_later(self._restored_later, copy, keyed[0])

        current = session.matrix
        message = self.words.restoring.replace("{when}", when(copy))
        self.restoring.start(lambda: keyed.append(session.keyed_copy(copy, current)), message, done)

    async def _restored_later(
        self, copy: recovery_store.Recovery, keyed: tuple[Matrix, Place | None]
    ) -> None:
        await self.to_grid()  # a cell opened meanwhile keeps its text, one ctrl+z away
        self._restored(copy, keyed)

    def _restored(self, copy: recovery_store.Recovery, keyed: tuple[Matrix, Place | None]) -> None:
        old = self.session.matrix
        after = self.session.restore(copy, self.where(), keyed)
        self.show_change(old, after)
        from pvm_tui.screens.recovery_dialog import when

        self.say(self.words.recovered.format(when=when(copy)))
        self.app.call_later(self._offer_next)


def _total_size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total
