"""Pieces both layouts use: a partner's name (or placeholder), its balance marker, its facts."""

from __future__ import annotations

from pvm_tui import balance_marks
from pvm_tui.labels import Labels
from pvm_tui.model import Partner
from pvm_tui.page.lines import Line, Piece, styled
from pvm_tui.text import harmless
from pvm_tui.wrap import wrap

FACTS_STYLE = "italic"


def balance_piece(partner: Partner, labels: Labels) -> Piece:
    """The balance marker: its shape and word (``⇄ wederzijds``), in its colour."""
    return (balance_marks.words(partner.balance, labels), balance_marks.style(partner.balance))


def facts_lines(partner: Partner, labels: Labels, width: int) -> list[Line]:
    """Status and influence ("huidig · veel invloed") wrapped to ``width``; none when not known."""
    facts = labels.partner_facts(partner.status, partner.influence)
    return styled(wrap(facts, width, labels.code), FACTS_STYLE) if facts else []


def name_lines(partner: Partner, labels: Labels, width: int, language: str) -> list[Line]:
    """The partner's name wrapped to ``width``, bold; a dim placeholder while it has none."""
    if partner.name.strip():
        return styled(wrap(harmless(partner.name), width, language), "bold")
    return styled(wrap(labels.unnamed_partner, width, labels.code), "dim italic")
