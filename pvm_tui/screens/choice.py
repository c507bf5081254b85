"""Small dialogs answered with one key: quit with unsaved changes, file changed on disk.

``answer_in_key_order`` is how every one-key dialog takes its answers
(this one, the recovery and the conflict dialogs).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from pvm_tui.text import harmless
from pvm_tui.textual_internals import replace_bindings
from pvm_tui.ui_text import UiText


def answer_in_key_order(screen: Screen[Any], answers: Iterable[tuple[str, object]]) -> None:
    """Each answer's keys (``"s"``, ``"escape"``) run ``screen``'s ``action_answer`` with it.

    As priority bindings, so that the dialog is gone before the next key is
    handled: `Esc` and the key after it often arrive together over SSH, and
    a dialog that answered in ``on_key`` took that next key too, on its way
    out, and dropped it.
    """
    replace_bindings(
        screen,
        [Binding(keys, f"answer({answer!r})", show=False, priority=True) for keys, answer in answers],
    )


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
        answer_in_key_order(self, [(keys, answer) for keys, answer, _line in choices])

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

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)

    def on_key(self, event: events.Key) -> None:
        # Any other key does nothing here.
        event.stop()
        event.prevent_default()


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
