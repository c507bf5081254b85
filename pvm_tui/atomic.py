"""Replace a file on disk so that a crash leaves the old or the new version, never a mix.

The new bytes go to a temporary file in the same folder, are flushed and
fsynced, get the old file's permission bits (and owner and group where
allowed), and are then renamed over the old file in one step. A symbolic
link is followed: its target is replaced and the link stays a link (but
not a link another user planted in a shared folder, see ``planted_links``). The
previous version is kept as ``NAME~`` beside the file that is replaced.

A process killed mid-save (SIGKILL, power loss) can leave its temporary
file ``.NAME.XXXXXXXX.tmp`` (or ``.NAME~.XXXXXXXX.tmp``, the backup on its
way to ``NAME~``) behind, but never a damaged ``NAME``. Each save
removes such leftovers of earlier saves of the same file: a saver holds a
lock on its temporary file while it works, so a file whose lock can be taken
belongs to no living save.

Failures raise ``OSError`` (with the reason in words where the system has
none for it, as ``SaveRefused``); the caller turns them into one line for
the user. Every file made here has a random name and is created with
``O_EXCL`` and ``O_NOFOLLOW``, so that in a folder others can write in
(mode 1777) a planted link never redirects a write. Nothing here knows
about matrices.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import string
from collections.abc import Callable
from pathlib import Path

from pvm_tui.planted_links import planted_link

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


def replace_file(
    path: Path | str,
    data: bytes,
    *,
    backup: bool = True,
    before_rename: Callable[[], None] | None = None,
    mode: int | None = None,
    only_new: bool = False,
) -> None:
    """Atomically replace the file at ``path`` (or the file it links to) with ``data``.

    The new version keeps the old file's mode, owner and group; ``mode``
    gives it that mode instead (a private file of pvm's own).

    ``before_rename`` runs after everything else, right before the rename that
    makes the new version the file; raising there leaves the file as it is.
    (A save checks there that no one else changed the file meanwhile.)

    ``only_new``: the file must not exist, also not when another writer makes
    it after that check (``FileExistsError``, and nothing is written).
    """
    link = planted_link(path)
    if link is not None:
        raise SaveRefused(
            errno.EACCES,
            f"{link} is a link another user made in a shared folder; pvm does not write through it",
        )
    real = Path(os.path.realpath(path))
    folder = real.parent
    old = _existing(real)
    if only_new and old is not None:
        raise FileExistsError(errno.EEXIST, "the file exists", str(real))
    remove_leftovers(real)
    # A new file gets the usual permissions (the system applies the umask); a
    # replacement starts private and gets the old file's bits before any data
    # is written; a private file is private from the start.
    initial = mode if mode is not None else 0o600 if old is not None else 0o666
    handle, temporary = _create_exclusive(real, ".", initial)
    try:
        if mode is None:
            _keep_owner_and_mode(handle, old)
        else:
            os.fchmod(handle, mode)
        _write_all(handle, data)
        os.fsync(handle)
        if backup and old is not None:
            keep_backup(real)
        if before_rename is not None:
            before_rename()
        if only_new:
            _give_new_name(temporary, real)
        else:
            os.replace(temporary, real)
    except BaseException:
        _remove_quietly(temporary)
        raise
    finally:
        # Closing drops the lock: only now may another save treat the name as a leftover.
        os.close(handle)
    _fsync_folder(folder)


def _give_new_name(temporary: str, real: Path) -> None:
    """Name the new file ``real`` only while no file has that name.

    A rename replaces whatever another writer made between the last check
    and now (two `pvm new`, two editors saving a new matrix); a hard link
    fails instead. Where there are no hard links (FAT, some shares), the
    rename is as close as it gets.
    """
    try:
        os.link(temporary, real)
    except FileExistsError:
        raise
    except OSError:
        os.replace(temporary, real)
        return
    _remove_quietly(temporary)


def backup_path(real: Path) -> Path:
    """Where the previous version of ``real`` is kept: ``NAME~`` beside it.

    A name already as long as the file system allows is cut short (at a
    whole character) to leave room for the ``~``, so that it still saves.
    """
    name = real.name
    room = _longest_name(real.parent) - 1
    encoded = os.fsencode(name)
    if len(encoded) > room:
        name = encoded[:room].decode("utf-8", "ignore")
    return real.with_name(name + "~")


def _longest_name(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return 255


def keep_backup(real: Path) -> None:
    """Make ``NAME~`` the current version of ``real``, atomically too.

    The version is first given a random staging name beside it (a hard link,
    or a copy where the file system has none) and then renamed to ``NAME~``.
    The staging name is made with ``O_EXCL`` and ``O_NOFOLLOW`` semantics, so
    a link someone planted in a shared folder is never written through.
    """
    backup = backup_path(real)
    staging: str | None = None
    # Held while the staging name exists: a hard link shares the file's lock,
    # so another save never takes the staging name for an abandoned leftover.
    guard = _lock_file(real)
    try:
        try:
            staging = _link_under_random_name(real)
        except OSError:
            # A file system without hard links: copy into a new file instead.
            staging = _copy_under_random_name(real)
        os.replace(staging, backup)
        # When NAME~ already is a hard link to the same file (a save was killed
        # between making the backup and the final rename), rename() succeeds
        # without doing anything and leaves the staging name behind.
        _remove_quietly(staging)
    except OSError as error:
        if staging is not None:
            _remove_quietly(staging)
        reason = "it is a folder" if os.path.isdir(backup) else (error.strerror or str(error)).lower()
        raise SaveRefused(
            error.errno or 0, f"cannot keep the previous version as {backup.name}: {reason}"
        ) from None
    finally:
        if guard is not None:
            os.close(guard)


def _random_name(real: Path, marker: str) -> str:
    """``.NAME<marker>XXXXXXXX.tmp`` beside ``real``: a name no one can guess in advance."""
    random = "".join(secrets.choice(_RANDOM_LETTERS) for _ in range(8))
    return str(real.parent / f".{_name_part(real.name)}{marker}{random}.tmp")


def _link_under_random_name(real: Path) -> str:
    """A hard link to ``real`` under a random staging name; link() never follows the new name."""
    for _attempt in range(100):
        staging = _random_name(real, "~.")
        try:
            os.link(real, staging, follow_symlinks=False)
        except FileExistsError:
            continue
        return staging
    raise SaveRefused(errno.EEXIST, "no free name for a temporary file")


def _copy_under_random_name(real: Path) -> str:
    """A copy of ``real`` in a new file under a random staging name, made with O_EXCL and O_NOFOLLOW."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    source = os.open(real, flags)
    try:
        info = os.fstat(source)
        handle, staging = _create_exclusive(real, "~.", stat.S_IMODE(info.st_mode) & 0o777)
        try:
            while chunk := os.read(source, 1 << 20):
                _write_all(handle, chunk)
            os.fsync(handle)
        except BaseException:
            _remove_quietly(staging)
            raise
        finally:
            os.close(handle)
        return staging
    finally:
        os.close(source)


def _lock_file(real: Path) -> int | None:
    """An open, locked descriptor of ``real`` (or None where locks or opening fail)."""
    if fcntl is None:
        return None
    try:
        handle = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    # Failing is fine: then another save holds it, and it guards the same staging names.
    with contextlib.suppress(OSError):
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


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


def _create_exclusive(real: Path, marker: str, mode: int) -> tuple[int, str]:
    """A new, empty, locked file under a random name beside ``real``: its descriptor and path."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for _attempt in range(100):
        name = _random_name(real, marker)
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
    # .NAME.XXXXXXXX.tmp (a new version), .NAME~.XXXXXXXX.tmp (a backup being
    # made), and .NAME~.tmp, the fixed staging name of earlier versions of pvm.
    return re.compile(rf"\.{part}~?\.[a-z0-9_]{{8}}\.tmp\Z|\.{re.escape(name)}~\.tmp\Z")


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
