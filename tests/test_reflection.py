"""What to fix first, and the balance markers that tell the balances apart without colour."""

from __future__ import annotations

from rich.color import Color, ColorType
from rich.style import Style

from pvm_tui import balance_marks
from pvm_tui.labels import labels_for
from pvm_tui.model import COLUMN_BY_KEY, Balance, Influence, Matrix, Partner, Side, Status
from pvm_tui.reflection import (
    INFLUENCE_CYCLE,
    STATUS_CYCLE,
    cycled,
    fix_first,
    next_not_mutual,
    rows_by_influence,
)

BRINGS, GETS = Side(money="m"), Side(other="o")


def matrix(*partners: Partner) -> Matrix:
    return Matrix(partners=partners, language="nl")


def test_only_partners_that_are_not_mutual_are_listed_high_influence_first() -> None:
    m = matrix(
        Partner(name="Low giver", brings=BRINGS, influence=Influence.LOW),
        Partner(name="Unknown taker", gets=GETS),
        Partner(name="High and mutual", brings=BRINGS, gets=GETS, influence=Influence.HIGH),
        Partner(name="High giver", brings=BRINGS, influence=Influence.HIGH),
        Partner(name="Medium empty", influence=Influence.MEDIUM),
        Partner(name="High empty", influence=Influence.HIGH),
    )
    items = fix_first(m)
    assert [item.partner.name for item in items] == [
        "High giver",
        "High empty",
        "Medium empty",
        "Low giver",
        "Unknown taker",
    ]
    assert [item.row for item in items] == [3, 5, 4, 0, 1]


def test_each_item_asks_the_methods_question_for_its_missing_side() -> None:
    m = matrix(
        Partner(name="Zorgverzekeringen", brings=BRINGS, influence=Influence.HIGH),
        Partner(name="Verkopers", gets=GETS),
        Partner(name=""),
    )
    nl, en = labels_for("nl"), labels_for("en")
    insurer, sellers, nameless = fix_first(m)
    assert insurer.questions(nl) == ["Wat haalt Zorgverzekeringen eruit?"]
    assert insurer.questions(en) == ["What does Zorgverzekeringen get out of it?"]
    assert insurer.line(nl) == "Zorgverzekeringen · veel invloed: Wat haalt Zorgverzekeringen eruit?"
    assert sellers.questions(en) == ["What does Verkopers bring?"]
    assert nameless.questions(nl) == ["Wat brengt deze partner?", "Wat haalt deze partner eruit?"]
    assert nameless.line(en).startswith("(unnamed): What does this partner bring?")


def test_an_item_points_at_the_first_cell_of_its_missing_side() -> None:
    giver, taker, empty = fix_first(
        matrix(Partner(name="G", brings=BRINGS), Partner(name="T", gets=GETS), Partner(name="E"))
    )
    assert giver.column is COLUMN_BY_KEY["gets.resources"]
    assert taker.column is COLUMN_BY_KEY["brings.resources"]
    assert empty.column is COLUMN_BY_KEY["brings.resources"]


def test_rows_by_influence_keep_the_files_order_within_a_level() -> None:
    m = matrix(
        Partner(name="a"),
        Partner(name="b", influence=Influence.LOW),
        Partner(name="c", influence=Influence.HIGH),
        Partner(name="d", influence=Influence.HIGH),
        Partner(name="e", influence=Influence.MEDIUM),
    )
    assert rows_by_influence(m) == [2, 3, 4, 1, 0]


def test_a_mutual_matrix_has_nothing_to_fix() -> None:
    assert fix_first(matrix(Partner(name="M", brings=BRINGS, gets=GETS))) == ()


# -- the markers ------------------------------------------------------------------------


def test_each_balance_has_its_own_shape_and_its_own_letter_in_each_language() -> None:
    shapes = {balance_marks.MARKS[balance].shape for balance in Balance}
    assert len(shapes) == len(Balance)
    for code in ("nl", "en"):
        labels = labels_for(code)
        shorts = [balance_marks.short(balance, labels) for balance in Balance]
        assert len({mark[-1] for mark in shorts}) == len(Balance)  # the letters differ too
    assert balance_marks.short(Balance.BRINGS_ONLY, labels_for("nl")) == "→B"
    assert balance_marks.short(Balance.GETS_ONLY, labels_for("nl")) == "←H"
    assert balance_marks.short(Balance.GETS_ONLY, labels_for("en")) == "←G"
    assert balance_marks.words(Balance.BALANCED, labels_for("nl")) == "⇄ wederzijds"


def test_no_half_circles_that_are_hard_to_tell_apart() -> None:
    for balance in Balance:
        assert balance_marks.MARKS[balance].shape not in "◐◑◒◓"


def test_the_colours_are_among_the_16_basic_ones() -> None:
    for balance in Balance:
        style = Style.parse(balance_marks.style(balance))
        if style.color is not None:
            assert style.color.type is ColorType.STANDARD
            assert Color.parse(style.color.name).number is not None


def test_the_legend_names_every_marker() -> None:
    legend = balance_marks.legend(labels_for("en"))
    assert legend == ("⇄M mutual · →B one-sided (only brings) · ←G one-sided (only gets) · ○E empty")


def test_next_and_previous_partner_that_is_not_mutual_wraps_and_follows_the_shown_order() -> None:
    m = matrix(
        Partner(name="m0", brings=BRINGS, gets=GETS),
        Partner(name="g1", brings=BRINGS),
        Partner(name="m2", brings=BRINGS, gets=GETS),
        Partner(name="e3"),
    )
    order = [0, 1, 2, 3]
    assert next_not_mutual(m, order, 0, 1) == 1
    assert next_not_mutual(m, order, 1, 1) == 3
    assert next_not_mutual(m, order, 3, 1) == 1  # wraps
    assert next_not_mutual(m, order, 0, -1) == 3
    assert next_not_mutual(m, order, None, 1) == 1
    assert next_not_mutual(m, [3, 2, 1, 0], 3, 1) == 1  # the order shown (sorted, say)
    assert next_not_mutual(m, [0, 2], 0, 1) is None  # only mutual partners shown
    assert next_not_mutual(m, [], None, 1) is None


def test_status_and_influence_cycle_through_not_known() -> None:
    assert [cycled(s, STATUS_CYCLE) for s in STATUS_CYCLE] == [Status.CURRENT, Status.POTENTIAL, None]
    assert cycled(None, INFLUENCE_CYCLE) is Influence.HIGH
    assert cycled(Influence.LOW, INFLUENCE_CYCLE) is None
