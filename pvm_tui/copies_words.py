"""What pvm says about recovery copies, in `pvm recover` and on the start screen, in Dutch and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CopyWords:
    """The words of one language; ``{}`` fields are filled in with ``str.format``."""

    heading: str
    none: str
    written: str
    partners_one: str
    partners: str
    state_same: str
    state_changed: str
    state_gone: str
    state_unreadable: str
    state_new: str
    changes_one: str
    changes: str
    no_changes: str
    damaged: str
    copy: str
    hint: str
    no_such_copy: str
    refused_running: str
    refused_exists: str
    refused_changed: str
    refused_damaged: str
    refused_standard_output: str
    restored: str
    deleted: str
    start_heading: str
    start_title: str
    start_restore: str
    start_delete: str
    start_cancel: str
    start_damaged_title: str
    start_folder_gone: str
    editor_damaged: str


ENGLISH = CopyWords(
    heading="Recovery copies: unsaved changes pvm kept",
    none="No recovery copies: no unsaved changes were left behind.",
    written="written {when}",
    partners_one="1 partner",
    partners="{count} partners",
    state_same="unchanged since",
    state_changed="the file changed after the copy was made",
    state_gone="the file is gone (moved, renamed or deleted)",
    state_unreadable="the file cannot be read now",
    state_new="a new matrix, never saved",
    changes_one="1 change the file does not have",
    changes="{count} changes the file does not have",
    no_changes="nothing the file does not have",
    damaged="damaged, cannot be read: {problem}",
    copy="copy: {path}",
    hint=(
        "`pvm recover --restore N` puts copy N back into its file, `--restore N -o NEW.toml` "
        "into a new file, `--delete N` deletes it; `pvm diff FILE COPY` shows its changes."
    ),
    no_such_copy="there is no recovery copy {which}; `pvm recover --list` lists them",
    refused_running="pvm (process {pid}) may still be editing it; end that pvm first",
    refused_exists="{path} already exists; restore into a new file",
    refused_changed=(
        "{path} changed after the copy was made; restore into a new file with -o NEW.toml "
        "and compare the two with `pvm diff`"
    ),
    refused_damaged="copy {which} cannot be read ({problem}); `pvm recover --delete {which}` deletes it",
    refused_standard_output=(
        "-o - would hand the copy to standard output and delete it; name a new file, "
        "or print the copy with `pvm show {path}`"
    ),
    restored="Restored the unsaved changes into {path}; the copy is deleted.",
    deleted="Deleted the recovery copy {path}.",
    start_heading="Unsaved changes (recovery copies)",
    start_title="A recovery copy",
    start_restore="r  open its file with these changes restored",
    start_delete="x  delete the copy",
    start_cancel="Esc  leave it",
    start_damaged_title="A damaged recovery copy",
    start_folder_gone=(
        "Its folder {folder} is gone; `pvm recover --restore {number} -o NEW.toml` "
        "puts the changes in a new file"
    ),
    editor_damaged="A recovery copy of this file cannot be read ({problem}); `pvm recover` lists it: {path}",
)

DUTCH = CopyWords(
    heading="Herstelkopieën: niet-opgeslagen wijzigingen die pvm bewaarde",
    none="Geen herstelkopieën: er bleven geen niet-opgeslagen wijzigingen achter.",
    written="geschreven {when}",
    partners_one="1 partner",
    partners="{count} partners",
    state_same="sindsdien ongewijzigd",
    state_changed="het bestand is gewijzigd nadat de kopie werd gemaakt",
    state_gone="het bestand is weg (verplaatst, hernoemd of verwijderd)",
    state_unreadable="het bestand is nu niet te lezen",
    state_new="een nieuwe matrix, nooit opgeslagen",
    changes_one="1 wijziging die niet in het bestand staat",
    changes="{count} wijzigingen die niet in het bestand staan",
    no_changes="niets wat niet in het bestand staat",
    damaged="beschadigd, niet te lezen: {problem}",
    copy="kopie: {path}",
    hint=(
        "`pvm recover --restore N` zet kopie N terug in haar bestand, `--restore N -o NIEUW.toml` "
        "in een nieuw bestand, `--delete N` verwijdert haar; `pvm diff BESTAND KOPIE` toont de wijzigingen."
    ),
    no_such_copy="er is geen herstelkopie {which}; `pvm recover --list` toont ze",
    refused_running="pvm (proces {pid}) bewerkt het misschien nog; sluit die pvm eerst af",
    refused_exists="{path} bestaat al; zet de kopie terug in een nieuw bestand",
    refused_changed=(
        "{path} is gewijzigd nadat de kopie werd gemaakt; zet haar terug in een nieuw bestand met "
        "-o NIEUW.toml en vergelijk de twee met `pvm diff`"
    ),
    refused_damaged=(
        "kopie {which} is niet te lezen ({problem}); `pvm recover --delete {which}` verwijdert haar"
    ),
    refused_standard_output=(
        "-o - zou de kopie aan de standaarduitvoer geven en haar verwijderen; noem een nieuw bestand, "
        "of toon de kopie met `pvm show {path}`"
    ),
    restored="De niet-opgeslagen wijzigingen staan weer in {path}; de kopie is verwijderd.",
    deleted="Herstelkopie {path} verwijderd.",
    start_heading="Niet-opgeslagen wijzigingen (herstelkopieën)",
    start_title="Een herstelkopie",
    start_restore="r  open het bestand met deze wijzigingen teruggezet",
    start_delete="x  verwijder de kopie",
    start_cancel="Esc  laat haar staan",
    start_damaged_title="Een beschadigde herstelkopie",
    start_folder_gone=(
        "De map {folder} is weg; `pvm recover --restore {number} -o NIEUW.toml` zet de wijzigingen "
        "in een nieuw bestand"
    ),
    editor_damaged=(
        "Een herstelkopie van dit bestand is niet te lezen ({problem}); `pvm recover` toont haar: {path}"
    ),
)


def copy_words(language: str) -> CopyWords:
    return DUTCH if language == "nl" else ENGLISH
