"""pvm's own state folder (recent list, recovery copies, crash log), private to its user.

What pvm keeps there can hold a matrix's unsaved text, so folders are 0700
and files 0600. pvm tightens what already exists with looser modes (made
by an earlier pvm, or by hand) whenever it writes there. Files are written
with ``atomic.replace_file``: a random temporary name opened with
``O_EXCL`` and ``O_NOFOLLOW``, then renamed, so a link never redirects a
write.

A folder someone else made beforehand (``XDG_STATE_HOME`` in a shared
place, or a link planted there) is refused: its owner could read what
pvm leaves there by name, delete recovery copies, and plant copies to be
offered back. For the same reason only files of the user's own, not
links, are read from it (``own_file``). Nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def folder() -> Path:
    """pvm's folder in the user's state directory (XDG_STATE_HOME on Linux)."""
    import platformdirs

    return Path(platformdirs.user_state_dir("pvm", appauthor=False))


def private_folder(path: Path) -> Path:
    """Make ``path`` (and pvm's state folder above it) exist with mode 0700; returns ``path``.

    Raises ``OSError`` when a folder cannot be made.
    """
    top = folder()
    for each in [top] + ([path] if path != top else []):
        each.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        _tighten(each, FOLDER_MODE)
        # A state folder the user linked elsewhere: the folder it leads to (if theirs).
        _tighten(Path(os.path.realpath(each)), FOLDER_MODE)
        _refuse_unless_private(each)
    return path


def own_file(path: Path) -> bool:
    """True when ``path`` is a regular file of the user's own, not a link (so pvm may trust it)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and _mine(info)


def _refuse_unless_private(path: Path) -> None:
    """Raise ``OSError`` unless ``path`` is a folder of the user's own that no one else may write in."""
    link = os.lstat(path)
    info = os.stat(path)
    if not stat.S_ISDIR(info.st_mode):
        raise OSError(errno.ENOTDIR, "it is not a folder", str(path))
    if not (_mine(link) and _mine(info)):
        raise OSError(errno.EPERM, "it belongs to another user", str(path))
    if info.st_mode & 0o022:
        raise OSError(errno.EPERM, "others may write in it", str(path))


def _mine(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def tighten_all() -> None:
    """Give pvm's state folder, its folders and files, the private modes; what fails is left."""
    top = folder()
    if not top.is_dir():
        return
    _tighten(top, FOLDER_MODE)
    for root, folders, files in os.walk(top):
        for name in folders:
            _tighten(Path(root, name), FOLDER_MODE)
        for name in files:
            _tighten(Path(root, name), FILE_MODE)


def write(path: Path, data: bytes) -> None:
    """Replace ``path`` in the state folder with ``data``, mode 0600, its folder made private.

    Raises ``OSError`` when it cannot be written.
    """
    from pvm_tui import atomic

    private_folder(path.parent)
    atomic.replace_file(path, data, backup=False, mode=FILE_MODE)


def _tighten(path: Path, mode: int) -> None:
    """Take away from ``path`` what ``mode`` does not allow; a link is never followed."""
    with contextlib.suppress(OSError):
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return
        if stat.S_IMODE(info.st_mode) & ~mode:
            os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
