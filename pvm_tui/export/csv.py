"""CSV export: exactly one header row, then one row per partner; nothing else.

The columns are the partner, one per side and category, and the partner's
status, influence and agreements, headed in the language of the labels
("wat brengen ze? · middelen", "invloed"); status and influence are words
in that language too ("huidig", "veel"), empty when not known. Choices, so that it
opens cleanly in a spreadsheet:

- UTF-8 with a byte order mark: Excel reads UTF-8 without guessing, and
  LibreOffice and Python (``encoding="utf-8-sig"``) skip the mark.
- Comma separated, rows end in CRLF (RFC 4180); a cell with a comma, quote
  or newline is quoted, so multi-line text stays in its cell.
- A cell that starts with ``= + - @``, a tab or a carriage return gets a
  single quote ``'`` in front, so that a spreadsheet shows it as text and
  never runs it as a formula (CSV formula injection).
"""

from __future__ import annotations

import csv
import io

from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, FACTS, Matrix

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """``value`` made safe from spreadsheet formula injection."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def export(matrix: Matrix, labels: Labels) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    headings = [labels.column_title(column) for column in COLUMNS] + [labels.facts[fact] for fact in FACTS]
    writer.writerow([neutralise(heading) for heading in headings])
    for partner in matrix.partners:
        cells = [partner.cell(column) for column in COLUMNS]
        cells += [
            labels.statuses[partner.status] if partner.status is not None else "",
            labels.influences[partner.influence] if partner.influence is not None else "",
            partner.agreements,
        ]
        writer.writerow([neutralise(cell) for cell in cells])
    return BOM + buffer.getvalue()
