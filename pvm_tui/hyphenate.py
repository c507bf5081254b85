"""Where a word may be broken over two lines: after its own hyphen, or between syllables.

Syllables come from pyphen's hyphenation patterns for the text's language
(Dutch or English, the same patterns LibreOffice uses), never from rules of
our own. Loading a language's patterns costs tens of milliseconds, so it
happens only when a word is actually too long for its column, once per
process.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pyphen

SOFT_HYPHEN = "\u00ad"
HYPHENS = "-\u2010\u2011"
"""Hyphens a word may already contain ("High-margin"): a line may end after them."""

_LETTERS = re.compile(r"[^\W\d_]+")
_ADDRESS = re.compile(r"://|@|^www\.", re.IGNORECASE)
_PATTERNS = {"nl": "nl_NL", "en": "en_GB"}
LONGEST_WORD = 100
"""Runs of letters longer than this are no word of any language (a pasted hash, a
letter held down): they are cut where the column ends. Looking for syllables in
100 KB of letters took pyphen a third of a second."""


class Break(NamedTuple):
    """A place to break a word: ``word[:at]`` ends a line, with a hyphen added when ``hyphen``."""

    at: int
    hyphen: bool


@lru_cache(maxsize=4)
def _dictionary(language: str) -> pyphen.Pyphen:
    import pyphen  # only here: loading the patterns is the slow part

    return pyphen.Pyphen(lang=_PATTERNS.get(language, "en_GB"))


def own_breaks(word: str) -> list[Break]:
    """The places after a hyphen inside ``word`` (not a leading one): no hyphen to add there."""
    return [Break(index + 1, False) for index, char in enumerate(word[:-1]) if char in HYPHENS and index > 0]


@lru_cache(maxsize=4096)
def breaks(word: str, language: str) -> tuple[Break, ...]:
    """Every place where ``word`` (no spaces) may be broken, in order.

    After a hyphen of its own the line simply ends; between two syllables of
    a run of letters a hyphen is added. Digits, punctuation and symbols are
    never broken.
    """
    found = {place.at: False for place in own_breaks(word)}
    if _ADDRESS.search(word):
        return tuple(Break(at, hyphen) for at, hyphen in sorted(found.items()))  # no syllables in a URL
    runs = [match for match in _LETTERS.finditer(word) if 4 <= match.end() - match.start() <= LONGEST_WORD]
    if runs:
        dictionary = _dictionary(language)
        for match in runs:
            for position in dictionary.positions(match.group()):
                found.setdefault(match.start() + position, True)
    return tuple(Break(at, hyphen) for at, hyphen in sorted(found.items()))


def soft_hyphenated(text: str, language: str, *, longer_than: int = 0) -> str:
    """``text`` with a soft hyphen (U+00AD) at every syllable break of its words.

    A browser (or any renderer that honours soft hyphens) then breaks a word
    that does not fit its column between syllables, with a visible hyphen,
    and leaves every other word whole. Words of ``longer_than`` characters
    or fewer are left alone.
    """

    def mark(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) <= longer_than:
            return word
        pieces, start = [], 0
        for place in breaks(word, language):
            if place.hyphen:
                pieces.append(word[start : place.at])
                start = place.at
        pieces.append(word[start:])
        return SOFT_HYPHEN.join(pieces)

    return re.sub(r"\S+", mark, text)
