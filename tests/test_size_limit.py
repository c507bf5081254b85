"""What pvm writes it can read: a save or a recovery copy never goes past the size pvm reads.

The limits are made small here (20 KB instead of 16 MB) so the tests stay
quick; the rule is the same at any size.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pvm_tui import recovery_store, store
from pvm_tui.model import COLUMN_BY_KEY, Company, Matrix, Partner, Side

LIMIT = 20_000


@pytest.fixture(autouse=True)
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "MAX_FILE_BYTES", LIMIT)
    monkeypatch.setattr(recovery_store, "MAX_COPY_BYTES", 4 * LIMIT, raising=False)


def matrix_of(size: int) -> Matrix:
    """A matrix whose file is a little over ``size`` bytes."""
    partner = Partner(name="Sennheiser", brings=Side(resources="r" * size))
    return Matrix(company=Company(name="Acme"), partners=(partner,), language="en")


def grown(matrix: Matrix, size: int) -> Matrix:
    return matrix.with_cell(0, COLUMN_BY_KEY["gets.money"], "m" * size)


def test_a_save_past_the_limit_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    small = matrix_of(LIMIT - 1_000)
    mf = store.save(store.new_file(path, small), small)
    before = path.read_bytes()
    with pytest.raises(store.MatrixFileError) as caught:
        store.save(mf, grown(small, 2_000))
    message = str(caught.value)
    assert message.startswith(f"{path}: cannot save: the file would be ")
    assert message.endswith(
        "and pvm reads matrix files up to 0.02 MB; make some cells shorter (nothing was written)"
    )
    assert "\n" not in message
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["m.toml"]
    # Made short enough again, it saves, and what it saved opens.
    store.save(mf, grown(small, 200))
    assert store.load(path).saved == grown(small, 200)


def test_every_file_a_save_writes_opens_again(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    mf = store.save(store.new_file(path, matrix_of(0)), matrix_of(0))
    for size in range(LIMIT - 1_200, LIMIT + 200, 50):
        try:
            store.save(mf, matrix_of(size))
        except store.MatrixFileError as error:
            assert "cannot save: the file would be" in str(error)
        assert os.path.getsize(path) <= LIMIT
        assert store.load(path).saved == mf.saved


def test_a_copy_of_a_matrix_too_large_to_save_is_kept_and_offered(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    too_large = matrix_of(LIMIT + 5_000)
    recovery_store.write(recovery_store.copy_path(file), too_large, file, None)
    assert [copy.matrix for copy in recovery_store.copies_for(file)] == [too_large]


def test_a_copy_past_its_own_limit_is_refused_not_written_unreadable(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    path = recovery_store.copy_path(file)
    with pytest.raises(store.MatrixFileError) as caught:
        recovery_store.write(path, matrix_of(4 * LIMIT + 100), file, None)
    assert "cannot keep a recovery copy: it would be" in str(caught.value)
    assert "pvm reads recovery copies up to 0.08 MB" in str(caught.value)
    assert not os.path.lexists(path)


# -- partners: 16 MB of empty tables is a million of them ---------------------------------------


def test_a_file_of_more_partners_than_pvm_reads_is_one_line(run_pvm, tmp_path: Path) -> None:
    """16 MB of `[[partners]]` lines took `pvm check` 37 s and 1.4 GB; now the parse, and one line."""
    path = tmp_path / "many.toml"
    path.write_text("[[partners]]\n" * (store.MAX_PARTNERS + 1), encoding="utf-8")
    result = run_pvm("check", str(path))
    assert (result.returncode, result.stdout) == (2, "")
    said = f"pvm: {path}: has 100,001 partners; pvm reads matrices of up to 100,000 partners\n"
    assert result.stderr == said


def test_a_matrix_of_more_partners_than_pvm_reads_is_neither_saved_nor_kept_as_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text('[company]\nname = "Acme"\n', encoding="utf-8")
    mf = store.load(path)
    many = Matrix(partners=(Partner(name="p"),) * (store.MAX_PARTNERS + 1))
    with pytest.raises(store.MatrixFileError) as refused:
        store.save(mf, many)
    assert str(refused.value) == (
        f"{path}: cannot save: the matrix has 100,001 partners; "
        "pvm reads matrices of up to 100,000 partners (nothing was written)"
    )
    assert path.read_text(encoding="utf-8") == '[company]\nname = "Acme"\n'
    with pytest.raises(store.MatrixFileError, match="cannot keep a recovery copy: it would have 100,001"):
        recovery_store.write(recovery_store.copy_path(path), many, path, None)
    assert not recovery_store.copy_path(path).exists()
