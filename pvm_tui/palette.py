"""The command palette's editor commands, as a Textual commands provider.

Every command is one of the editor screen's actions, titled and explained
in the current language (``ui_text.palette``), and found by its title or
its explanation; in read-only mode the ones that change the matrix are
left out.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from pvm_tui.screens.editor import EditorScreen

BY_HELP = 0.5
"""How a match in a command's help counts against one in its title."""

_CHANGING = frozenset(
    {"save", "save_as", "add_partner", "delete_partner", "move_up", "move_down"}
    | {"next_empty", "undo", "redo", "profile", "clear_cell", "conflicts"}
    | {"cycle_status", "cycle_influence", "agreements"}
)


def editor_commands(screen: EditorScreen) -> list[tuple[str, str, Callable[[], object]]]:
    """The editor's commands: title, help, what it does."""
    actions: dict[str, Callable[[], object]] = {
        "save": screen.action_save,
        "save_as": screen.action_save_as,
        "edit": screen.action_edit,
        "add_partner": screen.action_add_partner,
        "delete_partner": screen.action_delete_partner,
        "move_up": partial(screen.action_move_partner, -1),
        "move_down": partial(screen.action_move_partner, 1),
        "next_empty": screen.action_next_empty,
        "step_1": partial(screen.action_step, 1),
        "step_2": partial(screen.action_step, 2),
        "step_3": partial(screen.action_step, 3),
        "clear_cell": screen.action_clear_cell,
        "undo": screen.action_undo,
        "redo": screen.action_redo,
        "profile": screen.action_profile,
        "toggle_whole": screen.action_toggle_whole,
        "filter": screen.action_filter,
        "clear_filter": screen.action_clear_filter,
        "reflect": screen.action_reflect,
        "next_not_mutual": partial(screen.action_next_not_mutual, 1),
        "cycle_status": screen.action_cycle_status,
        "cycle_influence": screen.action_cycle_influence,
        "agreements": screen.action_agreements,
        "sort_by_influence": screen.action_sort_by_influence,
        "help": screen.action_help,
        "switch_language": screen.action_switch_language,
        "conflicts": screen.action_conflicts,
        "quit": screen.action_quit,
    }
    read_only = screen.session.read_only
    # Read-only, `e` shows a cell and changes nothing: the palette says so too.
    palette = dict(screen.words.palette)
    if read_only:
        palette["edit"] = screen.words.palette_view
    return [
        (*palette[name], action) for name, action in actions.items() if not (read_only and name in _CHANGING)
    ]


class EditorCommands(Provider):
    """The open matrix's commands: save, add a partner, go to a step, ..."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        return editor_commands(screen) if isinstance(screen, EditorScreen) else []

    async def discover(self) -> Hits:
        for title, help_text, action in self._commands():
            yield DiscoveryHit(title, action, help=help_text)

    async def search(self, query: str) -> Hits:
        # A command is found by what it does too: "language" finds the switch to Dutch, whose
        # title is the language it switches to. Titles that match come first.
        matcher = self.matcher(query)
        for title, help_text, action in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), action, help=help_text)
            elif (score := matcher.match(help_text)) > 0:
                yield Hit(score * BY_HELP, title, action, help=help_text)
