"""The editor's keys, in one table: the bindings, the footer, help and the README come from it.

Every key is a priority binding on the editor screen, whose action runs on
that screen. Where it applies ("grid", "editor" or "filter": what has
focus) is checked by ``EditorScreen.check_action``, which also hides keys
from the footer where they do nothing. Making them all priority bindings is
deliberate: every key of the grid is then handled in the order it arrived,
so text typed right after `e` lands in the cell editor
(``screens/editor.py``).

The words a user sees are split three ways: each key's help is here, next
to its binding; the method's words (steps, categories, balance) are in
``labels.py``; the editor's own sentences (status, dialogs, palette) in
``ui_text.py``.

No Textual import here, so the README test and the help text can read it.
"""

from __future__ import annotations

from typing import NamedTuple


class KeySpec(NamedTuple):
    """One binding: its keys, its action, where it applies and what it does, in nl and en."""

    id: str
    keys: str
    action: str
    where: frozenset[str]
    help: dict[str, str]
    footer: dict[str, str] | None = None
    display: str | None = None
    footer_key: str | None = None
    """How the footer writes the key, when not as ``display``."""
    changes: bool = False
    """True when the action changes the matrix: such keys are off in read-only mode."""
    in_help: bool = True

    @property
    def key_names(self) -> tuple[str, ...]:
        return tuple(key.strip() for key in self.keys.split(","))

    def shown_keys(self) -> str:
        """The keys as a person writes them: 'e / Enter'."""
        if self.display is not None:
            return self.display
        return " / ".join(key_display(key) for key in self.key_names)


_NAMES = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "home": "Home",
    "end": "End",
    "pageup": "PageUp",
    "pagedown": "PageDown",
    "question_mark": "?",
    "slash": "/",
    "space": "Space",
    "delete": "Delete",
    "backspace": "Backspace",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "exclamation_mark": "!",
}


def key_display(key: str) -> str:
    """A Textual key name as it is written in help and the README: 'shift+↑', 'ctrl+s', '?'."""
    *modifiers, name = key.split("+")
    shown = _NAMES.get(name, name)
    if name == "tab" and modifiers == ["shift"]:
        return "shift+Tab"
    return "+".join([*modifiers, shown])


def _spec(
    id: str,
    keys: str,
    action: str,
    where: str,
    en: str,
    nl: str,
    *,
    footer_en: str | None = None,
    footer_nl: str | None = None,
    display: str | None = None,
    footer_key: str | None = None,
    changes: bool = False,
    in_help: bool = True,
) -> KeySpec:
    footer: dict[str, str] | None = None
    if footer_en is not None:
        footer = {"en": footer_en, "nl": footer_nl or footer_en}
    return KeySpec(
        id=id,
        keys=keys,
        action=action,
        where=frozenset(where.split()),
        help={"en": en, "nl": nl},
        footer=footer,
        display=display,
        footer_key=footer_key,
        changes=changes,
        in_help=in_help,
    )


