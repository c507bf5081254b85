"""SVG export: a picture of the matrix exactly as `pvm show` draws it, for slides.

Rich records what it prints and writes it out as an SVG terminal window;
the width is that of a wide terminal, so the template's grid is drawn.
"""

from __future__ import annotations

import io

from rich.console import Console

from pvm_tui.labels import Labels
from pvm_tui.model import Matrix
from pvm_tui.render import WIDE_MIN_WIDTH, MatrixView

SVG_WIDTH = max(WIDE_MIN_WIDTH, 160)


def export(matrix: Matrix, labels: Labels) -> str:
    console = Console(
        file=io.StringIO(),
        record=True,
        width=SVG_WIDTH,
        color_system="truecolor",
        force_terminal=True,
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(MatrixView(matrix, labels))
    title = f"{labels.method} {matrix.company.name}".strip()
    # export_svg escapes the text it draws, so cell text stays text in the picture.
    return console.export_svg(title=title)
