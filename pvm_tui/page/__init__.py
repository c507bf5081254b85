"""The page `pvm show` prints: company header, the matrix, the balance summary.

``draw`` lays the page out once, for a width, as lines of styled text
(``lines.py``): the template's grid from ``WIDE_MIN_WIDTH`` on, one card
per partner below it. Plain output prints the lines' text; a terminal and
the SVG export hand them to Rich for colour (``pvm_tui.render``). All user
text is made harmless (``text.harmless``) before it is laid out.
"""

from __future__ import annotations

from pvm_tui.labels import Labels
from pvm_tui.model import Matrix
from pvm_tui.page.cards import partner_cards
from pvm_tui.page.grid import matrix_grid
from pvm_tui.page.header import agreements_list, company_header, summary
from pvm_tui.page.lines import Line

WIDE_MIN_WIDTH = 120
"""From this width on the matrix is drawn as the template's grid; below it,
nine columns get under ten characters each and cards read better."""


def draw(matrix: Matrix, labels: Labels, width: int, *, ascii_only: bool = False) -> list[Line]:
    """The whole page laid out for ``width`` terminal cells."""
    lines = company_header(matrix, labels, width)
    lines.append([])
    if width >= WIDE_MIN_WIDTH:
        lines += matrix_grid(matrix, labels, width, ascii_only=ascii_only)  # headings even with no partner
        lines.append([])
        agreements = agreements_list(matrix, labels, width)
        if agreements:
            lines += [*agreements, []]
    elif matrix.partners:
        lines += partner_cards(matrix, labels, width, ascii_only=ascii_only)
        lines.append([])
    lines += summary(matrix, labels, width)
    return lines
