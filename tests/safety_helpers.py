"""Real read-only files, folders and full disks for tests, also when the tests run as root.

Root ignores permission bits, so a test of "permission denied" run as root
proves nothing. These helpers make the situation real: they run the code
under test as the unprivileged user ``nobody`` (in a forked child), make a
file immutable with ``chattr +i``, or mount a small or read-only tmpfs. When
the system allows none of that, the test is skipped and says why.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def nobody() -> tuple[int, int]:
    """The uid and gid of the unprivileged user the tests drop to."""
    try:
        entry = pwd.getpwnam("nobody")
        return entry.pw_uid, entry.pw_gid
    except KeyError:
        return 65534, 65534


def unprivileged(work: Callable[[], str]) -> str:
    """``work()`` run as an ordinary user: as ``nobody`` in a child when we are root.

    ``work`` returns a string (say, an error message); an exception in it is
    returned as "!" and its traceback, so the test shows what went wrong.
    """
    if not IS_ROOT:
        return work()
    uid, gid = nobody()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(reader)
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
            try:
                result = work()
            except BaseException:
                result = "!" + traceback.format_exc()
            os.write(writer, result.encode("utf-8", "replace"))
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as stream:
        output = stream.read().decode("utf-8")
    os.waitpid(pid, 0)
    return output


@contextlib.contextmanager
def public_folder() -> Iterator[Path]:
    """A fresh folder that ``nobody`` can reach (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="pvm-test-"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        for path in folder.rglob("*"):
            with contextlib.suppress(OSError):
                if path.is_dir() and not path.is_symlink():
                    path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """``path`` made immutable with ``chattr +i``, which even root cannot write; skip where impossible."""
    if not IS_ROOT or shutil.which("chattr") is None:
        pytest.skip("chattr +i needs root and the chattr tool")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"chattr +i does not work here: {made.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


@contextlib.contextmanager
def small_filesystem(
    size: str, *, setup: Callable[[Path], None] | None = None, read_only: bool = False
) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on a fresh folder; ``setup`` runs before it is made read-only."""
    folder = Path(tempfile.mkdtemp(prefix="pvm-test-mount-"))
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
        )
        if IS_ROOT and shutil.which("mount")
        else None
    )
    if mounted is None or mounted.returncode != 0:
        folder.rmdir()
        reason = mounted.stderr.strip() if mounted is not None else "not root, or no mount tool"
        pytest.skip(f"cannot mount a small tmpfs here ({reason})")
    try:
        if setup is not None:
            setup(folder)
        if read_only:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        with contextlib.suppress(OSError):
            folder.rmdir()
