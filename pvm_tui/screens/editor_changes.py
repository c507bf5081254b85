"""The editor screen's changes to the partners and the company: `n`, `a`, `d`, shift+arrows, undo, redo, `p`.

Each is one pure edit from ``model.py`` handed to ``EditorScreen.change``,
which keeps it undoable in the session and shows it.
"""

# The actions are methods of EditorScreen kept in this file; they name ``self: EditorScreen``
# so that mypy checks them against the whole screen (it calls that self type "misc").
# mypy: disable-error-code="misc"

from __future__ import annotations

from typing import TYPE_CHECKING

from pvm_tui import navigation
from pvm_tui.history import Place
from pvm_tui.model import COLUMNS
from pvm_tui.text import one_line, shorten

if TYPE_CHECKING:
    from pvm_tui.screens.editor import EditorScreen


class ChangeActions:
    """The actions that change the matrix (a part of ``EditorScreen``)."""

    async def action_next_empty(self: EditorScreen) -> None:
        if not await self.ready_to_change():
            return
        matrix = self.session.matrix
        if not matrix.partners:
            await self.action_add_partner()
            return
        here = self.view.here()
        place = self.view.cursor_place()
        if place is not None:
            partner = matrix.partners[here.row]
            just_left = self.left_empty == (partner.key, here.column)
            if not partner.cell(COLUMNS[here.column]).strip() and not just_left:
                # The cell under the cursor is the next empty one, unless it was just left empty.
                await self.begin_edit()
                return
        found = navigation.next_empty(matrix, self.view.rows_in_view(), here.row, here.column)
        if found is None:
            self.say(self.words.all_filled)
            return
        self.view.move_cursor(*found)
        if navigation.step_of(found[1]) != navigation.step_of(here.column):
            self.grid.show_step(navigation.step_of(found[1]))
        await self.begin_edit()

    async def action_add_partner(self: EditorScreen) -> None:
        """A new partner below the current one, its name open for typing.

        On a blank partner (no name, nothing written for it, as `pvm new` leaves
        one) that partner's name opens instead: following the README's step 1,
        `a` and a name, must not leave a nameless partner above the first one.
        """
        if not await self.ready_to_change():
            return
        here, matrix = self.view.here(), self.session.matrix
        place = self.view.cursor_place()
        if place is not None and matrix.partners[place[0]].is_blank:
            self.view.move_cursor(place[0], 0)
            await self.begin_edit()
            return
        index = here.row + 1 if place is not None else len(matrix.partners)
        self.change(matrix.with_partner_added(index), "add", here, Place(index, 0))
        await self.begin_edit()

    async def action_delete_partner(self: EditorScreen) -> None:
        if not await self.ready_to_change():
            return
        place = self.view.cursor_place()
        if place is None:
            return
        partner = self.session.matrix.partners[place[0]]
        name = shorten(one_line(self.labels.partner_name(partner.name)), 60)

        def delete() -> None:
            index = self.session.index_of(partner.key)
            if index is None:
                return
            new = self.session.matrix.with_partner_removed(index)
            column = self.grid.cursor_column
            self.change(new, "delete", Place(index, column), Place(min(index, len(new.partners) - 1), column))
            # As a cleared cell says: a partner and all its cells gone needs its way back named.
            self.say(self.words.deleted.format(name=name))

        # Asked in the status line rather than in a dialog: a dialog screen
        # takes four frames to come and four to go (over 100 ms).
        words = self.words
        self.pending = delete
        self.status.ask(words.delete_question.format(name=name), (words.delete_yes, words.delete_no))

    async def action_move_partner(self: EditorScreen, delta: int) -> None:
        """Move the partner one row up or down, past the neighbour in view."""
        if not await self.ready_to_change():
            return
        place = self.view.cursor_place()
        if place is None:
            return
        index, column = place
        rows = self.view.rows_in_view()
        position = rows.index(index) + delta
        if not 0 <= position < len(rows):
            return
        target = rows[position]
        new = self.session.matrix.with_partner_moved(index, target - index)
        self.change(new, "move", Place(index, column), Place(target, column))

    async def action_clear_cell(self: EditorScreen) -> None:
        """Delete or Backspace on a cell of the grid: empty it, undoably, and say what was cleared."""
        if not await self.ready_to_change():
            return
        place = self.view.cursor_place()
        if place is None:
            return
        index, column = place
        matrix = self.session.matrix
        if not matrix.partners[index].cell(COLUMNS[column]):
            self.say(self.words.nothing_to_clear)
            return
        here = Place(index, column)
        what = self.view.describe_cell(matrix, here)
        self.change(matrix.with_cell(index, COLUMNS[column], ""), "clear", here, here, cell=here)
        self.say(self.words.cleared.format(what=what))

    async def action_undo(self: EditorScreen) -> None:
        await self.travel(back=True)

    async def action_redo(self: EditorScreen) -> None:
        await self.travel(back=False)

    async def travel(self: EditorScreen, *, back: bool) -> None:
        """One step back (undo) or forward (redo) in the history; the cursor goes where it happened."""
        await self.to_grid()
        words, old = self.words, self.session.matrix
        step = self.session.undo() if back else self.session.redo()
        if step is None:
            self.say(words.nothing_to_undo if back else words.nothing_to_redo)
            return
        new = self.session.matrix
        self.show_change(old, step.before if back else step.after)
        # What the change was about, in the matrix that has it: the one undo leaves, or redo makes.
        changed, unchanged = (old, new) if back else (new, old)
        what = self.view.describe_step(step, changed, unchanged)
        self.say((words.undone if back else words.redone).format(what=what))

    async def action_profile(self: EditorScreen) -> None:
        if not await self.ready_to_change():
            return

        from pvm_tui.screens.profile import ProfileAnswer, ProfileScreen

        def answered(answer: ProfileAnswer | None) -> None:
            if answer is None:
                return
            matrix = self.session.matrix
            new = matrix.with_company(answer.company).with_language(answer.language)
            if new != matrix:
                here = self.view.here()
                self.change(new, "profile", here, here)
            if answer.save:
                self.files.save()

        matrix = self.session.matrix
        form = ProfileScreen(matrix.company, matrix.language, self.labels, self.words)
        self.app.push_screen(form, answered)
