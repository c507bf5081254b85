"""How the editor shows its session: the grid, the partner card, the step bar, the title and the status.

``EditorView`` is told what changed (a new matrix, a place for the cursor,
a filter) and redraws as little as that needs: one row for an edit; one row
and the row order for add, delete and move. It reads the session; it never
changes it, and it never calls back into the screen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from pvm_tui.history import Place, Step
from pvm_tui.labels import Labels, labels_for
from pvm_tui.model import COLUMNS, Balance, Matrix, Partner
from pvm_tui.session import Session
from pvm_tui.text import one_line, shorten
from pvm_tui.ui_text import UiText, ui_text
from pvm_tui.widgets.grid import MatrixGrid
from pvm_tui.widgets.partner_card import PartnerCard
from pvm_tui.widgets.status import StatusLine, TitleBar
from pvm_tui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from pvm_tui.partner_filter import FoldedTexts  # loaded when first filtered


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


class EditorView:
    """The editor's widgets, kept showing the session's matrix."""

    def __init__(
        self,
        session: Session,
        language: str,
        *,
        grid: MatrixGrid,
        card: PartnerCard,
        step_bar: StepBar,
        status: StatusLine,
        title_bar: TitleBar,
    ) -> None:
        self.session = session
        self.language = language
        self.grid = grid
        self.card = card
        self.step_bar = step_bar
        self.status = status
        self.title_bar = title_bar
        self.editing = False
        """True while a cell is open in the cell editor (in its place in the card)."""
        self.filter_text = ""
        self._folded: FoldedTexts | None = None
        """The partners' texts casefolded for the filter, once it was used."""
        self._balances: Counter[Balance] = Counter()
        self._shown_cell: tuple[object, ...] | None = None

    @property
    def labels(self) -> Labels:
        return labels_for(self.language)

    @property
    def words(self) -> UiText:
        return ui_text(self.language)

    def show_matrix(self) -> None:
        """The whole matrix, as when it opens: cursor on the first name."""
        matrix = self.session.matrix
        self.card.set_labels(self.labels, self.words.more)
        self.grid.show_matrix(matrix, self.labels)
        self._balances = Counter(partner.balance for partner in matrix.partners)
        self.grid.move_cursor(row=0, column=0, animate=False)
        self.refresh_all()

    def relabel(self) -> None:
        """Everything in the view's (new) language."""
        self.grid.relabel(self.labels, self.session.matrix)
        self.card.set_labels(self.labels, self.words.more)
        self.step_bar.set_labels(self.labels)
        self.refresh_all()

    # -- where the cursor is -------------------------------------------------------

    def cursor_place(self) -> tuple[int, int] | None:
        """The partner index and column under the grid's cursor, or None when no row is shown."""
        row, column = self.grid.cursor_coordinate
        key = self.grid.key_at(row)
        if key is None:
            return None
        index = self.session.index_of(key)
        return None if index is None else (index, column)

    def here(self) -> Place:
        place = self.cursor_place()
        if place is None:
            return Place(0, self.grid.cursor_column)
        return Place(*place)

    def move_cursor(self, index: int, column: int) -> None:
        """Put the cursor on a partner's cell (the nearest shown row when it is filtered out)."""
        partners = self.session.matrix.partners
        row = 0
        if partners:
            index = max(0, min(index, len(partners) - 1))
            found = self.grid.row_of(partners[index].key)
            row = found if found is not None else min(self.grid.cursor_row, max(self.grid.row_count - 1, 0))
        self.grid.move_cursor(row=row, column=column, animate=False)
        self.show_cursor_cell()

    def step_cursor(self, delta: int) -> None:
        """One cell on in reading order (Tab), wrapping to the next or previous partner."""
        grid = self.grid
        row, column = grid.cursor_coordinate
        position = row * len(COLUMNS) + column + delta
        last = grid.row_count * len(COLUMNS) - 1
        position = max(0, min(position, last))
        grid.move_cursor(row=position // len(COLUMNS), column=position % len(COLUMNS), animate=False)

    def rows_in_view(self) -> list[int]:
        """The partner indexes of the grid's rows, top to bottom."""
        if self.grid.shown is None and not self.grid.by_influence:
            return list(range(len(self.session.matrix.partners)))
        found = (self.session.index_of(key) for key in self.grid.keys_in_view())
        return [index for index in found if index is not None]

    # -- showing a change ------------------------------------------------------------

    def apply(self, old: Matrix, place: Place, *, cell: Place | None = None) -> None:
        """Show the session's matrix (it was ``old``), redrawing little; the cursor goes to ``place``."""
        new = self.session.matrix
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
            self.grid.sync(old, new, reveal)
        self.move_cursor(place.row, place.column)
        self.refresh_all()

    def show_cursor_cell(self) -> None:
        """Show the partner under the cursor in the card, its cell selected, and its step in the step bar."""
        if self.session.open_cell is not None:
            return  # the cell editor shows what is being typed; a change from outside never replaces it
        place = self.cursor_place()
        column = self.grid.cursor_column
        self.step_bar.step = COLUMNS[column].step
        matrix = self.session.matrix
        if place is None:
            self._shown_cell = None
            message = self.words.no_partners if not matrix.partners else self.filter_status()
            self.card.show_message(message)
            return
        index, column = place
        partner = matrix.partners[index]
        shown = (partner, column, self.language, self.session.read_only)
        if shown == self._shown_cell:
            return
        self._shown_cell = shown
        read_only = self.session.read_only
        placeholder = self.words.empty_cell_read_only if read_only else self.words.empty_cell
        no_agreements = "" if read_only else self.words.no_agreements
        self.card.show(partner, column, self.labels, placeholder, no_agreements)

    def refresh_all(self) -> None:
        self.refresh_title()
        counts = self._balances
        one_sided = counts[Balance.BRINGS_ONLY] + counts[Balance.GETS_ONLY]
        self.status.set_counts(
            self.labels.balance_summary(counts[Balance.BALANCED], one_sided, counts[Balance.EMPTY])
        )
        self.show_cursor_cell()  # the card lays itself out again only if what it shows changed
        self.card.show_company(self.session.matrix.company, self.labels)
        self.refresh_mode()

    def refresh_title(self) -> None:
        words, session = self.words, self.session
        document = session.document
        name = str(document.path.name)
        if document.needs_name:
            name = f"{name} ({words.example_copy})"
        elif not document.file.exists:
            name = f"{name} ({words.new_file})"
        marker = words.unsaved if session.dirty else ""
        self.title_bar.set(self.labels.method, session.matrix.company.name, name, marker)

    def refresh_mode(self) -> None:
        """EDITING in the status line while a cell is open (READ-ONLY sits beside the footer), and
        the open cell marked in the grid."""
        self.status.set_mode(self.words.editing if self.editing and not self.session.read_only else "")
        self.grid.mark_open(self.editing)

    # -- saying what changed -----------------------------------------------------------

    def describe_cell(self, matrix: Matrix, place: Place) -> str:
        """A cell as the status line names it: 'Sennheiser · What do they bring? · resources'."""
        labels = self.labels
        partner = matrix.partners[place.row]
        name = shorten(one_line(labels.partner_name(partner.name)), 40)
        if place.column == 0:
            return f"{name} · {labels.partner}"
        return f"{name} · {labels.column_title(COLUMNS[place.column])}"

    def describe_step(self, step: Step, changed: Matrix, unchanged: Matrix) -> str:
        """What an undo or redo changed: the cell, or the kind of change and the partner.

        ``changed`` is the matrix with the change made, ``unchanged`` the one without it.
        """
        what = self.words.what[step.what]
        if step.what in ("cell", "clear") and step.after.row < len(changed.partners):
            return self.describe_cell(changed, step.after)
        # A deleted partner is only in the matrix from before the delete.
        matrix, row = (unchanged, step.before.row) if step.what == "delete" else (changed, step.after.row)
        if step.what in ("add", "delete", "move") and 0 <= row < len(matrix.partners):
            name = shorten(one_line(self.labels.partner_name(matrix.partners[row].name)), 40)
            return f"{what} · {name}"
        return what

    # -- the filter --------------------------------------------------------------------

    def filter_status(self) -> str:
        return self.words.filter_status.format(
            text=one_line(self.filter_text),
            shown=self.grid.row_count,
            total=len(self.session.matrix.partners),
        )

    def set_filter(self, text: str) -> None:
        """Show only the partners ``text`` selects (``partner_filter``); the grid's rows follow."""
        from pvm_tui import partner_filter  # when first filtered: not on the way to the first paint

        self.filter_text = text
        query = partner_filter.parse(text)
        place = self.cursor_place()
        matrix = self.session.matrix
        shown: set[int] | None = None
        if not query.is_empty:
            if self._folded is None:
                self._folded = partner_filter.FoldedTexts()
            folded = self._folded
            shown = {partner.key for partner in matrix.partners if query.matches(partner, folded)}
        self.grid.refilter(matrix, shown)
        if place is not None:
            self.move_cursor(*place)
        self._shown_cell = None
        self.show_cursor_cell()
        message = self.filter_status() if not query.is_empty else ""
        if query.not_understood:
            # First, where it is not cut off: a word such as invloed:enorm selects no fact.
            words = " ".join(query.not_understood)
            message = f"{self.words.filter_not_understood.format(words=words)} · {message}"
        self.status.say(message)
