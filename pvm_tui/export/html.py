"""HTML export: the printable poster (see ``pvm_tui.poster``), for `pvm export --format html`."""

from __future__ import annotations

from pvm_tui.labels import Labels
from pvm_tui.model import Matrix
from pvm_tui.poster import html as poster


def export(matrix: Matrix, labels: Labels, *, paper: str = "A3", balance: bool = True) -> str:
    """One self-contained HTML page laid out like the template, for a landscape sheet of ``paper``."""
    return poster.render(matrix, labels, paper=paper, balance=balance)
