"""Rich renderables that draw a matrix the way `pvm show` prints it.

``MatrixView`` is the whole page (company header, the matrix, the balance
summary) and picks its layout from the width it is given: the template's
grid with grouped side headings when every column can be readable, else one
card per partner. It works on any Rich ``Console``, so an SVG export made
with ``Console(record=True)`` looks exactly like the terminal.

All user text goes through ``text.harmless`` and into ``rich.text.Text``:
it is never parsed as markup and cannot carry terminal escape codes. This
module imports Rich only, never Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from pvm_tui import balance_marks
from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, COLUMNS, COMPANY_FIELDS, SIDES, Matrix, Partner
from pvm_tui.text import harmless

WIDE_MIN_WIDTH = 120
"""From this width on the matrix is drawn as the template's grid; below it,
nine columns get under ten characters each and cards read better."""

_PADDING = 1  # spaces either side of a cell's text in the grid
_BORDER_STYLE = "dim"
_HEADING_STYLE = "bold"
_NAME_STYLE = "bold"
_FACTS_STYLE = "italic"


def user_text(value: str, style: str = "") -> Text:
    """User text as a literal, harmless ``Text``: never markup, never escape codes."""
    return Text(harmless(value), style=style)


def balance_text(partner: Partner, labels: Labels) -> Text:
    """A partner's balance marker: its shape and word, in its colour."""
    return Text(balance_marks.words(partner.balance, labels), style=balance_marks.style(partner.balance))


def facts_text(partner: Partner, labels: Labels) -> Text:
    """A partner's status and influence ('huidig · veel invloed'); empty when neither is known."""
    return Text(labels.partner_facts(partner.status, partner.influence), style=_FACTS_STYLE)


def agreements_list(matrix: Matrix, labels: Labels) -> RenderableType | None:
    """Under the grid: each partner's agreements, by name; None when no partner has any."""
    rows = Table.grid(padding=(0, 2))
    rows.add_column(overflow="fold")
    rows.add_column(overflow="fold", ratio=1)
    for partner in matrix.partners:
        if partner.agreements.strip():
            rows.add_row(partner_name(partner, labels), user_text(partner.agreements))
    if not rows.row_count:
        return None
    return Group(Text(labels.facts["agreements"], style=_HEADING_STYLE), rows)


def partner_name(partner: Partner, labels: Labels) -> Text:
    """A partner's name, or a dim placeholder while it has none."""
    if partner.name.strip():
        return user_text(partner.name, _NAME_STYLE)
    return Text(labels.unnamed_partner, style="dim italic")


def company_header(matrix: Matrix, labels: Labels) -> RenderableType:
    """The template's header: the method and company name, then every filled-in field."""
    company = matrix.company
    title = Text(labels.method, style="bold")
    if company.name.strip():
        title.append(" · ")
        title.append_text(user_text(company.name, "bold"))
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="dim")
    fields.add_column(overflow="fold")
    for name in COMPANY_FIELDS:
        if name == "name":
            continue
        value = getattr(company, name)
        if name == "date":
            value = value.isoformat() if value is not None else ""
        if value.strip():
            fields.add_row(Text(labels.company[name]), user_text(value))
    return Group(title, fields) if fields.row_count else title


def summary_line(matrix: Matrix, labels: Labels) -> Text:
    """The balance summary: how many partners are mutual, one-sided, empty."""
    counts = matrix.balance_summary
    return Text(labels.balance_summary(counts.balanced, counts.one_sided, counts.empty))


class MatrixView:
    """The whole of `pvm show`: header, matrix (grid or cards by width), summary."""

    def __init__(self, matrix: Matrix, labels: Labels) -> None:
        self.matrix = matrix
        self.labels = labels

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        body: RenderableType
        if options.max_width >= WIDE_MIN_WIDTH:
            body = MatrixGrid(self.matrix, self.labels)
        else:
            body = PartnerCards(self.matrix, self.labels)
        yield company_header(self.matrix, self.labels)
        yield Text()
        if self.matrix.partners or isinstance(body, MatrixGrid):
            yield body  # an empty grid still shows the template's headings
            yield Text()
        agreements = agreements_list(self.matrix, self.labels) if isinstance(body, MatrixGrid) else None
        if agreements is not None:
            yield agreements  # the grid has no column for them; the cards show them in place
            yield Text()
        yield summary_line(self.matrix, self.labels)