KEYS: tuple[KeySpec, ...] = (
    # -- moving around the grid
    _spec(
        "cursor-up",
        "up,k",
        "cursor('up')",
        "grid",
        "move between the cells",
        "tussen de cellen bewegen",
        display="↑ ↓ ← → / k j h l",
    ),
    _spec("cursor-down", "down,j", "cursor('down')", "grid", "move down", "omlaag", in_help=False),
    _spec("cursor-left", "left,h", "cursor('left')", "grid", "move left", "naar links", in_help=False),
    _spec("cursor-right", "right,l", "cursor('right')", "grid", "move right", "naar rechts", in_help=False),
    _spec(
        "first-column",
        "home",
        "cursor('home')",
        "grid",
        "to the partner's name / to the last column",
        "naar de naam van de partner / naar de laatste kolom",
        display="Home / End",
    ),
    _spec(
        "last-column",
        "end",
        "cursor('end')",
        "grid",
        "to the last column",
        "naar de laatste kolom",
        in_help=False,
    ),
    _spec(
        "first-row",
        "ctrl+home",
        "cursor('top')",
        "grid",
        "to the first / the last partner",
        "naar de eerste / de laatste partner",
        display="ctrl+Home / ctrl+End",
    ),
    _spec(
        "last-row",
        "ctrl+end",
        "cursor('bottom')",
        "grid",
        "to the last partner",
        "naar de laatste partner",
        in_help=False,
    ),
    _spec(
        "page-up",
        "pageup",
        "cursor('page_up')",
        "grid",
        "one screen up / down",
        "een scherm omhoog / omlaag",
        display="PageUp / PageDown",
    ),
    _spec(
        "page-down",
        "pagedown",
        "cursor('page_down')",
        "grid",
        "one screen down",
        "een scherm omlaag",
        in_help=False,
    ),
    _spec(
        "next-cell",
        "tab",
        "cursor('next')",
        "grid",
        "next / previous cell",
        "volgende / vorige cel",
        display="Tab / shift+Tab",
    ),
    _spec(
        "previous-cell",
        "shift+tab",
        "cursor('previous')",
        "grid",
        "previous cell",
        "vorige cel",
        in_help=False,
    ),
    # -- the method
    _spec(
        "edit",
        "e,enter",
        "edit",
        "grid",
        "edit the selected cell (cursor at the end of its text)",
        "de geselecteerde cel bewerken (cursor aan het eind van de tekst)",
        footer_en="edit",
        footer_nl="bewerk",
        display="e / Enter",
        footer_key="e",
    ),
    _spec(
        "clear-cell",
        "delete,backspace",
        "clear_cell",
        "grid",
        "clear the selected cell (ctrl+z brings it back)",
        "de geselecteerde cel leegmaken (ctrl+z haalt hem terug)",
        display="Delete / Backspace",
        changes=True,
    ),
    _spec(
        "next-empty",
        "n",
        "next_empty",
        "grid",
        "edit this cell if it is empty, else the next empty cell of this step (then the next step)",
        "deze cel bewerken als die leeg is, anders de volgende lege cel van deze stap "
        "(daarna de volgende stap)",
        footer_en="next empty",
        footer_nl="lege cel",
        changes=True,
    ),
    # -- reflecting on the partnerships (README: "Reflecting on your partnerships")
    _spec(
        "reflect",
        "r",
        "reflect",
        "grid",
        "what to fix first: the partners that are not mutual, high influence first; Enter goes to the cell",
        "eerst aanpakken: de partners die niet wederzijds zijn, veel invloed eerst; Enter gaat naar de cel",
        footer_en="fix first",
        footer_nl="eerst aanpakken",
    ),
    _spec(
        "next-not-mutual",
        "right_square_bracket",
        "next_not_mutual(1)",
        "grid",
        "next / previous partner that is not mutual, on the side still empty",
        "volgende / vorige partner die niet wederzijds is, op de kant die nog leeg is",
        display="] / [",
    ),
    _spec(
        "previous-not-mutual",
        "left_square_bracket",
        "next_not_mutual(-1)",
        "grid",
        "previous partner that is not mutual",
        "vorige partner die niet wederzijds is",
        in_help=False,
    ),
    _spec(
        "status",
        "s",
        "cycle_status",
        "grid",
        "the partner's status: current, potential, not known (in turn)",
        "status van de partner: huidig, potentieel, onbekend (om de beurt)",
        changes=True,
    ),
    _spec(
        "influence",
        "i",
        "cycle_influence",
        "grid",
        "the partner's influence: high, medium, low, not known (in turn)",
        "invloed van de partner: veel, gemiddeld, weinig, onbekend (om de beurt)",
        changes=True,
    ),
    _spec(
        "agreements",
        "A",
        "agreements",
        "grid",
        "write the agreements with this partner",
        "de afspraken met deze partner schrijven",
        changes=True,
    ),
    _spec(
        "sort-influence",
        "o",
        "sort_by_influence",
        "grid",
        "show the partners by influence, high first / in the file's order (the file does not change)",
        "partners tonen op invloed, veel eerst / in de volgorde van het bestand (het bestand blijft gelijk)",
    ),
    _spec(
        "step-1",
        "1",
        "step(1)",
        "grid",
        "go to step 1 (the partners), 2 (what they bring) or 3 (what they get)",
        "naar stap 1 (de partners), 2 (wat ze brengen) of 3 (wat ze eruit halen)",
        display="1 / 2 / 3",
        footer_en="step",
        footer_nl="stap",
        footer_key="1 2 3",
    ),
    _spec(
        "step-2", "2", "step(2)", "grid", "step 2: what they bring", "stap 2: wat ze brengen", in_help=False
    ),
    _spec(
        "step-3", "3", "step(3)", "grid", "step 3: what they get", "stap 3: wat ze eruit halen", in_help=False
    ),
    _spec(
        "add",
        "a",
        "add_partner",
        "grid",
        "add a partner below this one and edit its name",
        "een partner toevoegen onder deze en de naam bewerken",
        footer_en="add",
        footer_nl="nieuw",
        changes=True,
    ),
    _spec(
        "delete",
        "d",
        "delete_partner",
        "grid",
        "delete this partner (asks first: y)",
        "deze partner verwijderen (vraagt eerst: y)",
        footer_en="delete",
        footer_nl="wis",
        changes=True,
    ),
    _spec(
        "move-up",
        "shift+up",
        "move_partner(-1)",
        "grid",
        "move the partner up / down",
        "de partner omhoog / omlaag",
        display="shift+↑ / shift+↓",
        changes=True,
    ),
    _spec(
        "move-down",
        "shift+down",
        "move_partner(1)",
        "grid",
        "move the partner down",
        "partner omlaag",
        changes=True,
        in_help=False,
    ),
    _spec(
        "undo",
        "ctrl+z",
        "undo",
        "grid",
        "undo / redo every change, as far back as the session goes (in the editor: the typing)",
        "elke wijziging ongedaan maken / opnieuw doen, tot het begin van de sessie (in de editor: het typen)",
        display="ctrl+z / ctrl+y",
        changes=True,
    ),
    _spec("redo", "ctrl+y", "redo", "grid", "redo", "opnieuw doen", changes=True, in_help=False),
    _spec(
        "profile",
        "p",
        "profile",
        "grid",
        "edit the company (name, date, industry, ...)",
        "het bedrijf bewerken (naam, datum, industrie, ...)",
        footer_en="company",
        footer_nl="bedrijf",
        changes=True,
    ),
    _spec(
        "whole-text",
        "w",
        "toggle_whole",
        "grid",
        "whole text in the grid (rows as tall as their text) / one line per partner",
        "hele tekst in het raster (rijen zo hoog als hun tekst) / één regel per partner",
        footer_en="whole text",
        footer_nl="hele tekst",
    ),
    _spec(
        "filter",
        "slash",
        "filter",
        "grid",
        "filter the partners by text, or by balance:one-sided, status:current, influence:high ...",
        "partners filteren op tekst, of op balans:eenzijdig, status:huidig, invloed:veel ...",
        footer_en="filter",
        footer_nl="filter",
    ),
    _spec(
        "clear-filter",
        "escape",
        "clear_filter",
        "grid",
        "clear the filter: show all partners again",
        "filter wissen: weer alle partners tonen",
        footer_en="all partners",
        footer_nl="alle partners",
    ),
    _spec(
        "help",
        "question_mark",
        "help",
        "grid",
        "help: keys, the three steps, tips",
        "hulp: toetsen, de drie stappen, tips",
        footer_en="help",
        footer_nl="hulp",
    ),
    _spec(
        "conflicts",
        "exclamation_mark",
        "conflicts",
        "grid",
        "resolve merge conflicts one by one: mine, theirs or both",
        "samenvoegconflicten één voor één oplossen: mijn, hun of beide versies",
        changes=True,
    ),
    _spec(
        "language",
        "L",
        "switch_language",
        "grid",
        "switch the labels between Dutch and English",
        "labels wisselen tussen Nederlands en Engels",
        footer_en="Nederlands",
        footer_nl="English",
    ),
    _spec(
        "save",
        "ctrl+s",
        "save",
        "grid editor filter",
        "save (in the editor: keep the text, then save)",
        "opslaan (in de editor: tekst houden, dan opslaan)",
        footer_en="save",
        footer_nl="opslaan",
        changes=True,
    ),
    _spec(
        "quit",
        "q",
        "quit",
        "grid",
        "quit (asks when there are unsaved changes)",
        "stoppen (vraagt bij niet-opgeslagen wijzigingen)",
        footer_en="quit",
        footer_nl="stop",
    ),
    _spec(
        "force-quit",
        "ctrl+q",
        "quit",
        "grid editor filter",
        "quit, also while editing a cell or the filter (a dialog closes first with Esc)",
        "stoppen, ook tijdens het bewerken van een cel of het filter (een venster eerst dicht met Esc)",
    ),
    # -- in the cell editor
    _spec(
        "editor-done",
        "escape",
        "editor_done",
        "editor",
        "in the editor: keep the text and go back to the grid",
        "in de editor: tekst houden en terug naar de tabel",
        footer_en="done",
        footer_nl="klaar",
    ),
    _spec(
        "editor-next",
        "tab",
        "editor_move(1)",
        "editor",
        "in the editor: keep the text and edit the next cell of this step (then the next partner's)",
        "in de editor: tekst houden en de volgende cel van deze stap bewerken "
        "(daarna die van de volgende partner)",
        footer_en="next cell",
        footer_nl="volgende cel",
    ),
    _spec(
        "editor-previous",
        "shift+tab",
        "editor_move(-1)",
        "editor",
        "in the editor: keep the text and edit the previous cell of this step",
        "in de editor: tekst houden en de vorige cel van deze stap bewerken",
        footer_en="previous",
        footer_nl="vorige",
    ),
    _spec(
        "external-editor",
        "ctrl+o",
        "external_editor",
        "editor",
        "in the editor: open the cell in your $EDITOR",
        "in de editor: de cel openen in je $EDITOR",
        footer_en="$EDITOR",
        changes=True,
    ),
    # -- in the filter line
    _spec(
        "filter-done",
        "enter,down,escape",
        "filter_done",
        "filter",
        "in the filter: keep it and go to the grid (Esc there shows all partners again)",
        "in het filter: houden en naar de tabel (Esc daar toont weer alle partners)",
        footer_en="keep filter",
        footer_nl="filter houden",
        display="Enter / ↓ / Esc",
        footer_key="⏎",
    ),
)

