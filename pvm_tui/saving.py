"""The App's actions that write or leave: save, save as, a file changed on disk, quit.

Every save goes through ``store.save`` (atomic, with a backup). A save that
fails says why in the status line and a notification, and keeps every edit;
a file changed on disk since it was read is never overwritten silently. A
save and a deliberate discard remove the recovery copy (``recovering.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pvm_tui import recent, store
from pvm_tui.history import Place
from pvm_tui.recovering import RecoveringActions
from pvm_tui.screens.choice import changed_dialog, quit_dialog
from pvm_tui.screens.save_as import SaveAsScreen
from pvm_tui.text import harmless

if TYPE_CHECKING:
    Then = Callable[[], object] | None
    """What to do once the matrix is saved (quit, for the quit dialog's `s`)."""


class SavingActions(RecoveringActions):
    """Saving, saving as, a file changed on disk, and quitting."""

    async def action_save(self) -> None:
        await self.to_grid()
        self.save()

    async def action_save_as(self) -> None:
        await self.to_grid()
        self.ask_name(None)

    def save(self, then: Then = None, *, path: Path | None = None, overwrite: bool = False) -> None:
        """Write the matrix; ``then`` runs once it is saved (after a save-as dialog if one is needed)."""
        document = self.document
        if document is None:
            return
        if document.read_only:
            self.say_read_only()
            return
        if path is None and document.needs_name:
            self.ask_name(then)
            return
        before = document.path
        try:
            store.save(document.file, self.matrix, path=path, backup=document.backup, overwrite=overwrite)
        except store.FileChangedError:
            target = path or document.path

            def answered(answer: str | None) -> None:
                self.file_changed(answer, then, target)

            self.push_screen(changed_dialog(self.words, harmless(str(target))), answered)
            return
        except store.MatrixFileError as error:
            self.say(self.words.not_saved.format(error=error), error=True)
            return
        document.needs_name = False
        self.recovery_saved(before, document.path)
        recent.remember(document.path)
        self._refresh_title()
        self.say(self.words.saved.format(path=document.path))
        if then is not None:
            then()

    def ask_name(self, then: Then) -> None:
        assert self.document is not None
        suggestion = self.document.path.name

        def answered(answer: tuple[Path, bool] | None) -> None:
            if answer is not None:
                self.save(then, path=answer[0], overwrite=answer[1])

        self.push_screen(SaveAsScreen(self.words, suggestion), answered)

    def file_changed(self, answer: str | None, then: Then, target: Path) -> None:
        """What to do about a file changed on disk: reload it, overwrite it, or save as."""
        if answer == "overwrite":
            self.save(
                then, path=target if self.document and target != self.document.path else None, overwrite=True
            )
        elif answer == "save_as":
            self.ask_name(then)
        elif answer == "reload":
            self.reload()

    def reload(self) -> None:
        """Read the file again; the matrix it replaces stays one ctrl+z away."""
        document = self.document
        assert document is not None
        try:
            fresh = store.load(document.path, default_language=self.matrix.language)
        except store.MatrixFileError as error:
            self.say(str(error), error=True)
            return
        here = self.here()
        document.file = fresh
        document.needs_name = False
        self.change(
            fresh.saved, "reload", here, Place(min(here.row, max(len(fresh.saved) - 1, 0)), here.column)
        )
        self.say(self.words.reloaded.format(path=document.path))

    async def action_quit(self) -> None:
        """Quit; with unsaved changes a dialog offers save (s), discard (d) or cancel (Esc)."""
        if self.document is None or self.editor_screen is None:
            self.exit(0)
            return
        if self.screen is not self.editor_screen:
            return
        await self.to_grid()
        if not self.dirty:
            self.exit(0)
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                self.save(lambda: self.exit(0))
            elif answer == "discard":
                self.recovery_discarded()
                self.exit(0)

        self.push_screen(quit_dialog(self.words), answered)
