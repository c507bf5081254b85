"""What changed between two matrices, as data: pure, no terminal, no files.

``compare(old, new)`` returns a ``MatrixDiff``: the language, the company
fields that changed, and every partner that was added, removed, renamed,
moved, edited (cells or facts) or whose balance changed, in the order a reader meets them
in the new matrix (a removed partner appears where it used to stand).
"""

from __future__ import annotations

from dataclasses import dataclass

from pvm_tui.diff.match import pair
from pvm_tui.model import COLUMNS, COMPANY_FIELDS, FACTS, Balance, Column, Company, Matrix, Partner


@dataclass(frozen=True)
class FieldChange:
    """One company field, before and after."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class CellChange:
    """One cell of a partner (not its name), before and after."""

    column: Column
    old: str
    new: str


@dataclass(frozen=True)
class FactChange:
    """One fact of a partner (status, influence, agreements), before and after.

    Status and influence are their file values ("current", "high"), or ""
    when not known; the report says them in the reader's language.
    """

    fact: str
    old: str
    new: str


@dataclass(frozen=True)
class PartnerChange:
    """One partner that differs: added (no ``old``), removed (no ``new``) or changed.

    Rows are counted from 0; ``moved`` means its place among the partners
    that are in both matrices changed, not merely that others came or went.
    """

    old: Partner | None
    new: Partner | None
    old_row: int | None
    new_row: int | None
    cells: tuple[CellChange, ...] = ()
    moved: bool = False
    facts: tuple[FactChange, ...] = ()

    @property
    def kind(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed"

    @property
    def renamed(self) -> bool:
        return self.old is not None and self.new is not None and self.old.name != self.new.name

    @property
    def balance_before(self) -> Balance | None:
        return None if self.old is None else self.old.balance

    @property
    def balance_after(self) -> Balance | None:
        return None if self.new is None else self.new.balance

    @property
    def balance_changed(self) -> bool:
        return self.kind == "changed" and self.balance_before is not self.balance_after


@dataclass(frozen=True)
class MatrixDiff:
    """Everything that differs between two matrices; empty when they are equal."""

    language: tuple[str, str] | None
    company: tuple[FieldChange, ...]
    partners: tuple[PartnerChange, ...]

    @property
    def is_empty(self) -> bool:
        return self.language is None and not self.company and not self.partners


def compare(old: Matrix, new: Matrix) -> MatrixDiff:
    """The differences between ``old`` and ``new``."""
    language = (old.language, new.language) if old.language != new.language else None
    return MatrixDiff(language, company_changes(old.company, new.company), partner_changes(old, new))


def field_text(company: Company, name: str) -> str:
    value = getattr(company, name)
    if value is None:
        return ""
    return value.isoformat() if name == "date" else str(value)


def company_changes(old: Company, new: Company) -> tuple[FieldChange, ...]:
    changes = []
    for name in COMPANY_FIELDS:
        before, after = field_text(old, name), field_text(new, name)
        if before != after:
            changes.append(FieldChange(name, before, after))
    return tuple(changes)


def partner_changes(old: Matrix, new: Matrix) -> tuple[PartnerChange, ...]:
    pairs = pair(old.partners, new.partners)
    moved = _moved(pairs)
    entries: list[tuple[tuple[float, int], PartnerChange]] = []
    for i, j in pairs.items():
        before, after = old.partners[i], new.partners[j]
        cells = tuple(
            CellChange(column, before.cell(column), after.cell(column))
            for column in COLUMNS[1:]
            if before.cell(column) != after.cell(column)
        )
        facts = tuple(
            FactChange(fact, before.fact_text(fact), after.fact_text(fact))
            for fact in FACTS
            if before.fact_text(fact) != after.fact_text(fact)
        )
        change = PartnerChange(before, after, i, j, cells, moved=i in moved, facts=facts)
        if cells or facts or change.renamed or change.moved:
            entries.append(((j, 0), change))
    paired_new = set(pairs.values())
    for j, partner in enumerate(new.partners):
        if j not in paired_new:
            entries.append(((j, 0), PartnerChange(None, partner, None, j)))
    for i, partner in enumerate(old.partners):
        if i not in pairs:
            entries.append(((_place_of_removed(i, pairs), i), PartnerChange(partner, None, i, None)))
    entries.sort(key=lambda entry: entry[0])
    return tuple(change for _, change in entries)


def _place_of_removed(i: int, pairs: dict[int, int]) -> float:
    """Just after the new row of the nearest kept partner that stood above it."""
    above = [pairs[k] for k in pairs if k < i]
    return (max(above) if above else -1) + 0.5


def _moved(pairs: dict[int, int]) -> set[int]:
    """Old rows of the partners that changed place: all but a longest run kept in order."""
    order = sorted(pairs, key=lambda i: pairs[i])  # old rows, in their new order
    keep = _longest_increasing(order)
    return set(order) - keep


def _longest_increasing(values: list[int]) -> set[int]:
    """The values of one longest strictly increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_at: list[int] = []
    previous: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        place = bisect.bisect_left(tails, value)
        if place > 0:
            previous[index] = tail_at[place - 1]
        if place == len(tails):
            tails.append(value)
            tail_at.append(index)
        else:
            tails[place] = value
            tail_at[place] = index
    kept: set[int] = set()
    index = tail_at[-1] if tail_at else -1
    while index >= 0:
        kept.add(values[index])
        index = previous[index]
    return kept
