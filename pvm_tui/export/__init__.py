"""Exports of a matrix to other formats, one small module per format.

Each module ``pvm_tui.export.<format>`` has ``export(matrix, labels, **options)
-> str``: a pure function, no files and no terminal (only html takes options:
``paper`` and ``balance``). `pvm export` looks a format up
here by its name, so a new format is a new module and a line in FORMATS.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

Exporter = Callable[..., str]

FORMATS: dict[str, str] = {
    "md": "Markdown: a table to paste into a wiki",
    "csv": "CSV for spreadsheets: one header row, one row per partner",
    "json": "JSON: the model with stable keys",
    "html": "HTML: a printable poster laid out like the template",
    "svg": "SVG: a picture of the matrix as `pvm show` draws it, for slides",
}


def exporter(name: str) -> Exporter:
    """The export function of a format in FORMATS."""
    if name not in FORMATS:
        raise KeyError(name)
    function: Exporter = import_module(f"pvm_tui.export.{name}").export
    return function
