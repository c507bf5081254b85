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
    cell_changed: str
    cells_changed: str
    partner_added: str
    partners_added: str
    partner_removed: str
    partners_removed: str
    nothing_changed: str
    outside_reloaded: str
    outside_merged: str
    outside_unreadable: str
    theirs_kept: str
    theirs_not_kept: str
    conflict_title: str
    conflict_mine: str
    conflict_theirs: str
    conflict_removed: str
    conflict_more: str
    choose_mine: str
    choose_theirs: str
    choose_both: str
    choose_edit: str
    choose_later: str
    all_resolved: str
    none_left: str
    still_open: str
    resolve_key: str
    """After a merge's summary that names its conflicts: the key that resolves them."""


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
    cell_changed="1 cel gewijzigd",
    cells_changed="{count} cellen gewijzigd",
    partner_added="1 partner toegevoegd",
    partners_added="{count} partners toegevoegd",
    partner_removed="1 partner verwijderd",
    partners_removed="{count} partners verwijderd",
    nothing_changed="geen inhoud gewijzigd",
    outside_reloaded="{path} is op schijf veranderd en opnieuw geladen: {summary}",
    outside_merged="{path} is op schijf veranderd; samengevoegd met jouw wijzigingen: {summary}",
    outside_unreadable="{path} is op schijf veranderd maar niet te lezen ({error}); pvm wacht op een "
    "leesbare versie, je matrix blijft zoals hij is",
    theirs_kept="hun hele versie staat in {path}",
    theirs_not_kept="hun versie kon niet apart bewaard worden: {error}",
    conflict_title="Conflict {number} van {total}",
    conflict_mine="Mijn versie",
    conflict_theirs="Hun versie (op schijf)",
    conflict_removed="(partner verwijderd)",
    conflict_more="… (nog {size} KB: e houdt beide en toont alles in de editor)",
    choose_mine="m  mijn versie houden",
    choose_theirs="t  hun versie nemen",
    choose_both="b  beide houden, samengevoegd",
    choose_edit="e  beide houden en bewerken",
    choose_later="Esc  later (opslaan bewaart beide versies in de cel)",
    all_resolved="Alle conflicten opgelost.",
    none_left="Geen conflicten.",
    still_open="Nog {count} conflict(en): ! om ze op te lossen.",
    resolve_key="! om op te lossen",
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
    cell_changed="1 cell changed",
    cells_changed="{count} cells changed",
    partner_added="1 partner added",
    partners_added="{count} partners added",
    partner_removed="1 partner removed",
    partners_removed="{count} partners removed",
    nothing_changed="no content changed",
    outside_reloaded="{path} changed on disk and was reloaded: {summary}",
    outside_merged="{path} changed on disk; merged with your changes: {summary}",
    outside_unreadable="{path} changed on disk but cannot be read ({error}); pvm waits for a readable "
    "version, and your matrix stays as it is",
    theirs_kept="their whole version is in {path}",
    theirs_not_kept="their version could not be kept apart: {error}",
    conflict_title="Conflict {number} of {total}",
    conflict_mine="Mine",
    conflict_theirs="Theirs (on disk)",
    conflict_removed="(removed the partner)",
    conflict_more="… ({size} KB more: e keeps both and shows it all in the editor)",
    choose_mine="m  keep mine",
    choose_theirs="t  take theirs",
    choose_both="b  keep both, joined",
    choose_edit="e  keep both and edit",
    choose_later="Esc  later (saving keeps both versions in the cell)",
    all_resolved="All conflicts resolved.",
    none_left="No conflicts.",
    still_open="{count} conflict(s) left: ! to resolve them.",
    resolve_key="! to resolve",
)

ALL_WORDS: tuple[MergeWords, ...] = (DUTCH, ENGLISH)


def words_for(code: str) -> MergeWords:
    """The words of a language code; anything but ``nl`` gives English."""
    return DUTCH if code == "nl" else ENGLISH


def conflict_count(words: MergeWords, count: int) -> str:
    return words.conflicts_one if count == 1 else words.conflicts.format(count=count)
