"""The partner card: the selected partner whole, what it brings beside what it gets, edited in place.

Under the partner's name and balance, the four categories are rows, with
*what they bring* and *what they get* side by side, so the exchange reads
across; every word is shown, wrapped. The selected cell is highlighted, and
a cell is edited where it stands: the cell editor (``cell_editor.py``, put
in the card after the first paint) lies over the cell's place, which the
card keeps as tall as the editor while it grows. When a partner does not
fit, the card scrolls to the selected cell and its last line says there is
more. The company's details close the card.

The card is one widget that draws its own lines (``card_layout.py`` says
why): showing another partner repaints the card and lays out nothing,
unless the card stands under the grid (below 110 columns), where it is as
tall as its text and the screen makes room when that height changes.

The card never changes the matrix: the editor screen reads the text back
when editing ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from pvm_tui import balance_marks
from pvm_tui.cell_head import head, more_note
from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, COLUMNS, COMPANY_FIELDS, SIDES, Company, Partner
from pvm_tui.text import aligned
from pvm_tui.widgets.card_layout import CardContent, CardLines, CardStyles, lay_out
from pvm_tui.widgets.grid_cells import GROUP_STYLES

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from pvm_tui.widgets.cell_editor import CellEditor

SCROLL_LINES = 2
"""Lines per step of the mouse wheel."""


def _column_index(side: str, category: str) -> int:
    return next(
        index for index, column in enumerate(COLUMNS) if (column.side, column.category) == (side, category)
    )


CELL_PLACES: dict[int, tuple[int, int]] = {0: (0, 1)} | {
    _column_index(side, category): (2 + row, 1 + side_index)
    for row, category in enumerate(CATEGORIES)
    for side_index, side in enumerate(SIDES)
}
"""Each column's cell in the card's grid: (row, grid column); row 0 is the name, row 1 the headings."""

_NOTHING = CardLines([], {})
"""The card before its first frame."""

FROM_THE_TOP = frozenset({0, 1, 5})
"""The name and the first category's cells: the card shows them from its top."""


def _headed(text: str, labels: Labels, style: str = "", key: str = "e") -> Text:
    """``text`` for the card; of a huge one only its start, and a note of how much more there is
    (``key`` edits it: ``e`` a partner's text, ``p`` the company's)."""
    shown = head(text)
    if shown == text:
        return Text(text, style=style)
    result = Text(shown, style=style)
    result.append("\n" + more_note(text, len(shown), labels.code, key), style="dim italic")
    return result


