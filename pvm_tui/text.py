"""Make user text safe to show: literal, never markup, never terminal codes.

Cell text comes from files that anyone may have written. Before it reaches a
terminal it passes through ``harmless``: control characters (ANSI and OSC
escape sequences start with ESC) are replaced by visible stand-ins so that
text cannot move the cursor, retitle the window or hide itself. Callers
still wrap it in ``rich.text.Text`` so that ``[bold]`` stays literal.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator

C1_AND_BIDI = "\x80-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
"""For a regular expression's character class: C1 controls (U+009B is a terminal's CSI), the
line and paragraph separators (invisible line breaks) and the bidirectional overrides and
isolates that can make text display in a misleading order ("Trojan Source"). TOML and JSON may
hold them as they are; pvm shows them as stand-ins and writes them as escapes."""

# C0 controls except tab and newline, DEL, C1_AND_BIDI (the cell editor would make newlines of
# the separators), and UTF-16 surrogates, which no terminal can be sent.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f{C1_AND_BIDI}\ud800-\udfff]")
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


# Characters that take no room on screen, so that a text with one looks the
# same as without: zero-width space, (non-)joiner, direction marks, soft
# hyphen, word joiner and invisible operators, byte order mark, fillers.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0]"
)
_ZWJ = "\u200d"


def invisibles_shown(text: str) -> str:
    """``text`` with every character that takes no room on screen written as ``<U+200B>``.

    For comparing: a rename that only adds a zero-width space must not look
    like no change. A joiner between two emoji (👩‍💻) is part of one picture and stays.
    """

    def shown(match: re.Match[str]) -> str:
        at = match.start()
        if (
            match.group() == _ZWJ
            and 0 < at < len(text) - 1
            and _emoji_side(text[at - 1])
            and _emoji_side(text[at + 1])
        ):
            return _ZWJ
        return f"<U+{ord(match.group()):04X}>"

    return _INVISIBLE.sub(shown, text)


def _emoji_side(char: str) -> bool:
    # Emoji are symbols (So); the one before a joiner may carry a variation selector or skin tone.
    return unicodedata.category(char) in ("So", "Sk") or bool(_JOINING.match(char))


# What may stand between an emoji and the joiner after it: variation selectors, skin tones.
_MODIFIERS = "".join(map(chr, [*range(0xFE00, 0xFE10), *range(0x1F3FB, 0x1F400)]))


KEPT_FROM = 2_000
"""Characters from which ``aligned`` and ``one_line`` keep what they made of a text: the grid and
the card ask for the same huge cell many times as it is opened or changed (10 ms each, for 200 KB
of emoji)."""


def aligned(text: str) -> str:
    """``text`` made harmless for a column: it takes the room everyone measures for it.

    Rich (and so Textual, the SVG and our padding) counts a zero-width
    joiner as joining whatever character follows it into one: a letter, a
    space or the table's line after it then takes no room. A terminal joins
    only emoji. So a joiner that joins no two emoji, which shows as nothing,
    is left out; measured alone or with what follows, the text is as wide.
    """
    return _kept_aligned(text) if len(text) >= KEPT_FROM else _aligned(text)


def _aligned(text: str) -> str:
    text = harmless(text)
    if _ZWJ not in text:
        return text
    parts = text.split(_ZWJ)
    kept = [parts[0]]
    for before, part in itertools.pairwise(parts):
        # The joiner of an emoji sequence (👩‍💻) stands between an emoji, perhaps with
        # a variation selector or skin tone, and the emoji it joins on.
        base = before.rstrip(_MODIFIERS)[-1:]
        if base and part and unicodedata.category(base) == "So" == unicodedata.category(part[0]):
            kept.append(_ZWJ)
        kept.append(part)
    return "".join(kept)


@functools.lru_cache(maxsize=8)
def _kept_aligned(text: str) -> str:
    return _aligned(text)


def inline(text: str) -> str:
    """``text`` made harmless and kept on one line: tabs and line breaks shown as ␉ and ␊.

    For text inside a one-line message, such as a file name in an error.
    """
    return _BREAKS.sub(_stand_in, harmless(text))


def one_line(text: str) -> str:
    """``text`` flattened for a single grid cell (``aligned``): lines joined with ' ⏎ '.

    CRLF and lone CR line ends (from files written elsewhere) count as line
    breaks here, rather than showing as ␍.
    """
    return _kept_one_line(text) if len(text) >= KEPT_FROM else _one_line(text)


def _one_line(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in aligned(text).replace("\t", " ").splitlines()]
    return " ⏎ ".join(line for line in lines if line)


@functools.lru_cache(maxsize=8)
def _kept_one_line(text: str) -> str:
    return _one_line(text)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells, ending in an ellipsis when cut.

    Never cuts a character from its accents or an emoji in half.
    """
    if width <= 0:
        return ""
    # Measure the start only: a long cell (a paragraph) is cut anyway, and measuring
    # all of it, for every cell of a big matrix, slowed the editor's start.
    head = text[: 4 * width + 8]
    if _cells(head) <= width and (len(head) == len(text) or _cells(text) <= width):
        return text
    if text[:width].isascii() and text[:width].isprintable():
        return text[: width - 1].rstrip() + "…"  # one cell per character up to the cut
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
    if text.isascii() and text.isprintable():
        return len(text)  # one cell per character, without asking Rich
    from rich.cells import cell_len

    return cell_len(text)


