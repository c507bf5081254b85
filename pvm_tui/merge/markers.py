"""A conflict written inside a cell's text, and finding such cells again.

A cell that was changed differently on both sides holds both versions
between marker lines, as git does for lines of text:

    <<<<<<< mine
    the text on our side
    =======
    the text on their side
    >>>>>>> theirs

The file stays valid TOML (this is just a string with several lines), any
text editor shows it, and `pvm check` and the editor find it again. A side
that removed the partner says so on its marker line; its text is empty.
The marker lines are in the matrix's language; reading accepts both. When
a text itself holds a line of "=======", the separator is made longer than
it, so the two versions are always told apart again.
"""

from __future__ import annotations

from dataclasses import dataclass

from pvm_tui.merge.words import ALL_WORDS, MergeWords

OPEN, SEPARATOR, CLOSE = "<<<<<<<", "=======", ">>>>>>>"


@dataclass(frozen=True)
class Sides:
    """The two versions of one conflicting cell; ``*_removed``: that side removed the partner."""

    ours: str
    theirs: str
    ours_removed: bool = False
    theirs_removed: bool = False

    def swapped(self) -> Sides:
        return Sides(self.theirs, self.ours, self.theirs_removed, self.ours_removed)


def write(sides: Sides, words: MergeWords) -> str:
    """The cell text that holds both versions between markers."""
    mine = words.mine + (f": {words.removed_partner}" if sides.ours_removed else "")
    theirs = words.theirs + (f": {words.removed_partner}" if sides.theirs_removed else "")
    # The separator is longer than any line of only "=" in the texts, so it is always found again.
    longest = max((len(line) for line in _separators(f"{sides.ours}\n{sides.theirs}".split("\n"))), default=0)
    separator = "=" * max(len(SEPARATOR), longest + 1)
    return f"{OPEN} {mine}\n{sides.ours}\n{separator}\n{sides.theirs}\n{CLOSE} {theirs}"


def read(text: str) -> Sides | None:
    """Both versions of a cell that holds a conflict, or None for an ordinary cell."""
    lines = text.split("\n")
    if len(lines) < 4 or not lines[0].startswith(OPEN + " ") or not lines[-1].startswith(CLOSE + " "):
        return None
    middle = lines[1:-1]
    separators = [index for index, line in enumerate(middle) if line in _separators([line])]
    if not separators:
        return None
    at = max(separators, key=lambda index: len(middle[index]))
    return Sides(
        "\n".join(middle[:at]),
        "\n".join(middle[at + 1 :]),
        ours_removed=_says_removed(lines[0]),
        theirs_removed=_says_removed(lines[-1]),
    )


def _separators(lines: list[str]) -> list[str]:
    return [line for line in lines if len(line) >= len(SEPARATOR) and not line.strip("=")]


def _says_removed(marker_line: str) -> bool:
    return any(marker_line.endswith(f": {words.removed_partner}") for words in ALL_WORDS)
