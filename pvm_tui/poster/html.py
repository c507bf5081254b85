"""The poster: a filled matrix as one printable, self-contained HTML page.

Laid out like the method's template: the company header, then the grid
with "wat brengen ze?" / "wat halen ze eruit?" over their four categories,
every cell's full text wrapped. The font is chosen so that the matrix fits
one landscape sheet of the chosen paper (see ``fit.py``); each partner can
carry a balance marker, since the point of the method is that every
partner both brings and gets something. Under a partner's name, in small
type, stand its status and influence and its agreements, when known.
"""

from __future__ import annotations

from pvm_tui import balance_marks
from pvm_tui.hyphenate import soft_hyphenated
from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, COLUMNS, COMPANY_FIELDS, SIDES, Balance, Matrix, Partner
from pvm_tui.poster import fit
from pvm_tui.poster.fit import LAYOUT
from pvm_tui.poster.paper import base_content_mm
from pvm_tui.poster.paper import paper as paper_named
from pvm_tui.poster.parts import category_row, cell_class, colgroup, credit, document, esc, footer, side_row
from pvm_tui.poster.style import stylesheet

LARGEST_PT = 11.0
"""Body text on A4 never grows past this, however few partners there are."""

SMALLEST_PT = 5.5
"""Below this (on A4; on A1 it is 16 pt) text is too small to read on a printed sheet."""

HEADER_FIELDS = tuple(name for name in COMPANY_FIELDS if name not in ("name", "description"))


HYPHENATE_FROM = 0.6
"""Words longer than this share of a line get soft hyphens between their syllables.

The browser then breaks such a word between syllables, with a hyphen, when
it does not fit; shorter words are left whole. The share is well under one
because the width of a line in characters is an estimate (``fit.py``)."""


class _Text:
    """The poster's user text as HTML: escaped, with soft hyphens in words too long for their box."""

    def __init__(self, plan: fit.Plan, language: str) -> None:
        self.language = language
        self.size = plan.font_pt * fit.PT_TO_MM
        self.width, _ = base_content_mm()

    def html(self, text: str, width_mm: float, em: float = 1.0, *, bold: bool = False) -> str:
        size = self.size * em
        chars = fit.chars_per_line(width_mm, size, bold=bold, pad_em=LAYOUT.pad_h / em)
        return esc(soft_hyphenated(text, self.language, longer_than=int(chars * HYPHENATE_FROM)))

    def cell(self, text: str) -> str:
        return self.html(text, LAYOUT.category_width(self.width))

    def name(self, text: str) -> str:
        return self.html(text, LAYOUT.name_width(self.width), bold=True)

    def note(self, text: str) -> str:
        """Small text under a partner's name: its agreements."""
        return self.html(text, LAYOUT.name_width(self.width), LAYOUT.label_em)

    def field(self, text: str) -> str:
        return self.html(text, LAYOUT.header_shares[1] * self.width / 2, LAYOUT.value_em)

    def description(self, text: str) -> str:
        return self.html(text, LAYOUT.header_shares[2] * self.width, LAYOUT.description_em)

    def title(self, text: str) -> str:
        return self.html(text, LAYOUT.header_shares[0] * self.width, LAYOUT.title_em, bold=True)


def render(matrix: Matrix, labels: Labels, *, paper: str = "A3", balance: bool = True) -> str:
    """The poster of ``matrix`` for ``paper`` (A4..A0), with or without balance markers."""
    sheet = paper_named(paper)
    plan = fit.choose(_sheet(matrix, labels, balance), largest=LARGEST_PT, smallest=SMALLEST_PT)
    company = matrix.company
    title = f"{labels.method} – {company.name}" if company.name.strip() else labels.method
    text = _Text(plan, matrix.language)
    body = [
        _header(matrix, labels, text),
        _grid(matrix, labels, balance, text),
        _footer(matrix, labels, balance),
    ]
    return document(lang=matrix.language, title=title, css=stylesheet(sheet, plan), body=body)


