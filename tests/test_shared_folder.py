"""Saving in a folder others can write in (mode 1777, like /tmp): no planted name redirects a write.

Every file a save creates has a random name and is opened with ``O_EXCL``
and ``O_NOFOLLOW``, so a link another user planted under a name pvm might
use is never followed onto a file of the person saving. A link another user
planted under the very name given (``-o /tmp/report.csv``) is not followed
either: the kernel's ``protected_symlinks`` rule, which pvm's own resolving
of links would otherwise get round.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from safety_helpers import IS_ROOT, nobody

from pvm_tui import atomic, cli, store
from pvm_tui.model import Company, Matrix

OWNER_UID = 54321
"""The person saving: an ordinary user other than ``nobody`` (who plants the links)."""

MATRIX = Matrix(company=Company(name="Acme"), language="en")
RENAMED = MATRIX.with_company(Company(name="Acme B.V."))


@contextmanager
def sticky_folder() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="pvm-test-shared-"))
    try:
        folder.chmod(0o1777)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def as_user(uid: int, gid: int, work: Callable[[], str]) -> str:
    """``work()`` run in a child as ``uid``; its result, or "!" and the traceback."""
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


@pytest.mark.skipif(not IS_ROOT, reason="needs root to act as two users")
def test_a_link_planted_at_the_backup_staging_name_is_not_followed() -> None:
    with sticky_folder() as folder:
        matrix, victim = folder / "m.toml", folder / "diary.txt"

        def owner_writes() -> str:
            store.save(store.new_file(matrix, MATRIX), MATRIX)
            victim.write_text("my own words\n")
            return "ok"

        assert as_user(OWNER_UID, OWNER_UID, owner_writes) == "ok"
        uid, gid = nobody()
        # Another user plants links under every name a save of m.toml was known to use.
        planted = [".m.toml~.tmp", ".m.toml~.tmp~"]

        def other_plants() -> str:
            for name in planted:
                os.symlink(victim, folder / name)
            return "ok"

        assert as_user(uid, gid, other_plants) == "ok"

        def owner_saves() -> str:
            mf = store.load(matrix)
            try:
                store.save(mf, RENAMED)
            except store.MatrixFileError as error:
                return str(error)
            return "saved"

        assert as_user(OWNER_UID, OWNER_UID, owner_saves) == "saved"
        assert victim.read_text() == "my own words\n"
        assert 'name = "Acme B.V."' in matrix.read_text()
        assert 'name = "Acme"' in (folder / "m.toml~").read_text()
        for name in planted:
            assert (folder / name).is_symlink()


def test_without_hard_links_the_backup_copy_never_follows_a_planted_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file system without hard links (FAT, some network shares) makes the
    # backup by copying; a link that appears under the copy's name in that
    # instant must not be written through.
    matrix, victim = tmp_path / "m.toml", tmp_path / "diary.txt"
    store.save(store.new_file(matrix, MATRIX), MATRIX)
    victim.write_text("my own words\n")

    def no_hard_links(source: object, target: object, *args: object, **kwargs: object) -> None:
        # Plant a link under the name pvm is about to use, as a racing user would.
        os.symlink(victim, target)  # type: ignore[arg-type]
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_hard_links)
    store.save(store.load(matrix), RENAMED)
    assert victim.read_text() == "my own words\n"
    assert 'name = "Acme B.V."' in matrix.read_text()
    assert 'name = "Acme"' in (tmp_path / "m.toml~").read_text()


def export_as_owner(folder: Path, target: Path) -> str:
    """`pvm export` of a matrix in ``folder`` to ``target``, run as the owner: "status|stderr"."""
    import contextlib
    import io

    source = folder / "m.toml"
    # Everything the command imports, imported before the child drops root (it may not read them).
    cli.main(["export", str(SAMPLE), "-f", "csv", "-o", str(folder / "warm.csv")])

    def export() -> str:
        said = io.StringIO()
        with contextlib.redirect_stderr(said):
            status = cli.main(["export", str(source), "-f", "csv", "-o", str(target)])
        return f"{status}|{said.getvalue()}"

    return as_user(OWNER_UID, OWNER_UID, export)


SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "tinnitracks.en.toml"


@pytest.mark.skipif(not IS_ROOT, reason="needs root to act as two users")
@pytest.mark.parametrize("planted", ["report.csv", "shared/report.csv"])
def test_an_export_never_follows_a_link_another_user_planted_in_a_shared_folder(planted: str) -> None:
    with sticky_folder() as folder:
        home = folder / "home"
        home.mkdir()
        shutil.copy(SAMPLE, folder / "m.toml")
        victim = home / ".bashrc"
        victim.write_text("my own settings\n")
        for path in (home, victim, folder / "m.toml"):
            os.chown(path, OWNER_UID, OWNER_UID)
        uid, gid = nobody()

        def other_plants() -> str:
            # A link to the owner's file, or a link to the owner's folder on the way to it.
            os.symlink(victim, folder / "report.csv")
            os.symlink(home, folder / "shared")
            return "ok"

        assert as_user(uid, gid, other_plants) == "ok"
        target = folder / "shared" / ".bashrc" if planted.startswith("shared/") else folder / planted
        status, said = export_as_owner(folder, target).split("|", 1)
        link = folder / planted.split("/")[0]
        assert (status, said) == (
            "2",
            f"pvm: {target}: cannot save: {link} is a link another user made in a shared folder; "
            "pvm does not write through it\n",
        )
        assert victim.read_text() == "my own settings\n"


@pytest.mark.skipif(not IS_ROOT, reason="needs root to act as two users")
def test_an_export_follows_a_link_of_the_owners_own_in_a_shared_folder() -> None:
    with sticky_folder() as folder:
        shutil.copy(SAMPLE, folder / "m.toml")
        kept = folder / "kept.csv"
        kept.write_text("old\n")
        os.symlink(kept, folder / "report.csv")
        for path in (kept, folder / "m.toml"):
            os.chown(path, OWNER_UID, OWNER_UID)
        os.chown(folder / "report.csv", OWNER_UID, OWNER_UID, follow_symlinks=False)
        assert export_as_owner(folder, folder / "report.csv") == "0|"
        assert kept.read_text(encoding="utf-8-sig").startswith("partner,")
        assert (folder / "report.csv").is_symlink()
