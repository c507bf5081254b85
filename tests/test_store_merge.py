"""Saving changes only what the user changed in a file people also edit by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLES

from pvm_tui import store
from pvm_tui.model import COLUMN_BY_KEY, Matrix, Partner, Side

MONEY = COLUMN_BY_KEY["brings.money"]


def copy_of_sample(tmp_path: Path) -> Path:
    path = tmp_path / "tinnitracks.toml"
    shutil.copy(SAMPLES / "tinnitracks.toml", path)
    return path


def test_a_new_file_holds_every_partner(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    matrix = Matrix(
        partners=(Partner(name="One", brings=Side(money="m")), Partner(name="Two")), language="en"
    )
    store.save(store.new_file(path, matrix), matrix)
    assert store.load(path).saved == matrix
    # Both sides are laid out for someone who goes on by hand.
    assert path.read_text(encoding="utf-8").count("[partners.gets]") == 2


def test_moving_partners_and_back_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = copy_of_sample(tmp_path)
    original = path.read_bytes()
    mf = store.load(path)
    matrix = mf.saved
    last = len(matrix) - 1
    for moved in (matrix.with_partner_moved(0, 2), matrix.with_partner_moved(last, -3), matrix):
        store.save(mf, moved)
        assert store.load(path).saved == moved
    assert path.read_bytes() == original


def test_a_partner_back_after_undo_is_saved_as_it_is_now(tmp_path: Path) -> None:
    """A partner's old table must not bring back text the user had cleared before removing it."""
    path = copy_of_sample(tmp_path)
    mf = store.load(path)
    cleared = mf.saved.with_cell(1, MONEY, "")  # Zorgverzekeringen: money cleared, not saved yet
    store.save(mf, cleared.with_partner_removed(1))
    store.save(mf, cleared)  # undo the removal, and save
    assert store.load(path).saved == cleared


def test_an_unchanged_partner_gets_no_empty_tables_added(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    path.write_text(
        '[[partners]]\nname = "One"\n\n[[partners]]\nname = "Two"\nbrings.money = "m"\n', encoding="utf-8"
    )
    mf = store.load(path)
    store.save(mf, mf.saved.with_partner_moved(0, 1))
    # (The blank line that followed "One" moves with it, to the end of the file.)
    assert path.read_text(encoding="utf-8").rstrip("\n") == (
        '[[partners]]\nname = "Two"\nbrings.money = "m"\n\n[[partners]]\nname = "One"'
    )


def test_partners_written_as_inline_tables_stay_inline(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    path.write_text('partners = [\n  { name = "One" },\n  { name = "Two", gets = { other = "o" } },\n]\n')
    mf = store.load(path)
    edited = mf.saved.with_cell(0, MONEY, "two lines\nof money").with_partner_moved(1, -1)
    edited = edited.with_partner_added(9, Partner(name="Three"))
    store.save(mf, edited)
    assert store.load(path).saved == edited
    text = path.read_text(encoding="utf-8")
    assert "[[partners]]" not in text and text.startswith("partners = [")
