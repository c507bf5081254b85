"""The page `pvm show` prints: company header, the matrix, the balance summary.

``draw`` lays the page out once, for a width, as lines of styled text
(``lines.py``). From ``WIDE_MIN_WIDTH`` on the matrix is a table, chosen by
what it holds: the template's grid (``grid.py``) when each of its nine
columns can be as wide as its longest word, else one table per side, one
above the other (``stacked.py``), whose five columns have about twice the
room. A word is hyphenated only when it is wider than the layout chosen
can make its column. Below ``WIDE_MIN_WIDTH``: one card per partner
(``cards.py``). Plain output prints the lines' text; a terminal and the
SVG export hand them to Rich for colour (``pvm_tui.render``). All user text
is made harmless and measured alike in pieces and whole (``text.aligned``) before it is laid out.
"""

from __future__ import annotations

from pvm_tui.labels import Labels
from pvm_tui.model import SIDES, Matrix
from pvm_tui.page.cards import partner_cards
from pvm_tui.page.grid import columns_of, matrix_grid, overhead
from pvm_tui.page.header import agreements_list, company_header, summary
from pvm_tui.page.lines import Line
from pvm_tui.page.measure import holds_every_word, table
from pvm_tui.page.stacked import side_tables

WIDE_MIN_WIDTH = 120
"""From this width on the matrix is drawn as a table (the grid, or one per
side); below it, nine columns get under ten characters each and cards read better."""


def draw(matrix: Matrix, labels: Labels, width: int, *, ascii_only: bool = False) -> list[Line]:
    """The whole page laid out for ``width`` terminal cells."""
    lines = company_header(matrix, labels, width)
    lines.append([])
    if width >= WIDE_MIN_WIDTH:
        lines += _tables(matrix, labels, width, ascii_only=ascii_only)  # headings even with no partner
        lines.append([])
        agreements = agreements_list(matrix, labels, width)
        if agreements:
            lines += [*agreements, []]
    elif matrix.partners:
        lines += partner_cards(matrix, labels, width, ascii_only=ascii_only)
        lines.append([])
    lines += summary(matrix, labels, width)
    return lines


def _tables(matrix: Matrix, labels: Labels, width: int, *, ascii_only: bool) -> list[Line]:
    """The template's grid when every word fits its column whole, else one table per side."""
    grid = table(matrix, labels, columns_of(SIDES))
    if holds_every_word(grid, width - overhead()):
        return matrix_grid(matrix, labels, width, ascii_only=ascii_only, measured=grid)
    return side_tables(matrix, labels, width, ascii_only=ascii_only)
