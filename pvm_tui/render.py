"""The page of `pvm show` as a Rich renderable, for a colour terminal and the SVG export.

``MatrixView`` lays the page out (``pvm_tui.page``) for the width Rich
offers and yields each line as ``rich.text.Text`` built from literal
pieces: user text is never parsed as markup and carries no escape codes.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text

from pvm_tui.labels import Labels
from pvm_tui.model import Matrix
from pvm_tui.page import WIDE_MIN_WIDTH, draw

__all__ = ["WIDE_MIN_WIDTH", "MatrixView"]


class MatrixView:
    """The whole of `pvm show`: header, matrix (grid or cards by width), summary."""

    def __init__(self, matrix: Matrix, labels: Labels) -> None:
        self.matrix = matrix
        self.labels = labels

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in draw(self.matrix, self.labels, options.max_width, ascii_only=options.ascii_only):
            text = Text(end="")
            for piece, style in line:
                text.append(piece, style=style or None)
            yield from text.render(console)
            yield Segment.line()
