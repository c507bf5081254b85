"""pvm's state folder is private: folders 0700, files 0600, and what exists already is tightened."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pvm_tui import recent, recovery_store, state
from pvm_tui.model import Company, Matrix

MATRIX = Matrix(company=Company(name="Acme"), language="en")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    """The umask most systems have (022): files would come out 0644 without pvm's care."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_state_folder_and_recent_list_are_private(tmp_path: Path) -> None:
    (tmp_path / "m.toml").write_text("", encoding="utf-8")
    recent.remember(tmp_path / "m.toml")
    assert mode_of(state.folder()) == 0o700
    assert mode_of(state.folder() / "recent.json") == 0o600


def test_a_recovery_copy_and_its_folder_are_private(tmp_path: Path) -> None:
    path = recovery_store.copy_path(tmp_path / "m.toml")
    recovery_store.write(path, MATRIX, tmp_path / "m.toml", None)
    assert mode_of(state.folder()) == 0o700
    assert mode_of(recovery_store.folder()) == 0o700
    assert mode_of(path) == 0o600


def test_what_an_earlier_pvm_left_open_is_tightened(tmp_path: Path) -> None:
    folder = state.folder()
    (folder / "recovery").mkdir(parents=True)
    folder.chmod(0o755)
    (folder / "recovery").chmod(0o755)
    old_copy = folder / "recovery" / "old.toml-0123456789ab.toml"
    old_copy.write_text("# a copy from an earlier pvm\n", encoding="utf-8")
    listing, log = folder / "recent.json", folder / "crash.log"
    listing.write_text("[]", encoding="utf-8")
    log.write_text("pvm crashed\n", encoding="utf-8")
    for path in (old_copy, listing, log):
        path.chmod(0o644)
    # A link in the folder is not followed: what it points to is not pvm's to change.
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("", encoding="utf-8")
    elsewhere.chmod(0o644)
    (folder / "link").symlink_to(elsewhere)

    (tmp_path / "m.toml").write_text("", encoding="utf-8")
    recent.remember(tmp_path / "m.toml")

    assert mode_of(folder) == 0o700
    assert mode_of(folder / "recovery") == 0o700
    assert [mode_of(path) for path in (old_copy, listing, log)] == [0o600] * 3
    assert mode_of(elsewhere) == 0o644


def test_a_recovery_folder_left_open_is_tightened_when_a_copy_is_written(tmp_path: Path) -> None:
    recovery_store.folder().mkdir(parents=True)
    state.folder().chmod(0o755)
    recovery_store.folder().chmod(0o755)
    recovery_store.write(recovery_store.copy_path(tmp_path / "m.toml"), MATRIX, tmp_path / "m.toml", None)
    assert mode_of(state.folder()) == 0o700
    assert mode_of(recovery_store.folder()) == 0o700
