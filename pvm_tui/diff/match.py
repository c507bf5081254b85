"""Pair each partner of the old matrix with the same partner in the new one.

A file has no ids, and names change: "Zorgverzekeraars" may become
"Zorgverzekeringen" with every cell kept. So partners are paired by what
they are, not by name alone: identical partners first (nearest position
first, for duplicates), then the remaining ones by the similarity of name
and cells together, with a small bonus for standing at the same place
among the unpaired. What stays unpaired was removed (old) or added (new).
"""

from __future__ import annotations

import difflib
from collections import defaultdict

from pvm_tui.model import COLUMNS, Partner

THRESHOLD = 0.5
"""Below this similarity two partners are different partners, not one that changed."""

NAME_WEIGHT = 0.35
"""How much the name counts against the cells when both have cells."""

POSITION_BONUS = 0.1

MAX_PAIRS_COMPARED = 40_000
"""Beyond this many candidate pairs the leftovers are paired by name, then by position."""


def ratio(a: str, b: str) -> float:
    """How alike two texts are, from 0 to 1, ignoring case and spacing."""
    a, b = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def similarity(old: Partner, new: Partner) -> float:
    """How likely ``new`` is ``old`` after editing, from 0 to 1."""
    if old == new:
        return 1.0
    name = ratio(old.name, new.name)
    pairs = [(old.cell(c), new.cell(c)) for c in COLUMNS[1:]]
    filled = [(a, b) for a, b in pairs if a.strip() or b.strip()]
    if not filled:
        return name
    cells = sum(ratio(a, b) for a, b in filled) / len(filled)
    return NAME_WEIGHT * name + (1 - NAME_WEIGHT) * cells


def pair(old: tuple[Partner, ...], new: tuple[Partner, ...]) -> dict[int, int]:
    """Old row -> new row for every partner that is in both matrices."""
    pairs: dict[int, int] = {}
    _pair_identical(old, new, pairs)
    left_old = [i for i in range(len(old)) if i not in pairs]
    taken = set(pairs.values())
    left_new = [j for j in range(len(new)) if j not in taken]
    if not left_old or not left_new:
        return pairs
    if len(left_old) * len(left_new) > MAX_PAIRS_COMPARED:
        _pair_cheaply(old, new, left_old, left_new, pairs)
        return pairs
    candidates = []
    for rank_old, i in enumerate(left_old):
        for rank_new, j in enumerate(left_new):
            score = similarity(old[i], new[j]) + (POSITION_BONUS if rank_old == rank_new else 0.0)
            if score >= THRESHOLD:
                candidates.append((-score, abs(i - j), i, j))
    candidates.sort()
    used_new: set[int] = set()
    for _, _, i, j in candidates:
        if i not in pairs and j not in used_new:
            pairs[i] = j
            used_new.add(j)
    return pairs


def _pair_identical(old: tuple[Partner, ...], new: tuple[Partner, ...], pairs: dict[int, int]) -> None:
    waiting: dict[Partner, list[int]] = defaultdict(list)
    for j, partner in enumerate(new):
        waiting[partner].append(j)
    for i, partner in enumerate(old):
        places = waiting.get(partner)
        if places:
            nearest = min(places, key=lambda j: abs(j - i))
            places.remove(nearest)
            pairs[i] = nearest


def _pair_cheaply(
    old: tuple[Partner, ...],
    new: tuple[Partner, ...],
    left_old: list[int],
    left_new: list[int],
    pairs: dict[int, int],
) -> None:
    """For huge matrices: same name first, then whatever is left in order."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for j in left_new:
        by_name[new[j].name.casefold().strip()].append(j)
    rest_old = []
    for i in left_old:
        places = by_name.get(old[i].name.casefold().strip())
        if places:
            pairs[i] = places.pop(0)
        else:
            rest_old.append(i)
    taken = set(pairs.values())
    rest_new = [j for j in left_new if j not in taken]
    for i, j in zip(rest_old, rest_new, strict=False):
        if similarity(old[i], new[j]) >= THRESHOLD:
            pairs[i] = j
