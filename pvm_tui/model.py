"""The Partner Value Matrix as plain, immutable data, and the pure edits on it.

Nothing here knows about Textual, TOML or the terminal: every edit returns a
new ``Matrix`` so that the editor can keep the old one for undo, and so that
saving, rendering and exporting all read the same single source of truth.
"""

from __future__ import annotations

import datetime as _dt
import enum
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

SIDES: tuple[str, ...] = ("brings", "gets")
"""The two sides of a partnership: what a partner brings, what it gets out of it."""

CATEGORIES: tuple[str, ...] = ("resources", "channels", "money", "other")
"""The four categories each side is split into, in the template's order."""

COMPANY_FIELDS: tuple[str, ...] = (
    "name",
    "date",
    "industry",
    "offering",
    "size",
    "revenue",
    "location",
    "description",
)
"""The company header's fields, in the order the template shows them."""

_partner_keys = itertools.count(1)


def _next_partner_key() -> int:
    return next(_partner_keys)


@dataclass(frozen=True)
class Column:
    """One column of the grid: the partner's name, or one side's category."""

    key: str
    side: str | None = None
    category: str | None = None

    @property
    def step(self) -> int:
        """The method's step this column belongs to (1, 2 or 3)."""
        if self.side is None:
            return 1
        return 2 if self.side == "brings" else 3


NAME_COLUMN = Column("name")
COLUMNS: tuple[Column, ...] = (
    NAME_COLUMN,
    *(Column(f"{side}.{category}", side, category) for side in SIDES for category in CATEGORIES),
)
"""Every column of the grid, left to right: name, four *brings*, four *gets*."""

COLUMN_BY_KEY: dict[str, Column] = {column.key: column for column in COLUMNS}

STEPS: tuple[int, ...] = (1, 2, 3)


def columns_of_step(step: int) -> tuple[Column, ...]:
    """The columns that make up one step of the method."""
    return tuple(column for column in COLUMNS if column.step == step)


class Status(enum.Enum):
    """Whether a partner already works with the company, or might (step 1's "(potential)")."""

    CURRENT = "current"
    POTENTIAL = "potential"


