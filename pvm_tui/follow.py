"""The session following its file on disk: another pvm, a text editor or git changed it. No Textual.

``Follower.look()`` is a stat (the editor calls it every second); once a
change has held still, ``take(where)`` reads the file and brings it in:
with no unsaved changes a reload, otherwise a cell-by-cell merge
(``merge/live.py``), the cell open in the editor held as it is. The file
as read becomes the session's base, so the next save merges into the
other side's own text (their comments stay) and is not refused as a
change on disk. A file that cannot be read is never merged: ``take``
says why, once, and the next readable version is taken. When a merge
leaves conflicts, the other side's whole file is kept as a copy
(``merge/copies.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pvm_tui import store
from pvm_tui.file_watch import Stamp, Watch
from pvm_tui.history import Place
from pvm_tui.model import COLUMNS, Matrix
from pvm_tui.session import Session

if TYPE_CHECKING:
    from pvm_tui.merge.live import Outcome

# The merge modules are imported when a change comes from outside: they are
# not on the way to the editor's first paint.


@dataclass(frozen=True)
class Followed:
    """An outside change taken in: the matrix before, what happened, where the cursor goes."""

    old: Matrix
    outcome: Outcome
    place: Place
    copy: Path | None = None
    """The other side's version, kept when there are conflicts."""
    copy_error: str | None = None


@dataclass(frozen=True)
class Read:
    """The file as ``Follower.reader`` read it: as pvm has it (no ``theirs``), changed, or unreadable."""

    seen: Stamp | None
    data: bytes | None = None
    theirs: store.MatrixFile | None = None
    error: store.MatrixFileError | None = None


@dataclass(frozen=True)
class Unreadable:
    """The file changed into something pvm cannot read; nothing was merged."""

    error: store.MatrixFileError


class Follower:
    """Watches the session's file and brings outside changes into the session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.watch = Watch(session.document.path)
        self._refused: Stamp | None = None

    @property
    def active(self) -> bool:
        """Only a file pvm read (not the bundled example, not a file never saved yet) is followed."""
        document = self.session.document
        return document.file.exists and not document.needs_name

    def look(self) -> str:
        """ "same", "moving" (look again in a moment) or "changed" (call ``take``)."""
        if not self.active:
            return "same"
        if self.watch.path != self.session.document.path:  # saved under another name
            self.watch = Watch(self.session.document.path)
        return self.watch.look()

    def take(self, where: Place) -> Followed | Unreadable | None:
        """Bring the file's change into the session; None when there was nothing new to take."""
        return self.taken(self.reader()(), where)

    def reader(self) -> Callable[[], Read]:
        """The read of the file as it is now, to be run on any thread (1.4 s for 15,000 partners);
        hand what it read to ``taken``, on the UI thread."""
        document = self.session.document
        seen, path, fingerprint = self.watch.seen, document.path, document.file.fingerprint
        language = self.session.matrix.language

        def read() -> Read:
            try:
                data = store.read_bytes(path)
                if hashlib.sha256(data).hexdigest() == fingerprint:
                    return Read(seen)  # pvm's own save, or the same text written again
                return Read(seen, data, store.from_bytes(path, data, default_language=language))
            except store.MatrixFileError as error:
                return Read(seen, error=error)

        return read

    def taken(self, read: Read, where: Place) -> Followed | Unreadable | None:
        """Bring in what ``reader`` read; None when there was nothing new to take."""
        if read.error is not None:
            if read.seen == self._refused:
                return None
            self._refused = read.seen
            return Unreadable(read.error)
        self.watch.accept(read.seen)
        if read.theirs is None or read.data is None:
            return None
        self._refused = None
        return self._bring_in(read.theirs, read.data, where)

    def _bring_in(self, theirs: store.MatrixFile, data: bytes, where: Place) -> Followed:
        session, document = self.session, self.session.document
        old = session.matrix
        cell = session.open_cell
        open_row = session.index_of(cell.key) if cell is not None else None
        pinned = (open_row, COLUMNS[cell.column].key) if cell is not None and open_row is not None else None
        from pvm_tui.merge import copies
        from pvm_tui.merge.live import take_outside_change

        outcome = take_outside_change(document.file.saved, old, theirs.saved, open_cell=pinned)
        document.file = theirs
        new = outcome.matrix
        row = outcome.rows.get(where.row, min(where.row, max(len(new.partners) - 1, 0)))
        place = Place(row, where.column)
        if cell is not None and open_row is not None:
            moved_to = outcome.rows[open_row]
            cell.key = new.partners[moved_to].key
            if (moved_to, COLUMNS[cell.column].key) in {(c.row, c.field) for c in outcome.conflicts}:
                cell.held = True
        session.change(new, "reload" if outcome.reloaded else "merge", where, place)
        if not outcome.conflicts:
            return Followed(old, outcome, place)
        try:
            return Followed(old, outcome, place, copy=copies.keep_theirs(document.path, data))
        except OSError as error:
            return Followed(old, outcome, place, copy_error=str(error))
