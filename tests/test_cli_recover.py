"""`pvm recover`: every recovery copy can be seen, restored or deleted, also damaged ones and
copies whose file was moved."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pvm_tui import recovery_store, store
from pvm_tui.model import COLUMN_BY_KEY, Matrix

RunPvm = Callable[..., subprocess.CompletedProcess[str]]
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "tinnitracks.en.toml"


def leave_copy(file: Path, matrix: Matrix, based_on: str | None) -> Path:
    """A copy as a pvm that has since ended leaves it (its process is gone)."""
    path = recovery_store.free_path(file)
    recovery_store.write(path, matrix, file, based_on)
    text = path.read_text(encoding="utf-8").replace(f"pid = {os.getpid()}\n", "pid = 0\n")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def edited(tmp_path: Path) -> tuple[Path, store.MatrixFile, Matrix, Path]:
    """A matrix file with a comment, and a copy of it with one cell changed."""
    file = tmp_path / "partners.toml"
    file.write_text("# our partners, kept by hand\n" + SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    mf = store.load(file)
    matrix = mf.saved.with_cell(0, COLUMN_BY_KEY["gets.money"], "A share of every sale")
    return file, mf, matrix, leave_copy(file, matrix, mf.fingerprint)


def test_no_copies_says_so(run_pvm: RunPvm) -> None:
    result = run_pvm("recover")
    assert result.returncode == 0
    assert result.stdout == "No recovery copies: no unsaved changes were left behind.\n"


def test_the_list_shows_file_time_and_what_a_copy_holds(run_pvm: RunPvm, edited) -> None:
    file, _mf, _matrix, copy = edited
    written = recovery_store.read(copy).written.strftime("%Y-%m-%d %H:%M")
    result = run_pvm("recover", "--list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Recovery copies: unsaved changes pvm kept",
        f" 1  {file}",
        f"    written {written} · Tinnitracks · 5 partners · 1 change the file does not have",
        f"    copy: ~/{copy.relative_to(Path.home())}",  # the state folder is in the home folder here
    ]
    assert "pvm recover --restore N" in result.stdout
    assert run_pvm("recover").stdout == result.stdout  # --list is what plain `pvm recover` does


def test_a_copy_whose_file_was_moved_is_listed_and_restored(run_pvm: RunPvm, edited, tmp_path: Path) -> None:
    file, _mf, matrix, copy = edited
    file.rename(tmp_path / "renamed.toml")
    listing = run_pvm("recover").stdout
    assert f" 1  {file}" in listing
    assert "the file is gone (moved, renamed or deleted)" in listing
    result = run_pvm("recover", "--restore", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Restored the unsaved changes into {file}; the copy is deleted.\n"
    assert store.load(file).saved == matrix
    assert not copy.exists()
    assert (tmp_path / "renamed.toml").read_bytes() != file.read_bytes()


def test_restoring_into_the_unchanged_file_keeps_its_comments_and_a_backup(run_pvm: RunPvm, edited) -> None:
    file, _mf, matrix, copy = edited
    before = file.read_bytes()
    result = run_pvm("recover", "--restore", copy.name)  # by the copy's name, too
    assert result.returncode == 0, result.stderr
    assert store.load(file).saved == matrix
    assert file.read_text(encoding="utf-8").startswith("# our partners, kept by hand\n")
    assert file.with_name("partners.toml~").read_bytes() == before
    assert not copy.exists()
    assert run_pvm("recover").stdout.startswith("No recovery copies")


def test_a_file_changed_after_the_copy_is_never_overwritten(run_pvm: RunPvm, edited, tmp_path: Path) -> None:
    file, _mf, matrix, copy = edited
    theirs = file.read_text(encoding="utf-8").replace("Tinnitracks", "Tinnitracks GmbH", 1)
    file.write_text(theirs, encoding="utf-8")
    assert "the file changed after the copy was made" in run_pvm("recover").stdout
    result = run_pvm("recover", "--restore", "1")
    assert result.returncode == 2
    assert result.stderr == (
        f"pvm recover: {file} changed after the copy was made; restore into a new file with "
        "-o NEW.toml and compare the two with `pvm diff`\n"
    )
    assert file.read_text(encoding="utf-8") == theirs and copy.exists()
    # Into a new file it goes; over another existing file it does not.
    other = tmp_path / "other.toml"
    other.write_text("# someone's notes\n", encoding="utf-8")
    refused = run_pvm("recover", "--restore", "1", "-o", str(other))
    assert refused.returncode == 2 and refused.stderr.startswith(f"pvm recover: {other} already exists")
    assert other.read_text(encoding="utf-8") == "# someone's notes\n"
    result = run_pvm("recover", "--restore", "1", "-o", str(tmp_path / "mine.toml"))
    assert result.returncode == 0, result.stderr
    assert store.load(tmp_path / "mine.toml").saved == matrix
    assert file.read_text(encoding="utf-8") == theirs


def test_a_damaged_copy_is_listed_with_its_reason_and_can_be_deleted(run_pvm: RunPvm, edited) -> None:
    _file, _mf, _matrix, copy = edited
    damaged = copy.with_name(copy.name.replace(".toml", ".2.toml"))
    damaged.write_text("this is [not TOML\n", encoding="utf-8")
    os.utime(damaged, (0, 0))  # old: listed after the readable copy
    listing = run_pvm("recover").stdout.splitlines()
    assert listing[4].startswith(" 2  damaged, cannot be read: not valid TOML")
    assert listing[5].endswith(damaged.name)
    refused = run_pvm("recover", "--restore", "2")
    assert refused.returncode == 2
    assert refused.stderr.startswith("pvm recover: copy 2 cannot be read (not valid TOML")
    assert refused.stderr.endswith("`pvm recover --delete 2` deletes it\n")
    result = run_pvm("recover", "--delete", "2")
    assert result.returncode == 0, result.stderr
    assert not damaged.exists() and copy.exists()


def test_a_copy_another_pvm_may_still_be_writing_is_left_alone(run_pvm: RunPvm, tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    # written by this process, which is still running
    recovery_store.write(recovery_store.free_path(file), Matrix(), file, None)
    result = run_pvm("recover", "--delete", "1")
    assert result.returncode == 2
    assert (
        result.stderr
        == f"pvm recover: pvm (process {os.getpid()}) may still be editing it; end that pvm first\n"
    )
    assert recovery_store.paths_for(file)


def test_restoring_to_a_dash_keeps_the_copy_and_makes_no_file_named_dash(
    run_pvm: RunPvm, edited, tmp_path: Path
) -> None:
    """`-o -` is standard output for every other command; here it made a file "-" and deleted the copy."""
    file, _mf, _matrix, copy = edited
    before = file.read_bytes()
    result = run_pvm("recover", "--restore", "1", "-o", "-", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "pvm recover: -o - would hand the copy to standard output and delete it; name a new file, "
        f"or print the copy with `pvm show ~/{copy.relative_to(Path.home())}`\n"
    )
    assert copy.exists() and file.read_bytes() == before
    assert not (tmp_path / "-").exists()


def test_no_such_copy_is_one_line(run_pvm: RunPvm, edited) -> None:
    result = run_pvm("recover", "--delete", "7")
    assert result.returncode == 2
    assert result.stderr == "pvm recover: there is no recovery copy 7; `pvm recover --list` lists them\n"


def test_the_list_speaks_dutch(run_pvm: RunPvm, edited) -> None:
    result = run_pvm("recover", "--lang", "nl")
    assert result.stdout.startswith("Herstelkopieën: niet-opgeslagen wijzigingen die pvm bewaarde\n")
    assert "1 wijziging die niet in het bestand staat" in result.stdout
