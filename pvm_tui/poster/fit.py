"""Choose the poster's font size so that the whole matrix fits on one sheet.

HTML without script cannot shrink text to fit, so the size is chosen here:
the sheet is planned on A4 (every A-size is the same shape, see
``paper.py``), each block's height is estimated by wrapping its text at a
conservative average character width, and the largest font that leaves a
safety margin wins. More partners or longer cells give a smaller font;
a matrix too big for one sheet even at the smallest readable size is
printed over several pages instead (``Plan.fits`` is then false).

The sizes here (column shares, em sizes, paddings) are the same numbers the
stylesheet uses; ``style.py`` reads them from ``Layout`` so the two agree.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from pvm_tui.poster.paper import base_content_mm

PT_TO_MM = 25.4 / 72

CHAR_EM = 0.55
"""Average width of a character (spaces included) in em. Liberation Sans and
Arial average about 0.5; DejaVu Sans, the usual fallback, about 0.55."""

BOLD_CHAR_EM = 0.61

SAFETY = 0.93
"""Plan to fill at most this share of the page height: the estimate is rough."""


@dataclass(frozen=True)
class Layout:
    """The proportions of the sheet, shared by the estimate and the stylesheet."""

    name_share: float = 0.14  # of the grid's width, for the partner column
    header_shares: tuple[float, float, float] = (0.22, 0.36, 0.42)  # title, fields, description
    line: float = 1.22  # line height in em
    pad_v: float = 0.3  # cell padding, em
    pad_h: float = 0.4
    title_em: float = 1.9  # the company's name
    method_em: float = 0.8
    label_em: float = 0.78  # small labels above header values and under partner names
    value_em: float = 0.95
    description_em: float = 0.88
    side_em: float = 1.1  # "wat brengen ze?"
    category_em: float = 0.92
    guidance_em: float = 0.72  # the template's printed guidance
    footer_em: float = 0.68
    gap_em: float = 0.6  # between header, grid and footer
    write_lines: int = 2  # the blank template's room to write a header value
    write_description_lines: int = 5
    write_row_lines: int = 3  # and a partner row

    def category_width(self, width_mm: float) -> float:
        return width_mm * (1 - self.name_share) / 8

    def name_width(self, width_mm: float) -> float:
        return width_mm * self.name_share


LAYOUT = Layout()


@dataclass(frozen=True)
class Plan:
    """The chosen body font size in points on A4, and whether one sheet holds it all."""

    font_pt: float
    fits: bool


@dataclass(frozen=True)
class Row:
    """One grid row as the estimate sees it: the texts of its cells, left to right."""

    name: str
    cells: Sequence[str]
    note: str = ""  # small text under the name: the balance marker
    min_lines: int = 1  # a blank template row keeps room to write in


@dataclass(frozen=True)
class Sheet:
    """Everything on the sheet whose height depends on the font size."""

    title: str
    fields: Sequence[tuple[str, str]]  # (label, value) in two columns
    description: tuple[str, str]  # (label, text)
    side_headings: Sequence[str]
    category_headings: Sequence[str]
    rows: Sequence[Row]
    band: Sequence[str] = ()  # the template's step guidance above the grid: partner, brings, gets
    column_notes: Sequence[str] = ()  # the template's question under each category heading
    footer: str = ""
    field_min_lines: int = 1  # the template leaves room to write each header value
    description_min_lines: int = 1


def lines(text: str, width_mm: float, size_mm: float, *, bold: bool = False, pad_em: float = 0.0) -> int:
    """How many lines ``text`` wraps to in a box ``width_mm`` wide at font size ``size_mm``."""
    if not text.strip():
        return 0
    per_line = chars_per_line(width_mm, size_mm, bold=bold, pad_em=pad_em)
    count = 0
    for paragraph in text.split("\n"):
        wrapped = textwrap.wrap(paragraph, per_line, break_long_words=True, break_on_hyphens=True)
        count += max(1, len(wrapped))
    return count


def chars_per_line(width_mm: float, size_mm: float, *, bold: bool = False, pad_em: float = 0.0) -> int:
    """About how many characters fit on one line of a box ``width_mm`` wide at ``size_mm``."""
    usable = width_mm - 2 * pad_em * size_mm
    return max(1, math.floor(usable / ((BOLD_CHAR_EM if bold else CHAR_EM) * size_mm)))


def sheet_height(sheet: Sheet, font_pt: float, layout: Layout = LAYOUT) -> float:
    """Estimated height in mm of the whole sheet on A4 at ``font_pt``."""
    width, _ = base_content_mm()
    f = font_pt * PT_TO_MM
    return (
        _header_height(sheet, f, width, layout)
        + _grid_height(sheet, f, width, layout)
        + _footer_height(sheet, f, layout)
    )


def choose(sheet: Sheet, *, largest: float, smallest: float, layout: Layout = LAYOUT) -> Plan:
    """The largest font between ``smallest`` and ``largest`` (points, quarter steps) that fits."""
    _, height = base_content_mm()
    budget = height * SAFETY
    size = largest
    while size >= smallest:
        if sheet_height(sheet, size, layout) <= budget:
            return Plan(size, True)
        size -= 0.25
    return Plan(smallest, False)


def _header_height(sheet: Sheet, f: float, width: float, layout: Layout) -> float:
    lh = layout.line
    title_w, fields_w, description_w = (share * width for share in layout.header_shares)
    title = (
        layout.method_em * f * lh
        + lines(sheet.title, title_w, layout.title_em * f, bold=True) * layout.title_em * f * 1.1
    )
    column_w = fields_w / 2
    # Two columns filled row by row: each row is as tall as its taller field.
    pairs = [sheet.fields[i : i + 2] for i in range(0, len(sheet.fields), 2)]
    fields = sum(
        max(_field(value, column_w, f, sheet.field_min_lines, layout) for _, value in pair) for pair in pairs
    )
    _, text = sheet.description
    description_lines = max(
        sheet.description_min_lines,
        lines(text, description_w, layout.description_em * f, pad_em=layout.pad_h),
    )
    description = layout.label_em * f * lh + description_lines * layout.description_em * f * lh
    return max(title, fields, description) + 2 * layout.pad_v * f + layout.gap_em * f


def _field(value: str, width: float, f: float, min_lines: int, layout: Layout) -> float:
    size = layout.value_em * f
    count = max(min_lines, lines(value, width, size, pad_em=layout.pad_h))
    return layout.label_em * f * layout.line + count * size * layout.line + layout.pad_v * f


def _grid_height(sheet: Sheet, f: float, width: float, layout: Layout) -> float:
    lh, pad = layout.line, 2 * layout.pad_v * f
    name_w, category_w = layout.name_width(width), layout.category_width(width)
    height = 0.0
    if sheet.band:
        widths = (name_w, 4 * category_w, 4 * category_w)
        band_lines = max(
            lines(text, w, layout.guidance_em * f, pad_em=layout.pad_h)
            for text, w in zip(sheet.band, widths, strict=True)
        )
        height += band_lines * layout.guidance_em * f * lh + pad
    height += layout.side_em * f * lh + pad
    heading_lines = max(
        lines(text, category_w, layout.category_em * f, bold=True, pad_em=layout.pad_h)
        for text in sheet.category_headings
    )
    note_lines = max(
        (lines(text, category_w, layout.guidance_em * f, pad_em=layout.pad_h) for text in sheet.column_notes),
        default=0,
    )
    height += heading_lines * layout.category_em * f * lh + note_lines * layout.guidance_em * f * lh + pad
    for row in sheet.rows:
        name = lines(row.name, name_w, f, bold=True, pad_em=layout.pad_h) * f * lh
        note_size = layout.label_em * f
        name += lines(row.note, name_w, note_size, pad_em=layout.pad_h / layout.label_em) * note_size * lh
        cells = max((lines(text, category_w, f, pad_em=layout.pad_h) for text in row.cells), default=0)
        height += max(name, cells * f * lh, row.min_lines * f * lh) + pad
    return height + layout.gap_em * f


def _footer_height(sheet: Sheet, f: float, layout: Layout) -> float:
    width, _ = base_content_mm()
    return lines(sheet.footer, width, layout.footer_em * f) * layout.footer_em * f * layout.line
