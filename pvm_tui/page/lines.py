"""Lines of styled text: what the page layouts produce and every output reads.

A ``Line`` is a list of ``(text, style)`` pieces, the style a Rich style
name ("bold", "dim", "green") or "" for none. Plain output joins the texts
and ignores the styles, so printing to a pipe needs no Rich at all; a
terminal or the SVG turns the same lines into Rich ``Text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len

Piece = tuple[str, str]
Line = list[Piece]


def styled(texts: Iterable[str], style: str = "") -> list[Line]:
    """One line per text, each in ``style``."""
    return [[(text, style)] for text in texts]


def width(line: Line) -> int:
    """The line's width in terminal cells."""
    return sum(cell_len(text) for text, _ in line)


def padded(line: Line, size: int) -> Line:
    """``line`` followed by spaces up to ``size`` cells."""
    missing = size - width(line)
    return [*line, (" " * missing, "")] if missing > 0 else list(line)


def plain(lines: Sequence[Line]) -> str:
    """The lines as plain text, with no trailing blanks: for pipes, files and git."""
    return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)
