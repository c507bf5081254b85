"""What a table's columns hold, measured: for their widths and for choosing the layout.

A table is the partner column and the four columns of one side or of both.
Its partner cell holds the name, the balance marker and the facts; every
other cell the harmless text of one category (``text.aligned``). The widths follow from these
measures (``widths.py``); whether every word fits whole decides between the
template's grid and one table per side (``pvm_tui.page``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rich.cells import cell_len as _cell_len

from pvm_tui.labels import Labels
from pvm_tui.model import NAME_COLUMN, Column, Matrix
from pvm_tui.page.parts import balance_piece
from pvm_tui.page.widths import MEASURED_ROWS, ColumnText, column_widths, fits_whole
from pvm_tui.text import aligned as _aligned
from pvm_tui.wrap import least_width, words, wrap

# The grid and the two stacked tables measure the same texts: a cell of 100 KB (one
# word, one line, one cell) was made harmless and measured a dozen times over.
aligned = lru_cache(maxsize=128)(_aligned)
cell_len = lru_cache(maxsize=128)(_cell_len)


@dataclass(frozen=True)
class Table:
    """The columns of one table and the text of every cell, row by row (the partner's first)."""

    columns: tuple[Column, ...]
    rows: list[list[str]]
    measured: list[ColumnText]
    words: list[list[tuple[str, str]]]  # per column: every word and its language, the heading's too


def table(matrix: Matrix, labels: Labels, columns: Sequence[Column]) -> Table:
    """The cells of ``columns`` (the partner column first) for every partner, and their measures."""
    assert columns[0] == NAME_COLUMN
    rows = [
        [_partner_text(matrix, labels, index), *(aligned(partner.cell(column)) for column in columns[1:])]
        for index, partner in enumerate(matrix.partners)
    ]
    measured, every_word = [], []
    for index, column in enumerate(columns):
        cells = [row[index] for row in rows]
        heading = labels.column_heading(column)
        found = [(word, labels.code) for word in words(heading)]
        found += [(word, matrix.language) for text in cells for word in words(text)]
        lines = [cell_len(line.expandtabs(4)) for text in [heading, *cells] for line in text.split("\n")]
        sizes = [cell_len(word) for word, _ in found]
        measured.append(ColumnText(sizes, max(lines, default=1), sum(cell_len(text) for text in cells)))
        every_word.append(found)
    return Table(tuple(columns), rows, measured, every_word)


def holds_every_word(t: Table, available: int) -> bool:
    """Whether every column of ``t`` can be as wide as its longest word in ``available`` cells."""
    return fits_whole(t.measured, available)


def widths(t: Table, language: str, available: int, partner: int | None = None) -> list[int]:
    """The text width of each column of ``t``, together at most ``available`` cells.

    ``partner`` makes the partner column exactly that wide, so that two
    tables stacked one above the other line up.
    """
    columns = list(t.measured)
    if not fits_whole(columns, available):
        # Some words must be hyphenated: no column narrower than its widest syllable.
        columns = [
            replace(column, least=max((least_width(*word) for word in set(found)), default=1))
            for column, found in zip(columns, t.words, strict=True)
        ]
    if partner is not None:  # no word of it may ask for more, nor its lines
        words = [min(word, partner) for word in columns[0].words]
        columns[0] = replace(columns[0], words=words, least=partner, longest_line=partner)
    heights = None
    if len(t.rows) <= MEASURED_ROWS:
        every_cell = [[row[index] for row in t.rows] for index in range(len(t.columns))]

        def heights(index: int, size: int) -> list[int]:
            return [len(wrap(text, size, language)) if text else 0 for text in every_cell[index]]

    return column_widths(columns, available, heights)


def _partner_text(matrix: Matrix, labels: Labels, index: int) -> str:
    partner = matrix.partners[index]
    return "\n".join(
        [
            aligned(labels.partner_name(partner.name)),
            balance_piece(partner, labels)[0],
            labels.partner_facts(partner.status, partner.influence),
        ]
    ).rstrip("\n")
