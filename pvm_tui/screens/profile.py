"""The company header form: name, date, industry, offering, size, revenue, location, description, and
the language of the file.

`Esc` keeps what was typed, as `Esc` does in a cell: one undoable change.
`ctrl+s` keeps it and saves the file, as everywhere else.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from pvm_tui.labels import Labels, language_field
from pvm_tui.model import COMPANY_FIELDS, Company
from pvm_tui.text import harmless, typed_over
from pvm_tui.ui_text import UiText
from pvm_tui.widgets.local_keys import OrderedInput
from pvm_tui.widgets.long_text import OrderedTextArea
from pvm_tui.widgets.settle import settle

SINGLE_LINE = tuple(name for name in COMPANY_FIELDS if name != "description")


class ProfileAnswer(NamedTuple):
    """What the form gives back: the company, the file's language, and whether to save now."""

    company: Company
    language: str
    save: bool


class ProfileScreen(ModalScreen[ProfileAnswer]):
    """Edits a copy of the company and the file's language."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep(True)", show=False, priority=True),
        # Priority: in key order on the App's queue, so the key right after Esc
        # already goes to the screen below (over SSH they often arrive together).
        Binding("escape", "keep(False)", show=False, priority=True),
        # In key order on the App's queue, so text typed right after Enter
        # lands in the next field, not in the one being left.
        Binding("enter", "enter", show=False, priority=True),
    ]

    def __init__(self, company: Company, language: str, labels: Labels, words: UiText) -> None:
        super().__init__(classes="dialog", id="profile")
        self.company = company
        self.language = language
        self.labels = labels
        self.words = words

    def compose(self) -> ComposeResult:
        # The fields scroll; the title, a problem and the keys stay in view at any size.
        with Vertical(classes="dialog-box", id="profile-box"):
            yield Static(Text(self.words.profile_title, style="bold"), classes="dialog-title")
            with VerticalScroll(id="profile-fields"):
                yield from self._fields()
            yield Static(Text(""), id="profile-problem", classes="problem")
            yield Static(Text(self.words.profile_hint, style="dim"), id="profile-hint")

    def _fields(self) -> ComposeResult:
        for name in SINGLE_LINE:
            value = getattr(self.company, name)
            shown = value.isoformat() if isinstance(value, dt.date) else harmless(value or "")
            with Horizontal(classes="field"):
                yield Static(Text(self.labels.company[name]), classes="field-label")
                yield OrderedInput(
                    value=shown,
                    id=f"company-{name}",
                    placeholder="2026-11-28" if name == "date" else "",
                    compact=True,
                    # The cursor at the end, as in a cell: a key typed by mistake adds to the
                    # text rather than replacing it (Esc keeps what the form holds).
                    select_on_focus=False,
                )
        yield Static(Text(self.labels.company["description"]), classes="field-label")
        yield OrderedTextArea(
            harmless(self.company.description), id="company-description", soft_wrap=True, compact=True
        )
        with Horizontal(classes="field"):
            yield Static(Text(self.words.language_field), classes="field-label")
            yield OrderedInput(
                value=self.language,
                id="company-language",
                placeholder="nl / en",
                compact=True,
                select_on_focus=False,
            )

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

    async def action_keep(self, save: bool) -> None:
        """Answer what was typed (and whether to save it now); a field that is not valid says why."""
        if isinstance(self.focused, (Input, TextArea)):
            await settle(self.focused)
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
        language = language_field(self.query_one("#company-language", Input).value)
        if language is None:
            self.query_one("#profile-problem", Static).update(Text(self.words.bad_language, style="bold red"))
            self.query_one("#company-language", Input).focus()
            return
        self.dismiss(ProfileAnswer(self.company.edit(**changes), language, save))

    def _kept(self, name: str, value: str) -> str:
        """The field's new text: control characters shown as stand-ins are themselves again."""
        old = getattr(self.company, name) or ""
        return old if value == harmless(old) else typed_over(old, value)
