"""The editing session: one open matrix, its history, saving it, and the recovery copy it keeps.

No Textual here: the editor screen (``screens/editor.py``) owns a session
and shows it; tests drive a session directly. Data flows one way: a change
is a new matrix made by a pure edit from ``model.py``; the session keeps the
old one in the history, and the screen shows the new one.

The recovery copy (``recovery_store.py``) holds the unsaved changes,
including the text still open in the cell editor (``open_cell``), kept as
`Esc` would keep it. A save, a deliberate discard or undoing every change
removes it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter
from pathlib import Path

from pvm_tui import recent, recovery_store, store
from pvm_tui.document import Document
from pvm_tui.history import History, Place, Step
from pvm_tui.model import COLUMNS, Matrix, Partner
from pvm_tui.recovery_writer import RecoveryWriter, Write
from pvm_tui.text import edited_text

_KEY = attrgetter("key")


class OpenCell:
    """The cell being edited: its partner's key, its column, and where to read the text typed so far."""

    def __init__(self, key: int, column: int, text: Callable[[], str]) -> None:
        self.key = key
        self.column = column
        self.text = text
        self.held = False
        """The file's other side changed this cell while it was open: it now holds a conflict,
        and what is typed here becomes "mine" in it (``merge.live.held_text``)."""


