"""An outside change reaching an open editor, as data: reload, merge, the held cell, resolving."""

from __future__ import annotations

from pathlib import Path

from test_merge import BASE, MONEY, NAME, OTHER

from pvm_tui.merge import copies
from pvm_tui.merge.found import conflicts_in
from pvm_tui.merge.live import take_outside_change
from pvm_tui.merge.markers import Sides
from pvm_tui.merge.resolve import resolve
from pvm_tui.merge.words import DUTCH, ENGLISH
from pvm_tui.model import Partner, Side


def test_no_unsaved_changes_reloads_and_says_what_changed() -> None:
    theirs = (
        BASE.with_cell(0, MONEY, "a bigger loan")
        .with_cell(2, OTHER, "papers")
        .with_cell(2, NAME, "TU Delft")
        .with_partner_added(0, Partner(name="Investor", brings=Side(money="1M")))
    )
    outcome = take_outside_change(BASE, BASE, theirs)
    assert outcome.reloaded
    assert outcome.matrix == theirs
    assert outcome.summary(ENGLISH) == "3 cells changed, 1 partner added"
    assert outcome.summary(DUTCH) == "3 cellen gewijzigd, 1 partner toegevoegd"
    assert outcome.changed == {
        (1, "brings.money"),
        (3, "gets.other"),
        (3, "name"),
        (0, "name"),
        (0, "brings.money"),
    }
    # The cursor's partner is found again in its new row.
    assert outcome.rows == {0: 1, 1: 2, 2: 3}


def test_unsaved_changes_are_merged_with_the_outside_change() -> None:
    ours = BASE.with_cell(1, MONEY, "our text")
    theirs = BASE.with_partner_removed(0).with_cell(1, OTHER, "their text")  # Shop is now row 0 there
    outcome = take_outside_change(BASE, ours, theirs)
    assert not outcome.reloaded and not outcome.conflicts
    assert [p.name for p in outcome.matrix] == ["Shop", "University"]
    assert outcome.matrix.partners[0].brings.money == "our text"
    assert outcome.matrix.partners[1].gets.other == "their text"
    assert outcome.summary(ENGLISH) == "1 cell changed, 1 partner removed"
    assert outcome.rows == {1: 0, 2: 1}


def test_the_cell_open_in_the_editor_is_never_replaced_a_change_to_it_is_a_conflict() -> None:
    # Nothing typed yet: the editor still holds the base's text, and theirs changed that cell.
    theirs = BASE.with_cell(0, MONEY, "their loan").with_cell(1, OTHER, "brand")
    outcome = take_outside_change(BASE, BASE, theirs, open_cell=(0, "brings.money"))
    assert not outcome.reloaded
    assert [(c.row, c.field, c.sides) for c in outcome.conflicts] == [
        (0, "brings.money", Sides("a loan", "their loan"))
    ]
    assert outcome.matrix.partners[1].gets.other == "brand"
    assert outcome.summary(ENGLISH) == "2 cells changed, 1 conflict"
    # A cell open but not changed from outside is simply kept.
    calm = take_outside_change(BASE, BASE, BASE.with_cell(1, OTHER, "brand"), open_cell=(0, "brings.money"))
    assert calm.reloaded and not calm.conflicts


def test_a_partner_removed_outside_while_one_of_its_cells_is_open_is_a_conflict() -> None:
    outcome = take_outside_change(BASE, BASE, BASE.with_partner_removed(0), open_cell=(0, "brings.money"))
    assert [(c.row, c.field) for c in outcome.conflicts] == [(0, "name")]
    assert outcome.conflicts[0].sides.theirs_removed


def test_resolving_each_way() -> None:
    ours, theirs = BASE.with_cell(0, MONEY, "mine"), BASE.with_cell(0, MONEY, "theirs")
    merged = take_outside_change(BASE, ours, theirs).matrix
    (conflict,) = conflicts_in(merged)
    assert resolve(merged, conflict, "mine") == ours
    assert resolve(merged, conflict, "theirs") == theirs
    assert resolve(merged, conflict, "both").partners[0].brings.money == "mine\ntheirs"
    removed = take_outside_change(BASE, ours, BASE.with_partner_removed(0)).matrix
    (gone,) = conflicts_in(removed)
    assert resolve(removed, gone, "theirs") == BASE.with_partner_removed(0)
    assert resolve(removed, gone, "mine") == ours
    assert resolve(removed, gone, "both") == ours


def test_the_other_sides_version_is_kept_byte_for_byte_beside_the_recovery_copies(tmp_path: Path) -> None:
    data = b"# their comment\nformat = 'partnerwaarde-matrix'\n"
    first = copies.keep_theirs(tmp_path / "partners.toml", data)
    second = copies.keep_theirs(tmp_path / "partners.toml", data)
    assert first != second and first.read_bytes() == data == second.read_bytes()
    assert first.parent.name == "theirs" and first.parent.parent == copies.folder().parent
    assert first.name.startswith("partners.toml-")
    assert oct(first.stat().st_mode & 0o777) == "0o600"
