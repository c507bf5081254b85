"""The cell-by-cell three-way merge of two matrices that both came from one base.

Partners are paired as `pvm diff` pairs them (by name, cells and place, so
a renamed or moved partner is still the same partner). Then, per cell, per
company field and for the language: a value changed on one side takes that
side; changed the same way on both, that; changed differently on both, a
conflict, written into the cell with markers (``markers.py``). Partners
added on either side are kept (the same partner added on both sides, once).
A partner removed on one side and left alone on the other is removed; one
removed on one side and changed on the other is kept, with a conflict on
its name, so that no one's words are lost silently. The date, which cannot
hold two versions, takes the later one; a partner's status and influence
take "current" and the higher influence. Its agreements merge like a cell.

Swapping ``ours`` and ``theirs`` swaps the sides of each conflict and
changes nothing else (the partners' order included).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TypeVar

from pvm_tui.diff.match import pair
from pvm_tui.merge import markers
from pvm_tui.merge.found import Conflict
from pvm_tui.merge.markers import Sides
from pvm_tui.merge.order import kept_order, merged_order
from pvm_tui.merge.words import words_for
from pvm_tui.model import (
    COLUMN_BY_KEY,
    COLUMNS,
    COMPANY_FIELDS,
    FACTS,
    INFLUENCE_ORDER,
    Company,
    Influence,
    Matrix,
    Partner,
    Status,
)

NAME = COLUMNS[0]
Place = tuple[int | None, str]
"""A cell: its row (None: a company field) and its column key or company field's name."""
_Choice = TypeVar("_Choice", Status | None, Influence | None)


@dataclass(frozen=True)
class Origin:
    """Where a merged partner came from: its row in the base, ours and theirs (None: not there)."""

    base: int | None
    ours: int | None
    theirs: int | None


