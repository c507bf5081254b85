"""What to fix first: the partners that are not mutual yet, the most influential first.

The method's point is that every key partner must get something out of
the partnership, and that the partners with the most influence matter
most. So the list puts partners with high influence that are one-sided or
empty first, then medium, low and not yet known; within each level the
file's order. Each item names the side that is still empty and the
question the method asks about it. `pvm check` prints this list and the
editor's reflection view shows it; both read it from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from pvm_tui.labels import Labels
from pvm_tui.model import (
    CATEGORIES,
    COLUMN_BY_KEY,
    SIDES,
    Balance,
    Column,
    Influence,
    Matrix,
    Partner,
    Status,
    influence_rank,
)
from pvm_tui.text import one_line

_Choice = TypeVar("_Choice", Status | None, Influence | None)


@dataclass(frozen=True)
class FixItem:
    """One partner that is not mutual yet, and what is missing."""

    row: int
    partner: Partner
    missing: tuple[str, ...]
    """The sides with nothing in them, in SIDES order."""

    @property
    def column(self) -> Column:
        """The cell to fill in first: the first category of the first missing side."""
        return COLUMN_BY_KEY[f"{self.missing[0]}.{CATEGORIES[0]}"]

    def heading(self, labels: Labels) -> str:
        """The partner's name (one line), with its influence when known: 'Giver · high influence'."""
        name = one_line(self.partner.name) or labels.unnamed_partner
        if self.partner.influence is None:
            return name
        return f"{name} · {labels.influence_words(self.partner.influence)}"

    def line(self, labels: Labels) -> str:
        """The item as `pvm check` prints it: 'Giver · high influence: What does Giver get out of it?'."""
        return f"{self.heading(labels)}: {' '.join(self.questions(labels))}"

    def questions(self, labels: Labels) -> list[str]:
        """The method's question for each missing side, about this partner by name."""
        return [labels.question(side, one_line(self.partner.name)) for side in self.missing]


def rows_by_influence(matrix: Matrix) -> list[int]:
    """The partners' rows ordered by influence, most first; the file's order within a level."""
    return sorted(range(len(matrix.partners)), key=lambda row: influence_rank(matrix.partners[row]))


def fix_first(matrix: Matrix) -> tuple[FixItem, ...]:
    """Every partner that is one-sided or empty, in the order to work on them."""
    items = []
    for row in rows_by_influence(matrix):
        partner = matrix.partners[row]
        if partner.balance is Balance.BALANCED:
            continue
        missing = tuple(side for side in SIDES if partner.side(side).is_empty)
        items.append(FixItem(row, partner, missing))
    return tuple(items)


def next_not_mutual(matrix: Matrix, order: Sequence[int], current: int | None, step: int) -> int | None:
    """The next partner after ``current`` (``step`` 1) or before it (-1) that is not mutual.

    ``order`` is the partners' rows as the editor shows them (filtered,
    perhaps sorted); the search wraps around. None when every one is mutual.
    """
    if not order:
        return None
    start = order.index(current) if current in order else (-1 if step > 0 else 0)
    for offset in range(1, len(order) + 1):
        row = order[(start + step * offset) % len(order)]
        if matrix.partners[row].balance is not Balance.BALANCED:
            return row
    return None


STATUS_CYCLE: tuple[Status | None, ...] = (None, Status.CURRENT, Status.POTENTIAL)
INFLUENCE_CYCLE: tuple[Influence | None, ...] = (None, Influence.HIGH, Influence.MEDIUM, Influence.LOW)


def cycled(value: _Choice, cycle: tuple[_Choice, ...]) -> _Choice:
    """The value after ``value`` in ``cycle``, back to the first (not known) after the last."""
    return cycle[(cycle.index(value) + 1) % len(cycle)]
