"""Find words that a drawing split over two lines without a hyphen.

Reads what a person reads: the words of the output, with the grid's lines
taken out. Each is either a whole word of the source text, a piece that ends
in a hyphen (the word goes on on the next line), or the last piece of a
hyphenated word. Any other piece is part of a word cut without a hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

BOX = re.compile(r"[│┌┐└┘├┤┬┴┼─|+]")


def words_of(texts: Iterable[str]) -> set[str]:
    return {word for text in texts for word in text.split()}


def unhyphenated_splits(drawn: str, texts: Iterable[str]) -> list[str]:
    """The pieces in ``drawn`` that are parts of words of ``texts`` cut without a hyphen."""
    source = words_of(texts)
    bad = []
    for token in BOX.sub(" ", drawn).split():
        if token in source:
            continue
        if token.endswith("-") and any(token[:-1] in word for word in source):
            continue  # the first or a middle piece of a hyphenated word
        if any(word.endswith(token) and _hyphenated_before(drawn, token) for word in source):
            continue  # the last piece of a hyphenated word
        bad.append(token)
    return bad


def _hyphenated_before(drawn: str, token: str) -> bool:
    """Whether some line of ``drawn`` above the piece ends a piece with a hyphen in the same place."""
    lines = drawn.splitlines()
    for number, line in enumerate(lines[1:], 1):
        for match in re.finditer(re.escape(token), line):
            above = lines[number - 1]
            start = match.start()
            # the piece before it sits in the same column of the line above and ends in "-"
            segment = BOX.split(above[start:])[0] if start < len(above) else ""
            if segment.rstrip().endswith("-"):
                return True
    return False
