"""Which parts of two sequences match, in time that stays near linear for texts of any length.

``difflib.SequenceMatcher`` gives the best-looking result, but its time grows
with the square of the length: a 20 KB cell with one word added took a
minute to compare. So the exact matcher only sees stretches that are small
enough (``EXACT_LIMIT``), and a long text is first cut into such stretches:

1. What both sequences start and end with is matched at once (the usual
   edit changes a few words in the middle of a long text).
2. In a longer remainder, items that occur exactly once in each side are
   anchors ("patience" diff); the longest run of anchors in the same order
   splits the remainder into smaller stretches, each handled the same way.
   What is small, or has no anchors and is not too long, goes to difflib.
3. A long stretch without anchors, or any stretch once the total work
   passes ``WORK_LIMIT``, is left unmatched: it shows as removed and
   inserted whole. That is the coarser diff; it is never wrong, only less fine.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Hashable, Sequence

Items = Sequence[Hashable]

SMALL_LIMIT = 10_000
"""A stretch with up to this many pairs (len(a) * len(b)) goes straight to difflib's exact matcher."""

EXACT_LIMIT = 250_000
"""A longer stretch without anchors goes to the exact matcher up to this many pairs; beyond, it is coarse."""

WORK_LIMIT = 2_000_000
"""What one call may spend before it settles for the coarser diff, counted as pairs given to the
exact matcher (its worst case costs about a microsecond per 4 pairs here) plus ``ANCHOR_COST`` per
item searched for anchors. That keeps a comparison well under a second on a slow machine."""

ANCHOR_COST = 4

Block = tuple[int, int, int]
"""``(i, j, size)``: ``a[i:i+size] == b[j:j+size]``."""


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Block]:
    """The matching stretches, in order, ending with ``(len(a), len(b), 0)`` as difflib's do."""
    found: list[Block] = []
    work = WORK_LIMIT
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        start = _common_start(a, alo, ahi, b, blo, bhi)
        if start:
            found.append((alo, blo, start))
            alo, blo = alo + start, blo + start
        end = _common_end(a, alo, ahi, b, blo, bhi)
        if end:
            found.append((ahi - end, bhi - end, end))
            ahi, bhi = ahi - end, bhi - end
        n, m = ahi - alo, bhi - blo
        if not n or not m or work <= 0:
            continue
        anchors = []
        if n * m > SMALL_LIMIT:
            work -= ANCHOR_COST * (n + m)
            anchors = _anchors(a, alo, ahi, b, blo, bhi)
        if not anchors:
            if n * m <= EXACT_LIMIT:
                work -= n * m
                matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
                found += [(alo + i, blo + j, size) for i, j, size in matcher.get_matching_blocks() if size]
            continue
        # Each anchor is matched; the stretches between them are looked at
        # again, the first one first, so that if the work runs out it is the
        # end of a long text that is compared more coarsely.
        gaps = []
        previous_i, previous_j = alo, blo
        for i, j in anchors:
            found.append((i, j, 1))
            gaps.append((previous_i, i, previous_j, j))
            previous_i, previous_j = i + 1, j + 1
        gaps.append((previous_i, ahi, previous_j, bhi))
        stack += reversed(gaps)
    return [*_joined(sorted(found)), (len(a), len(b), 0)]


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int, int, int, int]]:
    """How to turn ``a`` into ``b``, as ``difflib.SequenceMatcher.get_opcodes`` says it."""
    result: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for ai, bj, size in matching_blocks(a, b):
        if i < ai and j < bj:
            result.append(("replace", i, ai, j, bj))
        elif i < ai:
            result.append(("delete", i, ai, j, bj))
        elif j < bj:
            result.append(("insert", i, ai, j, bj))
        if size:
            result.append(("equal", ai, ai + size, bj, bj + size))
        i, j = ai + size, bj + size
    return result


def _common_start(a: Items, alo: int, ahi: int, b: Items, blo: int, bhi: int) -> int:
    size = 0
    while alo + size < ahi and blo + size < bhi and a[alo + size] == b[blo + size]:
        size += 1
    return size


def _common_end(a: Items, alo: int, ahi: int, b: Items, blo: int, bhi: int) -> int:
    size = 0
    while ahi - size > alo and bhi - size > blo and a[ahi - size - 1] == b[bhi - size - 1]:
        size += 1
    return size


def _anchors(a: Items, alo: int, ahi: int, b: Items, blo: int, bhi: int) -> list[tuple[int, int]]:
    """Items found once in each side, as (i, j), the longest run of them in the same order."""
    in_a = Counter(a[alo:ahi])
    in_b = Counter(b[blo:bhi])
    where_b = {b[j]: j for j in range(blo, bhi) if in_b[b[j]] == 1 and in_a[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(alo, ahi) if a[i] in where_b]
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest sub-list of ``pairs`` (ordered by i) whose j also increase."""
    tails: list[int] = []  # the smallest j that ends a run of each length
    ends: list[int] = []  # index in pairs of that run's last pair
    before: list[int] = []  # index of the pair before each pair in its run
    for index, (_, j) in enumerate(pairs):
        length = bisect.bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[length] = j
            ends[length] = index
        before.append(ends[length - 1] if length else -1)
    run = []
    index = ends[-1] if ends else -1
    while index >= 0:
        run.append(pairs[index])
        index = before[index]
    return run[::-1]


def _joined(blocks: list[Block]) -> list[Block]:
    """Adjacent blocks as one, so an anchor and the stretch after it read as one match."""
    result: list[Block] = []
    for i, j, size in blocks:
        if result:
            pi, pj, psize = result[-1]
            if pi + psize == i and pj + psize == j:
                result[-1] = (pi, pj, psize + size)
                continue
        result.append((i, j, size))
    return result
