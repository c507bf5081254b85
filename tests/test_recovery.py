"""Recovery copies on disk: where they live, what they hold, and which copy is newer than its file."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from test_roundtrip_properties import matrices, profile, values_in

from pvm_tui import recovery_store, store
from pvm_tui.model import COLUMNS, Matrix, Partner

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "tinnitracks.en.toml"


def sample_matrix() -> Matrix:
    return store.load(SAMPLE).saved


# -- names -------------------------------------------------------------------------------------


def test_copies_live_in_the_state_folder(clean_environment: Path) -> None:
    assert recovery_store.folder() == clean_environment / "state" / "pvm" / "recovery"


def test_a_copy_is_named_after_the_file_and_a_hash_of_its_path(tmp_path: Path) -> None:
    one, other = tmp_path / "a" / "partners.toml", tmp_path / "b" / "partners.toml"
    assert recovery_store.copy_path(one).name.startswith("partners.toml-")
    assert recovery_store.copy_path(one).suffix == ".toml"
    assert recovery_store.copy_path(one) != recovery_store.copy_path(other)
    assert recovery_store.copy_path(one) == recovery_store.copy_path(str(one))
    assert recovery_store.copy_path(one, 2).name == recovery_store.base_name(one) + ".2.toml"


def test_a_relative_path_and_a_link_name_the_same_copy(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "real.toml"
    target.write_text("", encoding="utf-8")
    (tmp_path / "link.toml").symlink_to(target)
    monkeypatch.chdir(tmp_path)
    assert recovery_store.copy_path(Path("real.toml")) == recovery_store.copy_path(target)
    assert recovery_store.copy_path(tmp_path / "link.toml") == recovery_store.copy_path(target)


def test_any_file_name_makes_a_safe_visible_copy_name(tmp_path: Path) -> None:
    for name in (".hidden.toml", "with space.toml", "ünïcode 日本.toml", "a\nb.toml", "x" * 240, "..."):
        copy = recovery_store.copy_path(tmp_path / name)
        assert copy.parent == recovery_store.folder()
        assert not copy.name.startswith(".")
        assert all(c.isascii() and (c.isalnum() or c in "._-") for c in copy.name), copy.name
        assert len(copy.name) < 80


def test_free_path_skips_slots_that_hold_a_copy(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    assert recovery_store.free_path(file) == recovery_store.copy_path(file, 1)
    recovery_store.write(recovery_store.copy_path(file, 1), Matrix(), file, None)
    assert recovery_store.free_path(file) == recovery_store.copy_path(file, 2)
    recovery_store.write(recovery_store.copy_path(file, 2), Matrix(), file, None)
    assert recovery_store.free_path(file) == recovery_store.copy_path(file, 3)
    assert recovery_store.paths_for(file) == [
        recovery_store.copy_path(file, 1),
        recovery_store.copy_path(file, 2),
    ]


# -- write, read, remove -----------------------------------------------------------------------


def test_write_then_read_gives_the_matrix_and_where_it_came_from(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    matrix = sample_matrix().with_cell(0, COLUMNS[0], 'Sennheiser "GmbH"\n\\ second line')
    path = recovery_store.copy_path(file)
    before = dt.datetime.now().astimezone()
    recovery_store.write(path, matrix, file, "abc123")
    copy = recovery_store.read(path)
    assert copy.matrix == matrix
    assert copy.file == file.resolve()
    assert copy.based_on == "abc123"
    assert copy.pid == os.getpid()
    assert before <= copy.written <= dt.datetime.now().astimezone()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_copy_is_a_matrix_file_pvm_show_prints(tmp_path: Path, run_pvm) -> None:
    path = recovery_store.copy_path(tmp_path / "m.toml")
    recovery_store.write(
        path, sample_matrix().with_cell(1, COLUMNS[0], "Recovered partner"), tmp_path / "m.toml", None
    )
    assert store.load(path).saved.partners[1].name == "Recovered partner"
    result = run_pvm("show", str(path), "--plain")
    assert result.returncode == 0, result.stderr
    assert "Recovered partner" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# pvm recovery copy")
    assert "[recovery]" in text


@profile
@given(matrices)
def test_any_matrix_survives_a_copy_and_tomllib_reads_the_same(matrix: Matrix) -> None:
    text = recovery_store.dumps(matrix, Path("/tmp/any.toml"), None)
    assert store.parse(text)[0] == matrix
    assert values_in(text) == matrix


def test_a_lone_surrogate_is_written_as_a_replacement_character() -> None:
    text = recovery_store.dumps(Matrix(partners=(Partner(name="a\ud800b"),)), Path("/x.toml"), None)
    assert store.parse(text)[0].partners[0].name == "a\ufffdb"


def test_remove_and_remove_all(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    for slot in (1, 2):
        recovery_store.write(recovery_store.copy_path(file, slot), Matrix(), file, None)
    recovery_store.remove(recovery_store.copy_path(file, 1))
    recovery_store.remove(recovery_store.copy_path(file, 1))  # already gone: fine
    assert recovery_store.paths_for(file) == [recovery_store.copy_path(file, 2)]
    recovery_store.remove_all(file)
    assert recovery_store.paths_for(file) == []


def test_remove_all_leaves_the_copy_of_a_pvm_that_still_runs(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        path = recovery_store.copy_path(file)
        recovery_store.write(path, Matrix(), file, None)
        path.write_text(
            path.read_text(encoding="utf-8").replace(f"pid = {os.getpid()}", f"pid = {other.pid}")
        )
        copy = recovery_store.read(path)
        assert copy.maybe_running()
        recovery_store.remove_all(file)
        assert path.exists()
    finally:
        other.kill()
        other.wait()
    assert not recovery_store.read(path).maybe_running()
    recovery_store.remove_all(file)
    assert not path.exists()


def test_copies_for_lists_readable_copies_newest_first(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    older = dt.datetime(2026, 1, 1, 12, 0).astimezone()
    for slot, when, name in ((1, older, "old"), (2, older + dt.timedelta(hours=1), "new")):
        text = recovery_store.dumps(Matrix(partners=(Partner(name=name),)), file, None, now=when)
        recovery_store.folder().mkdir(parents=True, exist_ok=True)
        recovery_store.copy_path(file, slot).write_text(text, encoding="utf-8")
    recovery_store.copy_path(file, 3).write_text("not toml [[[", encoding="utf-8")
    recovery_store.copy_path(file, 4).write_text('format = "partnerwaarde-matrix"\n', encoding="utf-8")
    copies = recovery_store.copies_for(file)
    assert [copy.matrix.partners[0].name for copy in copies] == ["new", "old"]
    assert recovery_store.copy_path(file, 3).exists(), "a copy that cannot be read is left alone"


# -- newer than the file? -----------------------------------------------------------------------


def test_a_copy_of_a_file_that_does_not_exist_is_newer(tmp_path: Path) -> None:
    file = tmp_path / "missing.toml"
    recovery_store.write(recovery_store.copy_path(file), Matrix(), file, None)
    assert recovery_store.read(recovery_store.copy_path(file)).newer_than_file()


def test_a_copy_written_after_the_file_changed_is_newer_and_one_before_is_not(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    file.write_text("", encoding="utf-8")
    written = dt.datetime(2026, 3, 1, 10, 0).astimezone()
    recovery_store.folder().mkdir(parents=True, exist_ok=True)
    path = recovery_store.copy_path(file)
    path.write_text(recovery_store.dumps(Matrix(), file, None, now=written), encoding="utf-8")
    moment = written.timestamp()
    os.utime(file, (moment - 60, moment - 60))
    assert recovery_store.read(path).newer_than_file()
    os.utime(file, (moment + 60, moment + 60))
    assert not recovery_store.read(path).newer_than_file()


def test_only_a_living_other_process_on_this_host_may_be_running(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    path = recovery_store.copy_path(file)
    recovery_store.write(path, Matrix(), file, None)
    mine = recovery_store.read(path)
    assert not mine.maybe_running(), "this very process is not another pvm"
    parent = recovery_store.Recovery(**{**mine.__dict__, "pid": os.getppid()})
    assert parent.maybe_running()
    elsewhere = recovery_store.Recovery(**{**mine.__dict__, "pid": os.getppid(), "host": "another-host"})
    assert not elsewhere.maybe_running()


# -- restoring keeps the file's partners ----------------------------------------------------------


def test_with_keys_of_gives_matching_partners_the_files_keys() -> None:
    current = sample_matrix()
    recovered = store.parse(
        recovery_store.dumps(current.with_cell(1, COLUMNS[3], "new money"), SAMPLE, None)
    )[0]
    recovered = recovered.with_partner_added(0, Partner(name="Brand new"))
    keyed = recovery_store.with_keys_of(current, recovered)
    assert keyed == recovered
    assert [p.key for p in keyed.partners[1:]] == [p.key for p in current.partners]
    assert keyed.partners[0].key not in {p.key for p in current.partners}


def test_recovery_does_not_import_textual() -> None:
    code = "import sys, pvm_tui.recovery_store; print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=SAMPLE.parent.parent
    )
    assert out.stdout.strip() == "False"
