"""What ``EscapeParser`` makes of the bytes a terminal sends after ESC (the keys, in order)."""

from __future__ import annotations

import time

import pytest
from textual import constants, events

from pvm_tui.terminal_input import EscapeParser


def read(*chunks: str, pause_after: bool = True) -> list[str]:
    """The keys (and other events, by class name) for ``chunks`` fed one after another."""
    parser = EscapeParser()
    messages = []
    for chunk in chunks:
        messages += list(parser.feed(chunk))
        messages += list(parser.tick())
    if pause_after:  # the silence after the last key: a lone Esc is known by it
        time.sleep(constants.ESCAPE_DELAY + 0.02)
        messages += list(parser.tick())
    return [
        message.key if isinstance(message, events.Key) else type(message).__name__ for message in messages
    ]


@pytest.mark.parametrize(
    ("typed", "keys"),
    [
        ("\x1bn\x1bn", ["escape", "n", "escape", "n"]),
        ("aOne\x1baTwo\x1b", ["a", "O", "n", "e", "escape", "a", "T", "w", "o", "escape"]),
        ("\x1b\r", ["escape", "enter"]),
        ("\x1b\t", ["escape", "tab"]),
        ("\x1bf", ["escape", "f"]),  # not ctrl+right, as Textual reads it
        ("\x1b1", ["escape", "1"]),  # not ¡
        ("\x1b\x1b[B", ["escape", "down"]),
        ("\x1b[B\x1b[A", ["down", "up"]),
        ("\x1bOA", ["up"]),
        ("\x1bOs", ["escape", "O", "s"]),  # keypad 3 only in application mode
        ("\x1b[", ["escape", "left_square_bracket"]),  # Esc and [ with nothing after
        ("\x1bé", ["escape", "é"]),
        ("\x1b[99;99zx", ["x"]),  # a sequence no one knows is dropped whole
        ("\x1b[<0;3;4M", ["MouseDown"]),
        ("\x1b[I", ["AppFocus"]),
    ],
)
def test_what_follows_esc_in_one_read(typed: str, keys: list[str]) -> None:
    assert read(typed) == keys


def test_the_same_bytes_in_separate_reads_give_the_same_keys() -> None:
    assert read("\x1b", "n", "\x1b", "n") == ["escape", "n", "escape", "n"]
    assert read("\x1b", "[", "B") == ["down"]
    assert read("\x1b[2", "00~pasted \x1bn text\x1b[2", "01~n") == ["Paste", "n"]


def test_a_lone_esc_is_sent_once_nothing_follows_it() -> None:
    parser = EscapeParser()
    assert list(parser.feed("\x1b")) == []
    time.sleep(constants.ESCAPE_DELAY + 0.02)
    assert [key.key for key in parser.tick() if isinstance(key, events.Key)] == ["escape"]
    assert [key.key for key in parser.feed("n") if isinstance(key, events.Key)] == ["n"]


def test_a_paste_keeps_its_text() -> None:
    parser = EscapeParser()
    pastes = [m for m in parser.feed("\x1b[200~one\x1bntwo\x1b[201~") if isinstance(m, events.Paste)]
    assert [paste.text for paste in pastes] == ["one\u241bntwo"], "an ESC pasted is shown, never sent"


def test_a_paste_keeps_line_ends_and_tabs_and_shows_every_other_control_character() -> None:
    parser = EscapeParser()
    (paste,) = [
        m for m in parser.feed("\x1b[200~a\rb\tc\x07d\x1b]0;T\x07\x1b[201~") if isinstance(m, events.Paste)
    ]
    assert paste.text == "a\rb\tc\u2407d\u241b]0;T\u2407"
