"""The page around the matrix: the company header above it, the agreements and the summary below."""

from __future__ import annotations

from rich.cells import cell_len

from pvm_tui.labels import Labels
from pvm_tui.model import COMPANY_FIELDS, Matrix
from pvm_tui.page.lines import Line, styled
from pvm_tui.page.parts import labelled
from pvm_tui.text import aligned
from pvm_tui.wrap import wrap

_GAP = 2  # between a field's label and its value


def company_header(matrix: Matrix, labels: Labels, width: int) -> list[Line]:
    """The method and company name, then every filled-in field as label and wrapped value."""
    company = matrix.company
    title = labels.method
    if company.name.strip():
        title += " · " + aligned(company.name)
    lines = styled(wrap(title, width, matrix.language), "bold")
    fields = []
    for name in COMPANY_FIELDS:
        if name == "name":
            continue
        value = getattr(company, name)
        if name == "date":
            value = value.isoformat() if value is not None else ""
        if value.strip():
            fields.append((labels.company[name], aligned(value)))
    if not fields:
        return lines
    label_width = max(cell_len(label) for label, _ in fields)
    for label, value in fields:
        lines += labelled(
            label, value, indent=0, label_width=label_width, width=width, language=matrix.language, gap=_GAP
        )
    return lines


def summary(matrix: Matrix, labels: Labels, width: int) -> list[Line]:
    """How many partners are mutual, one-sided, empty."""
    counts = matrix.balance_summary
    return styled(
        wrap(labels.balance_summary(counts.balanced, counts.one_sided, counts.empty), width, labels.code)
    )


def agreements_list(matrix: Matrix, labels: Labels, width: int) -> list[Line]:
    """Below the grid, which has no column for them: each partner's agreements, under its name.

    Nothing when no partner has agreements (the cards show them in place).
    """
    lines: list[Line] = []
    for partner in matrix.partners:
        if partner.agreements.strip():
            lines += styled(wrap(aligned(labels.partner_name(partner.name)), width, matrix.language), "bold")
            texts = wrap(aligned(partner.agreements), max(1, width - _GAP), matrix.language)
            lines += [[(" " * _GAP, ""), (text, "")] for text in texts]
    if not lines:
        return []
    return [[(labels.facts["agreements"], "bold underline")], *lines]
