"""Pieces both layouts use: a partner's name (or placeholder) and its balance word in colour."""

from __future__ import annotations

from pvm_tui.labels import Labels
from pvm_tui.model import Balance, Partner
from pvm_tui.page.lines import Line, Piece, styled
from pvm_tui.text import harmless
from pvm_tui.wrap import wrap

BALANCE_STYLES = {
    Balance.BALANCED: "green",
    Balance.BRINGS_ONLY: "yellow",
    Balance.GETS_ONLY: "yellow",
    Balance.EMPTY: "dim",
}


def balance_piece(partner: Partner, labels: Labels) -> Piece:
    return (labels.balance[partner.balance], BALANCE_STYLES[partner.balance])


def name_lines(partner: Partner, labels: Labels, width: int, language: str) -> list[Line]:
    """The partner's name wrapped to ``width``, bold; a dim placeholder while it has none."""
    if partner.name.strip():
        return styled(wrap(harmless(partner.name), width, language), "bold")
    return styled(wrap(labels.unnamed_partner, width, labels.code), "dim italic")
