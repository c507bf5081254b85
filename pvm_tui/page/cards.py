"""The narrow layout: one card per partner with what it brings and what it gets.

Each card starts with the partner's name and, at the right edge, its
balance marker, then its status and influence when known; under each
side's heading every filled-in category is a label and its wrapped text,
the texts of all cards lined up after the longest label; last the
partner's agreements, when it has any.
"""

from __future__ import annotations

from rich.cells import cell_len

from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, SIDES, Matrix, Partner
from pvm_tui.page.lines import Line
from pvm_tui.page.parts import balance_piece, facts_lines, name_lines
from pvm_tui.text import harmless
from pvm_tui.wrap import wrap

_INDENT = 4  # under a side's heading, which is itself indented by two
_GAP = 2


def partner_cards(matrix: Matrix, labels: Labels, width: int, *, ascii_only: bool = False) -> list[Line]:
    lines: list[Line] = []
    label_width = max(cell_len(labels.categories_long[category]) for category in CATEGORIES)
    for index, partner in enumerate(matrix.partners):
        if index:
            lines.append([(("-" if ascii_only else "─") * width, "dim")])
        lines.extend(_card(partner, matrix, labels, width, label_width))
    return lines


def _card(partner: Partner, matrix: Matrix, labels: Labels, width: int, label_width: int) -> list[Line]:
    balance = balance_piece(partner, labels)
    room = width - cell_len(balance[0]) - _GAP
    names = name_lines(partner, labels, max(1, room), matrix.language)
    first = names[0]
    gap = width - sum(cell_len(text) for text, _ in first) - cell_len(balance[0])
    lines: list[Line] = [[*first, (" " * max(_GAP, gap), ""), balance], *names[1:]]
    lines += facts_lines(partner, labels, width)
    text_width = max(1, width - _INDENT - label_width - _GAP)
    for side in SIDES:
        lines.append([("  " + labels.sides[side], "bold")])
        filled = [c for c in CATEGORIES if partner.side(side).get(c).strip()]
        if not filled:
            lines.append([(" " * _INDENT + "—", "dim")])
        for category in filled:
            label = labels.categories_long[category]
            texts = wrap(harmless(partner.side(side).get(category)), text_width, matrix.language)
            for index, text in enumerate(texts):
                lead = label if index == 0 else ""
                pad = " " * (label_width + _GAP - cell_len(lead))
                lines.append([(" " * _INDENT, ""), (lead + pad, "dim" if lead else ""), (text, "")])
    if partner.agreements.strip():
        lines.append([("  " + labels.facts["agreements"], "bold")])
        texts = wrap(harmless(partner.agreements), max(1, width - _INDENT), matrix.language)
        lines += [[(" " * _INDENT, ""), (text, "")] for text in texts]
    return lines
