"""What `pvm diff` says, in Dutch and English.

Column, side, company and balance names come from ``pvm_tui.labels``; this
module holds only the few sentences a comparison needs on top of those.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DiffWords:
    """The sentences of one language; ``{}`` fields are filled in by the report."""

    company: str
    language: str
    partner: str
    added: str
    removed: str
    renamed: str
    moved: str
    row: str
    balance: str
    new_file: str
    deleted_file: str
    same_content: str
    not_a_matrix: str
    unreadable: str
    cannot_read: str


DUTCH = DiffWords(
    company="bedrijf",
    language="taal: {old} → {new}",
    partner="partner",
    added="toegevoegd (rij {row})",
    removed="verwijderd (was rij {row})",
    renamed="hernoemd",
    moved="verplaatst van rij {old} naar rij {new}",
    row="rij {row}",
    balance="balans: nu {new}; was {old}",
    new_file="nieuwe matrix",
    deleted_file="matrix verwijderd",
    same_content="de inhoud is gelijk (alleen opmaak, commentaar of bestandsrechten gewijzigd)",
    not_a_matrix="geen Partnerwaarde-matrix; de tekst wordt vergeleken",
    unreadable="niet te lezen als matrix ({reason}); de tekst wordt vergeleken",
    cannot_read="niet te lezen: {reason}",
)

ENGLISH = DiffWords(
    company="company",
    language="language: {old} → {new}",
    partner="partner",
    added="added (row {row})",
    removed="removed (was row {row})",
    renamed="renamed",
    moved="moved from row {old} to row {new}",
    row="row {row}",
    balance="balance: now {new}; was {old}",
    new_file="new matrix",
    deleted_file="matrix deleted",
    same_content="the content is the same (only layout, comments or file mode changed)",
    not_a_matrix="not a Partner Value Matrix; comparing the text",
    unreadable="cannot be read as a matrix ({reason}); comparing the text",
    cannot_read="cannot be read: {reason}",
)


def words_for(code: str) -> DiffWords:
    """The sentences of a language code; anything but ``nl`` gives English."""
    return DUTCH if code == "nl" else ENGLISH
