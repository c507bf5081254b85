"""Generated matrices for the scale benchmark: N partners, multi-line text in every cell."""

from __future__ import annotations

from pathlib import Path

CATEGORIES = ("resources", "channels", "money", "other")
WORDS = (
    "kennis",
    "kanalen",
    "investering",
    "koptelefoon",
    "behandeling",
    "verzekeraar",
    "merknaam",
    "innovatie",
    "marge",
    "patiënt",
    "apparaat",
    "abonnement",
    "fonds",
    "advies",
    "verkoop",
    "dienst",
    "product",
    "techniek",
)


def _cell(partner: int, column: int) -> str:
    start = (partner * 7 + column * 3) % len(WORDS)
    first = " ".join(WORDS[(start + i) % len(WORDS)] for i in range(6))
    second = " ".join(WORDS[(start + i * 5) % len(WORDS)] for i in range(5))
    return f"{first} ({partner}/{column})\n{second}"


def matrix_text(partners: int) -> str:
    """The TOML text of a matrix with ``partners`` fully filled-in rows."""
    lines = [
        'format = "partnerwaarde-matrix"',
        "version = 1",
        'language = "nl"',
        "",
        "[company]",
        'name = "Benchmark BV"',
        "",
    ]
    for index in range(partners):
        lines += ["[[partners]]", f'name = "Partner {index:05d}"']
        for side_number, side in enumerate(("brings", "gets")):
            lines.append(f"[partners.{side}]")
            for number, category in enumerate(CATEGORIES):
                text = _cell(index, side_number * 4 + number)
                lines.append(f'{category} = """{text}"""')
        lines.append("")
    return "\n".join(lines) + "\n"


def write_matrix(folder: Path, partners: int) -> Path:
    path = folder / f"matrix-{partners}.toml"
    path.write_text(matrix_text(partners), encoding="utf-8")
    return path
