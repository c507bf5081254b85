"""`pvm show FILE`: print a matrix in the terminal, or as plain text when piped.

In a terminal the matrix is drawn with colour (unless ``NO_COLOR`` is set);
when standard output is not a terminal, or with ``--plain``, the same layout
comes out as plain text without any escape codes, so it can be piped, diffed
(git's textconv) or pasted. No cell is ever cut short: long text wraps.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, TextIO

from pvm_tui import store
from pvm_tui.labels import labels_for, language_from_locale

if TYPE_CHECKING:
    from rich.console import Console

PLAIN_WIDTH = 80


def make_console(stream: TextIO, *, plain: bool, width: int | None) -> Console:
    """A console that never reads user text as markup; colourless when ``plain``."""
    from rich.console import Console

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
    if options.plain or not stream.isatty():
        # Plain text is laid out and written without Rich's console: quicker, and
        # no escape code can slip in. Trailing blanks are left out (they only add noise to diffs).
        from pvm_tui.page import draw
        from pvm_tui.page.lines import plain

        width = options.width or _plain_width(stream)
        ascii_only = not (getattr(stream, "encoding", None) or "").lower().startswith("utf")
        stream.write(plain(draw(matrix, labels, width, ascii_only=ascii_only)))
        return 0
    from pvm_tui.render import MatrixView

    make_console(stream, plain=False, width=options.width).print(MatrixView(matrix, labels))
    return 0


def _plain_width(stream: TextIO) -> int:
    """$COLUMNS when set, else the terminal's width (--plain on a terminal), else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return PLAIN_WIDTH
