"""Textual's insides that pvm relies on (``pvm_tui/textual_internals.py``) still behave as pvm expects.

An upgrade of Textual fails here first, by name, before it can fail a user.
"""

from __future__ import annotations

from importlib.metadata import version

from hypothesis import given, settings
from hypothesis import strategies as st
from textual._wrap import compute_wrap_offsets
from textual._xterm_parser import XTermParser
from textual.document._wrapped_document import WrappedDocument

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


PIECES = ["a", "bcd", " ", "  ", "\u00a0", "\u3000", "👩", "\u200d", "💻", "e", "\u0301", "漢", "\ufe0f", "❤"]
PIECES += ["\x07", "\x7f"]
"""Letters, spaces of several kinds, wide and joined emoji, combining marks, control codes."""


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=300).map("".join),
    st.integers(min_value=1, max_value=60),
    st.integers(min_value=0, max_value=3000),
)
def test_wrap_offsets_break_every_line_where_textual_breaks_it(text: str, width: int, repeat: int) -> None:
    """A long line (the text repeated, or one long word) is wrapped at the same places as by Textual."""
    long = (text or "x") * (1 + textual_internals.LONG_LINE // max(len(text), 1))
    for line in (text, long, "w" * repeat + text, long[:repeat] + "\t" + long[repeat:]):
        assert textual_internals.wrap_offsets(line, width, 4) == compute_wrap_offsets(line, width, 4), (
            repr(line[:60]),
            width,
        )


def test_wrapped_documents_wrap_through_the_name_remember_wraps_replaces() -> None:
    for method in (WrappedDocument.wrap, WrappedDocument.wrap_range):
        assert "compute_wrap_offsets" in method.__code__.co_names, (
            "Textual changed how WrappedDocument wraps a line: see pvm_tui/textual_internals.remember_wraps"
        )
