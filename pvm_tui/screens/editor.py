"""The editor screen: one editing session on screen, and every key's action on it.

The screen owns a ``Session`` (the matrix, its history, the file). A key
becomes one of the actions below; a change is a pure edit from
``model.py`` handed to ``Session.change``, and ``EditorView`` shows it with
as little redrawing as it needs. The widgets only show and post messages
(a cell highlighted, text typed); they never change the matrix.

Its actions live in a few files, each one concern: moving, help, language
and the file here; the cell editor in ``cell_editing.py``; changes to the
partners and the company in ``editor_changes.py``; the filter line in
``editor_filter.py``; following the file on disk and the conflict
walk-through in ``editor_follow.py``; status, influence, agreements, what
to fix first and the view by influence in ``editor_reflect.py``. The
dialogs about the file (save as, changed on disk, quit, recovery copies)
are ``file_dialogs.py``.

Type-ahead: every key of the editor is a priority binding, so it is handled
the moment it arrives, in order; an action that starts editing moves the
focus synchronously (``Screen.set_focus``, not ``Widget.focus``, which waits
a turn), so the keys that arrived with it go straight into the editor.
Leaving the editor first lets it handle every key already sent to it
(``settle``), so nothing typed before `Esc` is lost either.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from pvm_tui import navigation, recent, view_choice
from pvm_tui.history import Place
from pvm_tui.keys import ACTION_WHERE, CHANGING_ACTIONS, FOOTER_ORDER, KEYS
from pvm_tui.labels import Labels, labels_for
from pvm_tui.model import Matrix
from pvm_tui.screens.cell_editing import CellActions, CellEditing
from pvm_tui.screens.copy_keeper import CopyKeeper
from pvm_tui.screens.editor_bindings import bindings, is_glued_escape
from pvm_tui.screens.editor_changes import ChangeActions
from pvm_tui.screens.editor_filter import FilterActions
from pvm_tui.screens.editor_follow import FollowActions
from pvm_tui.screens.editor_reflect import ReflectActions
from pvm_tui.screens.editor_view import EditorView
from pvm_tui.screens.file_dialogs import FileDialogs
from pvm_tui.session import Session
from pvm_tui.text import harmless
from pvm_tui.textual_internals import replace_bindings
from pvm_tui.ui_text import UiText, ui_text
from pvm_tui.widgets.grid import MatrixGrid
from pvm_tui.widgets.key_bar import KeyBar
from pvm_tui.widgets.partner_card import PartnerCard
from pvm_tui.widgets.status import StatusLine, TitleBar
from pvm_tui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from textual.widgets import TextArea


class EditorScreen(CellActions, ChangeActions, FilterActions, FollowActions, ReflectActions, Screen[None]):
    """The screen of one open matrix."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("en")

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As on every Screen, but a change of focus does not repaint the whole screen: the
    widgets it concerns restyle and repaint themselves, and the rest stays as it is
    (a full repaint is most of the cost of starting and ending an edit)."""

    def __init__(self, session: Session, language: str, *, recovery_delay: float = 2.0) -> None:
        super().__init__()
        self.session = session
        self.language = language
        self.recovery_delay = recovery_delay
        self.pending: Callable[[], None] | None = None
        """What `y` does while the status line asks a question (delete this partner?)."""
        self.filter_input: Input | None = None
        self.left_empty: tuple[int, int] | None = None
        """The empty cell just left with `Esc` (partner key, column): `n` then moves on from it."""
        self._making_said = ""
        """The last count of whole-text rows being made that the status line showed."""
        self._mounted = asyncio.Event()
        """Set once ``on_mount`` has made the view: keys typed while pvm starts wait for it."""

    @property
    def labels(self) -> Labels:
        return labels_for(self.language)

    @property
    def words(self) -> UiText:
        return ui_text(self.language)

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        yield StepBar(self.labels, id="steps")
        with Horizontal(id="body"):
            yield MatrixGrid(id="grid")
            yield PartnerCard(id="card")
        yield StatusLine(id="status")
        yield KeyBar(FOOTER_ORDER, id="keys")

    def on_mount(self) -> None:
        """Show the matrix, cursor on the first name; offer recovery copies back."""
        session = self.session
        self.grid = self.query_one(MatrixGrid)
        self.status = self.query_one(StatusLine)
        self.view = EditorView(
            session,
            self.language,
            grid=self.grid,
            card=self.query_one(PartnerCard),
            step_bar=self.query_one(StepBar),
            status=self.status,
            title_bar=self.query_one(TitleBar),
        )
        self.cells = CellEditing(session, self.view.card)
        self.copies = CopyKeeper(session, self, self.recovery_delay, self._copy_problem)
        self.files = FileDialogs(
            self.app,
            session,
            say=self.say,
            where=self.view.here,
            show_change=self.show_change,
            saved=self.view.refresh_title,
            to_grid=self.to_grid,
        )
        self._speak()
        self.grid.whole = view_choice.whole_text()
        self.view.card.set_class(self.grid.whole, "-whole-rows")
        self.view.show_matrix()
        self.set_focus(self.grid)
        # Read-only, n fills in nothing: the first hint names what works there.
        self.status.say(self.words.welcome_read_only if session.read_only else self.words.welcome)
        self.call_after_refresh(self._after_first_paint)
        self.files.offer_copies()
        self._mounted.set()
        self.start_following()
        if session.dirty:
            self.copies.soon()  # a new matrix from the start screen is unsaved from the start

    async def _after_first_paint(self) -> None:
        """What the first paint does not need: the cell editor, the list of recent files."""
        if not self.view.card.is_attached:
            return  # the editor closed at once
        self.say_conflicts_left()  # needs the merge modules: they load after the first paint too
        await self.cells.ready()
        document = self.session.document
        if not document.needs_name and document.file.exists:
            recent.remember(document.path)

    def _speak(self) -> None:
        """Footer, messages and dialogs in ``self.language``."""
        read_only = self.session.read_only
        # Binding descriptions are fixed once made, and the footer shows them as they are.
        replace_bindings(self, bindings(self.language, read_only))
        self.refresh_bindings()
        self.query_one(KeyBar).set_badge(self.words.read_only if read_only else "")
        self.view.language = self.language
        self.files.speak(self.labels, self.words)

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        super().set_focus(widget, scroll_visible, from_app_focus)
        # Textual tells the footer only after the next frame, which would
        # then need a frame of its own; now it changes in the same one.
        self.refresh_bindings()

    # -- which keys apply ------------------------------------------------------------

    def context(self) -> str:
        """What has the keys: "grid", "editor", "filter" or "other" (a dialog over the editor)."""
        if self.app.screen is not self:
            return "other"
        focused = self.focused
        if focused is None or focused is self.grid:
            return "grid"
        if focused is self.cells.editor:
            return "editor"
        if focused is self.filter_input:
            return "filter"
        return "other"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        where = ACTION_WHERE.get(action)
        if where is None:
            return True
        here = self.context()
        if here not in where:
            return False
        if self.session.read_only and action in CHANGING_ACTIONS:
            return False
        if action == "clear_filter" and here == "grid":
            return self.grid.shown is not None
        return True

    async def key_arrived(self, event: events.Key) -> events.Key | None:
        """A key before the bindings see it: the answer to a question in the status line, or
        alt+key read as `Esc` and the key. None when the key has been handled.

        A terminal reports `Esc` and the next key, when they arrive in one
        read (fast typing over SSH, a paste), as alt+key. Typing there never
        means alt+key, so the screen leaves the editor or the filter as `Esc`
        does and the key is handled after it, in arrival order.
        """
        if not self._mounted.is_set():
            # A key typed (or pasted) right after `pvm FILE`, before the screen is made: it
            # waits, as later keys do, rather than reach a view that is not there yet.
            await self._mounted.wait()
        if self.pending is not None and self._answer(event):
            return None
        if not event.is_forwarded and self.context() != "filter":
            # A message is about the last action: the next one makes it old (the filter's
            # count is about what is being typed, and follows it).
            self.status.clear()
        if not event.is_forwarded and is_glued_escape(event):
            here = self.context()
            if here in ("editor", "filter"):
                await (self.finish_edit() if here == "editor" else self.action_filter_done())
                return events.Key(event.key.removeprefix("alt+"), event.character)
        return event

    def _answer(self, key: events.Key) -> bool:
        """The key after a question in the status line: `y` does it, `n` or Esc does not.

        Any other key leaves the question unanswered (so, no) and does its
        own job; True when the key was the answer.
        """
        pending, self.pending = self.pending, None
        self.status.say("")
        if key.key == "y" and pending is not None:
            pending()
            return True
        return key.key in ("n", "escape")

    def on_key(self, event: events.Key) -> None:
        """A change key that reached the screen unhandled: say why nothing happened."""
        if not self.session.read_only:
            return
        for key in KEYS:
            if event.key in key.key_names and key.action.split("(")[0] in CHANGING_ACTIONS:
                self.say(self.words.read_only_refused)
                event.stop()
                return

    # -- moving around, help, language ---------------------------------------------------

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
            "next": lambda: self.view.step_cursor(1),
            "previous": lambda: self.view.step_cursor(-1),
        }
        self.left_empty = None
        moves[where]()
        self.view.show_cursor_cell()

    def on_matrix_grid_cell_clicked(self, event: MatrixGrid.CellClicked) -> None:
        event.stop()
        if self.session.open_cell is None:
            self.view.show_cursor_cell()

    async def action_help(self) -> None:
        from pvm_tui.screens.help import HelpScreen

        await self.to_grid()
        self.app.push_screen(HelpScreen(self.labels, self.words))

    async def action_switch_language(self) -> None:
        """Labels in the other language; the matrix (and its file) does not change."""
        await self.to_grid()
        self.language = "en" if self.language == "nl" else "nl"
        self._speak()
        if self.filter_input is not None:
            self.filter_input.placeholder = self.words.filter_placeholder
        self.view.relabel()
        self.say(self.words.language_now)

    async def action_toggle_whole(self) -> None:
        """Whole-text rows or compact rows in the grid; the choice is kept for the next start."""
        await self.to_grid()
        whole = not self.grid.whole
        self.grid.set_whole(whole)
        # On the card, not the screen: a class on the screen restyles every widget (6 ms a switch).
        self.view.card.set_class(whole, "-whole-rows")
        view_choice.remember_whole_text(whole)
        if self.grid.making_whole:
            self._say_making(0, len(self.grid.keys_in_view()))
        else:
            self.say(self.words.rows_whole if whole else self.words.rows_compact)

    def on_matrix_grid_whole_rows(self, event: MatrixGrid.WholeRows) -> None:
        """Whole-text rows being made for many partners: the count, and then that they show.

        The count takes the place of no message, or of its own last count,
        never of what an action said.
        """
        event.stop()
        if self.status.message not in ("", self._making_said):
            return
        if event.done < event.total:
            self._say_making(event.done, event.total)
        else:
            self.say(self.words.rows_whole)

    def _say_making(self, done: int, total: int) -> None:
        self._making_said = self.words.rows_whole_making.format(done=done, total=total)
        self.say(self._making_said)

    async def action_step(self, step: int) -> None:
        """Go to a step: the cursor moves into its first column and its columns come into view."""
        await self.to_grid()
        self.left_empty = None
        self.grid.move_cursor(column=navigation.first_column(step), animate=False)
        self.grid.show_step(step)
        self.view.show_cursor_cell()

    # -- the cell editor ------------------------------------------------------------------

    async def to_grid(self) -> None:
        """Finish whatever has the keys (the cell editor, the filter line) and give them to the grid."""
        if self.session.open_cell is not None:
            await self.finish_edit()
        elif self.context() == "filter":
            await self.action_filter_done()

    async def ready_to_change(self) -> bool:
        """Give the keys to the grid; False (and say why) when nothing may change."""
        await self.to_grid()
        if self.session.read_only:
            self.say(self.words.read_only_refused)
            return False
        return True

    # -- the file --------------------------------------------------------------------------

    async def action_save(self) -> None:
        await self.to_grid()
        self.catch_up(then=self.files.save)  # a change on disk is merged in first, not refused at the save

    async def action_save_as(self) -> None:
        await self.to_grid()
        self.files.ask_name(None)

    async def action_quit(self) -> None:
        """Quit; with unsaved changes a dialog offers save (s), discard (d) or cancel (Esc)."""
        if self.app.screen is not self:
            return
        await self.to_grid()
        self.files.quit(lambda: self.app.exit(0))

    # -- telling the user ------------------------------------------------------------

    def say(self, message: str, *, error: bool = False) -> None:
        if self.is_mounted:
            self.status.say(message, error=error)
        if error:
            self.app.notify(harmless(message), severity="error", markup=False)

    # -- showing changes, keeping the recovery copy ------------------------------------

    def change(
        self, new: Matrix, what: str, before: Place, after: Place, *, cell: Place | None = None
    ) -> None:
        """Make ``new`` the matrix, undoably, and show it; ``cell`` says only that one cell changed."""
        old = self.session.matrix
        self.session.change(new, what, before, after)
        self.show_change(old, after, cell=cell)

    def show_change(self, old: Matrix, place: Place, *, cell: Place | None = None) -> None:
        """The session's matrix changed (it was ``old``): show it, cursor at ``place``."""
        self.view.apply(old, place, cell=cell)
        self.copies.soon()

    def _copy_problem(self, error: Exception) -> None:
        self.say(self.words.recovery_failed.format(error=error), error=True)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # By the handler's name: importing TextArea here would cost the first paint.
        if self.session.open_cell is not None:
            self.copies.soon()
