"""The editor App: pvm's Textual application, for `pvm FILE`, `pvm --example` and plain `pvm`.

Data flows one way. A key becomes an action; the action makes a new matrix
from the old one with a pure edit from ``model.py``, keeps the old one in
the history, and tells the widgets exactly what changed (one row for an
edit; one row and the row order for add, delete and move). Saving hands the
matrix to ``store.save``. Widgets never hold the truth or write files.

The App is built in layers, each file about one thing: ``core.py`` (state,
focus, applying changes), ``editing.py`` (the cell editor, the filter and
every change), ``recovering.py`` (recovery copies, signals, crashes),
``saving.py`` (save and quit) and this file (moving around, help,
language, the command palette).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.app import SystemCommand
from textual.screen import Screen

from pvm_tui import view_choice
from pvm_tui.saving import SavingActions


class PvmApp(SavingActions):
    """pvm's editor: one matrix (or the start screen when there is none yet)."""

    def action_cursor(self, where: str) -> None:
        grid = self.grid
        moves: dict[str, Callable[[], None]] = {
            "up": grid.action_cursor_up,
            "down": grid.action_cursor_down,
            "left": grid.action_cursor_left,
            "right": grid.action_cursor_right,
            "home": grid.action_scroll_home,
            "end": grid.action_scroll_end,
            "top": grid.action_scroll_top,
            "bottom": grid.action_scroll_bottom,
            "page_up": grid.action_page_up,
            "page_down": grid.action_page_down,
            "next": partial(self.step_cursor, 1),
            "previous": partial(self.step_cursor, -1),
        }
        moves[where]()
        self.show_cursor_cell()

    async def action_help(self) -> None:
        from pvm_tui.screens.help import HelpScreen

        await self.to_grid()
        self.push_screen(HelpScreen(self.labels, self.words))

    async def action_switch_language(self) -> None:
        """Labels in the other language; the matrix (and its file) does not change."""
        await self.to_grid()
        self.language = "en" if self.language == "nl" else "nl"
        assert self.editor_screen is not None
        self.editor_screen.set_language(self.language, self.read_only)
        self.editor_screen.set_mode(self.words.read_only if self.read_only else "")
        self.grid.relabel(self.labels, self.matrix)
        self.card.set_labels(self.labels, self.words.more)
        self.step_bar.set_labels(self.labels)
        if self.filter_input is not None:
            self.filter_input.placeholder = self.words.filter_placeholder
        self._refresh_all()
        self.say(self.words.language_now)

    async def action_toggle_whole(self) -> None:
        """Whole-text rows or compact rows in the grid; the choice is kept for the next start."""
        await self.to_grid()
        whole = not self.grid.whole
        self.grid.set_whole(whole)
        assert self.editor_screen is not None
        self.editor_screen.set_class(whole, "-whole-rows")
        view_choice.remember_whole_text(whole)
        self.say(self.words.rows_whole if whole else self.words.rows_compact)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.document is None or self.editor_screen is None:
            return
        actions: dict[str, Callable[[], object]] = {
            "save": self.action_save,
            "save_as": self.action_save_as,
            "edit": self.action_edit,
            "add_partner": self.action_add_partner,
            "delete_partner": self.action_delete_partner,
            "move_up": partial(self.action_move_partner, -1),
            "move_down": partial(self.action_move_partner, 1),
            "next_empty": self.action_next_empty,
            "step_1": partial(self.action_step, 1),
            "step_2": partial(self.action_step, 2),
            "step_3": partial(self.action_step, 3),
            "undo": self.action_undo,
            "redo": self.action_redo,
            "profile": self.action_profile,
            "toggle_whole": self.action_toggle_whole,
            "filter": self.action_filter,
            "clear_filter": self.action_clear_filter,
            "help": self.action_help,
            "switch_language": self.action_switch_language,
        }
        changing = {"save", "save_as", "add_partner", "delete_partner", "move_up", "move_down"}
        changing |= {"next_empty", "undo", "redo", "profile"}
        for name, action in actions.items():
            if self.read_only and name in changing:
                continue
            title, help_text = self.words.palette[name]
            yield SystemCommand(title, help_text, action)