def _field_value(matrix: Matrix, name: str) -> str:
    value = getattr(matrix.company, name)
    if value is None:
        return ""
    return value.isoformat() if name == "date" else str(value)


def _header(matrix: Matrix, labels: Labels, text: _Text) -> str:
    company = matrix.company
    fields = "".join(
        f'<div class="field"><span class="label">{esc(labels.company[name])}</span>'
        f'<span class="value">{text.field(_field_value(matrix, name))}</span></div>'
        for name in HEADER_FIELDS
    )
    method = f'<p class="method">{esc(labels.method)}</p>'
    return (
        '<header class="head">'
        f'<div class="title">{method}<h1>{text.title(company.name)}</h1></div>'
        f'<div class="fields">{fields}</div>'
        f'<div class="description"><span class="label">{esc(labels.company["description"])}</span>'
        f'<p class="text">{text.description(company.description)}</p></div>'
        "</header>"
    )


def _grid(matrix: Matrix, labels: Labels, balance: bool, text: _Text) -> str:
    rows = "\n".join(_row(partner, labels, balance, text) for partner in matrix.partners)
    return (
        '<div class="grid-area"><table class="grid">'
        f"{colgroup()}<thead>{side_row(labels)}{category_row(labels)}</thead>"
        f"<tbody>\n{rows}\n</tbody></table></div>"
    )


def _row(partner: Partner, labels: Labels, balance: bool, text: _Text) -> str:
    state = partner.balance
    row_class = "one-sided" if state.is_one_sided else state.value
    marker = f'<span class="balance">{esc(_marker(state, labels))}</span>' if balance else ""
    facts = labels.partner_facts(partner.status, partner.influence)
    marker += f'<span class="facts">{esc(facts)}</span>' if facts else ""
    if partner.agreements.strip():
        marker += (
            f'<span class="agreements"><span class="label">{esc(labels.facts["agreements"])}</span>'
            f"{text.note(partner.agreements)}</span>"
        )
    cells = [f'<th scope="row">{text.name(labels.partner_name(partner.name))}{marker}</th>']
    for side in SIDES:
        # On a one-sided partner, tint the side that is missing: that is what to talk about.
        missing = balance and state.is_one_sided and partner.side(side).is_empty
        for category in CATEGORIES:
            css = cell_class(side, category, *(["missing"] if missing else []))
            cells.append(f'<td class="{css}">{text.cell(partner.side(side).get(category))}</td>')
    return f'<tr class="{row_class}">{"".join(cells)}</tr>'


def _marker(state: Balance, labels: Labels) -> str:
    return balance_marks.words(state, labels)


def _notes(partner: Partner, labels: Labels, balance: bool) -> str:
    """Everything in small type under a partner's name, as the size estimate should wrap it."""
    notes = [_marker(partner.balance, labels)] if balance else []
    notes.append(labels.partner_facts(partner.status, partner.influence))
    if partner.agreements.strip():
        notes += [labels.facts["agreements"], partner.agreements]
    return "\n".join(note for note in notes if note)


def _footer(matrix: Matrix, labels: Labels, balance: bool) -> str:
    summary = matrix.balance_summary
    left = labels.balance_summary(summary.balanced, summary.one_sided, summary.empty) if balance else ""
    return footer(left, credit(labels))


def _sheet(matrix: Matrix, labels: Labels, balance: bool) -> fit.Sheet:
    """What the size estimate needs to know about this poster."""
    company = matrix.company
    rows = [
        fit.Row(
            name=labels.partner_name(partner.name),
            cells=[partner.cell(column) for column in COLUMNS[1:]],
            note=_notes(partner, labels, balance),
        )
        for partner in matrix.partners
    ]
    return fit.Sheet(
        title=company.name,
        fields=[(labels.company[name], _field_value(matrix, name)) for name in HEADER_FIELDS],
        description=(labels.company["description"], company.description),
        side_headings=[labels.sides[side] for side in SIDES],
        category_headings=[labels.partner] + [labels.categories[c] for c in CATEGORIES],
        rows=rows,
        footer=credit(labels),
    )
