"""The partner card: the selected partner whole, what it brings beside what it gets, edited in place.

Under the partner's name and balance, the four categories are rows, with
*what they bring* and *what they get* side by side, so the exchange reads
across; every word is shown, wrapped. The selected cell is highlighted, and
a cell is edited where it stands: the cell editor (``cell_editor.py``, put
in the card after the first paint) takes the cell's place in the card's
grid and is as tall as its text. When a partner does not fit, the card
scrolls to the selected cell and its last line says there is more. The
company's details close the card.

The card never changes the matrix: the editor screen reads the text back
when editing ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Static

from pvm_tui import balance_marks
from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, COLUMNS, COMPANY_FIELDS, SIDES, Company, Partner
from pvm_tui.text import aligned
from pvm_tui.widgets.grid_cells import GROUP_STYLES

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from pvm_tui.widgets.cell_editor import CellEditor


class CardText(Static):
    """A piece of the card that repaints only when what it shows changes."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self._shown: Text | None = None

    def show(self, text: Text) -> None:
        if text != self._shown:
            self._shown = text
            self.update(text)


class PartnerCard(VerticalScroll, can_focus=False):
    """Name, balance, status and influence, the method's question, four rows of brings | gets, the company."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.hint = CardText(id="card-hint")
        self.name_label = CardText(classes="card-category")
        self.name_cell = CardText(id="card-name", classes="card-cell")
        self.balance = CardText(id="card-balance")
        self.corner = CardText(classes="card-category")
        self.headings = {side: CardText(classes=f"card-side -{side}") for side in SIDES}
        self.categories = {category: CardText(classes="card-category") for category in CATEGORIES}
        self.cells: list[CardText] = [self.name_cell]
        for column in COLUMNS[1:]:
            self.cells.append(CardText(id=f"card-{column.side}-{column.category}", classes="card-cell"))
        self.agreements = CardText(id="card-agreements")
        self.company = CardText(id="card-company")
        self.more = CardText(id="card-more")
        self.editor: CellEditor | None = None
        self.selected = 0
        self.editing: int | None = None
        self._mounting: tuple[CellEditor, AwaitMount] | None = None

    def compose(self) -> ComposeResult:
        yield self.more
        yield self.hint
        with Grid(id="card-cells"):
            yield self.name_label
            yield self.name_cell
            yield self.balance
            yield self.corner
            yield from self.headings.values()
            for category in CATEGORIES:
                yield self.categories[category]
                for side in SIDES:
                    yield self.cells[_column_index(side, category)]
        yield self.agreements
        yield self.company

    # -- showing --------------------------------------------------------------

    def set_labels(self, labels: Labels, more: str) -> None:
        """The card's fixed words in a language: the side headings, the categories, "more"."""
        for side, heading in self.headings.items():
            heading.show(Text(labels.sides[side], style=GROUP_STYLES[side]))
        for category, label in self.categories.items():
            label.show(Text(labels.categories[category], style="dim"))
        self.more.show(Text(more, style="reverse"))
        self.name_label.show(Text(labels.partner, style="dim"))

    def show(
        self, partner: Partner, column: int, labels: Labels, placeholder: str, no_agreements: str = ""
    ) -> None:
        """Show a partner with one cell selected (the cell being edited is left to the editor).

        Below the cells stand the partner's agreements, or ``no_agreements``
        (how to write them).
        """
        named = bool(partner.name.strip())
        self.name_cell.show(
            Text(aligned(labels.partner_name(partner.name)), style="bold" if named else "dim")
        )
        balance = Text(
            balance_marks.words(partner.balance, labels), style=balance_marks.style(partner.balance)
        )
        facts = labels.partner_facts(partner.status, partner.influence)
        if facts:
            balance.append("\n" + facts, style="italic")  # status and influence, under the balance
        self.balance.show(balance)
        agreements = Text(labels.facts["agreements"], style="dim")
        if partner.agreements.strip():
            agreements.append("\n" + aligned(partner.agreements))
        else:
            agreements.append("  " + no_agreements, style="dim italic")
        self.agreements.show(agreements)
        for index, cell in enumerate(self.cells[1:], start=1):
            text = aligned(partner.cell(COLUMNS[index]))
            cell.show(
                Text(text) if text.strip() else Text(placeholder if index == column else "", style="dim")
            )
        definition = COLUMNS[column]
        hint = Text(labels.column_title(definition), style=GROUP_STYLES.get(definition.side or "", "bold"))
        hint.append("  ")
        hint.append(labels.guidance(definition), style="italic dim")
        self.hint.show(hint)
        self._select(column)
        self.remove_class("-empty")

    def show_message(self, message: str) -> None:
        """No partner to show (none yet, or none let through by the filter)."""
        self.hint.show(Text(aligned(message)))
        self.add_class("-empty")

    def show_company(self, company: Company, labels: Labels) -> None:
        """The company's details, at the end of the card."""
        text = Text()
        for field in COMPANY_FIELDS:
            value = getattr(company, field)
            if value is None or value == "":
                continue
            shown = value.isoformat() if hasattr(value, "isoformat") else aligned(str(value))
            if field == "name":
                text.append(shown + "\n", style="bold")
            elif field == "description":
                text.append("\n" + shown + "\n")
            else:
                text.append(f"{labels.company[field]}: ", style="dim")
                text.append(shown + "\n")
        text.rstrip()
        self.company.show(text)
        if self.company.display != bool(text.plain):
            self.company.display = bool(text.plain)

    def _select(self, column: int) -> None:
        if column != self.selected:
            self.cells[self.selected].remove_class("-selected")
        self.selected = column
        self.cells[column].add_class("-selected")
        self.call_after_refresh(self._bring_selected_into_view)

    def _bring_selected_into_view(self) -> None:
        target = (
            self.editor if self.editing is not None and self.editor is not None else self.cells[self.selected]
        )
        if self.selected in (0, 1, 5):  # the name, or the first row: show the card from its top
            self.scroll_home(animate=False, immediate=True)
        else:
            self.scroll_to_widget(target, animate=False, immediate=True)
        self._show_more()

    # -- "more" ---------------------------------------------------------------

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._show_more()

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_more)

    def _show_more(self) -> None:
        """The last line says there is more while the card does not end on screen."""
        more = self.max_scroll_y - self.scroll_y >= 1
        if self.more.display != more:
            self.more.display = more

    # -- editing in place ------------------------------------------------------

    async def add_editor(self) -> CellEditor:
        """Put the cell editor in the card (once), hidden until a cell is edited."""
        if self._mounting is None:
            from pvm_tui.widgets.cell_editor import CellEditor

            editor = CellEditor()
            editor.display = False
            self._mounting = editor, self.query_one("#card-cells", Grid).mount(editor)
        editor, mounting = self._mounting
        await mounting
        self.editor = editor
        return editor

    def begin_edit(self, column: int) -> None:
        """The editor takes the place of a cell (the editor screen loads its text and gives it the keys)."""
        editor = self.editor
        assert editor is not None
        self.end_edit()
        self.editing = column
        cell = self.cells[column]
        grid = self.query_one("#card-cells", Grid)
        grid.move_child(editor, after=cell)
        cell.display = False
        editor.display = True
        self._select(column)

    def end_edit(self) -> None:
        """The cell shows again where the editor was."""
        if self.editing is None or self.editor is None:
            return
        self.cells[self.editing].display = True
        self.editor.display = False
        self.editing = None


def _column_index(side: str, category: str) -> int:
    return next(
        index for index, column in enumerate(COLUMNS) if (column.side, column.category) == (side, category)
    )
