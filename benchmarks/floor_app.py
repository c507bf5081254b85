"""The floor for first paint: the smallest Textual app that shows a matrix file.

It reads the file with tomllib and puts every partner in a DataTable with the
same nine columns as pvm, one line per cell. pvm cannot appear faster than
this, so the benchmark reports pvm's time as a ratio of this one's.
"""

from __future__ import annotations

import sys

import tomllib
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

KEYS = ("resources", "channels", "money", "other")


class FloorApp(App[None]):
    def __init__(self, path: str) -> None:
        super().__init__()
        with open(path, "rb") as stream:
            self.data = tomllib.load(stream)

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("partner", *(f"{side} {key}" for side in ("brings", "gets") for key in KEYS))
        for partner in self.data.get("partners", []):
            cells = [partner.get("name", "")]
            for side in ("brings", "gets"):
                values = partner.get(side, {})
                cells += [values.get(key, "").replace("\n", " ")[:30] for key in KEYS]
            table.add_row(*(Text(cell) for cell in cells))


if __name__ == "__main__":
    FloorApp(sys.argv[1]).run()
