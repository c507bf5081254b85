"""Pieces both layouts use: a partner's name (or placeholder), its balance marker, its facts."""

from __future__ import annotations

from rich.cells import cell_len

from pvm_tui import balance_marks
from pvm_tui.labels import Labels
from pvm_tui.model import Partner
from pvm_tui.page.lines import Line, Piece, styled
from pvm_tui.text import aligned
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
        return styled(wrap(aligned(partner.name), width, language), "bold")
    return styled(wrap(labels.unnamed_partner, width, labels.code), "dim italic")


BESIDE_MIN = 12
"""A value narrower than this beside its label goes under the label instead."""


def labelled(
    label: str, value: str, *, indent: int, label_width: int, width: int, language: str, gap: int = 2
) -> list[Line]:
    """A dim label with its wrapped value beside it, or under it (two further in) when too narrow."""
    beside = width - indent - label_width - gap
    if beside >= BESIDE_MIN:
        lines: list[Line] = []
        for index, text in enumerate(wrap(value, beside, language)):
            lead = label if index == 0 else ""
            pad = " " * (label_width + gap - cell_len(lead))
            lines.append([(" " * indent, ""), (lead + pad, "dim" if lead else ""), (text, "")])
        return lines
    under = [[(" " * indent, ""), (text, "dim")] for text in wrap(label, max(1, width - indent), language)]
    texts = wrap(value, max(1, width - indent - 2), language)
    return under + [[(" " * (indent + 2), ""), (text, "")] for text in texts]
