"""What merging says, in Dutch and English: the marker lines and `pvm merge`/`pvm check` lines.

Column, side and company names come from ``pvm_tui.labels``; this module
holds only the few words merging needs on top of those.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MergeWords:
    """The words of one language; ``{}`` fields are filled in with ``str.format``."""

    mine: str
    theirs: str
    removed_partner: str
    removed_and_changed: str
    company: str
    partner: str
    conflicts_one: str
    conflicts: str
    clean: str
    check_conflicts: str
    check_hint: str


DUTCH = MergeWords(
    mine="mijn versie",
    theirs="hun versie",
    removed_partner="partner verwijderd",
    removed_and_changed="aan de ene kant verwijderd, aan de andere gewijzigd",
    company="bedrijf",
    partner="partner {row} {name}",
    conflicts_one="1 conflict",
    conflicts="{count} conflicten",
    clean="samengevoegd zonder conflicten",
    check_conflicts="nog op te lossen: {count}",
    check_hint="kies per cel een versie (of beide) en haal de regels <<<<<<<, ======= en >>>>>>> weg",
)

ENGLISH = MergeWords(
    mine="mine",
    theirs="theirs",
    removed_partner="removed the partner",
    removed_and_changed="removed on one side, changed on the other",
    company="company",
    partner="partner {row} {name}",
    conflicts_one="1 conflict",
    conflicts="{count} conflicts",
    clean="merged without conflicts",
    check_conflicts="conflicts still to resolve: {count}",
    check_hint="in each cell keep one version (or both) and remove the lines <<<<<<<, ======= and >>>>>>>",
)

ALL_WORDS: tuple[MergeWords, ...] = (DUTCH, ENGLISH)


def words_for(code: str) -> MergeWords:
    """The words of a language code; anything but ``nl`` gives English."""
    return DUTCH if code == "nl" else ENGLISH


def conflict_count(words: MergeWords, count: int) -> str:
    return words.conflicts_one if count == 1 else words.conflicts.format(count=count)
