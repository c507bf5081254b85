"""The HTML poster for `pvm export FILE --format html`.

The export command hands a loaded matrix to ``export_html`` (or ``render``)
and writes the string it gets back, like every other format.
"""

from __future__ import annotations

import argparse

from pvm_tui.labels import Labels
from pvm_tui.model import Matrix
from pvm_tui.poster import html


def render(matrix: Matrix, labels: Labels, *, paper: str = "A3", balance: bool = True) -> str:
    """The self-contained HTML poster of ``matrix`` for a landscape sheet of ``paper``."""
    return html.render(matrix, labels, paper=paper, balance=balance)


def export_html(matrix: Matrix, labels: Labels, options: argparse.Namespace) -> str:
    """The poster as `pvm export`'s options ask for it (``--paper``, ``--no-balance``)."""
    paper = getattr(options, "paper", None) or "A3"
    balance = not getattr(options, "no_balance", False)
    return render(matrix, labels, paper=paper, balance=balance)
