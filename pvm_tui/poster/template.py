"""The blank template for a workshop: the matrix with room to write, and the method around it.

The header fields are empty lines under their labels, the grid has N empty
partner rows that share the sheet's height, and the method's three steps are
printed above the grid, over the columns they are about, with each column's
question under its heading. The method's name and copyright are in the
footer, as on InnoValor's own template.
"""

from __future__ import annotations

from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, COLUMNS, COMPANY_FIELDS, SIDES
from pvm_tui.poster import fit
from pvm_tui.poster.paper import paper as paper_named
from pvm_tui.poster.parts import category_row, cell_class, colgroup, credit, document, esc, footer, side_row
from pvm_tui.poster.style import stylesheet

MAX_PARTNERS = 40
"""More empty rows than this leave no room to write on any paper."""

LARGEST_PT = 10.0
SMALLEST_PT = 5.0

HEADER_FIELDS = tuple(name for name in COMPANY_FIELDS if name not in ("name", "description"))


def render_template(labels: Labels, *, partners: int = 6, paper: str = "A3") -> str:
    """The blank template in the language of ``labels`` with ``partners`` empty rows."""
    if not 1 <= partners <= MAX_PARTNERS:
        raise ValueError(f"the number of partner rows must be between 1 and {MAX_PARTNERS}, not {partners}")
    sheet = paper_named(paper)
    plan = fit.choose(_sheet(labels, partners), largest=LARGEST_PT, smallest=SMALLEST_PT)
    body = [_header(labels), _grid(labels, partners), footer(labels.tips[0], credit(labels))]
    return document(lang=labels.code, title=labels.method, css=stylesheet(sheet, plan), body=body)


def _header(labels: Labels) -> str:
    fields = "".join(
        f'<div class="field"><span class="label">{esc(labels.company[name])}</span>'
        '<span class="value"></span></div>'
        for name in HEADER_FIELDS
    )
    return (
        '<header class="head write">'
        f'<div class="title"><h1>{esc(labels.method)}</h1>'
        f'<div class="field"><span class="label">{esc(labels.company["name"])}</span>'
        '<span class="value"></span></div></div>'
        f'<div class="fields">{fields}</div>'
        f'<div class="description"><span class="label">{esc(labels.company["description"])}</span>'
        '<p class="text"></p></div>'
        "</header>"
    )


def _band(labels: Labels) -> str:
    """The three steps of the method, each over the columns it fills in."""
    spans = (1, 4, 4)
    cells = "".join(
        f'<th colspan="{span}"><span class="step">{step} · {esc(labels.steps[step])}</span> '
        f"{esc(labels.step_guidance[step])}</th>"
        for step, span in zip((1, 2, 3), spans, strict=True)
    )
    return f'<tr class="band">{cells}</tr>'


def _grid(labels: Labels, partners: int) -> str:
    questions = {column.key: labels.guidance(column) for column in COLUMNS}
    cells = '<th scope="row"></th>' + "".join(
        f'<td class="{cell_class(side, category)}"></td>' for side in SIDES for category in CATEGORIES
    )
    rows = "\n".join(f'<tr class="blank">{cells}</tr>' for _ in range(partners))
    return (
        '<div class="grid-area"><table class="grid">'
        f"{colgroup()}<thead>{_band(labels)}{side_row(labels)}{category_row(labels, questions)}</thead>"
        f"<tbody>\n{rows}\n</tbody></table></div>"
    )


def _sheet(labels: Labels, partners: int) -> fit.Sheet:
    """What the size estimate needs to know about the template."""
    layout = fit.LAYOUT
    band = [f"{step} · {labels.steps[step]} {labels.step_guidance[step]}" for step in (1, 2, 3)]
    return fit.Sheet(
        title=labels.method,
        fields=[(labels.company[name], "") for name in HEADER_FIELDS],
        description=(labels.company["description"], ""),
        side_headings=[labels.sides[side] for side in SIDES],
        category_headings=[labels.categories[c] for c in CATEGORIES],
        rows=[fit.Row(name="", cells=(), min_lines=layout.write_row_lines)] * partners,
        band=band,
        column_notes=[labels.guidance(column) for column in COLUMNS],
        footer=f"{labels.tips[0]} {credit(labels)}",
        field_min_lines=layout.write_lines,
        description_min_lines=layout.write_description_lines,
    )
