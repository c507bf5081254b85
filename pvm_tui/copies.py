"""Every recovery copy on disk, as a person sees them: which file, when, what it holds.

``recovery_store.py`` writes and reads the copies of one file. This module looks
at all of them at once, for `pvm recover` and the start screen: readable
copies with a summary of what they hold against their file (also when that
file was moved, renamed or deleted since), and damaged copies with the
reason they cannot be read, so that none stays unseen on disk. Restoring
and deleting a copy are here too. Nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from pvm_tui import recovery_store, store
from pvm_tui.copies_words import CopyWords

_COPY_NAME = re.compile(r".+-[0-9a-f]{12}(?:\.[0-9]+)?\.toml\Z")


@dataclass(frozen=True)
class Found:
    """One copy in the recovery folder: readable (``copy``) or damaged (``problem``)."""

    path: Path
    copy: recovery_store.Recovery | None
    problem: str | None
    modified: dt.datetime

    @property
    def written(self) -> dt.datetime:
        """When the copy was written (for a damaged one: when its file last changed)."""
        return self.copy.written if self.copy is not None else self.modified


@dataclass(frozen=True)
class Holds:
    """What a readable copy holds, against the file it belongs to now."""

    company: str
    partners: int
    file_state: str
    """"same" (the file the copy was made from), "changed" (changed since),
    "gone" (moved, renamed or deleted), "unreadable", or "new" (never saved)."""
    changes: int | None
    """Partners and company fields that differ from the file; None without a file to compare."""


def every_copy() -> list[Found]:
    """Every copy in the recovery folder, newest first; damaged ones with their reason."""
    found = []
    try:
        with os.scandir(recovery_store.folder()) as entries:
            paths = [Path(entry.path) for entry in entries if _COPY_NAME.match(entry.name)]
    except OSError:
        return []
    for path in paths:
        try:
            modified = dt.datetime.fromtimestamp(os.lstat(path).st_mtime).astimezone()
        except OSError:
            continue  # removed meanwhile
        try:
            found.append(Found(path, recovery_store.read(path), None, modified))
        except store.MatrixFileError as error:
            found.append(Found(path, None, error.message, modified))
        except (ValueError, RecursionError) as error:
            found.append(Found(path, None, str(error) or type(error).__name__, modified))
    return sorted(found, key=lambda each: each.written, reverse=True)


def total_size() -> int:
    """The bytes of every copy in the recovery folder together: how long reading them all takes."""
    total = 0
    try:
        with os.scandir(recovery_store.folder()) as entries:
            for entry in entries:
                if _COPY_NAME.match(entry.name):
                    with contextlib.suppress(OSError):
                        total += entry.stat(follow_symlinks=False).st_size
    except OSError:
        return 0
    return total


def damaged_for(file: Path | str) -> list[Found]:
    """The copies of ``file`` that cannot be read, with the reason."""
    return read_all(file)[1]


def read_all(file: Path | str) -> tuple[list[recovery_store.Recovery], list[Found]]:
    """Every copy of ``file``, each read once (a copy of a big matrix takes a second and more):
    the readable ones, newest first, and the damaged ones with the reason."""
    readable, damaged = [], []
    for path in recovery_store.paths_for(file):
        try:
            readable.append(recovery_store.read(path))
        except (store.MatrixFileError, ValueError, RecursionError) as error:
            problem = error.message if isinstance(error, store.MatrixFileError) else str(error)
            damaged.append(Found(path, None, problem, _modified(path)))
    return sorted(readable, key=lambda copy: copy.written, reverse=True), damaged


def _modified(path: Path) -> dt.datetime:
    try:
        return dt.datetime.fromtimestamp(os.lstat(path).st_mtime).astimezone()
    except OSError:
        return dt.datetime.now().astimezone()


def holds(copy: recovery_store.Recovery) -> Holds:
    """What ``copy`` holds, compared with its file as that is on disk now."""
    from pvm_tui.diff import compare

    matrix = copy.matrix
    summary = (matrix.company.name, len(matrix.partners))
    if not os.path.lexists(copy.file):
        state = "gone" if copy.based_on is not None else "new"
        return Holds(*summary, file_state=state, changes=None)
    try:
        current = store.load(copy.file)
    except store.MatrixFileError:
        return Holds(*summary, file_state="unreadable", changes=None)
    state = "same" if current.fingerprint == copy.based_on else "changed"
    difference = compare(current.saved, matrix)
    changes = len(difference.company) + len(difference.partners) + (difference.language is not None)
    return Holds(*summary, file_state=state, changes=changes)


def summary(each: Found, words: CopyWords, *, against_file: bool = True) -> str:
    """One line of what a readable copy holds: when, company, partners, changes, the file's state.

    Without ``against_file`` the file is not read (quick, for the start
    screen): only whether it is still there.
    """
    assert each.copy is not None
    copy = each.copy
    parts = [words.written.format(when=each.written.strftime("%Y-%m-%d %H:%M"))]
    if copy.matrix.company.name:
        parts.append(copy.matrix.company.name)
    count = len(copy.matrix.partners)
    parts.append(words.partners_one if count == 1 else words.partners.format(count=count))
    if against_file:
        holds_now = holds(copy)
        changes, state = holds_now.changes, holds_now.file_state
        if changes is not None:
            if changes == 0:
                parts.append(words.no_changes)
            else:
                parts.append(words.changes_one if changes == 1 else words.changes.format(count=changes))
    else:
        state = "same" if os.path.lexists(copy.file) else "gone" if copy.based_on is not None else "new"
    if state != "same":
        parts.append(getattr(words, f"state_{state}"))
    return " · ".join(parts)


def home(path: Path) -> str:
    """A path with ``~`` for the home folder, as people write it."""
    text, folder = str(path), str(Path.home())
    if text == folder or text.startswith(folder + os.sep):
        return "~" + text[len(folder) :]
    return text


def pick(found: list[Found], which: str) -> Found | None:
    """The copy ``which`` names: its number in ``found`` (from 1), its file name, or its path."""
    if which.isdigit():
        number = int(which)
        return found[number - 1] if 1 <= number <= len(found) else None
    for each in found:
        if which in (each.path.name, str(each.path)) or os.path.realpath(which) == str(each.path):
            return each
    return None


class RestoreRefused(Exception):
    """Restoring would overwrite something, or cannot work; the reason in words (an ``UiText`` key)."""

    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details


def restore(copy: recovery_store.Recovery, target: Path | None = None) -> Path:
    """Write the copy's matrix to its file (or ``target``) and delete the copy; returns the file written.

    Into the file it was made from, unchanged since: merged, so the file's
    comments and layout stay, and ``FILE~`` keeps the previous version.
    Into a file that does not exist (its file was moved, or ``target`` is
    new): a new file. Never over a file that changed since the copy was
    made, nor over any other existing file: ``RestoreRefused`` says which.
    """
    if copy.maybe_running():
        raise RestoreRefused("running", pid=copy.pid)
    destination = target if target is not None else copy.file
    if os.path.lexists(destination):
        if target is not None and not _same(target, copy.file):
            raise RestoreRefused("exists", path=destination)
        current = store.load(destination)
        if current.fingerprint != copy.based_on:
            raise RestoreRefused("changed", path=destination)
        store.save(current, recovery_store.with_keys_of(current.saved, copy.matrix))
    else:
        store.save(store.new_file(destination, copy.matrix), copy.matrix)
    recovery_store.remove(copy.path)
    return destination


def delete(found: Found) -> None:
    """Delete a copy, readable or damaged; not one that a running pvm may still be writing."""
    if found.copy is not None and found.copy.maybe_running():
        raise RestoreRefused("running", pid=found.copy.pid)
    recovery_store.remove(found.path)


def _same(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)
