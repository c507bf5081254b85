"""Showing a cell of 100 KB: the editor's grid (compact and whole text), the card, `pvm show`, the filter.

Five cells of about 100 KB: one word with no spaces, many short words,
many lines, emoji joined with ZWJ, letters with combining accents. Each
must take well under a tenth of a second wherever it is shown, in time in
step with its length (before: the whole-text grid took 2 to 19 s, `pvm
show` at 160 columns up to eight minutes, on one word).
"""

from __future__ import annotations

import sys

from long_cells import median_seconds

CELL_CHARACTERS = 100_000
BUDGET_SECONDS = 0.1


def cells(size: int = CELL_CHARACTERS) -> dict[str, str]:
    return {
        "one word": "abcdefghij" * (size // 10),
        "short words": "word " * (size // 5),
        "many lines": "line\n" * (size // 5),
        "emoji (ZWJ)": "👩\u200d💻" * (size // 3),
        "combining marks": "e\u0301" * (size // 2),
    }


def huge_cells(runs: int) -> None:
    from rich.console import Console
    from rich.text import Text

    from pvm_tui.hyphenate import breaks
    from pvm_tui.labels import labels_for
    from pvm_tui.model import COLUMN_BY_KEY, Matrix, Partner
    from pvm_tui.page import draw, measure
    from pvm_tui.page.lines import plain
    from pvm_tui.partner_filter import parse
    from pvm_tui.text import aligned
    from pvm_tui.widgets.card_layout import CardContent, CardStyles, lay_out
    from pvm_tui.widgets.grid_cells import cell_text, whole_lines
    from pvm_tui.widgets.partner_card import _headed

    def show(matrix: Matrix, width: int) -> str:
        # As `pvm show` runs: once per process, so nothing measured before is known.
        for cache in (measure.aligned, measure.cell_len, breaks):
            cache.cache_clear()
        return plain(draw(matrix, labels, width))

    print(
        f"\n5. Showing a {CELL_CHARACTERS // 1000}k-character cell, {runs} runs each"
        f" (budget < {BUDGET_SECONDS * 1000:.0f} ms each)"
    )
    column = COLUMN_BY_KEY["brings.other"]
    labels = labels_for("nl")
    console = Console(width=120)
    found = parse("nergens")
    print(
        f"  {'':<16} {'grid':>8} {'whole':>8} {'card':>8} {'show 160':>9} {'show 80':>8} {'filter':>8}   ms"
    )
    for name, text in cells().items():
        matrix = Matrix(partners=(Partner(name="Lang"),), language="nl").with_cell(0, column, text)
        partner = matrix.partners[0]

        def card(text: str = text) -> object:
            content = CardContent(
                None, ((Text("x"), _headed(aligned(text), labels), Text("y")),), {}, None, None, None
            )
            return lay_out(content, 80, CardStyles(), console)

        figures = [
            median_seconds(lambda partner=partner: cell_text(partner, column, labels), runs),
            median_seconds(lambda partner=partner: whole_lines(partner, column, labels, 18), runs),
            median_seconds(card, runs),
            median_seconds(lambda matrix=matrix: show(matrix, 160), runs),
            median_seconds(lambda matrix=matrix: show(matrix, 80), runs),
            median_seconds(lambda partner=partner: found.matches(partner), runs),
        ]
        print(f"  {name:<16}" + "".join(f" {seconds * 1000:8.1f}" for seconds in figures))


if __name__ == "__main__":
    huge_cells(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
