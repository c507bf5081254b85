"""The editor screen's key bindings, made from ``keys.KEYS`` in the current language.

All are priority bindings: the screen sees each key first and in the order
it arrived, so text typed right after `e` lands in the cell editor.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding, BindingType

from pvm_tui.keys import KEYS
from pvm_tui.ui_text import ui_text


def bindings(language: str, read_only: bool = False) -> list[BindingType]:
    """The editor's bindings with footer words in ``language``.

    All are priority bindings: the screen sees each key first and in order,
    and ``check_action`` lets a binding through only where it applies.
    In read-only mode `e` shows a cell rather than edits it, and says so.
    """
    made: list[BindingType] = []
    for key in KEYS:
        footer = key.footer[language] if key.footer else key.help[language]
        if read_only and key.id == "edit":
            footer = ui_text(language).view
        made.append(
            Binding(
                key.keys,
                key.action,
                footer,
                show=key.footer is not None,
                key_display=key.footer_key,
                priority=True,
                id=key.id,
                tooltip=key.help[language],
            )
        )
    return made


def is_glued_escape(event: events.Key) -> bool:
    """alt+key where the terminal read `Esc` and a key in one go (fast typing over SSH, a paste)."""
    character = event.character or ""
    return event.key.startswith("alt+") and len(character) == 1 and character.isprintable()