class Session:
    """One open matrix file: what it holds now, how it got there, and how it is kept safe."""

    def __init__(self, document: Document, matrix: Matrix | None = None) -> None:
        self.document = document
        self.matrix = matrix if matrix is not None else document.file.saved
        self.history = History()
        self.open_cell: OpenCell | None = None
        """The cell the editor has open, if any: its text goes into the recovery copy."""
        self.recovery_path: Path | None = None
        """This session's recovery copy, once it has one (or one is being written)."""
        self._copy_writer = RecoveryWriter()
        self._discarded = False
        self._index: dict[int, int] = {}
        self._indexed: tuple[object, ...] | None = None

    # -- what it holds -----------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.document.read_only

    @property
    def dirty(self) -> bool:
        """True while the matrix differs from the file as it was read or last saved."""
        return self.matrix != self.document.file.saved

    def index_of(self, key: int) -> int | None:
        """Where the partner with ``key`` is in the matrix now (None when it is gone)."""
        partners = self.matrix.partners
        if self._indexed is not partners:
            self._index = dict(zip(map(_KEY, partners), range(len(partners)), strict=True))
            self._indexed = partners
        return self._index.get(key)

    # -- changing it ---------------------------------------------------------------

    def change(self, new: Matrix, what: str, before: Place, after: Place) -> None:
        """Make ``new`` the matrix, undoably; ``what`` names the change for undo's message."""
        self.history.record(self.matrix, before, after, what)
        self.matrix = new

    def undo(self) -> Step | None:
        """Go one change back; the step says to which matrix and where (None: nothing to undo)."""
        step = self.history.undo(self.matrix)
        if step is not None:
            self.matrix = step.matrix
        return step

    def redo(self) -> Step | None:
        step = self.history.redo(self.matrix)
        if step is not None:
            self.matrix = step.matrix
        return step

    def kept_text(self, index: int, column: int, typed: str, *, held: bool = False) -> str | None:
        """What a cell keeps of the text typed into it; None when it stays as it is.

        ``held``: the cell got a conflict while it was open; the typed text is our side of it.
        """
        text = self.matrix.partners[index].cell(COLUMNS[column])
        if held:
            from pvm_tui.merge.live import (
                held_text,  # only after a conflict: not on the way to the first paint
            )

            return held_text(text, typed, self.matrix.language)
        return edited_text(text, typed)

    def pending_matrix(self) -> Matrix:
        """The matrix with the text still open in the cell editor, kept as `Esc` would keep it."""
        cell = self.open_cell
        if cell is None:
            return self.matrix
        index = self.index_of(cell.key)
        if index is None:
            return self.matrix
        kept = self.kept_text(index, cell.column, cell.text(), held=cell.held)
        if kept is None:
            return self.matrix
        return self.matrix.with_cell(index, COLUMNS[cell.column], kept)

    # -- the file ------------------------------------------------------------------

    def save(self, *, path: Path | None = None, overwrite: bool = False) -> None:
        """Write the matrix (to ``path`` for save-as); raises ``store.FileChangedError`` when the file
        changed on disk since it was read, ``store.MatrixFileError`` when it cannot be written."""
        matrix, before = self.matrix, self.document.path
        self.write(matrix, path=path, overwrite=overwrite)
        self.written(matrix, before)

    def write(self, matrix: Matrix, *, path: Path | None = None, overwrite: bool = False) -> None:
        """The part of a save that takes time, safe in a thread: ``matrix`` (a snapshot) to disk.

        Raises as ``save`` does; then call ``written`` (not in the thread).
        """
        document = self.document
        store.save(document.file, matrix, path=path, backup=document.backup, overwrite=overwrite)

    def written(self, matrix: Matrix, before: Path) -> None:
        """After ``write`` of ``matrix`` (which was at ``before``): no recovery copy is needed any
        more, unless the matrix changed while it was written."""
        document = self.document
        document.needs_name = False
        if self.pending_matrix() == matrix:
            self._remove_copy()
            for file in (before, document.path):
                with contextlib.suppress(OSError):
                    recovery_store.remove_all(file)
        recent.remember(document.path)

    def reload(self, where: Place) -> Place:
        """Read the file again; the matrix it replaces stays one undo away. Returns the cursor's place.

        Raises ``store.MatrixFileError`` when the file cannot be read.
        """
        return self.reloaded(self.read_again(), where)

    def read_again(self, current: Matrix | None = None) -> store.MatrixFile:
        """The file as it is on disk now: the part of a reload that takes time, safe in a thread.

        Each partner that is one of ``current``'s (the matrix when the read began) keeps its key,
        so that the grid redraws only the rows that changed: with new keys for every partner,
        a reload of 15,000 partners replaced every row, which took minutes.
        """
        current = self.matrix if current is None else current
        fresh = store.load(self.document.path, default_language=current.language)
        keyed = recovery_store.with_keys_of(current, fresh.saved)
        # A partner that did not change is the very same object: the grid sees at once it is the same.
        same = {partner.key: partner for partner in current.partners}
        partners = tuple(_same_or(same.get(each.key), each) for each in keyed.partners)
        fresh.saved = replace(keyed, partners=partners)
        return fresh

    def reloaded(self, fresh: store.MatrixFile, where: Place) -> Place:
        """Make ``fresh`` (from ``read_again``) the file and its matrix the matrix, undoably."""
        document = self.document
        document.file = fresh
        document.needs_name = False
        after = Place(min(where.row, max(len(fresh.saved) - 1, 0)), where.column)
        self.change(fresh.saved, "reload", where, after)
        return after

    # -- the recovery copy ---------------------------------------------------------

    def keep_copy(self) -> Path | None:
        """Write the copy now if there are unsaved changes, else remove this session's copy.

        Returns the copy written, if any; raises ``OSError`` or
        ``store.MatrixFileError`` when it cannot be written. No tomlkit, one
        file, but a third of a second for 14,000 partners: the editor's
        timer uses ``copy_write`` and a thread; a signal's last copy is this.
        """
        write = self.copy_write()
        return write() if write is not None else None

    def copy_write(self) -> Write | None:
        """The copy of the unsaved changes as they are now, to be written on any thread (None: no
        unsaved changes, and this session's copy is removed now). Call it on the UI thread: it
        reads the open cell's text."""
        document = self.document
        if document.read_only or self._discarded:
            return None
        matrix = self.pending_matrix()
        if matrix == document.file.saved:
            self._remove_copy()
            return None
        path = self.recovery_path or recovery_store.free_path(document.path)
        self.recovery_path = path
        return self._copy_writer.snapshot(path, matrix, document.path, document.file.fingerprint)

    def discard(self) -> None:
        """The user threw the changes away on purpose: no copy of them stays."""
        self._discarded = True
        self._remove_copy()

    def copies_to_offer(
        self, found: list[recovery_store.Recovery] | None = None
    ) -> list[recovery_store.Recovery]:
        """The file's recovery copies (``found``, else read now) that hold something the file does
        not, newest first. Safe in a thread.

        A copy that holds nothing new (saved by other means) is removed,
        unless the pvm that wrote it may still be running.
        """
        if self.read_only:
            return []
        offers = []
        for copy in recovery_store.copies_for(self.document.path) if found is None else found:
            if copy.matrix != self.document.file.saved:
                offers.append(copy)
            elif not copy.maybe_running():
                with contextlib.suppress(OSError):
                    recovery_store.remove(copy.path)
        return offers

    def keyed_copy(
        self, copy: recovery_store.Recovery, current: Matrix | None = None
    ) -> tuple[Matrix, Place | None]:
        """The part of a restore that takes time, safe in a thread: the copy's matrix with the keys
        of ``current``'s partners (the matrix when it began), and where it first differs from it.

        Pairing the partners and comparing them took 2.5 s for 15,000 partners that all differ.
        """
        current = self.matrix if current is None else current
        new = recovery_store.with_keys_of(current, copy.matrix)
        return new, _first_change(current, new)

    def restore(
        self, copy: recovery_store.Recovery, where: Place, keyed: tuple[Matrix, Place | None] | None = None
    ) -> Place:
        """Make the copy's matrix the matrix, undoably; returns the place of its first change.

        ``keyed`` is what ``keyed_copy`` made of the copy, when that ran in a thread.
        """
        new, first = self.keyed_copy(copy) if keyed is None else keyed
        after = first or Place(min(where.row, max(len(new.partners) - 1, 0)), 0)
        self.change(new, "recover", where, after)
        if self.recovery_path is None and not copy.maybe_running():
            # From now on this session's copy is that one: no second copy of the same text.
            self.recovery_path = copy.path
        return after

    def _remove_copy(self) -> None:
        if self.recovery_path is not None:
            with contextlib.suppress(OSError):
                self._copy_writer.remove(self.recovery_path)
            self.recovery_path = None


def _same_or(old: Partner | None, new: Partner) -> Partner:
    return old if old is not None and old == new else new


def _first_change(old: Matrix, new: Matrix) -> Place | None:
    from pvm_tui.diff.compare import compare  # only after a change from outside

    for change in compare(old, new).partners:
        if change.new_row is None:
            continue
        column = COLUMNS.index(change.cells[0].column) if change.cells else 0
        return Place(change.new_row, column)
    return None
