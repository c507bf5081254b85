"""Make user text safe to show: literal, never markup, never terminal codes.

Cell text comes from files that anyone may have written. Before it reaches a
terminal it passes through ``harmless``: control characters (ANSI and OSC
escape sequences start with ESC) are replaced by visible stand-ins so that
text cannot move the cursor, retitle the window or hide itself. Callers
still wrap it in ``rich.text.Text`` so that ``[bold]`` stays literal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# C0 controls except tab and newline, DEL, C1 controls, the Unicode
# bidirectional overrides and isolates that can make text display in a
# misleading order ("Trojan Source"), and UTF-16 surrogates, which no
# terminal can be sent.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BREAKS = re.compile("[\t\n]")

# Characters that join the one before them into a single thing on screen:
# zero-width joiners and variation selectors (emoji), skin-tone modifiers.
_JOINING = re.compile("[\u200d\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0100-\U000e01ef]")

_FLAG_LETTER = re.compile("[\U0001f1e6-\U0001f1ff]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"  # half a character, from broken input: the replacement character
    return f"<U+{code:04X}>"


def harmless(text: str) -> str:
    """``text`` with every control character replaced by a visible stand-in.

    Tabs and newlines are kept; a carriage return is shown as ␍ so that a
    CRLF line end cannot overwrite the start of a line on screen.
    """
    return _UNSAFE.sub(_stand_in, text)


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible_controls(text: str) -> str:
    """``text`` with every control character but tab and the line breaks (LF, CR) as a visible symbol.

    For files that are read as data but may also be shown with ``cat``
    (CSV): nothing in them can work on a terminal, and line ends stay line ends.
    """
    return _CONTROLS.sub(_stand_in, text)


def inline(text: str) -> str:
    """``text`` made harmless and kept on one line: tabs and line breaks shown as ␉ and ␊.

    For text inside a one-line message, such as a file name in an error.
    """
    return _BREAKS.sub(_stand_in, harmless(text))


def one_line(text: str) -> str:
    """``text`` flattened for a single grid cell: lines joined with ' ⏎ '.

    CRLF and lone CR line ends (from files written elsewhere) count as line
    breaks here, rather than showing as ␍.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in harmless(text).replace("\t", " ").splitlines()]
    return " ⏎ ".join(line for line in lines if line)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells, ending in an ellipsis when cut.

    Never cuts a character from its accents or an emoji in half.
    """
    if width <= 0:
        return ""
    if _cells(text) <= width:
        return text
    if text.isascii() and text.isprintable():
        return text[: width - 1].rstrip() + "…"  # one cell per character
    result, used = [], 0
    for cluster in _clusters(text):
        size = 1 if len(cluster) == 1 and " " <= cluster < "\x7f" else _cells(cluster)
        if used + size > width - 1:
            break
        result.append(cluster)
        used += size
    return "".join(result).rstrip() + "…"


def _clusters(text: str) -> Iterator[str]:
    """``text`` split into what shows as one unit: a character with its accents and joiners.

    A generator, so that cutting a long text looks at its start only.
    """
    cluster = ""
    join_next = False
    for char in text:
        joins = join_next or unicodedata.category(char)[0] == "M" or _JOINING.match(char)
        # Two regional indicators make one flag: 🇳 + 🇱 = 🇳🇱.
        flag = _FLAG_LETTER.match(char) and _FLAG_LETTER.fullmatch(cluster)
        if cluster and (joins or flag):
            cluster += char
        else:
            if cluster:
                yield cluster
            cluster = char
        join_next = char == "\u200d"
    if cluster:
        yield cluster


def _cells(text: str) -> int:
    # The same measure the screen uses (Rich's), so a cut text fits exactly.
    from rich.cells import cell_len

    return cell_len(text)


def edited_text(original: str, typed: str) -> str | None:
    """What a cell editor's ``typed`` text changes ``original`` to, or None when untouched.

    The editor shows control characters as stand-ins (``harmless``), so text
    that still reads as the original keeps the original; trailing blank
    lines and spaces are not kept.
    """
    if typed == harmless(original) or typed.rstrip() == original:
        return None
    return typed.rstrip()
