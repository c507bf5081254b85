"""CSV export: exactly one header row, then one row per partner; nothing else.

The columns are the partner, one per side and category, and the partner's
status, influence and agreements, headed in the language of the labels
("wat brengen ze? · middelen", "invloed"); status and influence are words
in that language too ("huidig", "veel"), empty when not known. Choices,
so that it opens cleanly in a spreadsheet:

- UTF-8 with a byte order mark: Excel reads UTF-8 without guessing, and
  LibreOffice and Python (``encoding="utf-8-sig"``) skip the mark.
- Comma separated, rows end in CRLF (RFC 4180); a cell with a comma, quote
  or newline is quoted, so multi-line text stays in its cell.
- Formula injection (the common guidance, as OWASP gives it): a cell that
  starts with a tab, carriage return or line feed, or whose first visible
  character is a formula sign (``= + - @`` or their full-width forms
  ``＝ ＋ － ＠``), gets a single quote ``'`` in front, so that a spreadsheet
  shows it as text and never runs it. Spaces of any kind and invisible
  characters (zero-width space, byte order mark, ...) before the sign do
  not hide it: spreadsheets skip them too.
- Control characters other than tab and line breaks (ESC, BEL, ...) mean
  nothing in a spreadsheet, and in a CSV shown with ``cat`` they work on
  the terminal (retitle it, hide text). They are written as the symbols
  pvm shows on screen (``␛``, ``␇``), so the cell reads as in the editor.
"""

from __future__ import annotations

import csv
import io
import unicodedata

from pvm_tui.labels import Labels
from pvm_tui.model import COLUMNS, FACTS, Matrix
from pvm_tui.text import visible_controls

BOM = "\ufeff"
_FORMULA_SIGNS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_LINE_STARTS = ("\t", "\r", "\n")


def _hidden(char: str) -> bool:
    """A character that shows as nothing, or as blank space, before a cell's first visible one."""
    return char.isspace() or unicodedata.category(char) == "Cf"


def neutralise(value: str) -> str:
    """``value`` made safe from spreadsheet formula injection."""
    if value.startswith(_LINE_STARTS):
        return "'" + value
    for char in value:
        if not _hidden(char):
            return "'" + value if char in _FORMULA_SIGNS else value
    return value


def cell(value: str) -> str:
    """What a cell's text becomes in the CSV: control characters visible, formulas neutralised."""
    return neutralise(visible_controls(value))


def export(matrix: Matrix, labels: Labels) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    headings = [labels.column_title(column) for column in COLUMNS] + [labels.facts[fact] for fact in FACTS]
    writer.writerow([cell(heading) for heading in headings])
    for partner in matrix.partners:
        texts = [partner.cell(column) for column in COLUMNS]
        texts += [
            labels.statuses[partner.status] if partner.status is not None else "",
            labels.influences[partner.influence] if partner.influence is not None else "",
            partner.agreements,
        ]
        writer.writerow([cell(text) for text in texts])
    return BOM + buffer.getvalue()
