"""The editor's own words (dialogs, status messages, help headings), in Dutch and English.

``labels.py`` holds the method's words (columns, steps, guidance) and
``keys.py`` each key's help; this module holds what only the editor says. Strings with ``{name}`` fields are
filled in with ``str.format``; the values are user text, so the result is
always shown as ``rich.text.Text``, never as markup.
"""

from __future__ import annotations

from typing import NamedTuple


class UiText(NamedTuple):
    welcome: str
    welcome_read_only: str
    unsaved: str
    read_only: str
    editing: str
    view: str
    example_copy: str
    new_file: str
    no_partners: str
    step_end: str
    step_start: str
    empty_cell: str
    empty_cell_read_only: str
    more: str
    cell_more: str
    rows_whole: str
    rows_compact: str
    rows_whole_making: str
    saved: str
    not_saved: str
    saving: str
    still_saving: str
    still_reading: str
    opening: str
    reloading: str
    reading_copies: str
    reading_all_copies: str
    read_only_refused: str
    nothing_to_undo: str
    nothing_to_redo: str
    undone: str
    redone: str
    cleared: str
    nothing_to_clear: str
    deleted: str
    all_filled: str
    filter_placeholder: str
    filter_status: str
    filter_kept: str
    language_now: str
    no_editor: str
    editor_failed: str
    what: dict[str, str]
    quit_title: str
    quit_question: str
    quit_save: str
    quit_discard: str
    quit_cancel: str
    delete_question: str
    delete_yes: str
    delete_no: str
    save_as_title: str
    save_as_prompt: str
    save_as_exists: str
    save_as_no_folder: str
    names_a_folder: str
    save_as_hint: str
    changed_title: str
    changed_question: str
    changed_reload: str
    changed_overwrite: str
    changed_save_as: str
    changed_cancel: str
    reloaded: str
    profile_title: str
    profile_hint: str
    bad_date: str
    bad_language: str
    language_field: str
    start_title: str
    start_recent: str
    start_no_recent: str
    start_new: str
    start_open: str
    open_title: str
    open_prompt: str
    open_hint: str
    open_missing: str
    start_example: str
    start_quit: str
    start_hint: str
    new_title: str
    new_file_prompt: str
    new_company_prompt: str
    new_language_prompt: str
    new_hint: str
    new_exists: str
    help_title: str
    help_keys: str
    help_steps: str
    help_tips: str
    help_markers: str
    help_close: str
    help_palette: str
    palette: dict[str, tuple[str, str]]
    palette_view: tuple[str, str]
    """The palette's ``edit`` in read-only mode, where `e` only shows a cell."""
    textual_commands: dict[str, tuple[str, str]]
    """Textual's own palette commands that pvm keeps, by Textual's title: pvm's title and help."""
    palette_placeholder: str
    how_to_quit_title: str
    how_to_quit: str
    theme_placeholder: str
    recovery_title: str
    recovery_intro: str
    recovery_older: str
    recovery_running: str
    recovery_in_file: str
    recovery_recovered: str
    recovery_more: str
    recovery_restore: str
    recovery_keep: str
    recovery_delete: str
    recovered: str
    restoring: str
    recovery_kept: str
    recovery_deleted: str
    recovery_failed: str
    reflect_hint: str
    all_mutual: str
    fact_now: str
    not_known: str
    agreements_title: str
    agreements_hint: str
    by_influence: str
    in_file_order: str
    filter_not_understood: str
    no_agreements: str


