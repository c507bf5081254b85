"""The matrix model: its columns, pure edits, and the mutual-value balance."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from pvm_tui.model import (
    CATEGORIES,
    COLUMN_BY_KEY,
    COLUMNS,
    Balance,
    BalanceSummary,
    Company,
    Matrix,
    Partner,
    Side,
    columns_of_step,
)


def names(matrix: Matrix) -> list[str]:
    return [partner.name for partner in matrix.partners]


def abc() -> Matrix:
    return Matrix(partners=(Partner(name="A"), Partner(name="B"), Partner(name="C")))


# -- columns and steps -------------------------------------------------------


def test_columns_follow_the_template_name_then_four_brings_then_four_gets() -> None:
    assert [column.key for column in COLUMNS] == [
        "name",
        "brings.resources",
        "brings.channels",
        "brings.money",
        "brings.other",
        "gets.resources",
        "gets.channels",
        "gets.money",
        "gets.other",
    ]
    assert [column.step for column in COLUMNS] == [1, 2, 2, 2, 2, 3, 3, 3, 3]


def test_columns_of_each_step() -> None:
    assert columns_of_step(1) == (COLUMN_BY_KEY["name"],)
    assert [c.category for c in columns_of_step(2)] == list(CATEGORIES)
    assert {c.side for c in columns_of_step(2)} == {"brings"}
    assert {c.side for c in columns_of_step(3)} == {"gets"}


# -- edits -------------------------------------------------------------------


def test_with_cell_changes_one_cell_and_leaves_the_old_matrix_alone() -> None:
    before = abc()
    after = before.with_cell(1, COLUMN_BY_KEY["gets.money"], "commissie")
    assert after.partners[1].gets.money == "commissie"
    assert after.partners[1].gets.resources == ""
    assert after.partners[1].brings == Side()
    assert after.partners[0] == before.partners[0] and after.partners[2] == before.partners[2]
    assert before.partners[1].gets.money == ""


def test_with_cell_on_the_name_column_renames_and_keeps_the_partner_identity() -> None:
    before = abc()
    after = before.with_cell(0, COLUMN_BY_KEY["name"], "Sennheiser")
    assert names(after) == ["Sennheiser", "B", "C"]
    assert after.partners[0].key == before.partners[0].key


def test_every_column_can_be_written_and_read_back() -> None:
    matrix = Matrix(partners=(Partner(),))
    for column in COLUMNS:
        matrix = matrix.with_cell(0, column, f"text of {column.key}\nsecond line")
    partner = matrix.partners[0]
    assert [partner.cell(column) for column in COLUMNS] == [f"text of {c.key}\nsecond line" for c in COLUMNS]


def test_unknown_category_is_an_error_not_a_silent_new_field() -> None:
    with pytest.raises(KeyError):
        Side().get("profit")
    with pytest.raises(KeyError):
        Side().with_category("profit", "x")
    with pytest.raises(KeyError):
        Partner().side("takes")


def test_partner_key_is_identity_not_content() -> None:
    assert Partner(name="A") == Partner(name="A")
    assert Partner(name="A").key != Partner(name="A").key


def test_add_partner_at_an_index_default_blank() -> None:
    matrix = abc().with_partner_added(1)
    assert names(matrix) == ["A", "", "B", "C"]
    assert matrix.partners[1].is_blank
    matrix = abc().with_partner_added(3, Partner(name="D"))
    assert names(matrix) == ["A", "B", "C", "D"]


@pytest.mark.parametrize(("index", "expected"), [(-5, ["X", "A", "B", "C"]), (99, ["A", "B", "C", "X"])])
def test_add_partner_clamps_the_index(index: int, expected: list[str]) -> None:
    assert names(abc().with_partner_added(index, Partner(name="X"))) == expected


def test_remove_partner() -> None:
    assert names(abc().with_partner_removed(1)) == ["A", "C"]
    assert names(abc().with_partner_removed(0).with_partner_removed(0).with_partner_removed(0)) == []


@pytest.mark.parametrize(
    ("index", "offset", "expected"),
    [
        (1, -1, ["B", "A", "C"]),
        (1, 1, ["A", "C", "B"]),
        (0, -1, ["A", "B", "C"]),  # the first cannot go further up
        (2, 1, ["A", "B", "C"]),  # the last cannot go further down
        (0, 10, ["B", "C", "A"]),  # clamped to the end
        (2, -10, ["C", "A", "B"]),  # clamped to the start
    ],
)
def test_move_partner_is_clamped_at_the_ends(index: int, offset: int, expected: list[str]) -> None:
    before = abc()
    after = before.with_partner_moved(index, offset)
    assert names(after) == expected
    assert {p.key for p in after.partners} == {p.key for p in before.partners}


def test_company_and_language_edits() -> None:
    company = Company(name="Tinnitracks", date=dt.date(2026, 11, 28))
    matrix = abc().with_company(company).with_language("en")
    assert matrix.company == company
    assert matrix.language == "en"
    assert company.edit(location="Duitsland").location == "Duitsland"
    assert company.location == ""


# -- balance -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("brings", "gets", "balance"),
    [
        (Side(resources="kennis"), Side(money="rendement"), Balance.BALANCED),
        (Side(channels="winkels"), Side(), Balance.BRINGS_ONLY),
        (Side(), Side(other="merknaam"), Balance.GETS_ONLY),
        (Side(), Side(), Balance.EMPTY),
        (Side(money="  \n "), Side(other="\t"), Balance.EMPTY),  # whitespace is not content
    ],
)
def test_balance_of_a_partner(brings: Side, gets: Side, balance: Balance) -> None:
    assert Partner(name="P", brings=brings, gets=gets).balance is balance


def test_one_sided_means_brings_only_or_gets_only() -> None:
    assert [b for b in Balance if b.is_one_sided] == [Balance.BRINGS_ONLY, Balance.GETS_ONLY]


def test_a_named_partner_without_cells_is_empty_but_not_blank() -> None:
    assert Partner(name="Sennheiser").balance is Balance.EMPTY
    assert not Partner(name="Sennheiser").is_blank
    assert Partner().is_blank


def test_balance_summary_counts_each_kind() -> None:
    matrix = Matrix(
        partners=(
            Partner(name="mutual", brings=Side(money="x"), gets=Side(money="y")),
            Partner(name="brings", brings=Side(other="x")),
            Partner(name="gets", gets=Side(channels="y")),
            Partner(name="empty"),
            Partner(),
        )
    )
    summary = matrix.balance_summary
    assert summary == BalanceSummary(balanced=1, one_sided=2, empty=2)
    assert summary.total == 5


def test_summary_follows_edits() -> None:
    matrix = Matrix(partners=(Partner(name="A"),))
    assert matrix.balance_summary == BalanceSummary(0, 0, 1)
    matrix = matrix.with_cell(0, COLUMN_BY_KEY["brings.money"], "geld")
    assert matrix.balance_summary == BalanceSummary(0, 1, 0)
    matrix = matrix.with_cell(0, COLUMN_BY_KEY["gets.other"], "kennis")
    assert matrix.balance_summary == BalanceSummary(1, 0, 0)


@pytest.mark.parametrize("category", CATEGORIES)
def test_a_side_with_text_in_any_category_is_not_empty(category: str) -> None:
    assert {field.name for field in dataclasses.fields(Side)} == set(CATEGORIES)
    assert not Side(**{category: "x"}).is_empty
    assert Side(**{category: " \n"}).is_empty
