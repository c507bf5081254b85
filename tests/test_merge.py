"""The cell-by-cell three-way merge: a change on one side is kept; on both sides differently, a conflict."""

from __future__ import annotations

import datetime as dt

from pvm_tui.merge import markers
from pvm_tui.merge.found import conflicts_in
from pvm_tui.merge.markers import Sides
from pvm_tui.merge.three_way import merge
from pvm_tui.merge.words import ENGLISH
from pvm_tui.model import COLUMN_BY_KEY, Company, Matrix, Partner, Side

MONEY = COLUMN_BY_KEY["brings.money"]
OTHER = COLUMN_BY_KEY["gets.other"]
NAME = COLUMN_BY_KEY["name"]

BASE = Matrix(
    company=Company(name="Acme", location="Delft"),
    partners=(
        Partner(name="Bank", brings=Side(money="a loan"), gets=Side(money="interest")),
        Partner(name="Shop", brings=Side(channels="shelf space"), gets=Side(money="margin")),
        Partner(name="University", brings=Side(resources="research"), gets=Side(other="publications")),
    ),
    language="en",
)


def test_different_cells_changed_on_each_side_both_arrive() -> None:
    ours = BASE.with_cell(0, MONEY, "a bigger loan")
    theirs = BASE.with_cell(2, OTHER, "papers and students")
    result = merge(BASE, ours, theirs)
    assert result.clean
    assert result.matrix == BASE.with_cell(0, MONEY, "a bigger loan").with_cell(
        2, OTHER, "papers and students"
    )


def test_the_same_cell_changed_differently_is_a_conflict_holding_both_texts() -> None:
    result = merge(BASE, BASE.with_cell(0, MONEY, "a loan of 1M"), BASE.with_cell(0, MONEY, "no loan"))
    assert [(c.row, c.field, c.sides) for c in result.conflicts] == [
        (0, "brings.money", Sides("a loan of 1M", "no loan"))
    ]
    text = result.matrix.partners[0].brings.money
    assert text == "<<<<<<< mine\na loan of 1M\n=======\nno loan\n>>>>>>> theirs"
    assert conflicts_in(result.matrix) == result.conflicts


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    both = BASE.with_cell(1, MONEY, "a bigger shelf")
    assert merge(BASE, both, both).matrix == both


def test_a_renamed_and_moved_partner_is_still_the_same_partner() -> None:
    ours = BASE.with_cell(1, NAME, "The Shop").with_partner_moved(1, 1)  # renamed, now last
    theirs = BASE.with_cell(1, OTHER, "brand")
    result = merge(BASE, ours, theirs)
    assert result.clean
    assert [p.name for p in result.matrix] == ["Bank", "University", "The Shop"]
    assert result.matrix.partners[2].gets.other == "brand"


def test_partners_added_on_either_side_are_kept_in_their_places() -> None:
    ours = BASE.with_partner_added(1, Partner(name="Ours new"))
    theirs = BASE.with_partner_added(3, Partner(name="Theirs new"))
    result = merge(BASE, ours, theirs)
    assert result.clean
    assert [p.name for p in result.matrix] == ["Bank", "Ours new", "Shop", "University", "Theirs new"]


def test_a_partner_removed_on_one_side_and_left_alone_on_the_other_is_removed() -> None:
    result = merge(BASE, BASE.with_partner_removed(0), BASE.with_cell(2, OTHER, "papers"))
    assert result.clean
    assert [p.name for p in result.matrix] == ["Shop", "University"]


def test_removed_on_one_side_and_changed_on_the_other_is_a_conflict_not_a_loss() -> None:
    result = merge(BASE, BASE.with_cell(0, MONEY, "a bigger loan"), BASE.with_partner_removed(0))
    assert len(result.matrix) == 3
    kept = result.matrix.partners[0]
    assert kept.brings.money == "a bigger loan"
    assert [(c.row, c.field, c.sides) for c in result.conflicts] == [
        (0, "name", Sides("Bank", "", theirs_removed=True))
    ]
    assert kept.name == "<<<<<<< mine\nBank\n=======\n\n>>>>>>> theirs: removed the partner"
    assert conflicts_in(result.matrix) == result.conflicts


def test_company_fields_and_language_merge_the_same_way() -> None:
    ours = BASE.with_company(BASE.company.edit(name="Acme BV", location="Leiden"))
    theirs = BASE.with_company(BASE.company.edit(location="Utrecht", industry="Tools")).with_language("nl")
    result = merge(BASE, ours, theirs)
    assert result.matrix.language == "nl"
    assert result.matrix.company.name == "Acme BV"
    assert result.matrix.company.industry == "Tools"
    assert [(c.row, c.field, c.sides) for c in result.conflicts] == [
        (None, "location", Sides("Leiden", "Utrecht"))
    ]
    # The markers are in the merged matrix's language.
    assert result.matrix.company.location.startswith("<<<<<<< mijn versie\nLeiden\n")


def test_a_date_changed_on_both_sides_takes_the_later_one() -> None:
    ours = BASE.with_company(BASE.company.edit(date=dt.date(2026, 3, 1)))
    theirs = BASE.with_company(BASE.company.edit(date=dt.date(2026, 5, 1)))
    assert merge(BASE, ours, theirs).matrix.company.date == dt.date(2026, 5, 1)
    assert merge(BASE, theirs, ours).matrix.company.date == dt.date(2026, 5, 1)


def test_markers_read_back_what_was_written() -> None:
    for sides in (
        Sides("a", "b"),
        Sides("", "x\ny\n"),
        Sides("line\r\n", ""),
        Sides("n", "", theirs_removed=True),
    ):
        assert markers.read(markers.write(sides, ENGLISH)) == sides
    assert markers.read("<<<<<<< not a conflict") is None
    assert markers.read("plain text") is None