ENGLISH = UiText(
    welcome="? help · n fills in the next empty cell · ctrl+p every action",
    welcome_read_only="? help · e shows a cell's whole text · ctrl+p every action",
    unsaved="● unsaved",
    read_only="READ-ONLY",
    editing="EDITING",
    view="view",
    example_copy="copy of the example",
    new_file="new file",
    no_partners="No partners yet. Press a to add the first one, or n to start filling in.",
    step_end="Last cell of step {step}",
    step_start="First cell of step {step}",
    empty_cell="(empty: press e or Enter to write)",
    empty_cell_read_only="(empty)",
    more="↓ more below: move the cursor, or scroll",
    cell_more="… ({size} KB more: {key} to read it all)",
    rows_whole="Whole text: every word of every cell (w: one line per partner)",
    rows_compact="Compact: one line per partner (w: every word of every cell)",
    rows_whole_making="Whole text: {done} of {total} partners ready… (you can go on working)",
    saved="Saved {path}",
    not_saved="Not saved: {error}",
    saving="Saving {name}… {seconds} s (you can go on working)",
    still_saving="Still saving; ctrl+s again once it is done",
    still_reading="Still reading the file again; try once it is done",
    opening="Reading {name}… {seconds} s · Esc cancel · q quit",
    reloading="Reading {name} again… {seconds} s",
    reading_copies="Looking at the recovery copies of {name}… {seconds} s (you can go on working)",
    reading_all_copies="Looking at the recovery copies… {seconds} s · q quit",
    read_only_refused="Read-only: nothing can be changed (opened with --read-only).",
    nothing_to_undo="Nothing to undo.",
    nothing_to_redo="Nothing to redo.",
    undone="Undone: {what}",
    redone="Redone: {what}",
    cleared="Cleared: {what} (ctrl+z brings it back)",
    deleted="Deleted: {name} (ctrl+z brings it back)",
    nothing_to_clear="The cell is empty already.",
    all_filled="Every cell is filled in.",
    # No keys here: Enter and Esc both keep the filter (the key bar says so), and at 80
    # columns the line was cut after "Enter keeps,".
    filter_placeholder="filter: text, or balance:one-sided status:current influence:high",
    filter_status="filter “{text}”: {shown} of {total} partners",
    filter_kept="Esc shows all partners, / changes the filter",
    language_now="Labels in English.",
    no_editor="Could not start the editor {editor!r}: {error}",
    editor_failed="The editor {editor!r} exited with status {status}; the cell is unchanged.",
    what={
        "cell": "cell text",
        "clear": "clear cell",
        "add": "add partner",
        "delete": "delete partner",
        "move": "move partner",
        "profile": "company",
        "reload": "reload",
        "merge": "merge with the file on disk",
        "resolve": "resolve a conflict",
        "recover": "restore the recovery copy",
        "facts": "status, influence or agreements",
    },
    quit_title="Unsaved changes",
    quit_question="The matrix has changes that are not saved.",
    quit_save="s  save and quit",
    quit_discard="d  discard the changes and quit",
    quit_cancel="Esc  cancel, keep editing",
    delete_question="Delete the partner “{name}” and everything written for it?",
    delete_yes="y  delete",
    delete_no="n / Esc  keep it",
    save_as_title="Save as",
    save_as_prompt="File name for the matrix:",
    save_as_exists="{path} already exists: press Enter again to overwrite it.",
    save_as_no_folder="The folder {folder} does not exist.",
    names_a_folder="{name} is a folder: give the name of a file in it, such as {example}.",
    save_as_hint="Enter save · Esc cancel",
    changed_title="The file changed on disk",
    changed_question="{path} was changed by someone else since pvm read it.",
    changed_reload="r  reload it (your unsaved changes are lost; ctrl+z brings them back)",
    changed_overwrite="o  overwrite it with this matrix",
    changed_save_as="a  save this matrix under another name",
    changed_cancel="Esc  cancel",
    reloaded="Reloaded {path} from disk.",
    profile_title="The company",
    profile_hint="Esc: keep · ctrl+s: keep and save · Tab or Enter: next field",
    bad_date="The date must look like 2026-11-28 (or stay empty).",
    bad_language="The language of the file is nl (Dutch) or en (English).",
    language_field="file language",
    start_title="Partner Value Matrix",
    start_recent="Recent matrices",
    start_no_recent="(no recent matrices yet)",
    start_new="New matrix…",
    start_open="Open file…",
    open_title="Open a matrix file",
    open_prompt="File (Tab completes the name):",
    open_hint="Tab: complete · Enter: open · Esc: back",
    open_missing="There is no file {path}.",
    start_example="Open the Tinnitracks example",
    start_quit="Quit",
    start_hint="↑ ↓ choose · Enter open · q quit",
    new_title="New matrix",
    new_file_prompt="File name:",
    new_company_prompt="Company name:",
    new_language_prompt="Language of the file (nl or en):",
    new_hint="Enter: next field / create · Tab: the language · Esc: back",
    new_exists="{path} already exists; open it from the recent list or choose another name.",
    help_title="pvm help",
    help_keys="Keys",
    help_steps="The three steps",
    help_tips="Tips",
    help_markers="Mutual value per partner",
    help_close="Esc, q or ? closes this help.",
    help_palette="ctrl+p opens the command palette: every action is there by name.",
    palette={
        "save": ("Save", "Save the matrix to its file"),
        "save_as": ("Save as…", "Save the matrix under another file name"),
        "edit": ("Edit cell", "Edit the selected cell where it stands in the partner card"),
        "toggle_whole": ("Whole text / compact rows", "Rows as tall as their text, or one line per partner"),
        "add_partner": ("Add partner", "Add a partner below the current one"),
        "delete_partner": ("Delete partner", "Delete the current partner (asks first)"),
        "move_up": ("Move partner up", "Move the current partner one place up"),
        "move_down": ("Move partner down", "Move the current partner one place down"),
        "next_empty": ("Next empty cell", "Go to the next empty cell of this step and edit it"),
        "step_1": ("Step 1: partners", "Go to the partners' names"),
        "step_2": ("Step 2: what they bring", "Go to what the partners bring"),
        "step_3": ("Step 3: what they get", "Go to what the partners get out of it"),
        "undo": ("Undo", "Undo the last change"),
        "clear_cell": ("Clear cell", "Empty the selected cell (undo brings it back)"),
        "redo": ("Redo", "Redo the last undone change"),
        "profile": ("Company", "Edit the company: name, date, industry, ..."),
        "filter": ("Filter partners", "Show only the partners with some text, balance, status or influence"),
        "reflect": ("What to fix first", "The partners that are not mutual, high influence first"),
        "next_not_mutual": ("Next partner not mutual", "Go to the next partner that is not mutual"),
        "cycle_status": ("Status", "The partner's status: current, potential, not known"),
        "cycle_influence": ("Influence", "The partner's influence: high, medium, low, not known"),
        "agreements": ("Agreements", "Write the agreements with this partner"),
        "sort_by_influence": ("Sort by influence", "Show the partners by influence / in the file's order"),
        "clear_filter": ("Clear filter", "Show all partners again"),
        "help": ("Help", "Keys, the three steps and the method's tips"),
        "switch_language": ("Nederlands", "Switch the language of the labels to Dutch"),
        "conflicts": ("Resolve conflicts", "Merge conflicts one by one: mine, theirs or both"),
        "quit": ("Quit", "Quit pvm (asks when there are unsaved changes)"),
    },
    palette_view=("View cell", "Show the selected cell's whole text in the partner card"),
    textual_commands={
        "Theme": ("Theme", "Change the colours of pvm"),
        "Quit": ("Quit", "Quit pvm"),
        "Maximize": ("Maximize", "Show the part that has the keys on the whole screen (Esc: back)"),
        "Minimize": ("Minimize", "Show the whole screen again"),
    },
    palette_placeholder="Search for an action…",
    how_to_quit_title="Do you want to quit?",
    how_to_quit="Press {key} to quit pvm.",
    theme_placeholder="Search for a theme…",
    recovery_title="Unsaved changes from an earlier session",
    recovery_intro="pvm kept these changes to {name}, written {when}, that were never saved:",
    recovery_older="The file was changed after this copy was written: compare with care.",
    recovery_running="pvm (process {pid}) may still be editing this file.",
    recovery_in_file="file",
    recovery_recovered="recovered",
    recovery_more="… ({size} KB more: r restores it all, e in the editor reads it)",
    recovery_restore="r  restore these changes (ctrl+z goes back to the file)",
    recovery_keep="k / Esc  keep the file as it is; the copy stays for next time",
    recovery_delete="x  delete the copy",
    recovered="Restored the changes from {when}; ctrl+z goes back to the file.",
    restoring="Restoring the changes from {when}… {seconds} s (you can go on working)",
    recovery_kept="The recovery copy stays in {path}.",
    recovery_deleted="Recovery copy deleted.",
    recovery_failed="Could not write the recovery copy: {error}",
    reflect_hint="↑ ↓ choose · Enter: go to the cell to fill in · Esc: close",
    all_mutual="Every partner shown is mutual.",
    fact_now="{name}: {fact} {value}",
    not_known="not known",
    agreements_title="Agreements with {name}",
    agreements_hint="What you agreed, or want to agree, with this partner. Esc: keep the text",
    # At most 78 characters: the status line of an 80-column terminal holds it whole.
    by_influence="By influence, high first (only the view, not the file; o: the file's order)",
    in_file_order="In the file's order.",
    filter_not_understood="{words}: not understood, searched as text",
    no_agreements="none yet (A writes them)",
)

