"""Markdown export: the company header as a list, then the matrix as one table.

Markdown tables have no grouped headings, so every column is headed with its
side and category ("wat brengen ze? · middelen"). The partner's cell holds
its name, balance marker and (when known) status and influence; a last
column "afspraken" appears when any partner has agreements. Cell text is data: HTML is
escaped, Markdown's own marks are backslash-escaped, pipes cannot end a cell
and a newline becomes ``<br>``, so a cell always stays one table cell.
"""

from __future__ import annotations

import re

from pvm_tui import balance_marks
from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, COMPANY_FIELDS, Matrix, Partner
from pvm_tui.text import harmless

# Characters that Markdown (CommonMark and GitHub's tables) reads as markup.
_MARKUP = re.compile(r"([\\`*_\[\]|~])")
# An ampersand that would start an entity such as &amp; or &#60;; a lone "&" is literal already.
_ENTITY_START = re.compile(r"&(?=#?\w+;)")


def inline(text: str) -> str:
    """``text`` as literal Markdown inline text that fits in one table cell."""
    lines = []
    for line in harmless(text.replace("\r\n", "\n")).split("\n"):
        line = _ENTITY_START.sub("&amp;", line).replace("<", "&lt;").replace(">", "&gt;")
        lines.append(_MARKUP.sub(r"\\\1", line).replace("\t", " "))
    return "<br>".join(lines).strip()


def _partner_cell(partner: Partner, labels: Labels) -> str:
    name = inline(partner.name) if partner.name.strip() else inline(labels.unnamed_partner)
    cell = f"{name}<br>*{inline(balance_marks.words(partner.balance, labels))}*"
    facts = labels.partner_facts(partner.status, partner.influence)
    return f"{cell}<br>{inline(facts)}" if facts else cell


def export(matrix: Matrix, labels: Labels) -> str:
    company = matrix.company
    title = labels.method + (f": {company.name}" if company.name.strip() else "")
    out = [f"# {inline(title)}", ""]
    fields = []
    for name in COMPANY_FIELDS[1:]:
        value = getattr(company, name)
        if name == "date":
            value = value.isoformat() if value is not None else ""
        if value.strip():
            fields.append(f"- **{inline(labels.company[name])}:** {inline(value)}")
    if fields:
        out += [*fields, ""]
    # An agreements column only when some partner has agreements: most matrices have none.
    agreements = any(partner.agreements.strip() for partner in matrix.partners)
    headings = [labels.column_title(column) for column in COLUMNS]
    headings += [labels.facts["agreements"]] if agreements else []
    out.append("| " + " | ".join(inline(heading) for heading in headings) + " |")
    out.append("|" + " --- |" * len(headings))
    for partner in matrix.partners:
        cells = [_partner_cell(partner, labels)] + [inline(partner.cell(column)) for column in COLUMNS[1:]]
        cells += [inline(partner.agreements)] if agreements else []
        out.append("| " + " | ".join(cells) + " |")
    counts = matrix.balance_summary
    out += ["", inline(labels.balance_summary(counts.balanced, counts.one_sided, counts.empty))]
    return "\n".join(out) + "\n"
