"""One merge conflict on screen: where it is, both texts, and a key for each way to resolve it.

The editor walks through the conflicts with it, one at a time
(``screens/editor_follow.py``). It answers "mine", "theirs", "both",
"edit" (keep both and open the cell editor on them) or None (later).
Texts are the users': shown literally (``harmless`` in ``rich.text.Text``).
Of a huge text (a cell of 100 KB) a page shows, as on the card, and how
much more there is: drawing 20,000 lines took the dialog 1.6 s.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from pvm_tui.cell_head import head, more_kb
from pvm_tui.merge.found import Conflict
from pvm_tui.merge.words import MergeWords
from pvm_tui.screens.choice import answer_in_key_order
from pvm_tui.text import harmless

ANSWERS = {"m": "mine", "t": "theirs", "b": "both", "e": "edit", "escape": None}


class ConflictDialog(ModalScreen[str | None]):
    """Conflict ``number`` of ``total``: mine and theirs, and the keys m, t, b, e, Esc."""

    def __init__(self, conflict: Conflict, where: str, number: int, total: int, words: MergeWords) -> None:
        super().__init__(classes="dialog", id="conflict-dialog")
        self.conflict = conflict
        self.where = where
        self.number = number
        self.total = total
        self.words = words
        answer_in_key_order(self, ANSWERS.items())

    def compose(self) -> ComposeResult:
        words, sides = self.words, self.conflict.sides
        with Vertical(classes="dialog-box"):
            title = words.conflict_title.format(number=self.number, total=self.total)
            yield Static(Text(title, style="bold"), classes="dialog-title")
            yield Static(Text(harmless(self.where)), classes="dialog-question")
            with VerticalScroll(classes="conflict-texts"):
                for label, text, removed in (
                    (words.conflict_mine, sides.ours, sides.ours_removed),
                    (words.conflict_theirs, sides.theirs, sides.theirs_removed),
                ):
                    yield Static(Text(label, style="bold underline"), classes="conflict-label")
                    yield Static(_shown(text, removed, words), classes="conflict-text")
            for line in (
                words.choose_mine,
                words.choose_theirs,
                words.choose_both,
                words.choose_edit,
                words.choose_later,
            ):
                shown, _, rest = line.partition("  ")
                yield Static(
                    Text.assemble((f" {shown} ", "bold reverse"), " ", rest), classes="dialog-choice"
                )

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)

    def on_key(self, event: events.Key) -> None:
        # Any other key does nothing here.
        event.stop()
        event.prevent_default()


def _shown(text: str, removed: bool, words: MergeWords) -> Text:
    """One side's text: literally, and of a huge one its start and how much more there is."""
    if removed:
        return Text(words.conflict_removed, style="italic")
    start = head(text)
    shown = Text(harmless(start))
    if start != text:
        shown.append("\n" + words.conflict_more.format(size=more_kb(text, len(start))), style="dim italic")
    return shown
