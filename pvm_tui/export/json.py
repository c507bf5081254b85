"""JSON export: the model, with stable keys, for other programs.

The shape (keys always present, in this order)::

    {"format": "partnerwaarde-matrix", "version": 1, "language": "nl",
     "company": {"name", "date" (ISO 8601 or null), "industry", "offering",
                 "size", "revenue", "location", "description"},
     "partners": [{"name", "brings": {"resources", "channels", "money", "other"},
                   "gets": {...the same four...},
                   "balance": "balanced" | "brings-only" | "gets-only" | "empty",
                   "status": "current" | "potential" | null,
                   "influence": "high" | "medium" | "low" | null,
                   "agreements": "..."}]}

Keys and the words of status and influence are English whatever the
language; empty cells (and no agreements) are "", an unknown status or
influence is null.

Every text is kept exactly, yet the file is safe to ``cat``: JSON itself
escapes only C0 controls, so DEL, the C1 controls (U+009B is a terminal's
CSI), the bidirectional overrides and isolates, the line and paragraph
separators and lone surrogates are written as ``\\uXXXX`` escapes too;
a JSON reader gives back the very same text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, COMPANY_FIELDS, SIDES, Matrix, Partner
from pvm_tui.store import FORMAT_NAME, FORMAT_VERSION
from pvm_tui.text import C1_AND_BIDI

_ESCAPED_TOO = re.compile(f"[\x7f{C1_AND_BIDI}\ud800-\udfff]")
"""What JSON may hold as it is but a terminal would act on, or a viewer show in another order."""


def _partner(partner: Partner) -> dict[str, Any]:
    data: dict[str, Any] = {"name": partner.name}
    for side in SIDES:
        data[side] = {category: partner.side(side).get(category) for category in CATEGORIES}
    data["balance"] = partner.balance.value
    data["status"] = partner.status.value if partner.status is not None else None
    data["influence"] = partner.influence.value if partner.influence is not None else None
    data["agreements"] = partner.agreements
    return data


def to_data(matrix: Matrix) -> dict[str, Any]:
    """The matrix as plain JSON-ready data."""
    company: dict[str, Any] = {}
    for name in COMPANY_FIELDS:
        value = getattr(matrix.company, name)
        company[name] = value.isoformat() if name == "date" and value is not None else value
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "language": matrix.language,
        "company": company,
        "partners": [_partner(partner) for partner in matrix.partners],
    }


def export(matrix: Matrix, labels: Labels) -> str:
    # The labels do not appear: JSON keys are the same in every language.
    del labels
    text = json.dumps(to_data(matrix), ensure_ascii=False, indent=2) + "\n"
    # Keys and words are ASCII, so these characters can only be inside strings.
    return _ESCAPED_TOO.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