FOOTER_ORDER: dict[str, int] = {
    name: rank
    for rank, name in enumerate(
        (
            "edit",
            "editor-done",
            "editor-next",
            "editor-previous",
            "external-editor",
            "filter-done",
            "clear-filter",
            "next-empty",
            "add",
            "delete",
            "save",
            "quit",
            "help",
            "reflect",
            "step-1",
            "whole-text",
            "filter",
            "profile",
            "language",
        )
    )
}
"""The footer shows the keys in this order and cuts off what does not fit: most used first."""

ACTION_WHERE: dict[str, frozenset[str]] = {}
for _key in KEYS:
    _name = _key.action.split("(")[0]
    ACTION_WHERE[_name] = ACTION_WHERE.get(_name, frozenset()) | _key.where

CHANGING_ACTIONS: frozenset[str] = frozenset(key.action.split("(")[0] for key in KEYS if key.changes)
"""Actions that change the matrix (or write it): unavailable in read-only mode."""


def markdown_table(language: str = "en") -> str:
    """The keys table of the README, made from ``KEYS``."""
    heading = (
        ("| Key | What it does |", "| --- | --- |")
        if language == "en"
        else (
            "| Toets | Wat het doet |",
            "| --- | --- |",
        )
    )
    rows = [f"| {_cell(key.shown_keys())} | {_cell(key.help[language])} |" for key in KEYS if key.in_help]
    return "\n".join([*heading, *rows])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("`", "")
