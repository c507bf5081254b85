"""`pvm show FILE`: print a matrix in the terminal, or as plain text when piped.

In a terminal the matrix is drawn with colour (unless ``NO_COLOR`` is set);
when standard output is not a terminal, or with ``--plain``, the same layout
comes out as plain text without any escape codes, so it can be piped, diffed
or pasted. No cell is ever cut short: long text wraps. ``--textconv`` is
``--plain`` for git: a file that is not a matrix comes out as it is.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
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
    try:
        matrix = store.load(options.file, default_language=language_from_locale()).saved
    except store.MatrixFileError:
        # git's textconv runs for every file `.gitattributes` names (`*.toml`:
        # pyproject.toml too, and old commits of a broken matrix), and git
        # stops `git log -p` at the first one that fails: those pass as they are.
        if getattr(options, "textconv", False) and _copy_as_is(options.file):
            return 0
        raise
    labels = labels_for(options.lang or matrix.language)
    stream = sys.stdout
    if hasattr(stream, "reconfigure"):
        # A terminal that cannot show a character gets a stand-in, not a crash.
        stream.reconfigure(errors="replace")
    if options.plain or getattr(options, "textconv", False) or not stream.isatty():
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


def _copy_as_is(path: str) -> bool:
    """Copy a regular file to standard output byte for byte; False for a pipe, a device, or no access."""
    try:
        # Non-blocking, so that a named pipe cannot hang the copy; only regular files are read.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    with os.fdopen(handle, "rb") as source:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return False
        sys.stdout.flush()
        shutil.copyfileobj(source, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return True


def _plain_width(stream: TextIO) -> int:
    """$COLUMNS when set, else the terminal's width (--plain on a terminal), else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return PLAIN_WIDTH
