"""SVG export: a picture of the matrix as `pvm show` draws it in a wide terminal, for slides.

The picture is self-contained: the only address in it is the SVG namespace;
the font is the system's monospace (a stack that every system has one of),
nothing is fetched. ``theme`` is "light" (the default, for slides and
print) or "dark". Every piece of text is drawn at its terminal column and
stretched to its cell width, so the grid's lines meet whatever the font;
all text goes through ``markup_escape``, so the file parses as XML whatever
the matrix holds and carries no terminal codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len

from pvm_tui.labels import Labels
from pvm_tui.markup_text import markup_escape
from pvm_tui.model import Matrix
from pvm_tui.page import WIDE_MIN_WIDTH, draw
from pvm_tui.page.lines import Line

SVG_WIDTH = max(WIDE_MIN_WIDTH, 160)
"""Columns of the picture: the grid, with room for the text (the Tinnitracks
examples are the grid from 158 columns on); a matrix whose words do not fit
the grid whole is drawn as two tables, one per side, as `pvm show` draws it."""

FONTS = 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace'
FONT_PX = 14
CELL_PX = FONT_PX * 0.6  # the advance of a monospace character
LINE_PX = round(FONT_PX * 1.17)  # box-drawing glyphs of one line touch those of the next
MARGIN_PX = 16


class Theme(NamedTuple):
    background: str
    text: str
    dim: str
    green: str
    yellow: str


THEMES = {
    "light": Theme(background="#ffffff", text="#1c1c1c", dim="#6e6e6e", green="#17703a", yellow="#8f5b00"),
    "dark": Theme(background="#1b1d21", text="#e8e8e8", dim="#9a9ca1", green="#6fcf83", yellow="#e6b450"),
}


def export(matrix: Matrix, labels: Labels, *, theme: str = "light") -> str:
    colours = THEMES[theme]
    lines = draw(matrix, labels, SVG_WIDTH)
    columns = max((sum(cell_len(text) for text, _ in line) for line in lines), default=1)
    width = round(2 * MARGIN_PX + columns * CELL_PX)
    height = 2 * MARGIN_PX + len(lines) * LINE_PX
    title = labels.method + (f" · {matrix.company.name}" if matrix.company.name.strip() else "")
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">',
            f"<title>{markup_escape(title)}</title>",
            "<style>",
            f"text {{ font-family: {FONTS}; font-size: {FONT_PX}px; fill: {colours.text};",
            "  white-space: pre; }",
            f".bold {{ font-weight: bold; }} .dim {{ fill: {colours.dim}; }}",
            ".italic { font-style: italic; }",
            f".green {{ fill: {colours.green}; }} .yellow {{ fill: {colours.yellow}; }}",
            "</style>",
            f'<rect width="100%" height="100%" fill="{colours.background}"/>',
            *(_line(line, index) for index, line in enumerate(lines) if line),
            "</svg>",
            "",
        ]
    )


def _line(line: Line, index: int) -> str:
    y = MARGIN_PX + index * LINE_PX + round(FONT_PX * 0.95)
    spans = []
    column = 0
    for text, style in line:
        size = cell_len(text)
        if text.strip():
            spans.append(_span(text, style.split(), MARGIN_PX + column * CELL_PX, size))
        column += size
    return f'<text y="{y}" xml:space="preserve">{"".join(spans)}</text>' if spans else ""


def _span(text: str, styles: Sequence[str], x: float, cells: int) -> str:
    css = f' class="{" ".join(styles)}"' if styles else ""
    return (
        f'<tspan x="{x:.1f}" textLength="{cells * CELL_PX:.1f}" lengthAdjust="spacingAndGlyphs"{css}>'
        f"{markup_escape(text)}</tspan>"
    )
