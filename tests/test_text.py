"""Text from files is data on the screen: it cannot steer the terminal, and it fits its cell."""

from __future__ import annotations

import unicodedata

import pyte
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from pvm_tui.text import harmless, inline, one_line, shorten

ESC = "\x1b"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def on_screen(text: str, width: int = 60, height: int = 6) -> pyte.Screen:
    """What a real terminal (the pyte emulator) makes of ``text``."""
    screen = pyte.Screen(width, height)
    pyte.Stream(screen).feed(text)
    return screen


# -- harmless -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f"{ESC}[31mred{ESC}[0m", "␛[31mred␛[0m"),  # colours (CSI)
        (f"{ESC}[2J{ESC}[H", "␛[2J␛[H"),  # clear the screen, cursor home
        (f"{ESC}]0;owned{ESC}\\", "␛]0;owned␛\\"),  # OSC: set the window title
        (f"{ESC}]0;owned\x07", "␛]0;owned␇"),  # the same, ended by BEL
        (
            f"{ESC}]8;;https://evil.example{ESC}\\click{ESC}]8;;{ESC}\\",
            "␛]8;;https://evil.example␛\\click␛]8;;␛\\",
        ),
        (f"{ESC}]52;c;cm0gLXJmIH4K\x07", "␛]52;c;cm0gLXJmIH4K␇"),  # OSC 52: write the clipboard
        ("\x9b31m", "<U+009B>31m"),  # CSI as a single C1 character
        ("\x9d0;title\x9c", "<U+009D>0;title<U+009C>"),  # OSC and ST as C1 characters
        ("\x85", "<U+0085>"),  # next line (C1)
        ("a\x08b", "a␈b"),  # backspace would overwrite
        ("\x00\x07\x7f", "␀␇␡"),
        ("line one\r\nline two", "line one␍\nline two"),  # a CR cannot overwrite the start of a line
        ("\u202eexe.txt", "<U+202E>exe.txt"),  # right-to-left override: 'txt.exe' shown as 'exe.txt'
        ("\u2066isolate\u2069", "<U+2066>isolate<U+2069>"),
        ("half \ud800 pair", "half \ufffd pair"),  # a lone surrogate cannot be printed at all
    ],
)
def test_harmless_shows_control_sequences_instead_of_running_them(text: str, shown: str) -> None:
    assert harmless(text) == shown


@pytest.mark.parametrize(
    "text",
    [
        "Sennheiser: headphones\n\tand a channel",  # newlines and tabs stay
        "[bold]not bold[/] [link=https://x]not a link[/link]",  # markup is the caller's business: left as is
        "שלום עולם and مرحبا",  # right-to-left text itself is fine; only the overrides are not
        "e\u0301 n\u0303 combining marks",
        "👨‍👩‍👧 🇳🇱 😀 emoji with joiners",
        "日本語のテキスト",
        "€ £ ¥ “quotes” ‘single’ — dash … ellipsis",
        "\u200e\u200f marks and \ufeff",
    ],
)
def test_harmless_keeps_ordinary_text(text: str) -> None:
    assert harmless(text) == text


def test_a_hostile_cell_leaves_the_terminal_alone() -> None:
    evil = f"{ESC}]0;owned\x07{ESC}[2J{ESC}[10;10HHi{ESC}[31m\rX\x9b5A"
    screen = on_screen(harmless(evil))
    assert screen.title == ""
    assert screen.cursor.y == 0  # nothing moved the cursor down, or cleared and homed it
    assert screen.display[0].rstrip() == "␛]0;owned␇␛[2J␛[10;10HHi␛[31m␍X<U+009B>5A"
    assert all(char.fg == "default" for char in screen.buffer[0].values())


_ACTIVE = st.characters(categories=("Cc", "Cf", "Cs")) | st.sampled_from([*BIDI_CONTROLS, ESC])


@given(st.text(st.characters() | _ACTIVE))
def test_harmless_leaves_no_control_character_but_newline_and_tab(text: str) -> None:
    result = harmless(text)
    assert not [c for c in result if unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t"]
    assert not set(result) & set(BIDI_CONTROLS)
    assert harmless(result) == result


def test_inline_keeps_a_message_on_one_line() -> None:
    assert inline("evil\nname\twith\x1b[2Jcodes.toml") == "evil␊name␉with␛[2Jcodes.toml"


# -- one_line and shorten ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("first line\nsecond line", "first line ⏎ second line"),
        ("\n\n  padded  \n\n", "padded"),
        ("windows\r\nline ends\r\n", "windows ⏎ line ends"),
        ("old mac\rline ends", "old mac ⏎ line ends"),
        ("tab\tseparated", "tab separated"),
        ("日本\n語", "日本 ⏎ 語"),
        ("cafe\u0301\nn\u0303", "cafe\u0301 ⏎ n\u0303"),
        (f"{ESC}[31mred\nline", "␛[31mred ⏎ line"),
        ("", ""),
    ],
)
def test_one_line_flattens_a_cell(text: str, flat: str) -> None:
    assert one_line(text) == flat


@pytest.mark.parametrize(
    ("text", "width", "short"),
    [
        ("Sennheiser", 20, "Sennheiser"),
        ("Sennheiser", 10, "Sennheiser"),
        ("Sennheiser", 6, "Sennh…"),
        ("two words", 5, "two…"),  # no space before the ellipsis
        ("abc", 1, "…"),
        ("abc", 0, ""),
        ("日本語テキスト", 14, "日本語テキスト"),
        ("日本語テキスト", 6, "日本…"),  # a wide character that would overflow is left out
        ("日本語テキスト", 5, "日本…"),
        ("cafe\u0301 au lait", 5, "cafe\u0301…"),  # the accent stays with its letter
        ("e\u0301e\u0301e\u0301", 2, "e\u0301…"),
        ("👨‍👩‍👧 family", 4, "👨‍👩‍👧…"),  # the family emoji is not broken apart
        ("🇳🇱🇧🇪🇩🇪", 5, "🇳🇱🇧🇪…"),  # nor a flag into its two letters
    ],
)
def test_shorten_fits_the_cells_without_breaking_characters(text: str, width: int, short: str) -> None:
    assert shorten(text, width) == short


@given(st.text(st.characters(exclude_categories=("Cc", "Cs"))), st.integers(1, 30))
def test_shorten_always_fits_and_keeps_a_prefix(text: str, width: int) -> None:
    short = shorten(text, width)
    assert cell_len(short) <= width
    if short != text:
        assert short.endswith("…")
        assert text.startswith(short[:-1])
