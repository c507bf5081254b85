"""Paper sizes for the poster, always landscape, and how much to scale for each.

Everything on the sheet is laid out once for A4 and then scaled by the
paper's width: A-sizes share one aspect ratio, so a layout that fits on A4
fits on A0 too, just bigger, and lines break in the same places.
"""

from __future__ import annotations

from dataclasses import dataclass

PAPER_NAMES: tuple[str, ...] = ("A4", "A3", "A2", "A1", "A0")

_LANDSCAPE_MM: dict[str, tuple[float, float]] = {
    "A4": (297, 210),
    "A3": (420, 297),
    "A2": (594, 420),
    "A1": (841, 594),
    "A0": (1189, 841),
}

BASE_WIDTH_MM = 297.0
"""The width the layout is designed for: A4 landscape."""

BASE_MARGIN_MM = 7.0
"""The page margin on A4; most printers cannot print closer to the edge than about 5 mm."""


@dataclass(frozen=True)
class Paper:
    """A landscape sheet: its name, size in millimetres and scale relative to A4."""

    name: str
    width_mm: float
    height_mm: float

    @property
    def scale(self) -> float:
        return self.width_mm / BASE_WIDTH_MM

    @property
    def margin_mm(self) -> float:
        return BASE_MARGIN_MM * self.scale


def paper(name: str) -> Paper:
    """The paper of a name like ``"A3"`` (case does not matter)."""
    key = name.strip().upper()
    if key not in _LANDSCAPE_MM:
        raise ValueError(f"unknown paper size {name!r}; choose one of {', '.join(PAPER_NAMES)}")
    width, height = _LANDSCAPE_MM[key]
    return Paper(key, width, height)


def base_content_mm() -> tuple[float, float]:
    """Width and height of the printable area on A4, where the layout is planned."""
    width, height = _LANDSCAPE_MM["A4"]
    return width - 2 * BASE_MARGIN_MM, height - 2 * BASE_MARGIN_MM
