"""The balance markers: how every screen and export shows whether a partnership is mutual.

One place, so that ``pvm show``, ``pvm check``, the exports and the editor
grid all mark a partner the same way. A marker never relies on colour
alone, nor on a small difference such as which half of a circle is filled:
each balance has its own shape (``⇄ → ← ○``) *and* its own letter or word
in the file's language, so it reads with ``NO_COLOR``, in 16 colours and
on paper. The colour is an extra, in one of the 16 basic colours.

The arrows say which way value flows between the company and a partner:
``→`` only towards the company (the partner only brings), ``←`` only towards
the partner (it only gets), ``⇄`` both ways.
"""

from __future__ import annotations

from dataclasses import dataclass

from pvm_tui.labels import Labels
from pvm_tui.model import Balance


@dataclass(frozen=True)
class Mark:
    """The shape and the colour of one balance."""

    shape: str
    style: str


MARKS: dict[Balance, Mark] = {
    Balance.BALANCED: Mark("⇄", "bold green"),
    Balance.BRINGS_ONLY: Mark("→", "bold yellow"),
    Balance.GETS_ONLY: Mark("←", "bold yellow"),
    Balance.EMPTY: Mark("○", "dim"),
}

LETTERS: dict[str, dict[Balance, str]] = {
    "nl": {Balance.BALANCED: "W", Balance.BRINGS_ONLY: "B", Balance.GETS_ONLY: "H", Balance.EMPTY: "L"},
    "en": {Balance.BALANCED: "M", Balance.BRINGS_ONLY: "B", Balance.GETS_ONLY: "G", Balance.EMPTY: "E"},
}
"""The first letter of each balance's word: wederzijds, brengt, haalt, leeg / mutual, brings, gets, empty."""


def style(balance: Balance) -> str:
    """The colour of a balance's marker (only ever an extra)."""
    return MARKS[balance].style


def short(balance: Balance, labels: Labels) -> str:
    """Shape and letter, for where space is tight (the editor grid): ``⇄W``, ``→B``."""
    return MARKS[balance].shape + LETTERS[labels.code][balance]


def words(balance: Balance, labels: Labels) -> str:
    """Shape and word, for everywhere else: ``⇄ wederzijds``, ``→ eenzijdig (brengt alleen)``."""
    return f"{MARKS[balance].shape} {labels.balance[balance]}"


def legend(labels: Labels) -> str:
    """What each short marker means, on one line: ``⇄W wederzijds · →B eenzijdig (brengt alleen) · ...``."""
    return " · ".join(f"{short(balance, labels)} {labels.balance[balance]}" for balance in Balance)
