"""The README's editor section cannot drift from the bindings: its keys table is made from them."""

from __future__ import annotations

import re
from pathlib import Path

from textual.binding import BindingsMap

from pvm_tui.keys import KEYS, key_display, markdown_table
from pvm_tui.screens.editor import EditorScreen

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _keys_table() -> str:
    found = re.search(r"<!-- keys:start -->\n(.*?)\n<!-- keys:end -->", README, re.S)
    assert found, "the README has no keys table between <!-- keys:start --> and <!-- keys:end -->"
    return found.group(1)


def test_the_readme_keys_table_is_the_one_made_from_the_bindings() -> None:
    assert _keys_table() == markdown_table("en"), "paste pvm_tui.keys.markdown_table('en') into the README"


def test_every_key_of_the_editor_is_in_the_readme_table() -> None:
    written: set[str] = set()
    for row in _keys_table().splitlines()[2:]:
        cell = row.split(" | ")[0].removeprefix("| ")
        for group in cell.split(" / "):
            written.add(group)
            written.update(group.split(" "))
    bound = set(BindingsMap(EditorScreen.BINDINGS).key_to_bindings)
    assert bound == {name for key in KEYS for name in key.key_names}
    for key in bound:
        assert key_display(key) in written, key


def test_the_readme_shows_the_screenshot() -> None:
    assert "![pvm editing the Tinnitracks example](docs/screenshot.svg)" in README
    svg = (ROOT / "docs" / "screenshot.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert "Tinnitracks" in svg and "Sennheiser" in svg


def _commands_table() -> list[str]:
    """The first cells of the README's commands table (the rows that start with `pvm`)."""
    return re.findall(r"^\| `(pvm[^`]*)` \|", README, re.M)


def test_the_readme_commands_table_lists_every_command_and_export_format() -> None:
    from pvm_tui.cli import COMMANDS
    from pvm_tui.export import FORMATS

    rows = _commands_table()
    for command in COMMANDS:
        assert any(row.startswith(f"pvm {command}") for row in rows), command
    export = next(row for row in rows if row.startswith("pvm export"))
    for name in FORMATS:
        assert re.search(rf"\b{name}\b", export), name
