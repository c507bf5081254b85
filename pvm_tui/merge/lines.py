"""A line-by-line three-way merge of two texts, as git merges any text file.

For matrices the cell merge decides every value, and this only joins what
lies around the values (comments, unknown keys, blank lines) written on
either side: it answers None when both sides changed the same lines, and
the caller keeps one side's text whole. A TOML file that is not a matrix
(``*.toml`` also names ``pyproject.toml``) is merged with ``text_merge``,
which writes git's markers around lines both sides changed.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def merge_lines(base: str, ours: str, theirs: str) -> str | None:
    """``base`` with the line changes of both sides, or None when they overlap."""
    merged, clean = text_merge(base, ours, theirs)
    return merged if clean else None


def text_merge(base: str, ours: str, theirs: str) -> tuple[str, bool]:
    """``base`` with the line changes of both sides; where they overlap, both between markers."""
    b, o, t = base.splitlines(keepends=True), ours.splitlines(keepends=True), theirs.splitlines(keepends=True)
    result: list[str] = []
    clean = True
    at_b = at_o = at_t = 0
    for sync_b, sync_o, sync_t, size in [*_stable(b, o, t), (len(b), len(o), len(t), 0)]:
        chunk = _merge_chunk(b[at_b:sync_b], o[at_o:sync_o], t[at_t:sync_t])
        if chunk is None:
            clean = False
            chunk = [
                "<<<<<<< ours\n",
                *_ended(o[at_o:sync_o]),
                "=======\n",
                *_ended(t[at_t:sync_t]),
                ">>>>>>> theirs\n",
            ]
        result += chunk
        result += b[sync_b : sync_b + size]
        at_b, at_o, at_t = sync_b + size, sync_o + size, sync_t + size
    return "".join(result), clean


def _ended(lines: list[str]) -> list[str]:
    """Lines with the last one ended, so that a marker after it starts a line of its own."""
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + "\n"]
    return lines


def _merge_chunk(base: Sequence[str], ours: Sequence[str], theirs: Sequence[str]) -> list[str] | None:
    if list(ours) == list(theirs) or list(theirs) == list(base):
        return list(ours)
    if list(ours) == list(base):
        return list(theirs)
    return None


def _stable(b: list[str], o: list[str], t: list[str]) -> list[tuple[int, int, int, int]]:
    """Runs of base lines that both sides kept: (base start, ours start, theirs start, length)."""
    with_ours = difflib.SequenceMatcher(None, b, o, autojunk=False).get_matching_blocks()
    with_theirs = difflib.SequenceMatcher(None, b, t, autojunk=False).get_matching_blocks()
    runs: list[tuple[int, int, int, int]] = []
    i = j = 0
    while i < len(with_ours) and j < len(with_theirs):
        ob, oo, on = with_ours[i]
        tb, tt, tn = with_theirs[j]
        start, end = max(ob, tb), min(ob + on, tb + tn)
        if start < end:
            runs.append((start, oo + start - ob, tt + start - tb, end - start))
        if ob + on < tb + tn:
            i += 1
        else:
            j += 1
    return runs
