"""The start screen's *Open file…* dialog: a path field that completes file and folder names.

The completion shows greyed after the cursor as you type; `Tab` takes it,
as a shell does (up to where the names that fit part ways). Enter opens
the file; the start screen then reads it.

A file's name can hold anything, terminal codes too, and a name written
into the field went to the terminal as it was (ESC [2J cleared the screen,
an OSC sequence retitled the window or set the clipboard). So the field
holds names as they show (``harmless``: ESC as ␛), and ``real_path`` finds
the entry that shows so when the file is opened.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from pvm_tui.text import harmless, inline
from pvm_tui.ui_text import UiText
from pvm_tui.widgets.local_keys import OrderedInput
from pvm_tui.widgets.settle import settle


def complete_path(value: str) -> str:
    """``value`` completed as far as the names in its folder allow ('~/pla' -> '~/plans/').

    One name that fits: all of it (a folder with a '/'). Several: as far
    as they agree. None, or an unreadable folder: ``value`` as it is.
    Names are compared and completed as they show (``harmless``).
    """
    folder_part, _, start = value.rpartition(os.sep)
    folder = real_path(folder_part + os.sep if folder_part or value.startswith(os.sep) else ".")
    try:
        shown = {harmless(entry.name): entry.name for entry in os.scandir(folder)}
    except OSError:
        return value
    names = sorted(name for name in shown if name.startswith(start))
    names = [name for name in names if not name.startswith(".") or start.startswith(".")]
    if not names:
        return value
    common = _shared_start(names)
    if len(names) == 1 and (folder / shown[common]).is_dir():
        common += os.sep
    head = value[: len(value) - len(start)]
    return head + common if len(common) > len(start) else value


def real_path(shown: str) -> Path:
    """The path on disk that ``shown`` names as the field shows it (``~`` expanded).

    A part that is not on disk as it is written is the one entry of its
    folder whose name shows so (``harmless``: ␛ for ESC); otherwise it stays.
    """
    path = Path(os.path.expanduser(shown))
    real = Path(path.anchor)
    for part in path.parts[1:] if path.anchor else path.parts:
        candidate = real / part
        if not os.path.lexists(candidate):
            try:
                found = [entry.name for entry in os.scandir(real) if harmless(entry.name) == part]
            except OSError:
                found = []
            if len(found) == 1:
                candidate = real / found[0]
        real = candidate
    return real


def _shared_start(names: list[str]) -> str:
    """The characters every name starts with (names, not paths: they may part ways mid-word)."""
    first, last = min(names), max(names)
    length = 0
    while length < len(first) and first[length] == last[length]:
        length += 1
    return first[:length]


class PathSuggester(Suggester):
    """Shows the completion of a path as you type."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        completed = complete_path(value)
        return completed if completed != value else None


class OpenFileScreen(ModalScreen[Path | None]):
    """Asks for the path of a matrix file; answers it, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, priority=True),
        Binding("tab", "complete", show=False, priority=True),
        Binding("enter", "open", show=False, priority=True),
    ]

    def __init__(self, words: UiText) -> None:
        super().__init__(classes="dialog", id="open-file")
        self.words = words

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Text(self.words.open_title, style="bold"), classes="dialog-title")
            yield Static(Text(self.words.open_prompt))
            yield OrderedInput(id="open-path", suggester=PathSuggester())
            yield Static(Text(""), id="open-problem", classes="problem")
            yield Static(Text(self.words.open_hint, style="dim"))

    def on_mount(self) -> None:
        self.query_one("#open-path", Input).focus()

    async def action_complete(self) -> None:
        field = self.query_one("#open-path", Input)
        await settle(field)
        field.value = complete_path(field.value)
        field.cursor_position = len(field.value)

    async def action_open(self) -> None:
        field = self.query_one("#open-path", Input)
        await settle(field)
        typed = field.value.strip()
        if not typed:
            return
        path = real_path(typed)
        if not path.is_file():
            problem = Text(inline(self.words.open_missing.format(path=path)), style="bold red")
            self.query_one("#open-problem", Static).update(problem)
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
