"""What the editor's filter line (`/`) selects: text, and a partner's balance, status and influence.

Plain words are text to find anywhere in a partner's row (its name, its
cells, its agreements). A word ``key:value`` selects by a fact instead, in
either language whatever the labels: ``balans:eenzijdig``,
``balance:one-sided``, ``status:huidig``, ``invloed:veel``,
``influence:high``. Several values of one key (``invloed:veel,gemiddeld``,
or the key twice) mean any of them; different keys must all hold.
``onbekend`` / ``unknown`` selects the partners whose status or influence
is not written yet. No Textual here: the editor and its tests share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pvm_tui.model import COLUMNS, Balance, Influence, Partner, Status

ONE_SIDED = frozenset((Balance.BRINGS_ONLY, Balance.GETS_ONLY))

_BALANCES: Mapping[str, frozenset[Balance]] = {
    **dict.fromkeys(("mutual", "wederzijds", "balanced"), frozenset((Balance.BALANCED,))),
    **dict.fromkeys(("one-sided", "eenzijdig"), ONE_SIDED),
    **dict.fromkeys(("brings", "brengt", "brings-only"), frozenset((Balance.BRINGS_ONLY,))),
    **dict.fromkeys(("gets", "haalt", "gets-only"), frozenset((Balance.GETS_ONLY,))),
    **dict.fromkeys(("empty", "leeg"), frozenset((Balance.EMPTY,))),
    **dict.fromkeys(
        ("not-mutual", "niet-wederzijds"), frozenset((Balance.BRINGS_ONLY, Balance.GETS_ONLY, Balance.EMPTY))
    ),
}
_UNKNOWN = ("unknown", "onbekend")
_STATUSES: Mapping[str, Status | None] = {
    "current": Status.CURRENT,
    "huidig": Status.CURRENT,
    "potential": Status.POTENTIAL,
    "potentieel": Status.POTENTIAL,
    **dict.fromkeys(_UNKNOWN),
}
_INFLUENCES: Mapping[str, Influence | None] = {
    "high": Influence.HIGH,
    "veel": Influence.HIGH,
    "medium": Influence.MEDIUM,
    "gemiddeld": Influence.MEDIUM,
    "low": Influence.LOW,
    "weinig": Influence.LOW,
    **dict.fromkeys(_UNKNOWN),
}
_KEYS: Mapping[str, str] = {
    "balance": "balance",
    "balans": "balance",
    "status": "status",
    "influence": "influence",
    "invloed": "influence",
}


@dataclass(frozen=True)
class PartnerFilter:
    """A parsed filter: the text to find, and the facts a partner must have (None: any)."""

    text: str = ""
    balances: frozenset[Balance] | None = None
    statuses: frozenset[Status | None] | None = None
    influences: frozenset[Influence | None] | None = None
    not_understood: tuple[str, ...] = field(default=())
    """Words that look like ``key:value`` but name no known key or value; they are searched as text."""

    @property
    def is_empty(self) -> bool:
        return not self.text and self.balances is None and self.statuses is None and self.influences is None

    def matches(self, partner: Partner, folded: FoldedTexts | None = None) -> bool:
        """True when the filter selects the partner (``folded`` keeps its texts casefolded for next time)."""
        if self.balances is not None and partner.balance not in self.balances:
            return False
        if self.statuses is not None and partner.status not in self.statuses:
            return False
        if self.influences is not None and partner.influence not in self.influences:
            return False
        return not self.text or _has_text(partner, self.text, folded)


class FoldedTexts:
    """Each partner's texts casefolded, kept for the version of the partner they were made of.

    Each letter typed in the filter line looks through every partner again:
    casefolding every cell of 20,000 partners each time took 0.15 s. The
    editor keeps one of these while it is open.
    """

    def __init__(self) -> None:
        self._folded: dict[int, tuple[Partner, str]] = {}

    def of(self, partner: Partner) -> str:
        """The partner's texts casefolded, one line each."""
        folded = self._folded.get(partner.key)
        if folded is None or folded[0] is not partner:
            texts = (*(partner.cell(column) for column in COLUMNS), partner.agreements)
            folded = self._folded[partner.key] = (partner, "\n".join(texts).casefold())
        return folded[1]


def _has_text(partner: Partner, needle: str, folded: FoldedTexts | None) -> bool:
    if folded is not None and "\n" not in needle:
        # One line per text: a needle without a line break never spans two of them.
        return needle in folded.of(partner)
    texts: Iterable[str] = (*(partner.cell(column) for column in COLUMNS), partner.agreements)
    return any(needle in text.casefold() for text in texts)


def parse(query: str) -> PartnerFilter:
    """The filter that ``query``, as typed in the filter line, asks for."""
    words: list[str] = []
    balances: set[Balance] | None = None
    statuses: set[Status | None] | None = None
    influences: set[Influence | None] | None = None
    not_understood: list[str] = []
    for word in query.split():
        key, colon, values = word.casefold().partition(":")
        kind = _KEYS.get(key) if colon else None
        names = [value for value in values.split(",") if value]
        if kind == "balance" and names and all(name in _BALANCES for name in names):
            balances = (balances or set()).union(*(_BALANCES[name] for name in names))
        elif kind == "status" and names and all(name in _STATUSES for name in names):
            statuses = (statuses or set()) | {_STATUSES[name] for name in names}
        elif kind == "influence" and names and all(name in _INFLUENCES for name in names):
            influences = (influences or set()) | {_INFLUENCES[name] for name in names}
        else:
            if kind is not None:
                not_understood.append(word)
            words.append(word)
    return PartnerFilter(
        text=" ".join(words).casefold(),
        balances=frozenset(balances) if balances is not None else None,
        statuses=frozenset(statuses) if statuses is not None else None,
        influences=frozenset(influences) if influences is not None else None,
        not_understood=tuple(not_understood),
    )