DUTCH = UiText(
    welcome="? hulp · n vult de volgende lege cel · ctrl+p elke actie",
    welcome_read_only="? hulp · e toont de hele tekst van een cel · ctrl+p elke actie",
    unsaved="● niet opgeslagen",
    read_only="ALLEEN LEZEN",
    editing="BEWERKEN",
    view="bekijk",
    example_copy="kopie van het voorbeeld",
    new_file="nieuw bestand",
    no_partners="Nog geen partners. Druk op a om de eerste toe te voegen, of op n om te beginnen.",
    step_end="Laatste cel van stap {step}",
    step_start="Eerste cel van stap {step}",
    empty_cell="(leeg: druk op e of Enter om te schrijven)",
    empty_cell_read_only="(leeg)",
    more="↓ meer hieronder: beweeg de cursor, of scroll",
    cell_more="… (nog {size} KB: {key} om alles te lezen)",
    rows_whole="Hele tekst: elk woord van elke cel (w: één regel per partner)",
    rows_compact="Compact: één regel per partner (w: elk woord van elke cel)",
    rows_whole_making="Hele tekst: {done} van {total} partners klaar… (je kunt doorwerken)",
    saved="Opgeslagen: {path}",
    not_saved="Niet opgeslagen: {error}",
    saving="{name} opslaan… {seconds} s (je kunt doorwerken)",
    still_saving="Nog bezig met opslaan; druk ctrl+s opnieuw als het klaar is",
    still_reading="Nog bezig het bestand opnieuw te lezen; probeer het als dat klaar is",
    opening="{name} lezen… {seconds} s · Esc afbreken · q stoppen",
    reloading="{name} opnieuw lezen… {seconds} s",
    reading_copies="Herstelkopieën van {name} bekijken… {seconds} s (je kunt doorwerken)",
    reading_all_copies="Herstelkopieën bekijken… {seconds} s · q stoppen",
    read_only_refused="Alleen lezen: er kan niets veranderd worden (geopend met --read-only).",
    nothing_to_undo="Niets om ongedaan te maken.",
    nothing_to_redo="Niets om opnieuw te doen.",
    undone="Ongedaan gemaakt: {what}",
    redone="Opnieuw gedaan: {what}",
    cleared="Leeggemaakt: {what} (ctrl+z haalt het terug)",
    deleted="Verwijderd: {name} (ctrl+z haalt de partner terug)",
    nothing_to_clear="De cel is al leeg.",
    all_filled="Alle cellen zijn ingevuld.",
    filter_placeholder="filter: tekst, of balans:eenzijdig status:huidig invloed:veel",
    filter_status="filter “{text}”: {shown} van {total} partners",
    filter_kept="Esc toont alle partners, / past het filter aan",
    language_now="Labels in het Nederlands.",
    no_editor="Kon de editor {editor!r} niet starten: {error}",
    editor_failed="De editor {editor!r} stopte met status {status}; de cel is niet veranderd.",
    what={
        "cell": "celtekst",
        "clear": "cel leegmaken",
        "add": "partner toevoegen",
        "delete": "partner verwijderen",
        "move": "partner verplaatsen",
        "profile": "bedrijf",
        "reload": "opnieuw laden",
        "merge": "samenvoegen met het bestand op schijf",
        "resolve": "conflict oplossen",
        "recover": "herstelkopie terugzetten",
        "facts": "status, invloed of afspraken",
    },
    quit_title="Niet-opgeslagen wijzigingen",
    quit_question="De matrix heeft wijzigingen die niet zijn opgeslagen.",
    quit_save="s  opslaan en stoppen",
    quit_discard="d  wijzigingen weggooien en stoppen",
    quit_cancel="Esc  annuleren, verder bewerken",
    delete_question="De partner “{name}” verwijderen, met alles wat erbij staat?",
    delete_yes="y  verwijderen",
    delete_no="n / Esc  houden",
    save_as_title="Opslaan als",
    save_as_prompt="Bestandsnaam voor de matrix:",
    save_as_exists="{path} bestaat al: druk nog eens op Enter om het te overschrijven.",
    save_as_no_folder="De map {folder} bestaat niet.",
    names_a_folder="{name} is een map: geef de naam van een bestand erin, zoals {example}.",
    save_as_hint="Enter opslaan · Esc annuleren",
    changed_title="Het bestand is veranderd",
    changed_question="{path} is door iemand anders veranderd sinds pvm het las.",
    changed_reload="r  opnieuw laden (je wijzigingen vervallen; ctrl+z haalt ze terug)",
    changed_overwrite="o  overschrijven met deze matrix",
    changed_save_as="a  deze matrix onder een andere naam opslaan",
    changed_cancel="Esc  annuleren",
    reloaded="{path} opnieuw geladen.",
    profile_title="Het bedrijf",
    profile_hint="Esc: houden · ctrl+s: houden en opslaan · Tab of Enter: volgend veld",
    bad_date="De datum moet eruitzien als 2026-11-28 (of leeg blijven).",
    bad_language="De taal van het bestand is nl (Nederlands) of en (Engels).",
    language_field="taal van het bestand",
    start_title="Partnerwaarde-matrix",
    start_recent="Recente matrices",
    start_no_recent="(nog geen recente matrices)",
    start_new="Nieuwe matrix…",
    start_open="Bestand openen…",
    open_title="Een matrixbestand openen",
    open_prompt="Bestand (Tab vult de naam aan):",
    open_hint="Tab: aanvullen · Enter: openen · Esc: terug",
    open_missing="Het bestand {path} bestaat niet.",
    start_example="Het voorbeeld Tinnitracks openen",
    start_quit="Stoppen",
    start_hint="↑ ↓ kiezen · Enter openen · q stoppen",
    new_title="Nieuwe matrix",
    new_file_prompt="Bestandsnaam:",
    new_company_prompt="Naam van het bedrijf:",
    new_language_prompt="Taal van het bestand (nl of en):",
    new_hint="Enter: volgend veld / maken · Tab: de taal · Esc: terug",
    new_exists="{path} bestaat al; open het via de recente lijst of kies een andere naam.",
    help_title="pvm hulp",
    help_keys="Toetsen",
    help_steps="De drie stappen",
    help_tips="Tips",
    help_markers="Wederzijdse waarde per partner",
    help_close="Esc, q of ? sluit deze hulp.",
    help_palette="ctrl+p opent het opdrachtenpalet: elke actie staat daar bij naam.",
    palette={
        "save": ("Opslaan", "De matrix in het bestand opslaan"),
        "save_as": ("Opslaan als…", "De matrix onder een andere bestandsnaam opslaan"),
        "edit": ("Cel bewerken", "De geselecteerde cel bewerken waar die staat, in de partnerkaart"),
        "toggle_whole": (
            "Hele tekst / compacte rijen",
            "Rijen zo hoog als hun tekst, of één regel per partner",
        ),
        "add_partner": ("Partner toevoegen", "Een partner toevoegen onder de huidige"),
        "delete_partner": ("Partner verwijderen", "De huidige partner verwijderen (vraagt eerst)"),
        "move_up": ("Partner omhoog", "De huidige partner een plaats omhoog"),
        "move_down": ("Partner omlaag", "De huidige partner een plaats omlaag"),
        "next_empty": ("Volgende lege cel", "Naar de volgende lege cel van deze stap en bewerken"),
        "step_1": ("Stap 1: partners", "Naar de namen van de partners"),
        "step_2": ("Stap 2: wat ze brengen", "Naar wat de partners brengen"),
        "step_3": ("Stap 3: wat ze eruit halen", "Naar wat de partners eruit halen"),
        "undo": ("Ongedaan maken", "De laatste wijziging ongedaan maken"),
        "clear_cell": ("Cel leegmaken", "De geselecteerde cel leegmaken (ongedaan maken haalt hem terug)"),
        "redo": ("Opnieuw doen", "De laatste ongedaan gemaakte wijziging opnieuw doen"),
        "profile": ("Bedrijf", "Het bedrijf bewerken: naam, datum, industrie, ..."),
        "filter": (
            "Partners filteren",
            "Alleen de partners met bepaalde tekst, balans, status of invloed tonen",
        ),
        "reflect": ("Eerst aanpakken", "De partners die niet wederzijds zijn, veel invloed eerst"),
        "next_not_mutual": ("Volgende niet wederzijds", "Naar de volgende partner die niet wederzijds is"),
        "cycle_status": ("Status", "Status van de partner: huidig, potentieel, onbekend"),
        "cycle_influence": ("Invloed", "Invloed van de partner: veel, gemiddeld, weinig, onbekend"),
        "agreements": ("Afspraken", "De afspraken met deze partner schrijven"),
        "sort_by_influence": ("Op invloed", "Partners tonen op invloed / in de volgorde van het bestand"),
        "clear_filter": ("Filter wissen", "Alle partners weer tonen"),
        "help": ("Hulp", "Toetsen, de drie stappen en de tips van de methode"),
        "switch_language": ("English", "De taal van de labels: Engels"),
        "conflicts": ("Conflicten oplossen", "Samenvoegconflicten één voor één: mijn, hun of beide versies"),
        "quit": ("Stoppen", "pvm stoppen (vraagt bij niet-opgeslagen wijzigingen)"),
    },
    palette_view=("Cel bekijken", "De hele tekst van de geselecteerde cel tonen, in de partnerkaart"),
    textual_commands={
        "Theme": ("Thema", "De kleuren van pvm veranderen"),
        "Quit": ("Stoppen", "pvm stoppen"),
        "Maximize": ("Vergroten", "Het deel dat de toetsen heeft schermvullend tonen (Esc: terug)"),
        "Minimize": ("Verkleinen", "Het hele scherm weer tonen"),
    },
    palette_placeholder="Zoek een actie…",
    how_to_quit_title="Wil je stoppen?",
    how_to_quit="Druk op {key} om pvm te stoppen.",
    theme_placeholder="Zoek een thema…",
    recovery_title="Niet-opgeslagen wijzigingen van een eerdere sessie",
    recovery_intro="pvm bewaarde deze wijzigingen aan {name}, geschreven {when}, die nooit zijn opgeslagen:",
    recovery_older="Het bestand is veranderd nadat deze kopie is geschreven: vergelijk zorgvuldig.",
    recovery_running="pvm (proces {pid}) bewerkt dit bestand mogelijk nog.",
    recovery_in_file="bestand",
    recovery_recovered="hersteld",
    recovery_more="… (nog {size} KB: r zet alles terug, e in de editor leest het)",
    recovery_restore="r  deze wijzigingen terugzetten (ctrl+z gaat terug naar het bestand)",
    recovery_keep="k / Esc  het bestand laten zoals het is; de kopie blijft bewaard",
    recovery_delete="x  de kopie verwijderen",
    recovered="Wijzigingen van {when} teruggezet; ctrl+z gaat terug naar het bestand.",
    restoring="Wijzigingen van {when} terugzetten… {seconds} s (je kunt doorwerken)",
    recovery_kept="De herstelkopie blijft in {path}.",
    recovery_deleted="Herstelkopie verwijderd.",
    recovery_failed="Kon de herstelkopie niet schrijven: {error}",
    reflect_hint="↑ ↓ kiezen · Enter: naar de cel om in te vullen · Esc: sluiten",
    all_mutual="Elke getoonde partner is wederzijds.",
    fact_now="{name}: {fact} {value}",
    not_known="onbekend",
    agreements_title="Afspraken met {name}",
    agreements_hint="Wat je met deze partner hebt afgesproken of wilt afspreken. Esc: tekst houden",
    by_influence="Op invloed, veel eerst (alleen de weergave, niet het bestand; o: terug)",
    in_file_order="In de volgorde van het bestand.",
    filter_not_understood="{words}: niet begrepen, gezocht als tekst",
    no_agreements="nog geen (A schrijft ze)",
)

_BY_CODE = {"nl": DUTCH, "en": ENGLISH}


def ui_text(code: str) -> UiText:
    """The editor's words in a language; unknown codes get English."""
    return _BY_CODE.get(code, ENGLISH)
