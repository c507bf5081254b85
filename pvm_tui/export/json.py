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
"""

from __future__ import annotations

import json
from typing import Any

from pvm_tui.labels import Labels
from pvm_tui.model import CATEGORIES, COMPANY_FIELDS, SIDES, Matrix, Partner
from pvm_tui.store import FORMAT_NAME, FORMAT_VERSION


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
    return json.dumps(to_data(matrix), ensure_ascii=False, indent=2) + "\n"
