"""The editor screen's keys for reflecting on the partnerships (README "Reflecting on your partnerships").

`s` and `i` step a partner's status and influence through their values,
`A` writes its agreements, `]` and `[` go to the next and previous partner
that is not mutual, `r` shows what to fix first (``pvm_tui.reflection``)
and goes to the cell an item asks about, `o` shows the partners by
influence. Each change is one pure edit handed to ``EditorScreen.change``,
so it is undoable.
"""

# The actions are methods of EditorScreen kept in this file; they name ``self: EditorScreen``
# so that mypy checks them against the whole screen (it calls that self type "misc").
# mypy: disable-error-code="misc"

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pvm_tui.history import Place
from pvm_tui.model import COLUMNS
from pvm_tui.reflection import INFLUENCE_CYCLE, STATUS_CYCLE, FixItem, cycled, fix_first, next_not_mutual
from pvm_tui.text import one_line, shorten

if TYPE_CHECKING:
    from pvm_tui.screens.editor import EditorScreen


class ReflectActions:
    """The reflection keys' actions (a part of ``EditorScreen``)."""

    async def action_cycle_status(self: EditorScreen) -> None:
        await self._cycle_fact("status", STATUS_CYCLE, self.labels.statuses)

    async def action_cycle_influence(self: EditorScreen) -> None:
        await self._cycle_fact("influence", INFLUENCE_CYCLE, self.labels.influences)

    async def _cycle_fact(
        self: EditorScreen, fact: str, cycle: tuple[Any, ...], names: Mapping[Any, str]
    ) -> None:
        """Step the selected partner's ``fact`` (status or influence) to its next value, and say it."""
        if not await self.ready_to_change():
            return
        place = self.view.cursor_place()
        if place is None:
            return
        value = cycled(getattr(self.session.matrix.partners[place[0]], fact), cycle)
        self._change_facts(place, **{fact: value})
        self._say_fact(place[0], fact, names[value] if value is not None else self.words.not_known)

    async def action_agreements(self: EditorScreen) -> None:
        if not await self.ready_to_change():
            return
        place = self.view.cursor_place()
        if place is None:
            return
        partner = self.session.matrix.partners[place[0]]
        key = partner.key

        def answered(text: str | None) -> None:
            index = self.session.index_of(key)
            if text is None or index is None:
                return
            self._change_facts((index, self.grid.cursor_column), agreements=text)

        from pvm_tui.screens.agreements import AgreementsScreen

        title = self.words.agreements_title.format(name=self._short_name(place[0]))
        self.app.push_screen(
            AgreementsScreen(partner.agreements, title, self.words.agreements_hint), answered
        )

    async def action_next_not_mutual(self: EditorScreen, step: int) -> None:
        """To the next (1) or previous (-1) partner shown that is not mutual, on its empty side."""
        await self.to_grid()
        place = self.view.cursor_place()
        matrix = self.session.matrix
        found = next_not_mutual(matrix, self.view.rows_in_view(), place[0] if place else None, step)
        if found is None:
            self.say(self.words.all_mutual)
            return
        items = {item.row: item for item in fix_first(matrix)}
        self._go_to(items[found])

    async def action_reflect(self: EditorScreen) -> None:
        """What to fix first, in a list; Enter on an item opens the cell it asks about."""
        await self.to_grid()
        from pvm_tui.screens.reflection import ReflectionScreen

        async def chosen(item: FixItem | None) -> None:
            if item is None:
                return
            index = self.session.index_of(item.partner.key)
            if index is None:
                return
            if not self.grid.is_shown(item.partner.key):
                self.set_filter("")  # the item is filtered out: show every partner again
                if self.filter_input is not None:
                    self.filter_input.value = ""
                    self.filter_input.display = False
            self._go_to(FixItem(index, item.partner, item.missing))
            if not self.session.read_only:
                await self.begin_edit()

        items = fix_first(self.session.matrix)
        self.app.push_screen(ReflectionScreen(items, self.labels, self.words.reflect_hint), chosen)

    async def action_sort_by_influence(self: EditorScreen) -> None:
        """The partners by influence, high first, or in the file's order again; the file keeps its order."""
        await self.to_grid()
        place = self.view.cursor_place()
        self.grid.order_by_influence(self.session.matrix, not self.grid.by_influence)
        if place is not None:
            self.view.move_cursor(*place)
        self.say(self.words.by_influence if self.grid.by_influence else self.words.in_file_order)

    def _go_to(self: EditorScreen, item: FixItem) -> None:
        self.view.move_cursor(item.row, COLUMNS.index(item.column))
        self.grid.show_step(item.column.step)

    def _change_facts(self: EditorScreen, place: tuple[int, int], **facts: object) -> None:
        index, column = place
        here = Place(index, column)
        # By influence, a new influence may move the row: then the rows are synced, not one redrawn.
        cell = None if "influence" in facts and self.grid.by_influence else here
        self.change(self.session.matrix.with_facts(index, **facts), "facts", here, here, cell=cell)

    def _short_name(self: EditorScreen, index: int) -> str:
        return shorten(one_line(self.labels.partner_name(self.session.matrix.partners[index].name)), 40)

    def _say_fact(self: EditorScreen, index: int, fact: str, value: str) -> None:
        name = self._short_name(index)
        self.say(self.words.fact_now.format(name=name, fact=self.labels.facts[fact], value=value))
