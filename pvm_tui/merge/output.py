"""A merge result as TOML text that keeps what both sides wrote around the values.

The merged matrix is written into each side's own document with the
store's comment-keeping merge, so each of those texts holds the merged
values plus that side's comments, key order and unknown keys. A line merge
of the two (against the base, written the same way) then joins the extras;
when the two touched the same lines, the other side's ("theirs") text is
taken whole: it is the file someone else wrote, and its values are the
merged ones all the same.
"""

from __future__ import annotations

from dataclasses import replace

from pvm_tui import store
from pvm_tui.merge.lines import merge_lines
from pvm_tui.merge.three_way import MergeResult, Origin
from pvm_tui.model import Matrix


def merged_text(
    result: MergeResult, base: store.MatrixFile, ours: store.MatrixFile, theirs: store.MatrixFile
) -> str:
    """The TOML text of ``result``; each file's parsed document is changed by this."""
    texts = [
        store.dumps(side, _as_in(result, side.saved, which))
        for side, which in ((base, "base"), (ours, "ours"), (theirs, "theirs"))
    ]
    joined = merge_lines(*texts)
    if joined is not None and joined != texts[2] and _holds(joined, result.matrix):
        return joined
    return texts[2]


def _as_in(result: MergeResult, side: Matrix, which: str) -> Matrix:
    """The merged matrix with each partner named as in ``side``, so its own table is reused."""
    partners = []
    for partner, origin in zip(result.matrix.partners, result.origins, strict=True):
        row = _row(origin, which)
        partners.append(partner if row is None else replace(partner, key=side.partners[row].key))
    return replace(result.matrix, partners=tuple(partners))


def _row(origin: Origin, which: str) -> int | None:
    return origin.base if which == "base" else origin.ours if which == "ours" else origin.theirs


def _holds(text: str, matrix: Matrix) -> bool:
    try:
        found, _ = store.parse(text, default_language=matrix.language)
    except store.MatrixFileError:
        return False
    return found == matrix
