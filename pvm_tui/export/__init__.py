"""Exports of a matrix to other formats, one small module per format.

Each module ``pvm_tui.export.<format>`` has ``export(matrix, labels, **options)
-> str``: a pure function, no files and no terminal (only html takes options,
``paper`` and ``balance``, and svg ``theme``). `pvm export` looks a format up
here by its name, so a new format is a new module and a line in FORMATS.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

Exporter = Callable[..., str]

FORMATS: dict[str, str] = {
    "md": "Markdown: a table to paste into a wiki, the company above it",
    "csv": "CSV for spreadsheets: a header row, then one row per partner",
    "json": "JSON: the whole matrix with stable English keys, for scripts",
    "html": "HTML: a poster laid out like the template, to print (--paper)",
    "svg": "SVG: a picture of the grid as `pvm show` draws it, for slides (--theme)",
}


def exporter(name: str) -> Exporter:
    """The export function of a format in FORMATS."""
    if name not in FORMATS:
        raise KeyError(name)
    function: Exporter = import_module(f"pvm_tui.export.{name}").export
    return function
