"""Asking for a file name: to save the example's copy, or to save under another name."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pvm_tui.text import harmless, inline, typed_over
from pvm_tui.ui_text import UiText
from pvm_tui.widgets.local_keys import OrderedInput


def names_a_folder(name: str, path: Path, words: UiText) -> str:
    """What to say when ``name`` names a folder, not a file ("" when it names a file).

    ``Path("reports/")`` is ``reports``: without this, a name typed with a
    slash at the end became a file named like the folder meant.
    """
    if not (name.endswith(("/", os.sep)) or path.is_dir()):
        return ""
    return inline(words.names_a_folder.format(name=name, example=path / "partners.toml"))


class SaveAsScreen(ModalScreen[tuple[Path, bool] | None]):
    """A file name in an Input; answers (path, overwrite) or None when cancelled.

    An existing file is only overwritten after a second Enter on the same name.
    """

    # Priority: in key order, so the key right after Esc goes to the screen below.
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False, priority=True)]

    def __init__(self, words: UiText, suggestion: str) -> None:
        super().__init__(classes="dialog", id="save-as")
        self.words = words
        self.suggestion = suggestion
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Text(self.words.save_as_title, style="bold"), classes="dialog-title")
            yield Static(Text(self.words.save_as_prompt))
            # The file's own name may hold terminal codes: shown as stand-ins, never as codes.
            yield OrderedInput(value=harmless(self.suggestion), id="save-as-name")
            yield Static(Text(""), id="save-as-problem", classes="problem")
            yield Static(Text(self.words.save_as_hint, style="dim"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = typed_over(self.suggestion, event.value).strip()
        if not name:
            return
        path = Path(os.path.expanduser(name))
        problem = self.query_one("#save-as-problem", Static)
        folder_named = names_a_folder(name, path, self.words)
        if folder_named:
            problem.update(Text(folder_named))
            return
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            problem.update(Text(inline(self.words.save_as_no_folder.format(folder=folder))))
            return
        if path.exists() and self._confirmed != path:
            self._confirmed = path
            problem.update(Text(inline(self.words.save_as_exists.format(path=path))))
            return
        self.dismiss((path, path.exists()))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirmed = None
        self.query_one("#save-as-problem", Static).update(Text(""))

    def action_cancel(self) -> None:
        self.dismiss(None)
