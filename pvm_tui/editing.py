"""The App's editing layer: the cell editor, the filter line, and every change to the matrix.

Editing a cell, adding, deleting and moving partners, undo and redo, the
company form, and the method's `1` `2` `3` and `n`. Each change is one
pure edit from ``model.py`` handed to ``PvmCore.change``.
"""

from __future__ import annotations

from textual import events, on
from textual.widgets import Input

from pvm_tui import navigation
from pvm_tui.core import PvmCore
from pvm_tui.history import Place
from pvm_tui.model import COLUMNS, Company, Partner
from pvm_tui.text import edited_text, harmless, one_line, shorten
from pvm_tui.widgets.local_keys import OrderedInput


class EditingActions(PvmCore):
    """The cell editor, the filter line, and every change to the partners and the company."""

    async def on_event(self, event: events.Event) -> None:
        """Handle each key as one batch: what it changes appears in one frame.

        The screen is not drawn while an action waits (for the cell editor
        to take its last keys) or while the widgets restyle for a change of
        focus; each of those would otherwise cost a frame of its own.
        """
        if not isinstance(event, events.Key):
            await super().on_event(event)
            return
        self.collector.key()
        screen = self.screen
        focused = screen.focused
        with self.batch_update():
            await self._handle_key(event)
            if screen.focused is not focused:
                # The widgets restyle for the focus change in their own time;
                # the frame waits for that rather than come twice.
                for widget in (focused, screen.focused):
                    if widget is not None:
                        await self.settle(widget)
        # Textual's batch wakes the App, not the screen that waits to draw.
        self.screen.check_idle()

    async def _handle_key(self, event: events.Key) -> None:
        """Answer a question in the status line; read alt+key in the editor and filter as `Esc`, then the key.

        A terminal reports `Esc` and the next key, when they arrive in one
        read (fast typing over SSH, a paste), as alt+key. Typing there never
        means alt+key, so the App leaves the editor or the filter as `Esc`
        does and handles the key after it, here, in arrival order.
        """
        if self.pending is not None and self._answer(event):
            return
        if not event.is_forwarded and _is_glued_escape(event):
            here = self.context()
            if here in ("editor", "filter"):
                await (self.finish_edit() if here == "editor" else self.action_clear_filter())
                event = events.Key(event.key.removeprefix("alt+"), event.character)
        await super().on_event(event)

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

    async def to_grid(self) -> None:
        """Finish whatever has the keys (the cell editor, the filter line) and give them to the grid."""
        if self.editor_screen is None:
            return
        if self.editing is not None:
            await self.finish_edit()
        elif self.context() == "filter":
            await self.action_filter_done()

    async def ready_to_change(self) -> bool:
        """Give the keys to the grid; False (and say why) when nothing may change."""
        await self.to_grid()
        if self.read_only:
            self.say_read_only()
            return False
        return True

    async def action_edit(self) -> None:
        await self.to_grid()
        if not self.matrix.partners:
            self.say(self.words.no_partners)
            return
        await self.begin_edit()

    async def begin_edit(self) -> None:
        """Edit the cell under the cursor; the editor has the focus before the next key is handled."""
        place = self.cursor_place()
        if place is None or self.editor_screen is None:
            return
        editor = await self.editor_ready()
        index, column = place
        partner = self.matrix.partners[index]
        self.editing = (partner.key, column)
        self.show_cursor_cell(force=True)
        self.card.begin_edit(column)
        editor.begin(harmless(partner.cell(COLUMNS[column])), writable=not self.read_only)
        self.editor_screen.set_focus(editor)
        self._refresh_mode()

    async def finish_edit(self) -> None:
        """Leave the editor, keeping its text: one undoable change when the text differs."""
        editor = self.cell_editor
        if self.editing is None or self.editor_screen is None or editor is None:
            return
        await self.settle(editor)
        key, column = self.editing
        self.editing = None
        text = editor.text
        editor.end()
        self.card.end_edit()
        self.editor_screen.set_focus(self.grid)
        self._refresh_mode()
        index = self._index.get(key)
        if index is None:
            return
        old = self.matrix.partners[index].cell(COLUMNS[column])
        kept = edited_text(old, text)
        if kept is None:
            self.show_cursor_cell(force=True)
            return
        place = Place(index, column)
        new = self.matrix.with_cell(index, COLUMNS[column], kept)
        self.change(new, "cell", place, place, cell=place)

    async def action_editor_done(self) -> None:
        await self.finish_edit()

    async def action_editor_move(self, delta: int) -> None:
        await self.finish_edit()
        self.step_cursor(delta)
        await self.begin_edit()

    def step_cursor(self, delta: int) -> None:
        """One cell on in reading order (Tab), wrapping to the next or previous partner."""
        grid = self.grid
        row, column = grid.cursor_coordinate
        position = row * len(COLUMNS) + column + delta
        last = grid.row_count * len(COLUMNS) - 1
        position = max(0, min(position, last))
        grid.move_cursor(row=position // len(COLUMNS), column=position % len(COLUMNS), animate=False)

    async def action_external_editor(self) -> None:
        from pvm_tui.external_editor import EditorFailed, edit_text

        if self.editing is None:
            return
        editor = await self.editor_ready()
        await self.settle(editor)
        text = editor.text
        try:
            edited = self.run_external(lambda: edit_text(text))
        except EditorFailed as error:
            self.say(str(error), error=True)
            return
        editor.load_text(edited)
        await self.finish_edit()

    async def action_step(self, step: int) -> None:
        """Go to a step: the cursor moves into its first column and its columns come into view."""
        await self.to_grid()
        self.grid.move_cursor(column=navigation.first_column(step), animate=False)
        self.grid.show_step(step)
        self.show_cursor_cell()

    async def action_next_empty(self) -> None:
        if not await self.ready_to_change():
            return
        if not self.matrix.partners:
            await self.action_add_partner()
            return
        here = self.here()
        found = navigation.next_empty(self.matrix, self.rows_in_view(), here.row, here.column)
        if found is None:
            self.say(self.words.all_filled)
            return
        self.move_cursor(*found)
        if navigation.step_of(found[1]) != navigation.step_of(here.column):
            self.grid.show_step(navigation.step_of(found[1]))
        await self.begin_edit()

    async def action_add_partner(self) -> None:
        """A new partner below the current one, its name open for typing."""
        if not await self.ready_to_change():
            return
        here = self.here()
        index = here.row + 1 if self.cursor_place() is not None else len(self.matrix.partners)
        new = self.matrix.with_partner_added(index)
        self.change(new, "add", here, Place(index, 0))
        await self.begin_edit()

    async def action_delete_partner(self) -> None:
        if not await self.ready_to_change():
            return
        place = self.cursor_place()
        if place is None:
            return
        partner = self.matrix.partners[place[0]]
        name = shorten(one_line(self.labels.partner_name(partner.name)), 60)

        def delete() -> None:
            index = self._index.get(partner.key)
            if index is None:
                return
            new = self.matrix.with_partner_removed(index)
            column = self.grid.cursor_column
            self.change(new, "delete", Place(index, column), Place(min(index, len(new.partners) - 1), column))

        # Asked in the status line rather than in a dialog: a dialog screen
        # takes four frames to come and four to go (over 100 ms).
        words = self.words
        self.pending = delete
        self.status.ask(words.delete_question.format(name=name), (words.delete_yes, words.delete_no))

    async def action_move_partner(self, delta: int) -> None:
        """Move the partner one row up or down, past the neighbour in view."""
        if not await self.ready_to_change():
            return
        place = self.cursor_place()
        if place is None:
            return
        index, column = place
        rows = self.rows_in_view()
        position = rows.index(index) + delta
        if not 0 <= position < len(rows):
            return
        target = rows[position]
        new = self.matrix.with_partner_moved(index, target - index)
        self.change(new, "move", Place(index, column), Place(target, column))

    async def action_undo(self) -> None:
        await self.travel(back=True)

    async def action_redo(self) -> None:
        await self.travel(back=False)

    async def travel(self, *, back: bool) -> None:
        """One step back (undo) or forward (redo) in the history; the cursor goes where it happened."""
        await self.to_grid()
        words = self.words
        step = self.history.undo(self.matrix) if back else self.history.redo(self.matrix)
        if step is None:
            self.say(words.nothing_to_undo if back else words.nothing_to_redo)
            return
        self.apply(step.matrix, step.before if back else step.after)
        self.say((words.undone if back else words.redone).format(what=words.what[step.what]))

    async def action_profile(self) -> None:
        if not await self.ready_to_change():
            return

        def answered(company: Company | None) -> None:
            if company is not None and company != self.matrix.company:
                here = self.here()
                self.change(self.matrix.with_company(company), "profile", here, here)

        from pvm_tui.screens.profile import ProfileScreen

        self.push_screen(ProfileScreen(self.matrix.company, self.labels, self.words), answered)

    async def action_filter(self) -> None:
        await self.to_grid()
        screen = self.editor_screen
        assert screen is not None
        if self.filter_input is None:
            # Made when first wanted: one widget less to set up before the first paint.
            self.filter_input = OrderedInput(
                id="filter", compact=True, placeholder=self.words.filter_placeholder
            )
            await screen.mount(self.filter_input, before="#body")
        self.filter_input.display = True
        screen.set_focus(self.filter_input)

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self.filter_text:
            self.set_filter(event.value)

    async def action_filter_done(self) -> None:
        if self.filter_input is None:
            return
        await self.settle(self.filter_input)
        self.set_filter(self.filter_input.value)
        if not self.filter_text.strip():
            self.filter_input.display = False
        assert self.editor_screen is not None
        self.editor_screen.set_focus(self.grid)

    async def action_clear_filter(self) -> None:
        if self.filter_input is not None:
            if self.context() == "filter":
                await self.settle(self.filter_input)
            self.filter_input.value = ""
            self.filter_input.display = False
        self.set_filter("")
        assert self.editor_screen is not None
        self.editor_screen.set_focus(self.grid)

    def set_filter(self, text: str) -> None:
        """Show only the partners with ``text`` somewhere in their row (the table is refilled)."""
        self.filter_text = text
        needle = text.strip().casefold()
        place = self.cursor_place()
        if needle:
            self.grid.shown = {partner.key for partner in self.matrix.partners if _matches(partner, needle)}
        else:
            self.grid.shown = None
        self.grid.show_matrix(self.matrix, self.labels)
        if place is not None:
            self.move_cursor(*place)
        self._shown_cell = None
        self.show_cursor_cell()
        self.say(self.filter_status() if needle else "")
        self.refresh_bindings()


def _matches(partner: Partner, needle: str) -> bool:
    return any(needle in partner.cell(column).casefold() for column in COLUMNS)


def _is_glued_escape(event: events.Key) -> bool:
    character = event.character or ""
    return event.key.startswith("alt+") and len(character) == 1 and character.isprintable()
