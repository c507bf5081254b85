"""Word-level differences between two texts, as git's ``--word-diff`` shows them.

``word_diff(old, new)`` gives a list of pieces, each kept, removed or
inserted. Words, runs of white space and punctuation are compared as whole
tokens, so a changed word is marked whole rather than letter by letter; a
lone space between two changes is folded into them so that the result reads
``[-two words-]{+other text+}`` rather than a patchwork. Which tokens match
comes from ``sequence.py``, which stays fast for cells of any length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pvm_tui.diff.sequence import opcodes

SAME, OLD, NEW = "same", "old", "new"

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Piece:
    """A stretch of text that is the same in both, only in the old, or only in the new text."""

    kind: str
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[Piece]:
    """The pieces that turn ``old`` into ``new``: same, old (removed) and new (inserted)."""
    a, b = tokens(old), tokens(new)
    # Each chunk is (old text, new text); equal chunks have both the same.
    chunks: list[tuple[str, str, bool]] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        chunks.append((before, after, tag == "equal"))
    chunks = _fold_spaces(chunks)
    pieces: list[Piece] = []
    for before, after, equal in chunks:
        if equal:
            _append(pieces, SAME, before)
        else:
            _append(pieces, OLD, before)
            _append(pieces, NEW, after)
    return pieces


def _fold_spaces(chunks: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Join change, white space, change into one change: whole phrases read better."""
    result: list[tuple[str, str, bool]] = []
    for chunk in chunks:
        if result and not chunk[2] and len(result) >= 2:
            space, previous = result[-1], result[-2]
            if space[2] and not space[0].strip() and not previous[2]:
                result[-2:] = [(previous[0] + space[0] + chunk[0], previous[1] + space[1] + chunk[1], False)]
                continue
        if result and not chunk[2] and not result[-1][2]:
            last = result[-1]
            result[-1] = (last[0] + chunk[0], last[1] + chunk[1], False)
            continue
        result.append(chunk)
    return result


def _append(pieces: list[Piece], kind: str, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = Piece(kind, pieces[-1].text + text)
    else:
        pieces.append(Piece(kind, text))
