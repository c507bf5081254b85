"""The company header form: name, date, industry, offering, size, revenue, location, description."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from pvm_tui.labels import Labels
from pvm_tui.model import COMPANY_FIELDS, Company
from pvm_tui.text import harmless, typed_over
from pvm_tui.ui_text import UiText
from pvm_tui.widgets.settle import settle

SINGLE_LINE = tuple(name for name in COMPANY_FIELDS if name != "description")


class ProfileScreen(ModalScreen[Company | None]):
    """Edits a copy of the company; answers the new Company, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", show=False, priority=True),
        # Priority: in key order on the App's queue, so the key right after Esc
        # already goes to the screen below (over SSH they often arrive together).
        Binding("escape", "cancel", show=False, priority=True),
        # In key order on the App's queue, so text typed right after Enter
        # lands in the next field, not in the one being left.
        Binding("enter", "enter", show=False, priority=True),
    ]

    def __init__(self, company: Company, labels: Labels, words: UiText) -> None:
        super().__init__(classes="dialog", id="profile")
        self.company = company
        self.labels = labels
        self.words = words

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box", id="profile-box"):
            yield Static(Text(self.words.profile_title, style="bold"), classes="dialog-title")
            for name in SINGLE_LINE:
                value = getattr(self.company, name)
                shown = value.isoformat() if isinstance(value, dt.date) else harmless(value or "")
                with Horizontal(classes="field"):
                    yield Static(Text(self.labels.company[name]), classes="field-label")
                    yield Input(
                        value=shown,
                        id=f"company-{name}",
                        placeholder="2026-11-28" if name == "date" else "",
                        compact=True,
                    )
            yield Static(Text(self.labels.company["description"]), classes="field-label")
            yield TextArea(
                harmless(self.company.description), id="company-description", soft_wrap=True, compact=True
            )
            yield Static(Text(""), id="profile-problem", classes="problem")
            yield Static(Text(self.words.profile_hint, style="dim"))

    def on_mount(self) -> None:
        self.query_one("#company-name", Input).focus()

    async def action_enter(self) -> None:
        focused = self.focused
        if isinstance(focused, (Input, TextArea)):
            await settle(focused)
        if isinstance(focused, TextArea):
            focused.insert("\n")  # the description has several lines
            return
        self.focus_next()

    def action_keep(self) -> None:
        changes: dict[str, object] = {}
        for name in SINGLE_LINE:
            value = self.query_one(f"#company-{name}", Input).value
            if name == "date":
                if not value.strip():
                    changes[name] = None
                    continue
                try:
                    changes[name] = dt.date.fromisoformat(value.strip())
                except ValueError:
                    self.query_one("#profile-problem", Static).update(
                        Text(self.words.bad_date, style="bold red")
                    )
                    self.query_one("#company-date", Input).focus()
                    return
            else:
                changes[name] = self._kept(name, value)
        changes["description"] = self._kept(
            "description", self.query_one("#company-description", TextArea).text
        )
        self.dismiss(self.company.edit(**changes))

    def _kept(self, name: str, value: str) -> str:
        """The field's new text: control characters shown as stand-ins are themselves again."""
        old = getattr(self.company, name) or ""
        return old if value == harmless(old) else typed_over(old, value)

    def action_cancel(self) -> None:
        self.dismiss(None)
