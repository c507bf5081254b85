"""Small dialogs answered with one key: quit with unsaved changes, file changed on disk."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from pvm_tui.text import harmless
from pvm_tui.ui_text import UiText


class ChoiceDialog(ModalScreen[str | None]):
    """A question and a few answers, each chosen with one key; Esc answers None."""

    def __init__(
        self, title: str, question: str, choices: list[tuple[str, str | None, str]], **kwargs: str
    ) -> None:
        """``choices`` are (key, answer, line shown); an answer of None cancels."""
        super().__init__(classes="dialog", **kwargs)
        self.title_text = title
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield Static(Text(harmless(self.question)), classes="dialog-question")
            for _key, _answer, line in self.choices:
                shown, _, words = line.partition("  ")
                yield Static(
                    Text.assemble((f" {shown} ", "bold reverse"), " ", words),
                    classes="dialog-choice",
                )

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        for keys, answer, _line in self.choices:
            if event.key in keys.split(","):
                self.dismiss(answer)
                return


def quit_dialog(words: UiText) -> ChoiceDialog:
    return ChoiceDialog(
        words.quit_title,
        words.quit_question,
        [
            ("s", "save", words.quit_save),
            ("d", "discard", words.quit_discard),
            ("escape", None, words.quit_cancel),
        ],
        id="quit-dialog",
    )


def changed_dialog(words: UiText, path: str) -> ChoiceDialog:
    return ChoiceDialog(
        words.changed_title,
        words.changed_question.format(path=path),
        [
            ("r", "reload", words.changed_reload),
            ("o", "overwrite", words.changed_overwrite),
            ("a", "save_as", words.changed_save_as),
            ("escape", None, words.changed_cancel),
        ],
        id="changed-dialog",
    )
