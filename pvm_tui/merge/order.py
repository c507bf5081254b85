"""The order of the merged partners: both sides' moves and additions, the same whichever side is "ours".

The partners kept from the base keep the order of the side that moved
them (when only one did; when both did, the same way, that way; when they
moved them differently, the average of their places). A partner added on
one side follows the partner it followed there, and a run of partners
added together stays together. When both sides added after the same
partner, the runs are ordered by their text, so that swapping the sides
changes nothing. An item is any hashable that names one merged partner.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

Item = TypeVar("Item", bound=Hashable)


def kept_order(kept: Sequence[int], ours: dict[int, int], theirs: dict[int, int]) -> list[int]:
    """The base rows that stay, in their merged order.

    ``kept`` is in base order; ``ours``/``theirs`` give each one's row on that
    side, where it is there at all (a partner removed on one side but
    changed on the other is kept without a row on the removing side).
    """
    ours_seq = sorted((i for i in kept if i in ours), key=ours.__getitem__)
    theirs_seq = sorted((i for i in kept if i in theirs), key=theirs.__getitem__)
    ours_moved = ours_seq != [i for i in kept if i in ours]
    theirs_moved = theirs_seq != [i for i in kept if i in theirs]
    if ours_moved and theirs_moved and ours_seq != theirs_seq:
        place = {i: rank for rank, i in enumerate(kept)}
        rank_o = {i: rank for rank, i in enumerate(ours_seq)}
        rank_t = {i: rank for rank, i in enumerate(theirs_seq)}
        return sorted(kept, key=lambda i: (rank_o.get(i, place[i]) + rank_t.get(i, place[i]), i))
    if ours_moved:
        return _with_missing(ours_seq, kept)
    if theirs_moved:
        return _with_missing(theirs_seq, kept)
    return list(kept)


def _with_missing(order: list[int], kept: Sequence[int]) -> list[int]:
    """``order`` with the kept rows it lacks, each placed after the one before it in the base."""
    result = list(order)
    present = set(order)
    previous: int | None = None
    for i in kept:
        if i not in present:
            result.insert(0 if previous is None else result.index(previous) + 1, i)
            present.add(i)
        previous = i
    return result


def merged_order(
    anchors: list[Item],
    sides: Sequence[Sequence[Item | None]],
    content: Callable[[Item], tuple[str, ...]],
) -> list[Item]:
    """``anchors`` (the kept partners, in order) with every side's additions put in.

    Each side is its partners in its own order, each named by its item, or
    None for a partner that the merge removes. An item that is not an anchor
    is an addition; runs of additions hang after the anchor before them.
    """
    anchor_set = set(anchors)
    runs: dict[Item | None, list[list[Item]]] = defaultdict(list)
    for side in sides:
        anchor: Item | None = None
        run: list[Item] = []
        for item in side:
            if item is None:
                continue
            if item in anchor_set:
                if run:
                    runs[anchor].append(run)
                anchor, run = item, []
            else:
                run.append(item)
        if run:
            runs[anchor].append(run)
    result: list[Item] = []
    placed: set[Item] = set()
    for anchor_item in [None, *anchors]:
        if anchor_item is not None:
            result.append(anchor_item)
        for run in sorted(runs.get(anchor_item, []), key=lambda run: [content(item) for item in run]):
            for item in run:
                if item not in placed:
                    placed.add(item)
                    result.append(item)
    return result
