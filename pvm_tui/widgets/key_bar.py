"""The footer: the keys that matter now, and READ-ONLY when nothing can be changed.

Textual's own Footer rebuilds its child widgets whenever the keys change,
which is every time focus moves between the grid and the cell editor, and
each rebuild lays out the whole screen again. This footer is one line of
text: a change of keys only repaints it.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """``key word  key word ...`` for the shown bindings that apply now, palette key on the right."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--badge"}  # noqa: RUF012 (as Textual declares it)

    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        dock: bottom;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyBar > .key-bar--badge {
        background: $warning;
        color: $text;
        text-style: bold;
    }
    """

    def __init__(self, order: Mapping[str, int], **kwargs: object) -> None:
        """``order`` ranks binding ids: the most used keys come first, as the end may not fit."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.order = order
        self.badge = ""
        self._keys: tuple[list[tuple[str, str]], tuple[str, str] | None] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_changed(self, screen: Screen[object]) -> None:
        # Textual announces the bindings again after every focus change,
        # mostly unchanged; a repaint then would cost a frame of its own.
        if self._keys is None:
            self.refresh()  # not drawn yet (and the App may not be ready to say which keys apply)
            return
        keys = self._current_keys()
        if keys != self._keys:
            self.refresh()

    def set_badge(self, word: str) -> None:
        self.badge = word
        self.refresh()

    def _current_keys(self) -> tuple[list[tuple[str, str]], tuple[str, str] | None]:
        """The (key, word) pairs to show, most used first, and the command palette's key and word."""
        palette = None
        shown: dict[str, tuple[str, str, int]] = {}
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if key == self.app.COMMAND_PALETTE_BINDING:
                palette = (self.app.get_key_display(binding), binding.description)
            if not binding.show or not enabled or binding.action in shown:
                continue
            rank = self.order.get(binding.id or "", len(self.order))
            shown[binding.action] = (self.app.get_key_display(binding), binding.description, rank)
        ordered = sorted(shown.values(), key=lambda item: item[2])
        return [(display, description) for display, description, _rank in ordered], palette

    def render(self) -> Text:
        self._keys = keys, palette = self._current_keys()
        key_style = self.get_component_rich_style("key-bar--key")
        text = Text(no_wrap=True, overflow="crop", end="")
        if self.badge:
            text.append(f" {self.badge} ", self.get_component_rich_style("key-bar--badge"))
            text.append(" ")
        # The palette leads to every action, so it keeps its place at the right
        # edge; the keys before it end at the last one that fits whole.
        room = self.size.width - text.cell_len - (_width(*palette) if palette else 0)
        for display, description in keys:
            if _width(display, description) > room:
                break
            _append(text, display, description, key_style)
            room -= _width(display, description)
        if palette:
            text.append(" " * max(room, 0))
            _append(text, *palette, key_style)
        return text


def _width(display: str, description: str) -> int:
    """The cells a key with its word takes on the bar: `` ^s save ``."""
    return cell_len(f" {display} {description} ")


def _append(text: Text, display: str, description: str, key_style: Style) -> None:
    text.append(f" {display}", key_style)
    text.append(f" {description} ")
