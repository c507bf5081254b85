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
from pvm_tui.page.lines import Line, styled
from pvm_tui.page.parts import balance_piece, facts_lines, labelled, name_lines
from pvm_tui.text import aligned
from pvm_tui.wrap import wrap

_INDENT = 4  # under a side's heading, which is itself indented by two
_GAP = 2
NAME_BESIDE_MIN = 8  # a name narrower than this beside the balance goes above it instead


def partner_cards(matrix: Matrix, labels: Labels, width: int, *, ascii_only: bool = False) -> list[Line]:
    lines: list[Line] = []
    label_width = max(cell_len(labels.categories_long[category]) for category in CATEGORIES)
    for index, partner in enumerate(matrix.partners):
        if index:
            lines.append([(("-" if ascii_only else "─") * width, "dim")])
        lines.extend(_card(partner, matrix, labels, width, label_width))
    return lines


def _card(partner: Partner, matrix: Matrix, labels: Labels, width: int, label_width: int) -> list[Line]:
    balance, style = balance_piece(partner, labels)
    room = width - cell_len(balance) - _GAP
    if room >= NAME_BESIDE_MIN:  # the balance at the right edge of the name's first line
        names = name_lines(partner, labels, room, matrix.language)
        gap = width - sum(cell_len(text) for text, _ in names[0]) - cell_len(balance)
        lines: list[Line] = [[*names[0], (" " * gap, ""), (balance, style)], *names[1:]]
    else:  # too narrow for both: the balance under the name
        lines = name_lines(partner, labels, width, matrix.language)
        lines += styled(wrap(balance, width, labels.code), style)
    lines += facts_lines(partner, labels, width)
    for side in SIDES:
        lines += [[("  " + text, "bold")] for text in wrap(labels.sides[side], width - 2, labels.code)]
        filled = [c for c in CATEGORIES if partner.side(side).get(c).strip()]
        if not filled:
            lines.append([(" " * _INDENT + "—", "dim")])
        for category in filled:
            value = aligned(partner.side(side).get(category))
            lines += labelled(
                labels.categories_long[category],
                value,
                indent=_INDENT,
                label_width=label_width,
                width=width,
                language=matrix.language,
                gap=_GAP,
            )
    if partner.agreements.strip():
        heading = wrap(labels.facts["agreements"], width - 2, labels.code)
        lines += [[("  " + text, "bold")] for text in heading]
        texts = wrap(aligned(partner.agreements), max(1, width - _INDENT), matrix.language)
        lines += [[(" " * _INDENT, ""), (text, "")] for text in texts]
    return lines
