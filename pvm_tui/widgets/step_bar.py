"""The step bar: the method's three steps, the current one highlighted, and its guidance."""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from pvm_tui.labels import Labels
from pvm_tui.model import STEPS
from pvm_tui.text import shorten


class StepBar(Widget):
    """``1 Partners · 2 What they bring · 3 What they get`` and a line of guidance."""

    step: reactive[int] = reactive(1)

    def __init__(self, labels: Labels, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.labels = labels

    def set_labels(self, labels: Labels) -> None:
        self.labels = labels
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        # As tall as the longest step's guidance needs, so that changing step needs no new layout.
        return 1 + max(len(self._guidance_lines(width, step)) for step in STEPS)

    def render(self) -> Text:
        width = self.size.width
        text = Text(no_wrap=True, end="")
        for step in STEPS:
            if step > 1:
                text.append("  ·  ", "dim")
            title = f" {step} {self.labels.steps[step]} "
            text.append(title, "bold reverse" if step == self.step else "")
        for line in self._guidance_lines(width, self.step):
            text.append("\n")
            text.append(line, "italic")
        return text

    def _guidance_lines(self, width: int, step: int) -> list[str]:
        """A step's guidance: at most two lines when there is room, one on small screens."""
        guidance = self.labels.step_guidance[step]
        if width <= 1:
            return [""]
        most = 2 if width >= 100 else 1
        lines = textwrap.wrap(guidance, width - 1) or [""]
        if len(lines) > most:
            rest = " ".join(lines[most - 1 :])
            lines = [*lines[: most - 1], shorten(rest, width - 1)]
        return [" " + line for line in lines]
