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
from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, COLUMNS, COMPANY_FIELDS, SIDES, Balance, Matrix, Partner
from pvm_tui.poster import fit
from pvm_tui.poster.paper import paper as paper_named
from pvm_tui.poster.parts import category_row, cell_class, colgroup, credit, document, esc, footer, side_row
from pvm_tui.poster.style import stylesheet

LARGEST_PT = 11.0
"""Body text on A4 never grows past this, however few partners there are."""

SMALLEST_PT = 5.5
"""Below this (on A4; on A1 it is 16 pt) text is too small to read on a printed sheet."""

HEADER_FIELDS = tuple(name for name in COMPANY_FIELDS if name not in ("name", "description"))


def render(matrix: Matrix, labels: Labels, *, paper: str = "A3", balance: bool = True) -> str:
    """The poster of ``matrix`` for ``paper`` (A4..A0), with or without balance markers."""
    sheet = paper_named(paper)
    plan = fit.choose(_sheet(matrix, labels, balance), largest=LARGEST_PT, smallest=SMALLEST_PT)
    company = matrix.company
    title = f"{labels.method} – {company.name}" if company.name.strip() else labels.method
    body = [_header(matrix, labels), _grid(matrix, labels, balance), _footer(matrix, labels, balance)]
    return document(lang=matrix.language, title=title, css=stylesheet(sheet, plan), body=body)


def _field_value(matrix: Matrix, name: str) -> str:
    value = getattr(matrix.company, name)
    if value is None:
        return ""
    return value.isoformat() if name == "date" else str(value)


def _header(matrix: Matrix, labels: Labels) -> str:
    company = matrix.company
    fields = "".join(
        f'<div class="field"><span class="label">{esc(labels.company[name])}</span>'
        f'<span class="value">{esc(_field_value(matrix, name))}</span></div>'
        for name in HEADER_FIELDS
    )
    return (
        '<header class="head">'
        f'<div class="title"><p class="method">{esc(labels.method)}</p><h1>{esc(company.name)}</h1></div>'
        f'<div class="fields">{fields}</div>'
        f'<div class="description"><span class="label">{esc(labels.company["description"])}</span>'
        f'<p class="text">{esc(company.description)}</p></div>'
        "</header>"
    )


def _grid(matrix: Matrix, labels: Labels, balance: bool) -> str:
    rows = "\n".join(_row(partner, labels, balance) for partner in matrix.partners)
    return (
        '<div class="grid-area"><table class="grid">'
        f"{colgroup()}<thead>{side_row(labels)}{category_row(labels)}</thead>"
        f"<tbody>\n{rows}\n</tbody></table></div>"
    )


def _row(partner: Partner, labels: Labels, balance: bool) -> str:
    state = partner.balance
    row_class = "one-sided" if state.is_one_sided else state.value
    marker = f'<span class="balance">{esc(_marker(state, labels))}</span>' if balance else ""
    facts = labels.partner_facts(partner.status, partner.influence)
    marker += f'<span class="facts">{esc(facts)}</span>' if facts else ""
    if partner.agreements.strip():
        marker += (
            f'<span class="agreements"><span class="label">{esc(labels.facts["agreements"])}</span>'
            f"{esc(partner.agreements)}</span>"
        )
    cells = [f'<th scope="row">{esc(labels.partner_name(partner.name))}{marker}</th>']
    for side in SIDES:
        # On a one-sided partner, tint the side that is missing: that is what to talk about.
        missing = balance and state.is_one_sided and partner.side(side).is_empty
        for category in CATEGORIES:
            css = cell_class(side, category, *(["missing"] if missing else []))
            cells.append(f'<td class="{css}">{esc(partner.side(side).get(category))}</td>')
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