def edited_text(original: str, typed: str) -> str | None:
    """What a cell editor's ``typed`` text changes ``original`` to, or None when untouched.

    The editor shows control characters as stand-ins (``harmless``); what
    the user typed over that is mapped back (``typed_over``), so a stand-in
    never reaches the data. Trailing blank lines and spaces typed at the end
    are not kept.
    """
    if typed == harmless(original) or typed.rstrip() == original:
        return None
    kept = typed_over(original, typed)
    return None if kept == original else kept


def typed_over(original: str, typed: str) -> str:
    """The text ``typed`` makes of ``original``, when it was typed over ``harmless(original)``.

    What the user left as it was keeps the original's characters, byte for
    byte: the common start and end of the shown and the typed text. In the
    part between, a stand-in for a control character that ``original`` holds
    is that character again (text typed around it). Trailing blank lines and
    spaces are dropped only when the change reaches the end.
    """
    shown = harmless(original)
    limit = min(len(shown), len(typed))
    head = 0
    while head < limit and shown[head] == typed[head]:
        head += 1
    tail = 0
    while tail < limit - head and shown[-1 - tail] == typed[-1 - tail]:
        tail += 1
    stand_ins = _StandIns(original)
    head_shown, head_original = stand_ins.cut(head, after=False)
    tail_shown, tail_original = stand_ins.cut(len(shown) - tail, after=True)
    middle = stand_ins.put_back(typed[head_shown : len(typed) - (len(shown) - tail_shown)])
    if tail_original == len(original):
        return (original[:head_original] + middle).rstrip()
    return original[:head_original] + middle + original[tail_original:]


class _StandIns:
    """Where ``harmless`` put stand-ins into a text, to go from the shown text back to the text."""

    def __init__(self, original: str) -> None:
        self.spans: list[tuple[int, int, int]] = []
        """Per stand-in: its start and end in the shown text, its character's index in the original."""
        self.characters: dict[str, str] = {}
        grown = 0
        for match in _UNSAFE.finditer(original):
            piece = _stand_in(match)
            start = match.start() + grown
            self.spans.append((start, start + len(piece), match.start()))
            grown += len(piece) - 1
            if piece != "\ufffd":  # half characters all look the same: none is put back
                self.characters[piece] = match.group()
        self._starts = [start for start, _end, _index in self.spans]
        self._pattern = re.compile("|".join(map(re.escape, sorted(self.characters, key=len, reverse=True))))

    def cut(self, shown: int, *, after: bool) -> tuple[int, int]:
        """``shown`` moved out of any stand-in it falls in; that place in the shown text and the original."""
        found = bisect.bisect_right(self._starts, shown) - 1
        if found < 0:
            return shown, shown
        start, end, index = self.spans[found]
        if shown == start or (shown < end and not after):
            return start, index
        if shown < end:
            return end, index + 1
        return shown, index + 1 + shown - end

    def put_back(self, text: str) -> str:
        """``text`` with each stand-in for a character of the original made that character again."""
        if not self.characters:
            return text
        return self._pattern.sub(lambda match: self.characters[match.group()], text)
