"""The filter line's language: text, and balance, status and influence in either language."""

from __future__ import annotations

import pytest

from pvm_tui.model import COLUMNS, Balance, Influence, Partner, Side, Status
from pvm_tui.partner_filter import FoldedTexts, parse

MUTUAL = Partner(name="Sennheiser", brings=Side(money="m"), gets=Side(other="o"), status=Status.CURRENT)
GIVER = Partner(
    name="Fonds", brings=Side(money="kapitaal"), influence=Influence.HIGH, agreements="NDA getekend"
)
TAKER = Partner(
    name="Verkopers", gets=Side(money="commissie"), status=Status.POTENTIAL, influence=Influence.LOW
)
EMPTY = Partner(name="Nieuw", influence=Influence.HIGH)
ALL = (MUTUAL, GIVER, TAKER, EMPTY)


def selected(query: str) -> list[str]:
    found = parse(query)
    return [partner.name for partner in ALL if found.matches(partner)]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("", ["Sennheiser", "Fonds", "Verkopers", "Nieuw"]),
        ("kapitaal", ["Fonds"]),
        ("nda", ["Fonds"]),  # agreements count as the row's text
        ("balans:eenzijdig", ["Fonds", "Verkopers"]),
        ("balance:one-sided", ["Fonds", "Verkopers"]),
        ("balans:wederzijds", ["Sennheiser"]),
        ("balance:brings", ["Fonds"]),
        ("balans:haalt", ["Verkopers"]),
        ("balans:leeg", ["Nieuw"]),
        ("balance:not-mutual", ["Fonds", "Verkopers", "Nieuw"]),
        ("status:huidig", ["Sennheiser"]),
        ("status:potential", ["Verkopers"]),
        ("status:onbekend", ["Fonds", "Nieuw"]),
        ("invloed:veel", ["Fonds", "Nieuw"]),
        ("influence:high,low", ["Fonds", "Verkopers", "Nieuw"]),
        ("invloed:veel invloed:weinig", ["Fonds", "Verkopers", "Nieuw"]),
        ("influence:unknown", ["Sennheiser"]),
        ("Invloed:VEEL balans:eenzijdig", ["Fonds"]),  # keys together: all must hold
        ("invloed:veel kapitaal", ["Fonds"]),
    ],
)
def test_each_query_selects(query: str, names: list[str]) -> None:
    assert selected(query) == names


def test_an_unknown_value_is_searched_as_text_and_reported() -> None:
    found = parse("invloed:enorm")
    assert found.not_understood == ("invloed:enorm",)
    assert found.text == "invloed:enorm"
    assert selected("invloed:enorm") == []


def test_a_colon_in_ordinary_text_is_just_text() -> None:
    found = parse("tip: bellen")
    assert found.not_understood == () and found.text == "tip: bellen"


def test_the_parsed_facts() -> None:
    found = parse("balans:eenzijdig status:huidig")
    assert found.balances == {Balance.BRINGS_ONLY, Balance.GETS_ONLY}
    assert found.statuses == {Status.CURRENT}
    assert found.influences is None and found.text == "" and not found.is_empty
    assert parse("  ").is_empty


def test_folded_texts_look_at_each_version_of_a_partner_once(monkeypatch: pytest.MonkeyPatch) -> None:
    folded = FoldedTexts()
    read: list[str] = []
    cell = Partner.cell

    def counted(partner: Partner, column):  # type: ignore[no-untyped-def]
        read.append(partner.name)
        return cell(partner, column)

    monkeypatch.setattr(Partner, "cell", counted)
    for query in ("ka", "kap", "kapi", "kapitaal"):  # each letter typed in the filter line
        assert [partner.name for partner in ALL if parse(query).matches(partner, folded)] == ["Fonds"]
    assert read.count("Fonds") == 9, "each partner's cells are read once, not once per letter"
    money = next(column for column in COLUMNS if column.side == "brings" and column.category == "money")
    edited = GIVER.with_cell(money, "schenking")
    assert parse("schenk").matches(edited, folded), "a new version of a partner is read again"
    assert not parse("kapitaal").matches(edited, folded)
    assert parse("kapitaal").matches(GIVER, folded)