class Influence(enum.Enum):
    """How much influence a partner has on the business (what the Partner-radar tells)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


INFLUENCE_ORDER: tuple[Influence | None, ...] = (Influence.HIGH, Influence.MEDIUM, Influence.LOW, None)
"""Most influence first; a partner whose influence is not known yet comes last."""

FACTS: tuple[str, ...] = ("status", "influence", "agreements")
"""The optional facts about a partner beside its cells, in the order files and exports show them."""


class Balance(enum.Enum):
    """How mutual a partnership is: the point of the method."""

    BALANCED = "balanced"
    BRINGS_ONLY = "brings-only"
    GETS_ONLY = "gets-only"
    EMPTY = "empty"

    @property
    def is_one_sided(self) -> bool:
        return self in (Balance.BRINGS_ONLY, Balance.GETS_ONLY)


@dataclass(frozen=True)
class Side:
    """What flows one way between the company and a partner, per category."""

    resources: str = ""
    channels: str = ""
    money: str = ""
    other: str = ""

    def get(self, category: str) -> str:
        if category not in CATEGORIES:
            raise KeyError(category)
        return str(getattr(self, category))

    def with_category(self, category: str, text: str) -> Side:
        if category not in CATEGORIES:
            raise KeyError(category)
        return replace(self, **{category: text})

    @property
    def is_empty(self) -> bool:
        # The fields by name (the four CATEGORIES): looking each up by its name took a
        # third of the time to open 20,000 partners, which counts every partner's balance.
        return not (
            self.resources.strip() or self.channels.strip() or self.money.strip() or self.other.strip()
        )


@dataclass(frozen=True)
class Partner:
    """One key partner: a row of the matrix.

    ``key`` identifies the partner across edits (rename, move) so that the
    file layer can keep what a person wrote around it; it never takes part
    in equality.
    """

    name: str = ""
    brings: Side = field(default_factory=Side)
    gets: Side = field(default_factory=Side)
    status: Status | None = None
    influence: Influence | None = None
    agreements: str = ""
    key: int = field(default_factory=_next_partner_key, compare=False, repr=False)

    def side(self, side: str) -> Side:
        if side not in SIDES:
            raise KeyError(side)
        return self.brings if side == "brings" else self.gets

    def cell(self, column: Column) -> str:
        if column.side is None:
            return self.name
        assert column.category is not None
        return self.side(column.side).get(column.category)

    def with_cell(self, column: Column, text: str) -> Partner:
        if column.side is None:
            return replace(self, name=text)
        assert column.category is not None
        new_side = self.side(column.side).with_category(column.category, text)
        if column.side == "brings":
            return replace(self, brings=new_side)
        return replace(self, gets=new_side)

    def with_facts(self, **facts: object) -> Partner:
        """The partner with some of its ``FACTS`` changed (None unsets status or influence)."""
        unknown = set(facts) - set(FACTS)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        return replace(self, **facts)  # type: ignore[arg-type]

    def fact_text(self, fact: str) -> str:
        """A fact as a file writes it ("current", "high", the agreements); "" when not known."""
        if fact not in FACTS:
            raise KeyError(fact)
        value = getattr(self, fact)
        if value is None:
            return ""
        return value.value if isinstance(value, enum.Enum) else str(value)

    @property
    def has_facts(self) -> bool:
        return self.status is not None or self.influence is not None or bool(self.agreements.strip())

    @cached_property  # a reload or an undo of one counts it for every partner, and a partner never changes
    def balance(self) -> Balance:
        brings, gets = not self.brings.is_empty, not self.gets.is_empty
        if brings and gets:
            return Balance.BALANCED
        if brings:
            return Balance.BRINGS_ONLY
        if gets:
            return Balance.GETS_ONLY
        return Balance.EMPTY

    @property
    def is_blank(self) -> bool:
        """True when nothing at all has been written for this partner."""
        return not self.name.strip() and self.balance is Balance.EMPTY and not self.has_facts


def influence_rank(partner: Partner) -> int:
    """0 for high influence, then medium, low, and last a partner whose influence is not known."""
    return INFLUENCE_ORDER.index(partner.influence)


@dataclass(frozen=True)
class Company:
    """The header of the template: who the matrix is about."""

    name: str = ""
    date: _dt.date | None = None
    industry: str = ""
    offering: str = ""
    size: str = ""
    revenue: str = ""
    location: str = ""
    description: str = ""

    def edit(self, **changes: object) -> Company:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class BalanceSummary:
    """How many partners are balanced, one-sided and empty."""

    balanced: int
    one_sided: int
    empty: int

    @property
    def total(self) -> int:
        return self.balanced + self.one_sided + self.empty


@dataclass(frozen=True)
class Matrix:
    """A whole Partner Value Matrix: the company and its ordered partners."""

    company: Company = field(default_factory=Company)
    partners: tuple[Partner, ...] = ()
    language: str = "nl"

    def __iter__(self) -> Iterator[Partner]:
        return iter(self.partners)

    def __len__(self) -> int:
        return len(self.partners)

    @property
    def balance_summary(self) -> BalanceSummary:
        balances = [partner.balance for partner in self.partners]
        return BalanceSummary(
            balanced=balances.count(Balance.BALANCED),
            one_sided=sum(1 for balance in balances if balance.is_one_sided),
            empty=balances.count(Balance.EMPTY),
        )

    # -- pure edits: each returns a new Matrix ---------------------------------

    def with_cell(self, row: int, column: Column, text: str) -> Matrix:
        partner = self.partners[row].with_cell(column, text)
        return self._with_partner(row, partner)

    def with_facts(self, row: int, **facts: object) -> Matrix:
        """The matrix with some facts (status, influence, agreements) of one partner changed."""
        return self._with_partner(row, self.partners[row].with_facts(**facts))

    def with_partner_added(self, index: int, partner: Partner | None = None) -> Matrix:
        """Insert ``partner`` (a blank one by default) so that it lands at ``index``."""
        index = max(0, min(index, len(self.partners)))
        new = partner if partner is not None else Partner()
        return replace(self, partners=(*self.partners[:index], new, *self.partners[index:]))

    def with_partner_removed(self, index: int) -> Matrix:
        return replace(self, partners=self.partners[:index] + self.partners[index + 1 :])

    def with_partner_moved(self, index: int, offset: int) -> Matrix:
        """Move one partner ``offset`` places up (negative) or down; clamped at the ends."""
        target = max(0, min(index + offset, len(self.partners) - 1))
        partners = list(self.partners)
        partners.insert(target, partners.pop(index))
        return replace(self, partners=tuple(partners))

    def with_company(self, company: Company) -> Matrix:
        return replace(self, company=company)

    def with_language(self, language: str) -> Matrix:
        return replace(self, language=language)

    def _with_partner(self, row: int, partner: Partner) -> Matrix:
        partners = (*self.partners[:row], partner, *self.partners[row + 1 :])
        return replace(self, partners=partners)
