"""Pair each partner of the old matrix with the same partner in the new one.

A file has no ids, and names change: "Zorgverzekeraars" may become
"Zorgverzekeringen" with every cell kept. So partners are paired by what
they are, not by name alone: identical partners first (nearest position
first, for duplicates), then partners at the same place or with the same
name that are clearly alike, then the rest by the similarity of name and
cells together, with a small bonus for standing at the same place among
the unpaired. What stays unpaired was removed (old) or added (new).
"""

from __future__ import annotations

import difflib
import functools
from collections import defaultdict

from pvm_tui.diff.marks import tokens
from pvm_tui.diff.sequence import matching_blocks
from pvm_tui.model import COLUMNS, Partner

THRESHOLD = 0.5
"""Below this similarity two partners are different partners, not one that changed."""

NAME_WEIGHT = 0.35
"""How much the name counts against the cells when both have cells."""

POSITION_BONUS = 0.1

SURE = 0.75
"""A partner at the same place, or with the same name, this alike is taken without a wider search."""

CHARACTER_LIMIT = 250_000
"""Texts up to this many character pairs are compared letter by letter; longer ones word by word,
since the letter-by-letter comparison takes time that grows with the square of the length."""

MAX_PAIRS_COMPARED = 2_500
"""Comparing every leftover with every other costs time; beyond this many pairs only same places count."""


def ratio(a: str, b: str) -> float:
    """How alike two texts are, from 0 to 1, ignoring case and spacing."""
    a, b = _plain(a), _plain(b)
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if len(a) * len(b) <= CHARACTER_LIMIT:
        return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    return _word_ratio(a, b)


@functools.lru_cache(maxsize=64)
def _word_ratio(a: str, b: str) -> float:
    """Like difflib's ratio (twice the matched letters over all letters), matching whole words."""
    words_a, words_b = tokens(a), tokens(b)
    matched = sum(
        len(word) for i, _, size in matching_blocks(words_a, words_b) for word in words_a[i : i + size]
    )
    return 2 * matched / (len(a) + len(b))


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


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
    _pair_likely(old, new, pairs)
    left_old, left_new = _leftovers(old, new, pairs)
    if not left_old or not left_new:
        return pairs
    if len(left_old) * len(left_new) > MAX_PAIRS_COMPARED:
        for i, j in zip(left_old, left_new, strict=False):
            if similarity(old[i], new[j]) >= THRESHOLD:
                pairs[i] = j
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


def _leftovers(
    old: tuple[Partner, ...], new: tuple[Partner, ...], pairs: dict[int, int]
) -> tuple[list[int], list[int]]:
    taken = set(pairs.values())
    return [i for i in range(len(old)) if i not in pairs], [j for j in range(len(new)) if j not in taken]


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


def _pair_likely(old: tuple[Partner, ...], new: tuple[Partner, ...], pairs: dict[int, int]) -> None:
    """Pair partners edited in place: same place among the leftovers, or same name, and alike enough.

    This settles the common case (many partners edited a little) in linear
    time, leaving only the puzzling ones for the full comparison.
    """
    left_old, left_new = _leftovers(old, new, pairs)
    by_name: dict[str, list[int]] = defaultdict(list)
    for j in left_new:
        by_name[_plain(new[j].name)].append(j)
    taken: set[int] = set()
    for rank, i in enumerate(left_old):
        options = list(by_name.get(_plain(old[i].name), ()))
        if rank < len(left_new):
            options.append(left_new[rank])
        scored = [(similarity(old[i], new[j]), -abs(i - j), j) for j in options if j not in taken]
        if scored:
            score, _, j = max(scored)
            if score >= SURE:
                pairs[i] = j
                taken.add(j)
