"""Links another user planted in a shared folder, which a write must not follow.

pvm writes through a symbolic link on purpose (a matrix kept elsewhere and
linked into a project). But in a folder everyone may write in and only
owners may delete from (mode 1777, such as ``/tmp``), a link made by
someone else is a trap: ``pvm export m.toml -o /tmp/report.csv`` would
replace whatever file that user pointed ``report.csv`` at, ``~/.bashrc``
for one. Linux refuses to open through such a link when
``fs.protected_symlinks`` is on, but pvm resolves links itself and renames
over the target, so it applies the same rule itself, on every link on the
way: a link in such a folder is followed only when it belongs to the
writer or to the folder's owner. Nothing here imports Textual.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_MOST_LINKS = 40
"""As many links as the system follows before it gives up (ELOOP); the write itself then fails."""


def planted_link(path: Path | str) -> Path | None:
    """The first link on the way to ``path`` that another user planted in a shared folder, or None."""
    pending = list(Path(os.path.abspath(path)).parts)
    current = Path(pending.pop(0))
    hops = 0
    while pending:
        part = pending.pop(0)
        if part == "..":
            current = current.parent  # ``current`` has no links in it: its parent is the real one
            continue
        candidate = current / part
        try:
            info = os.lstat(candidate)
        except OSError:
            current = candidate  # not there (yet): nothing on the rest of the way can be a link
            continue
        if not stat.S_ISLNK(info.st_mode):
            current = candidate
            continue
        hops += 1
        if hops > _MOST_LINKS:
            return None
        if _planted(candidate, info):
            return candidate
        target = Path(os.readlink(candidate))
        pending = list(target.parts) + pending
        if target.is_absolute():
            current = Path(pending.pop(0))
    return None


def _planted(link: Path, info: os.stat_result) -> bool:
    """The kernel's ``protected_symlinks`` rule for one link (``info`` is its own status)."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:
        return False  # no owners to compare (Windows)
    try:
        folder = os.stat(link.parent)
    except OSError:
        return False
    shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
    return bool(shared) and info.st_uid not in (geteuid(), folder.st_uid)