@dataclass(frozen=True)
class MergeResult:
    """The merged matrix (conflicting cells hold both versions) and what conflicts."""

    matrix: Matrix
    conflicts: tuple[Conflict, ...]
    origins: tuple[Origin, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def merge(
    base: Matrix, ours: Matrix, theirs: Matrix, *, pinned: frozenset[Place] = frozenset()
) -> MergeResult:
    """Merge the changes from ``base`` to ``ours`` and from ``base`` to ``theirs``.

    ``pinned`` names cells of ``ours`` (row, column key; row None: a company
    field) that count as changed on our side even where their text is the
    base's: a cell open in the editor, whose text is never to be replaced.
    A change from theirs to such a cell is a conflict.
    """
    language = theirs.language if ours.language == base.language else ours.language
    words = words_for(language)
    company, company_conflicts = _merge_company(
        base.company, ours.company, theirs.company, {field for row, field in pinned if row is None}
    )
    partners: dict[Origin, tuple[Partner, list[tuple[str, Sides]]]] = {}
    to_ours, to_theirs = pair(base.partners, ours.partners), pair(base.partners, theirs.partners)
    kept: list[int] = []
    for i, was in enumerate(base.partners):
        o, t = to_ours.get(i), to_theirs.get(i)
        origin = Origin(i, o, t)
        held = {field for row, field in pinned if row is not None and row == o}
        if o is not None and t is not None:
            partners[origin] = _merge_partner(was, ours.partners[o], theirs.partners[t], held)
        elif o is not None and (ours.partners[o] != was or held):
            changed = ours.partners[o]
            partners[origin] = (changed, [(NAME.key, Sides(changed.name, "", theirs_removed=True))])
        elif t is not None and theirs.partners[t] != was:
            changed = theirs.partners[t]
            partners[origin] = (changed, [(NAME.key, Sides("", changed.name, ours_removed=True))])
        else:
            continue
        kept.append(i)
    for origin in _added(ours, theirs, set(to_ours.values()), set(to_theirs.values())):
        if origin.theirs is not None:
            partners[origin] = (theirs.partners[origin.theirs], [])
        elif origin.ours is not None:
            partners[origin] = (ours.partners[origin.ours], [])
    by_base = {origin.base: origin for origin in partners if origin.base is not None}
    anchors = [by_base[i] for i in kept_order(kept, _rows(to_ours, kept), _rows(to_theirs, kept))]
    by_ours = {origin.ours: origin for origin in partners if origin.ours is not None}
    by_theirs = {origin.theirs: origin for origin in partners if origin.theirs is not None}
    order = merged_order(
        anchors,
        [[by_ours.get(j) for j in range(len(ours))], [by_theirs.get(k) for k in range(len(theirs))]],
        lambda origin: (
            *(partners[origin][0].cell(column) for column in COLUMNS),
            *(partners[origin][0].fact_text(fact) for fact in FACTS),
        ),
    )
    rows: list[Partner] = []
    conflicts = [Conflict(None, name, sides) for name, sides in company_conflicts]
    company = company.edit(**{name: markers.write(sides, words) for name, sides in company_conflicts})
    for row, origin in enumerate(order):
        partner, cell_conflicts = partners[origin]
        for key, sides in cell_conflicts:
            if key == "agreements":
                partner = partner.with_facts(agreements=markers.write(sides, words))
            else:
                partner = partner.with_cell(COLUMN_BY_KEY[key], markers.write(sides, words))
            conflicts.append(Conflict(row, key, sides))
        rows.append(partner)
    matrix = Matrix(company=company, partners=tuple(rows), language=language)
    return MergeResult(matrix, tuple(conflicts), tuple(order))


def _rows(pairs: dict[int, int], kept: list[int]) -> dict[int, int]:
    return {i: pairs[i] for i in kept if i in pairs}


def merge_text(base: str, ours: str, theirs: str, *, held: bool = False) -> str | Sides:
    """The merged text, or both sides when they changed it differently (``held``: ours counts as changed)."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base and not held:
        return theirs
    return Sides(ours, theirs)


def _merge_partner(
    base: Partner, ours: Partner, theirs: Partner, held: set[str]
) -> tuple[Partner, list[tuple[str, Sides]]]:
    # The merged partner is theirs with our changes in it: it keeps theirs'
    # identity, so the file's own table for it (and its comments) is reused.
    merged = theirs
    conflicts: list[tuple[str, Sides]] = []
    for column in COLUMNS:
        text = merge_text(base.cell(column), ours.cell(column), theirs.cell(column), held=column.key in held)
        if isinstance(text, Sides):
            conflicts.append((column.key, text))
        elif text != theirs.cell(column):
            merged = merged.with_cell(column, text)
    agreements = merge_text(base.agreements, ours.agreements, theirs.agreements)
    if isinstance(agreements, Sides):
        conflicts.append(("agreements", agreements))
    elif agreements != theirs.agreements:
        merged = merged.with_facts(agreements=agreements)
    return merged.with_facts(
        status=_merge_choice(base.status, ours.status, theirs.status, STATUS_ORDER),
        influence=_merge_choice(base.influence, ours.influence, theirs.influence, INFLUENCE_ORDER),
    ), conflicts


STATUS_ORDER = (Status.CURRENT, Status.POTENTIAL, None)
"""A status changed differently on both sides: "current" wins, since someone said so."""


def _merge_choice(base: _Choice, ours: _Choice, theirs: _Choice, order: tuple[_Choice, ...]) -> _Choice:
    """A status or influence, which cannot hold two versions: changed differently, the first in ``order``.

    For influence that is the higher one, so that a partner is never taken
    for less important than one side thought; the same either way round.
    """
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    return min(ours, theirs, key=order.index)


def _added(ours: Matrix, theirs: Matrix, paired_ours: set[int], paired_theirs: set[int]) -> list[Origin]:
    """The partners added on either side; the same partner added on both sides is one.

    The n-th addition of a partner on one side is the n-th addition of an
    equal partner on the other, so that the pairing does not depend on
    which side is which.
    """
    seen: Counter[Partner] = Counter()
    theirs_places: dict[tuple[Partner, int], int] = {}
    for k, partner in enumerate(theirs.partners):
        if k not in paired_theirs:
            theirs_places[(partner, seen[partner])] = k
            seen[partner] += 1
    seen.clear()
    origins: list[Origin] = []
    matched: set[int] = set()
    for j, partner in enumerate(ours.partners):
        if j not in paired_ours:
            same = theirs_places.get((partner, seen[partner]))
            seen[partner] += 1
            origins.append(Origin(None, j, same))
            if same is not None:
                matched.add(same)
    origins += [Origin(None, None, k) for k in theirs_places.values() if k not in matched]
    return origins


def _merge_company(
    base: Company, ours: Company, theirs: Company, held: set[str]
) -> tuple[Company, list[tuple[str, Sides]]]:
    values: dict[str, object] = {}
    conflicts: list[tuple[str, Sides]] = []
    for name in COMPANY_FIELDS:
        b, o, t = getattr(base, name), getattr(ours, name), getattr(theirs, name)
        if name == "date":
            values[name] = t if o == b else o if t == b or o == t else max(o or t, t or o)
            continue
        text = merge_text(b, o, t, held=name in held)
        if isinstance(text, Sides):
            conflicts.append((name, text))
            text = ""
        values[name] = text
    return Company(**values), conflicts  # type: ignore[arg-type]
