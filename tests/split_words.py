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


def texts_of(matrix: object, labels: object, *extra: str) -> list[str]:
    """Every text a page of ``matrix`` may show: each string in the matrix and in the labels.

    Gathered from the objects themselves, so a field or label added later is
    known here without a change.
    """
    found: list[str] = list(extra)
    _gather(matrix, found)
    _gather(labels, found)
    return found


def _gather(value: object, found: list[str]) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict) or hasattr(value, "items"):
        for key, item in value.items():  # type: ignore[attr-defined]
            _gather(key, found)
            _gather(item, found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _gather(item, found)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:  # type: ignore[attr-defined]
            _gather(getattr(value, name), found)
    elif hasattr(value, "value") and hasattr(value, "name"):  # an enum member
        _gather(value.value, found)
    elif value is not None and not isinstance(value, (int, float, bool)):
        found.append(str(value))
