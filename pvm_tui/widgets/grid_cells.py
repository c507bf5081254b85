"""What each cell and column heading of the grid shows: harmless ``rich.text.Text``, never markup.

Compact rows show each cell on one line, shortened with an ellipsis; whole
text rows show every word, wrapped to the column, with the group's ``│`` on
every line. A plain ``str`` would be parsed as markup by the table and a
control character could work on the terminal, so every cell is ``Text``
made from ``harmless`` text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import NamedTuple

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Span, Text

from pvm_tui import balance_marks
from pvm_tui.cell_head import headed_lines
from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, Column, Partner
from pvm_tui.text import aligned, one_line, shorten

NAME_WIDTH = 22
CELL_WIDTH = 18
WIDTHS: tuple[int, ...] = tuple(NAME_WIDTH if column.side is None else CELL_WIDTH for column in COLUMNS)
"""The width of each column in compact mode, left to right."""

MIN_WIDTH = 8
"""The narrowest a column gets in whole-text mode: its heading still says what it is."""
WORD_LIMIT = 16
"""Whole-text columns make room for words up to this wide (with the cell's margins)."""
SAMPLE = 300
"""How many partners whole-text columns are measured on."""
SYLLABLE_WORDS = 200
"""Longer words are cut where the column ends, not looked at for syllables (no word is this long)."""

GROUP_STYLES = {"brings": "bold #3fa34d", "gets": "bold #3b8fd9"}


def _starts_group(column: Column) -> bool:
    return column.category == "resources"


def _lead(column: Column) -> str:
    """What a cell's every line starts with: the group's bar, or a space."""
    return "│ " if _starts_group(column) else " "


class CellText(Text):
    """A grid cell's text, which remembers how it was last drawn.

    The grid draws a row again whenever its place or its stripe changes (a
    partner added or deleted above it, the rows switched to whole text), and
    Rich wrapped and styled each cell anew every time: half the cost of such
    a frame. A cell is never changed once made (a new version of a partner
    gets new cells), so its drawing at one width is kept with it.

    It is made for its column (cut or wrapped to it), and the grid's columns
    have fixed widths, so it says how wide it is rather than be measured:
    ``DataTable`` measures every cell it is given, for columns sized by their
    content, and at 1,000 partners that was a tenth of the editor's start.
    """

    __slots__ = ("_drawn", "column_width")
    column_width: int
    """The width of the column the cell was made for (set by ``CellMaker``)."""

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width: int | None = getattr(self, "column_width", None)
        if width is None:
            return super().__rich_measure__(console, options)
        return Measurement(width, width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        key = (id(console), options.max_width, options.no_wrap, options.overflow, options.justify)
        drawn: tuple[object, list[Segment]] | None = getattr(self, "_drawn", None)
        if drawn is None or drawn[0] != key:
            drawn = key, list(super().__rich_console__(console, options))
            self._drawn = drawn
        return drawn[1]


class LazyCell:
    """A compact cell whose text is made the first time it is drawn or read.

    ``DataTable`` draws only the rows in view, but it is handed every row's
    cells up front: opening 15,000 partners made 135,000 texts (3 s, with no
    key answered) for the forty rows on screen. A compact row is one line
    high whatever its text, so nothing but drawing needs the text itself.
    """

    __slots__ = ("_column", "_labels", "_partner", "_text", "_width")

    def __init__(self, partner: Partner, column: Column, labels: Labels, width: int) -> None:
        self._partner = partner
        self._column = column
        self._labels = labels
        self._width = width
        self._text: CellText | None = None

    @property
    def text(self) -> CellText:
        made = self._text
        if made is None:
            made = self._text = cell_text(self._partner, self._column, self._labels, self._width)
            made.column_width = self._width
        return made

    @property
    def plain(self) -> str:
        return self.text.plain

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.text.__rich_measure__(console, options)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        return self.text.__rich_console__(console, options)


GridCell = Text | LazyCell
"""What the grid holds in a cell: a made text (whole-text rows), or one made when drawn (compact rows)."""


def as_text(cell: GridCell) -> Text:
    """The text of a grid cell, made now if it was not yet."""
    return cell.text if isinstance(cell, LazyCell) else cell


def cell_text(partner: Partner, column: Column, labels: Labels, width: int = 0) -> CellText:
    """One line of a compact row, shortened with an ellipsis to ``width`` cells."""
    width = width or (NAME_WIDTH if column.side is None else CELL_WIDTH)
    if column.side is None:
        # The balance marker: a shape and a letter, so it reads without colour (balance_marks.py).
        lead, style = _marker(partner, labels)
        named = bool(partner.name.strip())
        name = shorten(one_line(partner.name if named else labels.unnamed_partner), width - len(lead) - 1)
        spans = [Span(0, len(lead), style)]
        if not named:
            spans.append(Span(len(lead), len(lead) + len(name), "dim italic"))
        return CellText(lead + name, spans=spans, no_wrap=True, end="")
    lead = _lead(column)
    text = shorten(one_line(partner.cell(column)), width - len(lead) - 1)
    return CellText(lead + text, spans=[Span(0, len(lead), GROUP_STYLES[column.side])], no_wrap=True, end="")


def _marker(partner: Partner, labels: Labels) -> tuple[str, str]:
    """What a name starts with: the balance marker, and its style."""
    return f" {balance_marks.short(partner.balance, labels)} ", balance_marks.style(partner.balance)


def whole_lines(partner: Partner, column: Column, labels: Labels, width: int) -> list[str]:
    """A cell's text wrapped to a whole-text column ``width`` cells wide (the lead not included)."""
    if column.side is None:
        text, room = labels.partner_name(partner.name), width - len(_marker(partner, labels)[0]) - 1
    else:
        text, room = partner.cell(column), width - len(_lead(column)) - 1
    return headed_lines(aligned(text), room, labels.code, partial(wrap, language=labels.code))


def whole_cell(partner: Partner, column: Column, labels: Labels, lines: list[str], height: int) -> Text:
    """A whole-text cell from its wrapped ``lines``; a group's ``│`` runs down all ``height`` lines."""
    spans: list[Span] = []
    if column.side is None:
        lead, style = _marker(partner, labels)
        plain = lead + ("\n" + " " * len(lead)).join(lines)
        spans.append(Span(0, len(lead), style))
        if not partner.name.strip():
            spans.append(Span(len(lead), len(plain), "dim italic"))
        return CellText(plain, spans=spans, no_wrap=True, end="")
    lead, style = _lead(column), GROUP_STYLES[column.side]
    if _starts_group(column):
        lines = lines + [""] * (height - len(lines))
    parts: list[str] = []
    offset = 0
    for line in lines:
        spans.append(Span(offset, offset + len(lead), style))
        parts.append(lead + line)
        offset += len(lead) + len(line) + 1
    return CellText("\n".join(parts), spans=spans, no_wrap=True, end="")


def wrap(text: str, width: int, language: str = "") -> list[str]:
    """``text`` broken into lines of at most ``width`` cells at spaces (at least one line).

    Line breaks in the text are kept. A word wider than the column is broken
    between its syllables with a hyphen, in ``language`` (``hyphenate.py``),
    or after a hyphen of its own; what has no such place (a number, an
    address, a huge run of letters) is cut into pieces. Plain greedy
    filling, because measuring every cell of a large matrix with Rich took
    longer than the grid may take to switch modes; it measures with Rich's
    ``cell_len``, so the lines fit exactly.
    """
    width = max(width, 1)
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n"):
        line, used = "", 0
        for word in paragraph.split():
            size = cell_len(word)
            if line and used + 1 + size <= width:
                line += " " + word
                used += 1 + size
                continue
            if line:
                lines.append(line)
            if size > width:
                *pieces, word = _pieces(word, width, language)
                lines.extend(pieces)
                size = cell_len(word)
            line, used = word, size
        lines.append(line)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def _pieces(word: str, width: int, language: str) -> list[str]:
    """``word`` in pieces of at most ``width`` cells: between syllables where it can be, else cut."""
    if language and len(word) <= SYLLABLE_WORDS:
        pieces = _syllables(word, width, language)
        if pieces is not None:
            return pieces
    return _cut(word, width)


def _syllables(word: str, width: int, language: str) -> list[str] | None:
    """``word`` broken at the last syllable (or its own hyphen) that fits, line by line; None if none fits.

    "geluidstechnologie" at 14 cells is "geluidstechno-" and "logie", not
    "geluidstechnol" and "ogie". A rest with no place left that fits is cut.
    """
    from pvm_tui.hyphenate import breaks  # only for a word wider than its column

    places = breaks(word, language)
    pieces: list[str] = []
    start = 0
    while cell_len(word[start:]) > width:
        fitting = [p for p in places if p.at > start and cell_len(word[start : p.at]) + p.hyphen <= width]
        if not fitting:
            if not pieces:
                return None
            return pieces + _cut(word[start:], width)
        place = fitting[-1]
        pieces.append(word[start : place.at] + ("-" if place.hyphen else ""))
        start = place.at
    return [*pieces, word[start:]]


def _cut(word: str, width: int) -> list[str]:
    """``word`` cut into pieces of at most ``width`` cells (a character wider than that alone).

    Cut between whole characters as they show (an emoji with its joiners,
    a letter with its accents), never after a joiner. The word is split
    into characters once: cutting it piece by piece and measuring the rest
    after every cut took time that grew with the square of its length.
    """
    return [piece for piece in chop_cells(word, width) if piece] or [word]


def whole_widths(partners: Sequence[Partner], available: int) -> tuple[int, ...]:
    """Column widths for whole-text rows in ``available`` cells.

    Each column gets room for its longest word (up to ``WORD_LIMIT``), and
    what is left in proportion to the text it holds, but never more than
    its longest text needs. An empty column stays, ``MIN_WIDTH`` wide, with
    its heading.
    """
    need = [0] * len(COLUMNS)
    longest = [MIN_WIDTH] * len(COLUMNS)
    floor = [MIN_WIDTH] * len(COLUMNS)
    # The first few hundred partners are enough to share out the room; a word
    # wider than its column further down is cut into pieces, never hidden.
    for partner in partners[:SAMPLE]:
        for index, column in enumerate(COLUMNS):
            text = partner.cell(column)
            need[index] += len(text)
            longest[index] = max(longest[index], cell_len(text) + 4)
            # Room for the longest word (up to a limit), so that words are not cut.
            word = max(map(cell_len, text.split()), default=0)
            floor[index] = max(floor[index], min(word + 4, WORD_LIMIT))
    name = min(NAME_WIDTH, longest[0])
    rest = list(range(1, len(COLUMNS)))
    # Never narrower than the longest word: when the columns do not fit, the grid scrolls sideways.
    widths = {index: floor[index] for index in rest}
    room = max(available - name, sum(widths.values()))
    spare = room - sum(widths.values())
    open_columns = [index for index in rest if longest[index] > MIN_WIDTH]
    while spare > 0 and open_columns:
        total = sum(max(need[index], 1) for index in open_columns)
        given = 0
        for index in open_columns:
            share = max(1, spare * max(need[index], 1) // total)
            share = min(share, longest[index] - widths[index], spare - given)
            widths[index] += share
            given += share
        spare -= given
        open_columns = [index for index in open_columns if widths[index] < longest[index]]
        if given == 0:
            break
    return (name, *(widths[index] for index in rest))


def column_label(
    column: Column, labels: Labels, widths: Sequence[int] = WIDTHS, first_shown: int = 1
) -> Text:
    """Two header lines: the side's heading spread over its four columns, then the category.

    ``first_shown`` is the first column in view beside the partner column:
    scrolled sideways past a side's first column, its heading starts at the
    first of its columns still in view (at 80 columns the grid showed
    "ng? ───" over *what they bring*, or dashes alone).
    """
    label = Text(no_wrap=True, end="")
    if column.side is None:
        label.append("\n")
        label.append(f" {labels.partner}", "bold")
        return label
    index = COLUMNS.index(column)
    width = widths[index]
    style = GROUP_STYLES[column.side]
    side = [position for position, other in enumerate(COLUMNS) if other.side == column.side]
    # Scrolled out of view, or cut at the left edge: a rule without words.
    group = [index] if index < first_shown else [position for position in side if position >= first_shown]
    banner_width = sum(widths[position] for position in group)
    heading = shorten(labels.sides[column.side], banner_width - 4)
    banner = f"│ {heading} ".ljust(banner_width, "─") if index >= first_shown else "─" * banner_width
    start = sum(widths[position] for position in group if position < index)
    label.append(banner[start : start + width], style)
    label.append("\n")
    label.append(_lead(column), style)
    label.append(shorten(labels.categories[column.category or ""], width - 3), style.replace("bold ", ""))
    return label


class RowCells(NamedTuple):
    """A partner's row as made for one mode and one set of column widths."""

    partner: Partner
    shape: object
    cells: list[GridCell]
    height: int


class CellMaker:
    """Makes a partner's cells once per version of the partner, and keeps them for each mode,
    so that switching between compact and whole text only looks them up.

    A whole-text row's height is known for every partner (the table needs
    it to place the rows), its cells only for rows that were drawn: the
    cells of 20,000 partners were 800,000 objects, which every full garbage
    collection walked (half a second, with no key answered).
    """

    def __init__(self) -> None:
        self._made: dict[bool, dict[int, RowCells]] = {False: {}, True: {}}
        self._heights: dict[int, tuple[Partner, object, int]] = {}

    def has(self, partner: Partner, labels: Labels, whole: bool, widths: tuple[int, ...]) -> bool:
        """True when this version of the partner's row is measured (whole text) or made (compact)
        for this mode, these labels and widths."""
        if whole:
            known = self._heights.get(partner.key)
            return known is not None and known[0] is partner and known[1] == (widths, labels)
        made = self._made[False].get(partner.key)
        return made is not None and made.partner is partner and made.shape == (widths, labels)

    def height(self, partner: Partner, labels: Labels, widths: tuple[int, ...]) -> int:
        """How many lines the partner's whole-text row is high."""
        shape = (widths, labels)
        known = self._heights.get(partner.key)
        if known is not None and known[0] is partner and known[1] == shape:
            return known[2]
        height = max(
            len(whole_lines(partner, column, labels, width))
            for column, width in zip(COLUMNS, widths, strict=True)
        )
        self._heights[partner.key] = (partner, shape, height)
        return height

    def cells(self, partner: Partner, labels: Labels, whole: bool, widths: tuple[int, ...]) -> RowCells:
        shape = (widths, labels)
        made = self._made[whole].get(partner.key)
        if made is not None and made.partner is partner and made.shape == shape:
            return made
        cells: list[GridCell]
        if whole:
            lines = [
                whole_lines(partner, column, labels, width)
                for column, width in zip(COLUMNS, widths, strict=True)
            ]
            height = max(map(len, lines))
            self._heights[partner.key] = (partner, shape, height)
            cells = [
                whole_cell(partner, column, labels, wrapped, height)
                for column, wrapped in zip(COLUMNS, lines, strict=True)
            ]
            for cell, width in zip(cells, widths, strict=True):
                if isinstance(cell, CellText):
                    cell.column_width = width
        else:
            cells = [
                LazyCell(partner, column, labels, width)
                for column, width in zip(COLUMNS, widths, strict=True)
            ]
            height = 1
        made = RowCells(partner, shape, cells, height)
        self._made[whole][partner.key] = made
        return made
