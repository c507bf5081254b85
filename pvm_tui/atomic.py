"""Replace a file on disk so that a crash leaves the old or the new version, never a mix.

The new bytes go to a temporary file in the same folder, are flushed and
fsynced, get the old file's permission bits (and owner and group where
allowed), and are then renamed over the old file in one step. A symbolic
link is followed: its target is replaced and the link stays a link. The
previous version is kept as ``NAME~`` beside the file that is replaced.

A process killed mid-save (SIGKILL, power loss) can leave its temporary
file ``.NAME.XXXXXXXX.tmp`` behind, but never a damaged ``NAME``. Each save
removes such leftovers of earlier saves of the same file: a saver holds a
lock on its temporary file while it works, so a file whose lock can be taken
belongs to no living save.

Failures raise ``OSError`` (with the reason in words where the system has
none for it, as ``SaveRefused``); the caller turns them into one line for
the user. Nothing here knows about matrices.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import string
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locks, so leftovers are never removed
    fcntl = None  # type: ignore[assignment]

_RANDOM_LETTERS = string.ascii_lowercase + string.digits + "_"

_LONGEST_NAME_PART = 200
"""Longer file names are cut in the temporary file's name, to stay under the
usual limit of 255 bytes for a name."""


class SaveRefused(OSError):
    """A save that would do harm or cannot work, with the reason in words."""


def replace_file(path: Path | str, data: bytes, *, backup: bool = True) -> None:
    """Atomically replace the file at ``path`` (or the file it links to) with ``data``."""
    real = Path(os.path.realpath(path))
    folder = real.parent
    old = _existing(real)
    remove_leftovers(real)
    handle, temporary = _create_temporary(real, old)
    try:
        _keep_owner_and_mode(handle, old)
        _write_all(handle, data)
        os.fsync(handle)
        if backup and old is not None:
            keep_backup(real)
        os.replace(temporary, real)
    except BaseException:
        _remove_quietly(temporary)
        raise
    finally:
        # Closing drops the lock: only now may another save treat the name as a leftover.
        os.close(handle)
    _fsync_folder(folder)


def backup_path(real: Path) -> Path:
    """Where the previous version of ``real`` is kept: ``NAME~`` beside it."""
    return real.with_name(real.name + "~")


def keep_backup(real: Path) -> None:
    """Make ``NAME~`` the current version of ``real``, atomically too."""
    backup = backup_path(real)
    staging = _staging_path(real)
    _remove_quietly(str(staging))
    try:
        try:
            os.link(real, staging)
        except OSError:
            import shutil  # a file system without hard links: copy instead

            shutil.copy2(real, staging)
        os.replace(staging, backup)
        # When NAME~ already is a hard link to the same file (a save was killed
        # between making the backup and the final rename), rename() succeeds
        # without doing anything and leaves the staging name behind.
        _remove_quietly(str(staging))
    except OSError as error:
        _remove_quietly(str(staging))
        reason = "it is a folder" if os.path.isdir(backup) else (error.strerror or str(error)).lower()
        raise SaveRefused(
            error.errno or 0, f"cannot keep the previous version as {backup.name}: {reason}"
        ) from None


def leftovers(real: Path) -> list[Path]:
    """The temporary files of saves of ``real`` that are still on disk, in use or not."""
    pattern = _leftover_pattern(real.name)
    try:
        with os.scandir(real.parent) as entries:
            return sorted(Path(entry.path) for entry in entries if pattern.match(entry.name))
    except OSError:
        return []


def remove_leftovers(real: Path) -> None:
    """Remove what saves of ``real`` that were killed left behind; never a file a save is using."""
    if fcntl is None:
        return
    for leftover in leftovers(real):
        if leftover == _staging_path(real):
            # A hard link to (or copy of) the file itself, made just before a
            # rename: it holds nothing that is not in the file.
            _remove_quietly(str(leftover))
        else:
            _remove_if_abandoned(leftover)


def _existing(real: Path) -> os.stat_result | None:
    """The status of the file to be replaced, or None; refuses what must not be replaced."""
    try:
        old = real.stat()
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(old.st_mode):
        raise SaveRefused(errno.EISDIR, "it is a folder")
    if not stat.S_ISREG(old.st_mode):
        raise SaveRefused(errno.EINVAL, "it is not a regular file")
    if not os.access(real, os.W_OK):
        # Renaming over a file needs only a writable folder, so without this
        # check a read-only file would be replaced all the same.
        if _read_only_file_system(real.parent):
            raise SaveRefused(errno.EROFS, "the file system is read-only")
        raise SaveRefused(errno.EACCES, "the file is read-only")
    return old


def _create_temporary(real: Path, old: os.stat_result | None) -> tuple[int, str]:
    """A new, empty, locked temporary file beside ``real``: its descriptor and path."""
    prefix = f".{_name_part(real.name)}."
    # A new file gets the usual permissions (the system applies the umask); a
    # replacement starts private and gets the old file's bits before any data
    # is written.
    mode = 0o600 if old is not None else 0o666
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for _attempt in range(100):
        name = str(
            real.parent / (prefix + "".join(secrets.choice(_RANDOM_LETTERS) for _ in range(8)) + ".tmp")
        )
        try:
            handle = os.open(name, flags, mode)
        except FileExistsError:
            continue
        if _lock(handle, name):
            return handle, name
        # Another save took it for a leftover in the instant between creating
        # and locking, and is removing it: take another name.
        os.close(handle)
    raise SaveRefused(errno.EEXIST, "no free name for a temporary file")


def _keep_owner_and_mode(handle: int, old: os.stat_result | None) -> None:
    if old is None:
        return
    mode = stat.S_IMODE(old.st_mode) & 0o777
    mine = os.fstat(handle)
    if (mine.st_uid, mine.st_gid) != (old.st_uid, old.st_gid):
        try:
            os.fchown(handle, old.st_uid, old.st_gid)
        except OSError:
            try:
                os.fchown(handle, -1, old.st_gid)
            except OSError:
                # The new file gets another group than the old one: give that
                # group no more than everyone else may, so that a file shared
                # with one group is not handed to another.
                mode = (mode & 0o707) | ((mode & 0o007) << 3)
    os.fchmod(handle, mode)


def _remove_if_abandoned(leftover: Path) -> None:
    assert fcntl is not None
    try:
        handle = os.open(leftover, os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # a save is writing it right now
        # Only remove the very file that was locked, not one that replaced it meanwhile.
        if os.stat(leftover, follow_symlinks=False).st_ino == info.st_ino:
            os.unlink(leftover)
    except OSError:
        pass
    finally:
        os.close(handle)


def _lock(handle: int, name: str) -> bool:
    """Lock a new temporary file; False when it is no longer ours to use."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        # On a file system without locks saving still works; leftovers just stay.
        return error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN)
    try:
        return os.stat(name, follow_symlinks=False).st_ino == os.fstat(handle).st_ino
    except FileNotFoundError:
        return False


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        view = view[written:]


def _name_part(name: str) -> str:
    if len(name.encode("utf-8", "surrogateescape")) <= _LONGEST_NAME_PART:
        return name
    return name[: _LONGEST_NAME_PART // 4]


def _leftover_pattern(name: str) -> re.Pattern[str]:
    part = re.escape(_name_part(name))
    return re.compile(rf"\.{part}\.[a-z0-9_]{{8}}\.tmp\Z|\.{re.escape(name)}~\.tmp\Z")


def _staging_path(real: Path) -> Path:
    return real.with_name(f".{real.name}~.tmp")


def _read_only_file_system(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; some systems cannot open a folder.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _remove_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