class PartnerCards:
    """The narrow layout: per partner its name and balance, then what it brings and gets."""

    def __init__(self, matrix: Matrix, labels: Labels) -> None:
        self.matrix = matrix
        self.labels = labels

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for index, partner in enumerate(self.matrix.partners):
            if index:
                yield Rule(style=_BORDER_STYLE)
            yield self._card(partner)

    def _card(self, partner: Partner) -> RenderableType:
        labels = self.labels
        title = Table.grid(expand=True, padding=(0, 2))
        title.add_column(ratio=1, overflow="fold")
        title.add_column(justify="right")
        title.add_row(partner_name(partner, labels), balance_text(partner, labels))
        parts: list[RenderableType] = [title]
        facts = facts_text(partner, labels)
        if facts.plain:
            parts.append(facts)
        # Every card lines its texts up at the same place: after the longest category.
        label_width = max(cell_len(labels.categories_long[category]) for category in CATEGORIES)
        for side in SIDES:
            parts.append(Text("  " + labels.sides[side], style=_HEADING_STYLE))
            rows = Table.grid(padding=(0, 2, 0, 0))
            rows.add_column(width=2)  # the indent under the side's heading
            rows.add_column(style="dim", min_width=label_width)
            rows.add_column(overflow="fold")
            for category in CATEGORIES:
                value = partner.side(side).get(category)
                if value.strip():
                    rows.add_row("", Text(labels.categories_long[category]), user_text(value))
            if not rows.row_count:
                rows.add_row("", Text("—"), "")
            parts.append(rows)
        if partner.agreements.strip():
            parts.append(Text("  " + labels.facts["agreements"], style=_HEADING_STYLE))
            agreements = Table.grid(padding=(0, 2, 0, 0))
            agreements.add_column(width=2)
            agreements.add_column(overflow="fold")
            agreements.add_row("", user_text(partner.agreements))
            parts.append(agreements)
        return Group(*parts)


@dataclass(frozen=True)
class _Box:
    """The characters of the grid's lines."""

    horizontal: str
    vertical: str
    top: tuple[str, str, str]  # left, join, right
    middle: tuple[str, str, str]
    bottom: tuple[str, str, str]
    tee_left: str  # a line that starts under a spanning cell: ├


_UNICODE_BOX = _Box("─", "│", ("┌", "┬", "┐"), ("├", "┼", "┤"), ("└", "┴", "┘"), "├")
_ASCII_BOX = _Box("-", "|", ("+", "+", "+"), ("+", "+", "+"), ("+", "+", "+"), "+")


class MatrixGrid:
    """The wide layout: the template's grid, its two sides headed over their four columns.

    Rich's ``Table`` cannot span a heading over several columns, so the grid
    draws its own lines; cells are wrapped at word boundaries by Rich and a
    word is split only when it is longer than its whole column.
    """

    def __init__(self, matrix: Matrix, labels: Labels) -> None:
        self.matrix = matrix
        self.labels = labels

    # -- layout ---------------------------------------------------------------

    def _cells(self) -> list[list[Text]]:
        """Every body cell as Text, row by row, in COLUMNS order."""
        rows = []
        for partner in self.matrix.partners:
            name = partner_name(partner, self.labels)
            name.append("\n")
            name.append_text(balance_text(partner, self.labels))
            facts = facts_text(partner, self.labels)
            if facts.plain:
                name.append("\n")
                name.append_text(facts)
            rows.append([name] + [user_text(partner.cell(column)) for column in COLUMNS[1:]])
        return rows

    def _headings(self) -> list[Text]:
        return [Text(self.labels.column_heading(column), style=_HEADING_STYLE) for column in COLUMNS]

    def column_widths(self, width: int) -> list[int]:
        """The text width of each column so the grid fits ``width`` cells.

        Each column first gets its longest word, so that no word is split
        (when the words do not all fit, the longest ones are split first);
        then all columns grow evenly, each up to its longest line.
        """
        available = max(len(COLUMNS), width - _overhead())
        columns = list(zip(self._headings(), *self._cells(), strict=True))
        natural = [max(1, *(_longest_line(text) for text in column)) for column in columns]
        words = [max(1, min(_longest_word(column), n)) for column, n in zip(columns, natural, strict=True)]
        shortest = _level([1] * len(columns), words, available)
        return _level(shortest, natural, available)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        total = sum(self.column_widths(options.max_width)) + _overhead()
        return Measurement(min(total, options.max_width), min(total, options.max_width))

    # -- drawing --------------------------------------------------------------

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        box = _ASCII_BOX if options.ascii_only else _UNICODE_BOX
        widths = self.column_widths(options.max_width)
        border = console.get_style(_BORDER_STYLE)
        brings, gets = widths[1:5], widths[5:9]
        spans = [widths[0], _span(brings), _span(gets)]

        def rule(
            ends: tuple[str, str, str], groups: Sequence[Sequence[int]], first: str | None = None
        ) -> Text:
            left, join, right = ends
            inner = [join.join(box.horizontal * (w + 2 * _PADDING) for w in group) for group in groups]
            return Text((first if first is not None else left) + join.join(inner) + right, style=border)

        lines: list[Text] = [rule(box.top, [[spans[0]], [spans[1]], [spans[2]]])]

        # The heading: "partner" spans both heading rows; each side spans its four columns.
        partner_heading = _wrap(console, self._headings()[0], widths[0])
        side_headings = [Text(self.labels.sides[side], style=_HEADING_STYLE) for side in SIDES]
        group_row = self._row_lines(console, [Text(), *side_headings], spans, box)
        category_row = self._row_lines(console, [Text(), *self._headings()[1:]], widths, box)
        under_sides = Text(box.vertical, style=border)
        under_sides.append(" " * (widths[0] + 2 * _PADDING))
        under_sides.append_text(rule(box.middle, [brings, gets], first=box.tee_left))
        heading = [*group_row, under_sides, *category_row]
        for index, line in enumerate(partner_heading):
            if index < len(heading):
                _overlay_first_cell(heading[index], line, widths[0], len(box.vertical))
        lines.extend(heading)

        for row in self._cells():
            lines.append(rule(box.middle, [[widths[0]], brings, gets]))
            lines.extend(self._row_lines(console, row, widths, box))
        lines.append(rule(box.bottom, [[widths[0]], brings, gets]))

        for line in lines:
            yield from line.render(console)
            yield Segment.line()

    def _row_lines(
        self, console: Console, cells: Sequence[Text], widths: Sequence[int], box: _Box
    ) -> list[Text]:
        """One row of cells, side by side, as many lines high as its tallest cell."""
        border = console.get_style(_BORDER_STYLE)
        wrapped = [_wrap(console, cell, width) for cell, width in zip(cells, widths, strict=True)]
        height = max(1, *(len(lines) for lines in wrapped))
        result = []
        for index in range(height):
            line = Text(box.vertical, style=border)
            for lines, width in zip(wrapped, widths, strict=True):
                cell = lines[index] if index < len(lines) else Text()
                line.append(" " * _PADDING)
                line.append_text(_fit(cell, width))
                line.append(" " * _PADDING)
                line.append(box.vertical, style=border)
            result.append(line)
        return result


