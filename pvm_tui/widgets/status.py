"""The title line (company, file, unsaved marker) and the status line (messages and counts)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.timer import Timer
from textual.widget import Widget

from pvm_tui.text import inline, one_line, shorten


class TitleBar(Widget):
    """Method, company and file name, and a marker for unsaved changes."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.parts: tuple[str, str, str, str] = ("", "", "", "")

    def set(self, method: str, company: str, file: str, marker: str) -> None:
        """``marker`` is empty, or a short word like '● unsaved' or 'READ-ONLY'."""
        if (method, company, file, marker) != self.parts:
            self.parts = (method, company, file, marker)
            self.refresh()

    def render(self) -> Text:
        method, company, file, marker = self.parts
        width = max(self.size.width, 1)
        # In a window narrower than the marker, it is cut with an ellipsis: cropped at the edge,
        # "● niet opgeslagen" read "● niet" ("not").
        shown = shorten(marker, width - 4)
        badge = Text.assemble("  ", (f" {shown} ", "bold reverse")) if marker else Text("")
        text = self._names(method, company, file, width, marker)
        if marker and text.cell_len + badge.cell_len > width:
            # The method's name says least (it is on every screen of pvm): it gives way before
            # the file's, which at 80 columns lost its last letters ("koffie.tom…").
            text = self._names("", company, file, width, marker)
        if not marker:
            return text
        # The marker is what matters most here: the rest gives way to it.
        room = width - badge.cell_len
        if text.cell_len > room:
            if room < 2:
                text = Text(no_wrap=True, end="")  # not even "…" fits beside the marker
            else:
                text.truncate(room, overflow="ellipsis")
        text.append_text(badge)
        return text

    @staticmethod
    def _names(method: str, company: str, file: str, width: int, marker: str) -> Text:
        """The method's, company's and file's names, each kept to its share of the line."""
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        if method:
            text.append(f" {method}", "bold")
            if company:
                text.append("  ")
        else:
            text.append(" ")
        if company:
            text.append(shorten(one_line(company), max(width // 3, 8)), "bold")
        text.append("  " if method or company else "")
        # inline: a line break in a file's name must not push the rest off this one-line bar.
        text.append(shorten(inline(file), max(width // 2, 8)), "dim" if not marker else "")
        return text


MESSAGE_SECONDS = 6.0
"""How long a message stays (an error stays until the next action)."""


class StatusLine(Widget):
    """A message on the left (saved, errors, filter) and the partner counts on the right.

    A message goes after ``MESSAGE_SECONDS`` or at the next action
    (``clear``), so it never describes an older action than the last one.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.message = ""
        self.error = False
        self.counts = ""
        self.mode = ""
        self.choices: tuple[str, ...] = ()
        self._timer: Timer | None = None

    def say(self, message: str, *, error: bool = False) -> None:
        self.message = one_line(message)
        self.error = error
        self.choices = ()
        self.refresh()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.message and not error and self.is_mounted:
            self._timer = self.set_timer(MESSAGE_SECONDS, self.clear, name="status message")

    def clear(self) -> None:
        """No message (a question waiting for its answer stays)."""
        if self.message and not self.choices:
            self.say("")

    def ask(self, question: str, choices: tuple[str, ...]) -> None:
        """A question answered with the next key; each choice is "KEY  what it does"."""
        self.say(question)
        self.choices = choices

    def set_mode(self, mode: str) -> None:
        """A word shown first, in reverse, while it holds: EDITING."""
        if mode != self.mode:
            self.mode = mode
            self.refresh()

    def set_counts(self, counts: str) -> None:
        if counts != self.counts:
            self.counts = counts
            self.refresh()

    def render(self) -> Text:
        width = max(self.size.width, 1)
        badge = f" {self.mode} " if self.mode else ""
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append(badge, "bold reverse")
        if self.choices:
            return self._question(text, width)
        # The message says what the last key did, and goes in seconds; the counts are there
        # all the time. So the message is shown whole when the line can hold it, and the
        # counts give way to it (at 80 columns they left an undo's message three words).
        room = max(width - cell_len(badge) - 1, 0)
        message = shorten(self.message, room)
        text.append(f" {message}" if room else "", "bold red" if self.error else "")
        counts = f"{self.counts} "
        gap = width - text.cell_len - cell_len(counts)
        if gap >= 2 or (gap >= 0 and not message):
            text.append(" " * gap)
            text.append(counts, "dim")
        elif not message:
            # A window too narrow for the counts: cut them where it shows, not at the edge.
            text.append(shorten(self.counts, width - text.cell_len - 1), "dim")
        return text

    def _question(self, text: Text, width: int) -> Text:
        """The question and its keys, in place of the counts (the question matters now)."""
        answers = Text(end="")
        for choice in self.choices:
            key, _, words = choice.partition("  ")
            answers.append("  ")
            answers.append(f" {key} ", "bold reverse")
            answers.append(f" {words}")
        room = max(width - text.cell_len - answers.cell_len - 2, 0)
        text.append(f" {shorten(self.message, room)}" if room else "", "bold")
        text.append_text(answers)
        return text
