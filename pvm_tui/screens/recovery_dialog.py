"""The dialog that offers a recovery copy back: what it holds that the file does not, and r / k / x.

The differences come from ``pvm_tui.diff.compare``; per changed cell the
dialog shows the partner, the side and category, the text in the file and
the recovered text in full, because that is what a person has to judge.
Of a huge text (a cell of 100 KB) it shows a page, as the card does, and
how much more there is: drawing 20,000 lines made the dialog take 4 s to
appear, and scrolling through them is no way to judge them.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from pvm_tui.cell_head import head, more_kb
from pvm_tui.diff.compare import PartnerChange, compare
from pvm_tui.diff.words import words_for
from pvm_tui.labels import Labels, labels_for
from pvm_tui.model import COLUMNS, Matrix
from pvm_tui.recovery_store import Recovery
from pvm_tui.screens.choice import answer_in_key_order
from pvm_tui.text import harmless, inline, one_line, shorten
from pvm_tui.ui_text import UiText

ANSWERS = {"r": "restore", "k": "keep", "escape": "keep", "x": "delete"}

_LABEL = "cyan"
_OLD = "dim"
_NEW = "bold green"
_MORE = "dim italic"


def when(copy: Recovery) -> str:
    """When a copy was written, as the dialog and the status line say it."""
    return copy.written.astimezone().strftime("%Y-%m-%d %H:%M")


class RecoveryDialog(ModalScreen[str]):
    """Offers one recovery copy; answers "restore", "keep" or "delete"."""

    def __init__(self, copy: Recovery, current: Matrix, labels: Labels, words: UiText) -> None:
        # No id: a second copy's dialog may come while the first is still being removed.
        super().__init__(classes="dialog recovery-dialog")
        self.copy = copy
        self.current = current
        self.labels = labels
        self.words = words
        # Only the answers are taken here; the arrows and page keys scroll the changes.
        answer_in_key_order(self, ANSWERS.items())

    def compose(self) -> ComposeResult:
        words, copy = self.words, self.copy
        with Vertical(classes="dialog-box", id="recovery-box"):
            yield Static(Text(words.recovery_title, style="bold"), classes="dialog-title")
            intro = words.recovery_intro.format(name=inline(copy.file.name), when=when(copy))
            yield Static(Text(intro))
            warnings = []
            if not copy.newer_than_file():
                warnings.append(words.recovery_older)
            if copy.maybe_running():
                warnings.append(words.recovery_running.format(pid=copy.pid))
            if warnings:
                yield Static(Text("\n".join(warnings), style="bold"), classes="problem")
            with VerticalScroll(id="recovery-changes"):
                yield Static(changes_text(self.current, copy.matrix, self.labels, words), markup=False)
            for line in (words.recovery_restore, words.recovery_keep, words.recovery_delete):
                shown, _, explained = line.partition("  ")
                yield Static(
                    Text.assemble((f" {shown} ", "bold reverse"), " ", explained), classes="recovery-choice"
                )

    def on_mount(self) -> None:
        self.query_one("#recovery-changes").focus()

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)


def changes_text(current: Matrix, recovered: Matrix, labels: Labels, words: UiText) -> Text:
    """What ``recovered`` holds that ``current`` does not, as lines of Rich text (never markup)."""
    diff = compare(current, recovered)
    said = words_for(labels.code)
    text = Text()
    if diff.language is not None:
        old, new = (labels_for(code).language_name for code in diff.language)
        text.append(said.language.format(old=old, new=new) + "\n", style="bold")
    if diff.company:
        text.append(said.company + "\n", style="bold")
        for change in diff.company:
            _texts(text, labels.company[change.field], change.old, change.new, words)
    for partner in diff.partners:
        _partner(text, partner, labels, words)
    text.rstrip()
    return text


def _partner(text: Text, change: PartnerChange, labels: Labels, words: UiText) -> None:
    said = words_for(labels.code)
    shown = change.new if change.new is not None else change.old
    assert shown is not None
    name = " ".join(harmless(labels.partner_name(shown.name)).split())
    if change.kind == "added":
        assert change.new_row is not None
        status, symbol = said.added.format(row=change.new_row + 1), "+"
    elif change.kind == "removed":
        assert change.old_row is not None
        status, symbol = said.removed.format(row=change.old_row + 1), "-"
    elif change.moved:
        assert change.old_row is not None and change.new_row is not None
        status, symbol = said.moved.format(old=change.old_row + 1, new=change.new_row + 1), "~"
    else:
        assert change.new_row is not None
        status, symbol = said.row.format(row=change.new_row + 1), "~"
    text.append(f"{symbol} {said.partner} “{name}” · {status}\n", style="bold")
    if change.kind == "removed":
        return
    old, new = change.old, change.new
    assert new is not None
    if old is None:
        for column in COLUMNS[1:]:
            if new.cell(column).strip():
                _texts(text, labels.column_title(column), None, new.cell(column), words)
        return
    if change.renamed:
        _texts(text, said.renamed, old.name, new.name, words)
    for cell in change.cells:
        _texts(text, labels.column_title(cell.column), cell.old, cell.new, words)


def _texts(text: Text, label: str, old: str | None, new: str, words: UiText) -> None:
    """``label``, then the text in the file on one line and the recovered text in full."""
    width = max(len(words.recovery_in_file), len(words.recovery_recovered))
    text.append(f"    {label}\n", style=_LABEL)
    if old is not None:
        text.append(f"      {words.recovery_in_file:<{width}}  ", style=_OLD)
        text.append(shorten(one_line(old), 48) or words.empty_cell_read_only, style=_OLD)
        text.append("\n")
    text.append(f"      {words.recovery_recovered:<{width}}  ", style=_NEW)
    shown = head(new)
    lines = harmless(shown).split("\n") if new else [words.empty_cell_read_only]
    text.append(lines[0] + "\n", style=_NEW)
    for line in lines[1:]:
        text.append(" " * (8 + width) + line + "\n", style=_NEW)
    if shown != new:
        more = words.recovery_more.format(size=more_kb(new, len(shown)))
        text.append(" " * (8 + width) + more + "\n", style=_MORE)
