"""Saving keeps what the user has: permissions, links, other people's changes, the old file on failure."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from safety_helpers import IS_ROOT, immutable, nobody, public_folder, small_filesystem, unprivileged

from pvm_tui import store
from pvm_tui.model import COLUMN_BY_KEY, Company, Matrix, Partner, Side

MATRIX = Matrix(
    company=Company(name="Acme"),
    partners=(Partner(name="Sennheiser", brings=Side(resources="Headphones")),),
    language="en",
)
EDITED = MATRIX.with_cell(0, COLUMN_BY_KEY["gets.money"], "A share of the revenue\nin every country")


def write_matrix(path: Path, matrix: Matrix = MATRIX) -> store.MatrixFile:
    return store.save(store.new_file(path, matrix), matrix)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- what a save keeps ----------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o660, 0o604])
def test_a_save_keeps_the_permission_bits(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "partners.toml"
    write_matrix(path)
    path.chmod(mode)
    store.save(store.load(path), EDITED)
    assert mode_of(path) == mode
    assert store.load(path).saved == EDITED
    assert mode_of(tmp_path / "partners.toml~") == mode  # the backup is no more readable than the file


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old_mask = os.umask(0o027)
    try:
        write_matrix(tmp_path / "partners.toml")
    finally:
        os.umask(old_mask)
    assert mode_of(tmp_path / "partners.toml") == 0o640


@pytest.mark.skipif(not IS_ROOT, reason="giving a file to another user needs root")
def test_a_save_keeps_the_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    write_matrix(path)
    uid, gid = nobody()
    os.chown(path, uid, gid)
    store.save(store.load(path), EDITED)
    assert (path.stat().st_uid, path.stat().st_gid) == (uid, gid)


@pytest.mark.skipif(not IS_ROOT, reason="a file of a group the saver is not in needs root to set up")
def test_a_group_that_cannot_be_kept_gets_no_more_than_others() -> None:
    """A file shared with one group is never handed, readable, to another group."""
    with public_folder() as folder:
        folder.chmod(0o777)
        path = folder / "partners.toml"
        write_matrix(path)
        uid, _gid = nobody()
        os.chown(path, uid, 0)  # nobody's file, but of root's group, which nobody is not in
        path.chmod(0o660)
        mf = store.load(path)
        assert unprivileged(lambda: str(store.save(mf, EDITED).path)) == str(path)
        assert path.stat().st_gid != 0
        assert mode_of(path) == 0o600
        assert store.load(path).saved == EDITED


def test_saving_through_a_link_writes_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "real" / "partners.toml"
    write_matrix(target)
    link = tmp_path / "links" / "partners.toml"
    link.symlink_to(Path("..") / "real" / "partners.toml")
    store.save(store.load(link), EDITED)
    assert link.is_symlink() and os.readlink(link) == str(Path("..") / "real" / "partners.toml")
    assert store.load(target).saved == EDITED
    # The previous version is kept beside the file itself, not beside the link.
    assert store.load(tmp_path / "real" / "partners.toml~").saved == MATRIX
    assert sorted(os.listdir(tmp_path / "links")) == ["partners.toml"]


def test_saving_through_a_link_to_a_missing_file_creates_the_file(tmp_path: Path) -> None:
    link = tmp_path / "partners.toml"
    link.symlink_to("elsewhere.toml")
    write_matrix(link)
    assert link.is_symlink()
    assert store.load(tmp_path / "elsewhere.toml").saved == MATRIX


def test_the_previous_version_is_kept_as_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    mf = write_matrix(path)
    store.save(mf, EDITED)
    assert store.load(tmp_path / "partners.toml~").saved == MATRIX
    assert store.load(path).saved == EDITED


# -- someone else changed the file -------------------------------------------------------


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    write_matrix(path)
    mf = store.load(path)
    theirs = path.read_text(encoding="utf-8").replace("Headphones", "Headphones, from git pull")
    path.write_text(theirs, encoding="utf-8")
    with pytest.raises(store.FileChangedError) as caught:
        store.save(mf, EDITED)
    assert str(caught.value) == f"{path}: changed on disk since pvm read it; not overwriting it"
    assert path.read_text(encoding="utf-8") == theirs
    # The editor offers "overwrite": then the save goes ahead.
    store.save(mf, EDITED, overwrite=True)
    assert store.load(path).saved == EDITED
    # And the next save is compared against what this one wrote.
    store.save(mf, MATRIX)
    assert store.load(path).saved == MATRIX


def test_a_new_matrix_never_overwrites_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    path.write_text("# someone's notes\n", encoding="utf-8")
    with pytest.raises(store.FileChangedError, match="already exists; not overwriting it"):
        write_matrix(path)
    assert path.read_text(encoding="utf-8") == "# someone's notes\n"


def test_save_as_onto_another_existing_file_asks_first(tmp_path: Path) -> None:
    mine, other = tmp_path / "mine.toml", tmp_path / "other.toml"
    mf = write_matrix(mine)
    other.write_text("# keep me\n", encoding="utf-8")
    with pytest.raises(store.FileChangedError, match="already exists"):
        store.save(mf, EDITED, path=other)
    assert other.read_text(encoding="utf-8") == "# keep me\n"
    store.save(mf, EDITED, path=other, overwrite=True)
    assert store.load(other).saved == EDITED
    assert store.load(mine).saved == MATRIX


def test_a_file_removed_meanwhile_is_written_again(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    mf = write_matrix(path)
    path.unlink()
    store.save(mf, EDITED)
    assert store.load(path).saved == EDITED


def test_an_existing_file_that_cannot_be_read_is_never_overwritten() -> None:
    with public_folder() as folder:
        folder.chmod(0o777)
        path = folder / "partners.toml"
        path.write_text("# private\n", encoding="utf-8")
        path.chmod(0o622)  # others may write but not read it
        if not IS_ROOT:
            path.chmod(0o222)
        message = unprivileged(lambda: _save_error(store.new_file(path, MATRIX), MATRIX))
        assert message == (
            f"{path}: cannot save: pvm cannot check what the file on disk holds "
            "(cannot read it: permission denied); not overwriting it"
        )
        path.chmod(0o644)
        assert path.read_text(encoding="utf-8") == "# private\n"


# -- failed saves: one line, old file untouched, nothing left behind ----------------------


def _save_error(mf: store.MatrixFile, matrix: Matrix, **options: object) -> str:
    try:
        store.save(mf, matrix, **options)  # type: ignore[arg-type]
    except store.MatrixFileError as error:
        return str(error)
    return "saved"


def assert_failed_cleanly(
    message: str, expected: str, path: Path, old: bytes, others: tuple[str, ...] = ()
) -> None:
    assert message == f"{path}: cannot save: {expected}"
    assert "\n" not in message
    assert path.read_bytes() == old
    assert sorted(os.listdir(path.parent)) == sorted((path.name, *others))


def test_a_read_only_file_is_not_replaced() -> None:
    """chmod 444, saved by an ordinary user, in a folder that user may write in."""
    with public_folder() as folder:
        folder.chmod(0o777)
        path = folder / "partners.toml"
        write_matrix(path)
        path.chmod(0o444)
        old, mf = path.read_bytes(), store.load(path)
        message = unprivileged(lambda: _save_error(mf, EDITED))
        assert_failed_cleanly(message, "the file is read-only", path, old)


def test_an_immutable_file_is_not_replaced_even_by_root(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    write_matrix(path)
    old, mf = path.read_bytes(), store.load(path)
    with immutable(path):
        message = _save_error(mf, EDITED)
    assert_failed_cleanly(message, "the file is read-only", path, old)


def test_a_read_only_folder_is_not_written_in() -> None:
    with public_folder() as folder:
        inner = folder / "matrices"
        inner.mkdir()
        path = inner / "partners.toml"
        write_matrix(path)
        path.chmod(0o666)
        inner.chmod(0o555)
        old, mf = path.read_bytes(), store.load(path)
        message = unprivileged(lambda: _save_error(mf, EDITED))
        assert_failed_cleanly(message, f"no permission to write in the folder {inner}", path, old)


def test_a_read_only_file_system_is_not_written_on() -> None:
    with small_filesystem(
        "1m", setup=lambda folder: write_matrix(folder / "partners.toml"), read_only=True
    ) as folder:
        path = folder / "partners.toml"
        old, mf = path.read_bytes(), store.load(path)
        message = _save_error(mf, EDITED)
        assert_failed_cleanly(message, "the file system is read-only", path, old)


def fill_up(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last block; returns the filler file."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as stream, pytest.raises(OSError, match="No space left"):
        while True:
            stream.write(b"x" * 4096)
    return filler


def test_a_full_disk_leaves_the_old_file_and_the_edits_can_be_saved_later() -> None:
    with small_filesystem("64k") as folder:
        path = folder / "partners.toml"
        mf = write_matrix(path)
        old = path.read_bytes()
        filler = fill_up(folder)
        big = MATRIX.with_cell(0, COLUMN_BY_KEY["gets.other"], "much more text\n" * 500)
        message = _save_error(mf, big)
        assert_failed_cleanly(message, "no space left on device", path, old, others=("filler",))
        # The edits are still in hand; with room again, the same save works.
        filler.unlink()
        store.save(mf, big)
        assert store.load(path).saved == big


def test_after_a_failed_save_the_next_save_writes_what_is_asked() -> None:
    """A failed save must not leave its edits in the document for a later save to write."""
    with small_filesystem("64k") as folder:
        path = folder / "partners.toml"
        mf = write_matrix(path)
        filler = fill_up(folder)
        big = MATRIX.with_cell(0, COLUMN_BY_KEY["gets.other"], "much more text\n" * 500)
        assert _save_error(mf, big).endswith("no space left on device")
        filler.unlink()
        # The user undid the edit and saves the matrix as it was.
        store.save(mf, MATRIX, overwrite=True)
        assert store.load(path).saved == MATRIX


def test_a_folder_that_is_gone_is_not_created_again(tmp_path: Path) -> None:
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    path = folder / "partners.toml"
    mf = write_matrix(path)
    shutil.rmtree(folder)
    message = _save_error(mf, EDITED)
    assert message == f"{path}: cannot save: the folder {folder} does not exist"
    assert not folder.exists()


def test_save_as_into_a_missing_folder_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    mf = write_matrix(path)
    old = path.read_bytes()
    elsewhere = tmp_path / "missing" / "partners.toml"
    message = _save_error(mf, EDITED, path=elsewhere)
    assert message == f"{elsewhere}: cannot save: the folder {elsewhere.parent} does not exist"
    assert path.read_bytes() == old
    assert sorted(os.listdir(tmp_path)) == ["partners.toml"]


def test_saving_onto_a_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    mf = write_matrix(path)
    (tmp_path / "folder.toml").mkdir()
    message = _save_error(mf, EDITED, path=tmp_path / "folder.toml")
    assert message == f"{tmp_path / 'folder.toml'}: cannot save: it is a folder"
    assert sorted(os.listdir(tmp_path)) == ["folder.toml", "partners.toml"]


def test_a_backup_that_cannot_be_made_stops_the_save(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    mf = write_matrix(path)
    old = path.read_bytes()
    (tmp_path / "partners.toml~").mkdir()
    message = _save_error(mf, EDITED)
    expected = "cannot keep the previous version as partners.toml~: it is a folder"
    assert_failed_cleanly(message, expected, path, old, others=("partners.toml~",))
    # Without a backup the save goes ahead.
    store.save(mf, EDITED, backup=False)
    assert store.load(path).saved == EDITED


def test_a_file_name_with_control_characters_stays_one_harmless_line(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b]0;owned\x07\nname.toml"
    message = _save_error(store.new_file(path, MATRIX), MATRIX, path=tmp_path / "missing" / path.name)
    assert "\n" not in message and "\x1b" not in message and "\x07" not in message
    assert "evil␛]0;owned␇␊name.toml" in message


def test_saving_onto_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    mf = write_matrix(path)
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)
    message = _save_error(mf, EDITED, path=pipe)
    assert message == f"{pipe}: cannot save: it is not a regular file"
    assert sorted(os.listdir(tmp_path)) == ["partners.toml", "pipe.toml"]


def test_a_backup_that_already_is_the_file_leaves_nothing_behind(tmp_path: Path) -> None:
    # What a save killed between making NAME~ and the final rename leaves: NAME~
    # is a hard link to NAME. rename() over the same file does nothing.
    path = tmp_path / "m.toml"
    path.write_bytes(b'[company]\nname = "old"\n')
    os.link(path, tmp_path / "m.toml~")
    store.write_atomically(path, b'[company]\nname = "new"\n')
    assert sorted(os.listdir(tmp_path)) == ["m.toml", "m.toml~"]
    assert (tmp_path / "m.toml~").read_bytes() == b'[company]\nname = "old"\n'


def test_a_change_made_during_a_slow_save_is_not_overwritten(tmp_path: Path, monkeypatch) -> None:
    # The first save of a large matrix parses the file with tomlkit, which
    # takes seconds; a colleague's change written in that time must survive.
    path = tmp_path / "partners.toml"
    write_matrix(path)
    mf = store.load(path)
    theirs = path.read_text(encoding="utf-8").replace("Headphones", "Headphones, from a colleague")
    slow_dumps = store.dumps

    def dumps_while_someone_writes(*args, **kwargs):
        text = slow_dumps(*args, **kwargs)
        path.write_text(theirs, encoding="utf-8")
        return text

    monkeypatch.setattr(store, "dumps", dumps_while_someone_writes)
    with pytest.raises(store.FileChangedError) as caught:
        store.save(mf, EDITED)
    assert str(caught.value) == f"{path}: changed on disk since pvm read it; not overwriting it"
    assert path.read_text(encoding="utf-8") == theirs
    assert [name for name in os.listdir(tmp_path) if name.endswith(".tmp")] == []


def test_a_new_file_another_writer_makes_in_the_last_instant_is_not_overwritten(
    tmp_path: Path, monkeypatch
) -> None:
    # Two `pvm new`, or two editors saving a new matrix under one name: the check that the
    # name is free passed, and the other's file lands before the rename would replace it.
    path = tmp_path / "partners.toml"
    theirs = "# the other writer's matrix\n"
    checks = 0
    check = store._check_unchanged

    def check_then_the_other_writes(target: Path, fingerprint: str | None) -> None:
        nonlocal checks
        check(target, fingerprint)
        checks += 1
        if checks == 2:  # the last check, right before the new file is given its name
            path.write_text(theirs, encoding="utf-8")

    monkeypatch.setattr(store, "_check_unchanged", check_then_the_other_writes)
    with pytest.raises(store.FileChangedError) as caught:
        store.save(store.new_file(path, MATRIX), MATRIX)
    assert str(caught.value) == f"{path}: already exists; not overwriting it"
    assert path.read_text(encoding="utf-8") == theirs
    assert os.listdir(tmp_path) == ["partners.toml"]


def test_a_file_name_too_long_for_a_backup_still_saves_with_one(tmp_path: Path) -> None:
    name = "p" * 248 + "ë.toml"  # 255 bytes, the longest a name may be: NAME~ cannot be made
    path = tmp_path / name
    mf = write_matrix(path)
    store.save(mf, EDITED)
    assert store.load(path).saved == EDITED
    backups = [entry for entry in os.listdir(tmp_path) if entry.endswith("~")]
    assert len(backups) == 1 and len(backups[0].encode()) == 255
    assert store.load(tmp_path / backups[0]).saved == MATRIX
