"""Exports of a matrix to other formats, one small module per format.

Each module ``pvm_tui.export.<format>`` has ``export(matrix, labels) -> str``:
a pure function, no files and no terminal. `pvm export` looks a format up
here by its name, so a new format is a new module and a line in FORMATS.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from pvm_tui.labels import Labels
from pvm_tui.model import Matrix

Exporter = Callable[[Matrix, Labels], str]

FORMATS: dict[str, str] = {
    "md": "Markdown: a table to paste into a wiki",
    "csv": "CSV for spreadsheets: one header row, one row per partner",
    "json": "JSON: the model with stable keys",
    "svg": "SVG: a picture of the matrix as `pvm show` draws it, for slides",
}


def exporter(name: str) -> Exporter:
    """The export function of a format in FORMATS."""
    if name not in FORMATS:
        raise KeyError(name)
    function: Exporter = import_module(f"pvm_tui.export.{name}").export
    return function