class PartnerCard(Widget, can_focus=False):
    """Name, balance, status and influence, the method's question, four rows of brings | gets, the company."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "partner-card--selected",
        "partner-card--rule",
        "partner-card--company",
        "partner-card--more",
    }

    DEFAULT_CSS = """
    PartnerCard {
        & > .partner-card--selected {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        & > .partner-card--rule {
            color: $primary 30%;
        }
        & > .partner-card--company {
            color: $text-muted;
        }
        & > .partner-card--more {
            color: $text-muted;
            text-style: reverse;
        }
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.editor: CellEditor | None = None
        self.selected = 0
        self.editing: int | None = None
        self.scroll_line = 0
        """The first of the card's lines on screen."""
        self._more = Text()
        self._partner_cells: list[Text] = [Text() for _ in COLUMNS]
        self._fixed: dict[str, Text] = {}
        self._balance = Text()
        self._hint: Text | None = None
        self._agreements: Text | None = None
        self._company = Text()
        self._company_shown: tuple[Company, Labels] | None = None
        self._message: Text | None = None
        self._editor_height = 1
        self._laid: tuple[int, CardLines] | None = None
        self._editor_place: tuple[int, int, int] | None = None
        self._showing = False
        """False until the first frame is on screen: the grid comes first, the card in the next frame."""
        self._mounting: tuple[CellEditor, AwaitMount] | None = None

    # -- showing --------------------------------------------------------------

    def set_labels(self, labels: Labels, more: str) -> None:
        """The card's fixed words in a language: the side headings, the categories, "more"."""
        self._fixed = {side: Text(labels.sides[side], style=GROUP_STYLES[side]) for side in SIDES}
        self._fixed |= {category: Text(labels.categories[category], style="dim") for category in CATEGORIES}
        self._fixed["partner"] = Text(labels.partner, style="dim")
        self._more = Text(more)
        self._changed()

    def show(
        self, partner: Partner, column: int, labels: Labels, placeholder: str, no_agreements: str = ""
    ) -> None:
        """Show a partner with one cell selected (the cell being edited is left to the editor).

        Below the cells stand the partner's agreements, or ``no_agreements``
        (how to write them).
        """
        named = bool(partner.name.strip())
        cells = [_headed(aligned(labels.partner_name(partner.name)), labels, "bold" if named else "dim")]
        for index in range(1, len(COLUMNS)):
            text = aligned(partner.cell(COLUMNS[index]))
            cells.append(
                _headed(text, labels)
                if text.strip()
                else Text(placeholder if index == column else "", style="dim")
            )
        self._partner_cells = cells
        balance = Text(
            balance_marks.words(partner.balance, labels), style=balance_marks.style(partner.balance)
        )
        facts = labels.partner_facts(partner.status, partner.influence)
        if facts:
            balance.append("\n" + facts, style="italic")  # status and influence, under the balance
        self._balance = balance
        agreements = Text(labels.facts["agreements"], style="dim")
        if partner.agreements.strip():
            agreements.append("\n")
            agreements.append_text(_headed(aligned(partner.agreements), labels))
        else:
            agreements.append("  " + no_agreements, style="dim italic")
        self._agreements = agreements
        definition = COLUMNS[column]
        hint = Text(labels.column_title(definition), style=GROUP_STYLES.get(definition.side or "", "bold"))
        hint.append("  ")
        hint.append(labels.guidance(definition), style="italic dim")
        self._hint = hint
        self._message = None
        self.selected = column
        self._changed(bring_into_view=True)

    def show_message(self, message: str) -> None:
        """No partner to show (none yet, or none let through by the filter)."""
        self._message = Text(aligned(message))
        self.scroll_line = 0
        self._changed()

    def show_company(self, company: Company, labels: Labels) -> None:
        """The company's details, at the end of the card."""
        if self._company_shown == (company, labels):
            return  # every change of the matrix shows the company again: most leave it as it was
        self._company_shown = (company, labels)
        text = Text()
        for field in COMPANY_FIELDS:
            value = getattr(company, field)
            if value is None or value == "":
                continue
            shown = value.isoformat() if hasattr(value, "isoformat") else aligned(str(value))
            if field == "name":
                text.append(shown + "\n", style="bold")
            elif field == "description":
                text.append("\n")
                text.append_text(_headed(shown, labels, key="p"))
                text.append("\n")
            else:
                text.append(f"{labels.company[field]}: ", style="dim")
                text.append(shown + "\n")
        text.rstrip()
        self._company = text
        self._changed()

    # -- what is on the card (for the editor screen and tests) -------------------

    def cell_text(self, column: int) -> str:
        """The text a cell shows (its placeholder when empty and selected)."""
        return self._partner_cells[column].plain

    def cell_region(self, column: int) -> Region | None:
        """Where a cell stands on screen now (None when it is scrolled out of the card)."""
        region = self._lines().cells.get(column)
        if region is None:
            return None
        origin = self.content_region.offset
        placed = region.translate((origin.x, origin.y - self.scroll_line))
        return placed.intersection(self.content_region) or None

    @property
    def more_below(self) -> bool:
        """The card does not end on screen: its last line says so."""
        return self.scroll_line < self._max_scroll()

    # -- laying out -------------------------------------------------------------

    def _content(self) -> CardContent:
        # Under the grid (auto height, below 110 columns) the card leaves out the
        # question and the company, to leave the grid its room.
        under_grid = self.styles.is_auto_height
        if self._message is not None:
            return CardContent(self._message, (), {}, None, None, None)
        fixed = self._fixed
        blank = Text()
        cells = self._partner_cells
        rows = [
            (fixed.get("partner", blank), cells[0], self._balance),
            (blank, fixed.get("brings", blank), fixed.get("gets", blank)),
        ]
        for category in CATEGORIES:
            rows.append(
                (
                    fixed.get(category, blank),
                    cells[_column_index("brings", category)],
                    cells[_column_index("gets", category)],
                )
            )
        return CardContent(
            hint=None if under_grid else self._hint,
            rows=tuple(rows),
            cells=CELL_PLACES,
            selected=self.selected,
            agreements=self._agreements,
            company=None if under_grid else self._company,
            editing=self.editing is not None,
            editor_height=self._editor_height,
        )

    def _styles(self) -> CardStyles:
        return CardStyles(
            base=self.rich_style,
            selected=self.get_component_rich_style("partner-card--selected", partial=True),
            rule=self.get_component_rich_style("partner-card--rule", partial=True),
            company=self.get_component_rich_style("partner-card--company", partial=True),
        )

    def on_mount(self) -> None:
        # Laying the card out costs a quarter of the first frame; the matrix is
        # what a person (and the benchmark) waits for, so the card follows it.
        self.call_after_refresh(self._show_now)

    def _show_now(self) -> None:
        self._showing = True
        self._changed(bring_into_view=True)

    def _lines(self, width: int | None = None) -> CardLines:
        """The card laid out at ``width`` (its content width by default), made once per change."""
        if not self._showing:
            return _NOTHING
        width = self.content_region.width if width is None else width
        if self._laid is None or self._laid[0] != width:
            self._laid = width, lay_out(self._content(), width, self._styles(), self.app.console)
        return self._laid[1]

    def _changed(self, *, bring_into_view: bool = False) -> None:
        """Lay the card out again; repaint what changed, or lay out the screen when its height must follow."""
        before = self._laid
        scrolled_from = self.scroll_line
        self._laid = None
        if not self.is_mounted:
            return
        if bring_into_view:
            self._bring_selected_into_view()
        self._place_editor()
        lines = self._lines().lines
        old = before[1].lines if before is not None else None
        grew = old is None or len(lines) != len(old)
        if old is None or grew or self.scroll_line != scrolled_from:
            self.refresh(layout=grew and self.styles.is_auto_height)
        else:
            self._repaint_changed_lines(old, lines)

    def _repaint_changed_lines(self, before: Sequence[Strip], lines: Sequence[Strip]) -> None:
        """Repaint the lines on screen that differ: after an edit or a cursor move within a partner,
        a line or a block, not the whole card (each repainted line costs a tenth of a millisecond)."""
        width = self.size.width
        shown = range(self.scroll_line, min(len(lines), self.scroll_line + self.content_region.height))
        changed = [index for index in shown if lines[index] != before[index]]
        # Regions within the content: Textual adds the border and padding.
        regions = [Region(0, index - self.scroll_line, width, 1) for index in changed]
        if regions:
            self.refresh(*regions)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._lines(width).lines))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._laid = None  # the theme or the breakpoint changed the styles the lines were made with

    def on_resize(self) -> None:
        self._laid = None
        self.scroll_line = min(self.scroll_line, self._max_scroll())
        self._bring_selected_into_view()
        self._place_editor()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        if y == self.content_region.height - 1 and self.more_below:
            more = self._more.copy()
            more.truncate(width, overflow="ellipsis", pad=True)
            style = self.rich_style + self.get_component_rich_style("partner-card--more", partial=True)
            return Strip(list(more.render(self.app.console)), width).apply_style(style)
        lines = self._lines().lines
        index = self.scroll_line + y
        if 0 <= index < len(lines):
            return lines[index]
        return Strip([Segment(" " * width, self.rich_style)], width)

    # -- scrolling --------------------------------------------------------------

    def _max_scroll(self) -> int:
        return max(0, len(self._lines().lines) - self.content_region.height)

    def _scroll_card_to(self, line: int) -> None:
        line = max(0, min(line, self._max_scroll()))
        if line != self.scroll_line:
            self.scroll_line = line
            self._place_editor()
            self.refresh()

    def _bring_selected_into_view(self) -> None:
        column = self.editing if self.editing is not None else self.selected
        if column in FROM_THE_TOP:
            self.scroll_line = 0
            return
        region = self._lines().cells.get(column)
        view = self.content_region.height
        if region is None or view <= 0:
            return
        line = self.scroll_line
        if region.y < line:
            line = region.y
        else:
            room = view if line + view >= len(self._lines().lines) else view - 1  # the "more" line
            if region.bottom > line + room:
                line = min(region.y, region.bottom - (view - 1))
        self.scroll_line = max(0, min(line, self._max_scroll()))

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._scroll_card_to(self.scroll_line + SCROLL_LINES)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._scroll_card_to(self.scroll_line - SCROLL_LINES)

    # -- editing in place ------------------------------------------------------

    async def add_editor(self) -> CellEditor:
        """Put the cell editor in the card (once), hidden until a cell is edited."""
        if self._mounting is None:
            from pvm_tui.widgets.cell_editor import CellEditor

            editor = CellEditor()
            editor.display = False
            self._mounting = editor, self.mount(editor)
        editor, mounting = self._mounting
        await mounting
        self.editor = editor
        return editor

    def begin_edit(self, column: int) -> None:
        """The editor takes the place of a cell (the editor screen loads its text and gives it the keys)."""
        assert self.editor is not None
        self.end_edit()
        cell = self._lines().cells.get(column)
        if cell is not None:
            self.editor.wrap_for(cell.width)  # the editor takes this cell's width
        self._editor_height = self.editor.wanted_height()
        self.editing = column
        self.selected = column
        self.editor.display = True
        self._changed(bring_into_view=True)

    def end_edit(self) -> None:
        """The cell shows again where the editor was."""
        if self.editing is None or self.editor is None:
            return
        self.editor.display = False
        self.editing = None
        self._changed()

    def editor_resized(self, height: int) -> None:
        """The editor is ``height`` lines tall now: keep its place that tall, and in view."""
        if self.editing is None or height == self._editor_height:
            return
        self._editor_height = height
        self._changed(bring_into_view=True)

    def _place_editor(self) -> None:
        """Lay the editor over its cell's place (it scrolls with the card)."""
        editor = self.editor
        if editor is None or self.editing is None:
            return
        region = self._lines().cells.get(self.editing)
        if region is None:
            return
        place = (region.x, region.y - self.scroll_line, region.width)
        if place != self._editor_place:
            # Moving the editor lays out the screen: only when its place changed.
            self._editor_place = place
            editor.styles.offset = place[:2]
            editor.styles.width = place[2]

    def on_cell_editor_resized(self, message: CellEditor.Resized) -> None:
        message.stop()
        self.editor_resized(message.height)