def _overhead() -> int:
    """Cells the grid spends on lines and padding: ten lines, nine padded cells."""
    return len(COLUMNS) + 1 + 2 * _PADDING * len(COLUMNS)


def _level(floor: Sequence[int], ceiling: Sequence[int], budget: int) -> list[int]:
    """Widths between ``floor`` and ``ceiling``, raised evenly as far as ``budget`` allows.

    Like water poured over the floor: the narrowest columns fill first, and
    no column passes its ceiling. Whatever is left after the even level goes
    one cell at a time to the columns that can still grow.
    """

    def at(level: int) -> list[int]:
        return [min(top, max(bottom, level)) for bottom, top in zip(floor, ceiling, strict=True)]

    low, high = 0, max(ceiling, default=0)
    while low < high:  # the highest level whose widths still fit
        middle = (low + high + 1) // 2
        if sum(at(middle)) <= budget:
            low = middle
        else:
            high = middle - 1
    widths = at(low)
    spare = budget - sum(widths)
    for index, top in enumerate(ceiling):
        if spare <= 0:
            break
        if widths[index] < top:
            widths[index] += 1
            spare -= 1
    return widths


def _span(widths: Sequence[int]) -> int:
    """The text width of a heading spanning ``widths`` columns and the lines between them."""
    return sum(widths) + (len(widths) - 1) * (2 * _PADDING + 1)


def _wrap(console: Console, text: Text, width: int) -> list[Text]:
    if not text.plain:
        return []
    return list(text.wrap(console, width, overflow="fold", tab_size=4))


def _fit(line: Text, width: int) -> Text:
    """``line`` padded (or, only if something went wrong, cut) to exactly ``width`` cells."""
    line = line.copy()
    line.rstrip()
    if line.cell_len > width:
        line.truncate(width)
    line.pad_right(width - line.cell_len)
    return line


def _overlay_first_cell(line: Text, content: Text, width: int, border: int) -> None:
    """Write ``content`` into the (blank) first cell of an already drawn line."""
    start = border + _PADDING
    replacement = _fit(content, width)
    rebuilt = line[:start]
    rebuilt.append_text(replacement)
    rebuilt.append_text(line[start + width :])
    line.plain = ""
    line.spans = []
    line.append_text(rebuilt)


def _longest_line(text: Text) -> int:
    return max((cell_len(line.expandtabs(4)) for line in text.plain.split("\n")), default=0)


def _longest_word(texts: Iterable[Text]) -> int:
    return max((cell_len(word) for text in texts for word in _words(text.plain)), default=0)


def _words(value: str) -> Iterator[str]:
    yield from value.split()
