"""Textual's insides that pvm relies on (``pvm_tui/textual_internals.py``) still behave as pvm expects.

An upgrade of Textual fails here first, by name, before it can fail a user.
"""

from __future__ import annotations

from importlib.metadata import version

from textual._xterm_parser import XTermParser

from pvm_tui import textual_internals


def test_textual_is_the_version_the_internals_were_checked_against() -> None:
    assert version("textual") == textual_internals.TEXTUAL_VERSION, (
        "Textual changed: re-check every use in pvm_tui/textual_internals.py, then update TEXTUAL_VERSION"
    )


def test_the_parser_says_when_it_holds_a_sequence_and_can_forget_it() -> None:
    parser = XTermParser()
    assert not textual_internals.in_sequence(parser)
    assert list(parser.feed("\x1bq")) == []  # no key yet: Textual waits for more
    assert textual_internals.in_sequence(parser)
    textual_internals.forget_sequence(parser)
    assert not textual_internals.in_sequence(parser)
    keys = [message.key for message in parser.feed("x")]  # type: ignore[attr-defined]
    assert keys == ["x"], "the forgotten ESC q is not typed"


def test_the_linux_driver_still_has_the_input_loop_pvm_replaces() -> None:
    driver = textual_internals.LinuxDriver
    assert callable(driver.run_input_thread)
    assert "exit_event" in driver.__init__.__code__.co_names or hasattr(driver, "exit_event")
