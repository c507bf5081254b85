"""pvm's state folder is its user's alone: one made or planted by someone else is neither written in nor
trusted.

``XDG_STATE_HOME`` may point somewhere shared, and a folder (or a link) may be there before pvm is: its
owner could read names, delete recovery copies, or plant a copy for pvm to offer back into a matrix. Files
there that are not the user's own (a link, a pipe, another user's file) are never read.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pvm_tui import recent, recovery_store, state, store
from pvm_tui.model import Company, Matrix

REPO = Path(__file__).resolve().parent.parent
MATRIX = Matrix(company=Company(name="Acme"), language="en")
SOMEONE_ELSE = 65534  # "nobody" on most systems

needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another user takes root"
)


def run_pvm(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pvm_tui", *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )


@needs_root
def test_a_state_folder_someone_else_made_is_not_written_in(tmp_path: Path) -> None:
    top = state.folder()
    (top / "recovery").mkdir(parents=True)
    for folder in (top, top / "recovery"):
        folder.chmod(0o777)
        os.chown(folder, SOMEONE_ELSE, -1)
    file = tmp_path / "m.toml"
    with pytest.raises(store.MatrixFileError) as refused:
        recovery_store.write(recovery_store.copy_path(file), MATRIX, file, None)
    said = f"{top}: cannot keep recovery copies in this folder: it belongs to another user"
    assert str(refused.value) == said
    recent.remember(file)  # never fails, and writes nothing there either
    assert os.listdir(top) == ["recovery"] and os.listdir(top / "recovery") == []


@needs_root
def test_a_link_planted_as_the_state_folder_is_not_followed_into_someone_elses_folder(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, SOMEONE_ELSE, -1)
    state.folder().parent.mkdir(parents=True, exist_ok=True)
    state.folder().symlink_to(theirs)
    file = tmp_path / "m.toml"
    with pytest.raises(store.MatrixFileError, match="it belongs to another user"):
        recovery_store.write(recovery_store.copy_path(file), MATRIX, file, None)
    assert os.listdir(theirs) == []


@needs_root
def test_a_copy_planted_by_another_user_is_never_offered_back(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    file.write_text('[company]\nname = "Acme"\n', encoding="utf-8")
    planted = recovery_store.copy_path(file)
    recovery_store.write(planted, Matrix(company=Company(name="Evil"), language="en"), file, None)
    os.chown(planted, SOMEONE_ELSE, -1)
    assert recovery_store.copies_for(file) == []
    listing = run_pvm("recover")
    assert " 1  damaged, cannot be read: is not a recovery copy of yours" in listing.stdout
    refused = run_pvm("recover", "--restore", "1")
    assert refused.returncode == 2
    assert file.read_text(encoding="utf-8") == '[company]\nname = "Acme"\n'


def test_a_link_among_the_copies_is_not_read(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    elsewhere = tmp_path / "elsewhere.toml"
    recovery_store.write(recovery_store.copy_path(elsewhere), MATRIX, file, None)
    os.replace(recovery_store.copy_path(elsewhere), elsewhere)
    recovery_store.copy_path(file).symlink_to(elsewhere)
    assert recovery_store.copies_for(file) == []
    with pytest.raises(store.MatrixFileError, match="is not a recovery copy of yours"):
        recovery_store.read(recovery_store.copy_path(file))


@pytest.mark.parametrize("name", ["recent.json", "view.json"])
def test_a_pipe_in_place_of_a_state_file_does_not_hang_pvm(name: str, tmp_path: Path) -> None:
    top = state.private_folder(state.folder())
    os.mkfifo(top / name)
    # Reading a pipe waits for a writer that never comes: the start screen would never be drawn.
    code = "from pvm_tui import recent, view_choice; print(recent.load(), view_choice.whole_text())"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=30,
    )
    assert (result.returncode, result.stdout) == (0, "[] False\n")


def test_a_state_folder_the_user_linked_to_a_folder_of_their_own_is_used_and_made_private(
    tmp_path: Path,
) -> None:
    mine = tmp_path / "elsewhere"
    mine.mkdir()
    mine.chmod(0o775)  # as a umask of 002 makes it
    state.folder().parent.mkdir(parents=True, exist_ok=True)
    state.folder().symlink_to(mine)
    file = tmp_path / "m.toml"
    recovery_store.write(recovery_store.copy_path(file), MATRIX, file, None)
    assert (mine / "recovery").is_dir()
    assert os.stat(mine).st_mode & 0o777 == 0o700
    assert recovery_store.read(recovery_store.copy_path(file)).matrix == MATRIX
