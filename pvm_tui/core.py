"""The editor's state and the mechanics every action uses.

``PvmCore`` owns the open matrix, its undo history and the file; it knows
which widget has the keys, shows the cell under the cursor, and applies a
new matrix to the widgets with as little redrawing as it needs. The actions
are added on top of it: ``editing.py``, ``saving.py``, then ``app.py``.

Type-ahead: every key of the grid is a priority binding, so the App handles
it the moment it arrives, in order; an action that starts editing moves the
focus synchronously (``Screen.set_focus``, not ``Widget.focus``, which waits
a turn), so the keys that arrived with it go straight into the editor.
Leaving the editor first lets it handle every key already sent to it
(``settle``), so nothing typed before `Esc` is lost either.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App, SuspendNotSupported
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from pvm_tui import recent, view_choice
from pvm_tui.collector import QUIET, IdleCollector
from pvm_tui.document import Document, new_matrix, open_example, open_path
from pvm_tui.history import History, Place
from pvm_tui.keys import ACTION_WHERE, CHANGING_ACTIONS
from pvm_tui.labels import Labels, labels_for
from pvm_tui.model import COLUMNS, Balance, Matrix, Partner
from pvm_tui.screens.editor import EditorScreen
from pvm_tui.store import MatrixFileError
from pvm_tui.text import harmless, one_line
from pvm_tui.ui_text import UiText, ui_text
from pvm_tui.widgets.grid import MatrixGrid
from pvm_tui.widgets.partner_card import PartnerCard
from pvm_tui.widgets.status import StatusLine, TitleBar
from pvm_tui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from pvm_tui.widgets.cell_editor import CellEditor

_KEY = attrgetter("key")


def _differing(
    old: tuple[Partner, ...], new: tuple[Partner, ...]
) -> tuple[Sequence[Partner], Sequence[Partner]]:
    """The partners only in ``old`` and only in ``new``: what lies between their common start and end.

    An edit, an add, a delete or a move (and undoing one) differs in one
    place, so this looks at few partners however many there are.
    """
    start, stop = 0, min(len(old), len(new))
    while start < stop and old[start] is new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] is new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return old[start:end_old], new[start:end_new]


class PvmCore(App[int]):
    """The open matrix, its history and file, and how changes reach the screen."""

    CSS_PATH = "pvm.tcss"

    TITLE = "pvm"

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (as Textual declares it)

    def __init__(self, document: Document | None, language: str, matrix: Matrix | None = None) -> None:
        super().__init__()
        self.language = language
        self.document = document
        self.matrix = matrix if matrix is not None else (document.file.saved if document else Matrix())
        self.history = History()
        self.editing: tuple[int, int] | None = None
        """While a cell is being edited: its partner's key and its column."""
        self.filter_text = ""
        self.pending: Callable[[], None] | None = None
        """What `y` does while the status line asks a question (delete this partner?)."""
        self._index: dict[int, int] = {}
        self._balances: Counter[Balance] = Counter()
        self._shown_cell: tuple[object, ...] | None = None
        self.editor_screen: EditorScreen | None = None
        self.collector = IdleCollector()

    @property
    def labels(self) -> Labels:
        return labels_for(self.language)

    @property
    def words(self) -> UiText:
        return ui_text(self.language)

    @property
    def read_only(self) -> bool:
        return self.document is not None and self.document.read_only

    @property
    def dirty(self) -> bool:
        return self.document is not None and self.matrix != self.document.file.saved

    def get_default_screen(self) -> Screen[None]:
        if self.document is None:
            # The start screen is pushed over a blank one so that it can be switched for the editor.
            return Screen()
        self.editor_screen = EditorScreen(self.labels)
        return self.editor_screen

    def on_mount(self) -> None:
        self.set_interval(QUIET, self.collector.tick)
        self.call_after_refresh(self.collector.start)
        if self.document is None:
            from pvm_tui.screens.start import StartScreen

            self.push_screen(StartScreen(self.labels, self.words, recent.load()))

    @on(events.Unmount)
    def _restore_collector(self) -> None:
        self.collector.stop()

    def editor_mounted(self) -> None:
        """Called by the editor screen once its widgets exist: show the matrix, cursor on the first name."""
        screen = self.editor_screen
        assert screen is not None
        screen.set_language(self.language, self.read_only)
        screen.set_mode(self.words.read_only if self.read_only else "")
        self.grid = screen.query_one(MatrixGrid)
        self.card = screen.query_one(PartnerCard)
        self.card.set_labels(self.labels, self.words.more)
        self.cell_editor: CellEditor | None = None
        self.filter_input: Input | None = None
        self.step_bar = screen.query_one(StepBar)
        self.status = screen.query_one(StatusLine)
        self.title_bar = screen.query_one(TitleBar)
        self.grid.whole = view_choice.whole_text()
        screen.set_class(self.grid.whole, "-whole-rows")
        self.grid.show_matrix(self.matrix, self.labels)
        self._reindex()
        self._count_balances()
        self.grid.move_cursor(row=0, column=0, animate=False)
        screen.set_focus(self.grid)
        self._refresh_all()
        self.status.say(self.words.welcome)
        self.call_after_refresh(self._after_first_paint)

    async def _after_first_paint(self) -> None:
        """What the first paint does not need: the cell editor, the list of recent files."""
        if not self.card.is_attached:
            return  # the editor closed at once
        await self.editor_ready()
        document = self.document
        if document is not None and not document.needs_name and document.file.exists:
            recent.remember(document.path)

    async def editor_ready(self) -> CellEditor:
        """The cell editor, put on screen now if it is not there yet."""
        if self.cell_editor is None:
            self.cell_editor = await self.card.add_editor()
        return self.cell_editor

    def open_document(self, document: Document, matrix: Matrix | None = None) -> None:
        """Leave the start screen for the editor of ``document``."""
        self.document = document
        self.matrix = matrix if matrix is not None else document.file.saved
        self.history.clear()
        self.editor_screen = EditorScreen(self.labels)
        self.switch_screen(self.editor_screen)

    def open_recent(self, path: Path) -> None:
        try:
            document = open_path(path, language=self.language)
        except MatrixFileError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.open_document(document)

    def open_example(self) -> None:
        self.open_document(open_example(self.language))

    def create_matrix(self, answer: tuple[Path, str] | None) -> None:
        if answer is not None:
            document, matrix = new_matrix(answer[0], answer[1], self.language)
            self.open_document(document, matrix)

    def context(self) -> str:
        """What has the keys now: "grid", "editor", "filter" or "other" (a dialog, the start screen)."""
        screen = self.screen
        if screen is not self.editor_screen or screen is None:
            return "other"
        focused = screen.focused
        if focused is None or focused is self.grid:
            return "grid"
        if focused is self.cell_editor:
            return "editor"
        if focused is self.filter_input:
            return "filter"
        return "other"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit":
            # ctrl+q quits from the start screen too, but not from under a dialog
            return self.document is None or self.context() != "other"
        where = ACTION_WHERE.get(action)
        if where is None:
            return True
        here = self.context()
        if here not in where:
            return False
        if self.read_only and action in CHANGING_ACTIONS:
            return False
        if action == "clear_filter" and here == "grid":
            return self.grid.shown is not None
        return True

    async def settle(self, widget: Widget) -> None:
        """Wait until ``widget`` has handled every event already sent to it.

        A callback queued behind those events runs after them; the App's own
        queue waits meanwhile, so no later key overtakes them.
        """
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def mark() -> None:
            if not done.done():
                done.set_result(None)

        if widget.call_later(mark):
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(done, timeout=2)

    def say(self, message: str, *, error: bool = False) -> None:
        if self.editor_screen is not None and self.editor_screen.is_mounted:
            self.status.say(message, error=error)
        if error:
            self.notify(harmless(message), severity="error", markup=False)

    def say_read_only(self) -> None:
        self.say(self.words.read_only_refused)

    def cursor_place(self) -> tuple[int, int] | None:
        """The partner index and column under the grid's cursor, or None when no row is shown."""
        row, column = self.grid.cursor_coordinate
        key = self.grid.key_at(row)
        if key is None:
            return None
        return self._index[key], column

    def here(self) -> Place:
        place = self.cursor_place()
        if place is None:
            return Place(0, self.grid.cursor_column)
        return Place(*place)

    def move_cursor(self, index: int, column: int) -> None:
        """Put the cursor on a partner's cell (the nearest shown row when it is filtered out)."""
        partners = self.matrix.partners
        row = 0
        if partners:
            index = max(0, min(index, len(partners) - 1))
            found = self.grid.row_of(partners[index].key)
            row = found if found is not None else min(self.grid.cursor_row, max(self.grid.row_count - 1, 0))
        self.grid.move_cursor(row=row, column=column, animate=False)
        self.show_cursor_cell()

    def rows_in_view(self) -> list[int]:
        """The partner indexes of the grid's rows, top to bottom."""
        if self.grid.shown is None:
            return list(range(len(self.matrix.partners)))
        return [self._index[key] for key in self.grid.keys_in_view()]

    def on_matrix_grid_cell_clicked(self, event: MatrixGrid.CellClicked) -> None:
        event.stop()
        if self.editing is None:
            self.show_cursor_cell()

    def show_cursor_cell(self, *, force: bool = False) -> None:
        """Show the partner under the cursor in the card, its cell selected, and its step in the step bar."""
        place = self.cursor_place()
        column = self.grid.cursor_column
        self.step_bar.step = COLUMNS[column].step
        if place is None:
            self._shown_cell = None
            message = self.words.no_partners if not self.matrix.partners else self.filter_status()
            self.card.show_message(message)
            return
        index, column = place
        partner = self.matrix.partners[index]
        shown = (partner, column, self.language)
        if shown == self._shown_cell and not force:
            return
        self._shown_cell = shown
        placeholder = self.words.empty_cell_read_only if self.read_only else self.words.empty_cell
        self.card.show(partner, column, self.labels, placeholder)

    def change(
        self, new: Matrix, what: str, before: Place, after: Place, *, cell: Place | None = None
    ) -> None:
        """Make ``new`` the matrix, undoably; ``cell`` says only that one cell changed."""
        self.history.record(self.matrix, before, after, what)
        self.apply(new, after, cell=cell)

    def apply(self, new: Matrix, place: Place, *, cell: Place | None = None) -> None:
        """Show ``new`` with as little redrawing as it needs, and put the cursor at ``place``."""
        old, self.matrix = self.matrix, new
        if cell is not None:
            self._balances[old.partners[cell.row].balance] -= 1
            self._balances[new.partners[cell.row].balance] += 1
            self.grid.show_partner(new.partners[cell.row])
        else:
            removed, added = _differing(old.partners, new.partners)
            for partner in removed:
                self._balances[partner.balance] -= 1
            for partner in added:
                self._balances[partner.balance] += 1
            reveal: Iterable[int] = ()
            if 0 <= place.row < len(new.partners):
                reveal = (new.partners[place.row].key,)
            if self.grid.sync(old, new, reveal):
                self._reindex()
        self.move_cursor(place.row, place.column)
        self._refresh_all()

    def _count_balances(self) -> None:
        """How many partners are mutual, one-sided, empty: counted when a matrix opens, then
        kept up to date with the partners each change replaces (``apply``)."""
        self._balances = Counter(partner.balance for partner in self.matrix.partners)

    def _reindex(self) -> None:
        partners = self.matrix.partners
        self._index = dict(zip(map(_KEY, partners), range(len(partners)), strict=True))

    def _refresh_all(self) -> None:
        self._refresh_title()
        counts = self._balances
        one_sided = counts[Balance.BRINGS_ONLY] + counts[Balance.GETS_ONLY]
        self.status.set_counts(
            self.labels.balance_summary(counts[Balance.BALANCED], one_sided, counts[Balance.EMPTY])
        )
        self.show_cursor_cell(force=True)
        self.card.show_company(self.matrix.company, self.labels)
        self._refresh_mode()

    def _refresh_title(self) -> None:
        assert self.document is not None
        words, document = self.words, self.document
        name = str(document.path.name)
        if document.needs_name:
            name = f"{name} ({words.example_copy})"
        elif not document.file.exists:
            name = f"{name} ({words.new_file})"
        marker = words.unsaved if self.dirty else ""
        self.title_bar.set(self.labels.method, self.matrix.company.name, name, marker)

    def _refresh_mode(self) -> None:
        """EDITING in the status line while a cell is open (READ-ONLY sits beside the footer)."""
        self.status.set_mode(self.words.editing if self.editing is not None and not self.read_only else "")

    def filter_status(self) -> str:
        return self.words.filter_status.format(
            text=one_line(self.filter_text), shown=self.grid.row_count, total=len(self.matrix.partners)
        )

    def run_external(self, run: Callable[[], str]) -> str:
        """Run ``run`` with the terminal handed over (the app suspends); headless runs it as it is."""
        try:
            with self.suspend():
                return run()
        except SuspendNotSupported:
            return run()
