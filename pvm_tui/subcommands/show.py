"""`pvm show FILE`: print a matrix in the terminal, or as plain text when piped.

In a terminal the matrix is drawn with colour (unless ``NO_COLOR`` is set);
when standard output is not a terminal, or with ``--plain``, the same layout
comes out as plain text without any escape codes, so it can be piped, diffed
(git's textconv) or pasted. No cell is ever cut short: long text wraps.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from rich.console import Console

from pvm_tui import store
from pvm_tui.labels import labels_for, language_from_locale
from pvm_tui.render import MatrixView


def make_console(stream: TextIO, *, plain: bool, width: int | None) -> Console:
    """A console that never reads user text as markup; colourless when ``plain``."""
    return Console(
        file=stream,
        width=width,
        color_system=None if plain else "auto",
        force_terminal=False if plain else None,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def run(options: argparse.Namespace) -> int:
    matrix = store.load(options.file, default_language=language_from_locale()).saved
    labels = labels_for(options.lang or matrix.language)
    stream = sys.stdout
    if hasattr(stream, "reconfigure"):
        # A terminal that cannot show a character gets a stand-in, not a crash.
        stream.reconfigure(errors="replace")
    plain = options.plain or not stream.isatty()
    console = make_console(stream, plain=plain, width=options.width)
    view = MatrixView(matrix, labels)
    if not plain:
        console.print(view)
        return 0
    with console.capture() as captured:
        console.print(view)
    # Rich pads table lines to their full width; trailing blanks only add noise to diffs.
    stream.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    return 0
