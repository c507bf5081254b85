"""Noticing that the open file changed on disk: a stat, compared with the last one. No Textual.

A stat costs microseconds, so the editor looks once a second. A change is
taken only once the file has held still between two looks (the editor
looks again a moment after it sees one), so that a file another tool is
still writing is not read half-way; its bytes are then
compared with what pvm last read or wrote, so that a touch or a save that
wrote the same text again is no change at all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Stamp:
    """What a stat says about a file's content: which file, how long, when last written."""

    device: int
    inode: int
    size: int
    modified_ns: int
    changed_ns: int


def stamp(path: Path) -> Stamp | None:
    """The file's stamp now (through links, as saving writes through them), or None when it is not there."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return Stamp(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class Watch:
    """One file's stamps: ``look()`` says when it has changed and then held still."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.known = stamp(path)
        self._seen = self.known

    @property
    def seen(self) -> Stamp | None:
        """The stamp of the last look."""
        return self._seen

    def settled(self) -> None:
        """The file as it is now is known (pvm just read or wrote it)."""
        self.known = self._seen = stamp(self.path)

    def accept(self, seen: Stamp | None) -> None:
        """The file as it was at a look (``seen``) is known; a change after that is seen next time."""
        self.known = seen

    def look(self) -> str:
        """ "same", "moving" (changed since the last look: look again soon) or "changed" (and still)."""
        now = stamp(self.path)
        still = now == self._seen
        self._seen = now
        if now == self.known:
            return "same"
        return "changed" if still else "moving"
