"""The long-line TextAreas' uses of TextArea's insides (``pvm_tui/textual_internals.py``) still work.

A row of a line of 100 KB is drawn from its own piece of the line
(``long_row``); a line that has a tab is cut into its wrapped pieces once
per drawing, not once per row of the screen (``PiecesOnce``); the cursor
finds its piece by slicing the line. What must hold: the editor draws
exactly what Textual's own TextArea draws, and a Textual that draws a line
another way fails here by name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rich.segment import Segment
from rich.text import Lines, Text
from textual.app import App, ComposeResult
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import Region
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from pvm_tui import textual_internals as internals
from pvm_tui.widgets.cell_editor import CellEditor
from pvm_tui.widgets.long_text import LongTextArea

UPGRADE = "Textual changed {what}: see pvm_tui/textual_internals.{use}"

LONG = "".join(f"w{index:04d}" for index in range(900))
"""One word of 4,500 characters, numbered so that a piece drawn out of place shows."""
TEXTS = {
    "one word": LONG,
    "words, tabs and lines": "short line\n" + " ".join([LONG[:2500], "x\ty", LONG[2500:]]) + "\nlast",
    "words and lines": "short line\n" + " ".join([LONG[:2500], "x y", LONG[2500:]]) + "\n" + LONG + "\nlast",
    "wide and combining": "👩\u200d💻ab" * 600 + "e\u0301" * 900,
    "many tabs": "\t".join(LONG[start : start + 7] for start in range(0, 4500, 7)) + "\t👩\u200d💻\tab" * 200,
    "brackets": "(" + LONG[:1500] + "[" + LONG[1500:3000] + "]" + LONG[3000:] + ")",
    "control codes": LONG[:2000] + "a\x07b\x08c\x0bd\x0ce\rf\x1bg" + LONG[2000:],
}


class EditorApp(App[None]):
    """One editor, 22 columns by 12 rows; ``plain`` is Textual's own TextArea, else pvm's ``kind``."""

    AUTO_FOCUS = None
    CSS = "TextArea { width: 22; height: 12; border: none; padding: 0 1; }"

    def __init__(self, plain: bool, kind: type[TextArea] = CellEditor) -> None:
        super().__init__()
        self.plain = plain
        self.kind = kind

    def compose(self) -> ComposeResult:
        if self.kind is CellEditor and self.plain:
            yield TextArea(soft_wrap=True, tab_behavior="focus", highlight_cursor_line=False)
        elif self.kind is CellEditor:
            yield CellEditor()
        else:  # as the agreements and the company description are made
            yield (TextArea if self.plain else self.kind)(soft_wrap=True, compact=True)


PLACES = ("end", "start", "middle", "selection", "lines selected", "bracket", "no focus", "read only")


Drawings = Iterator[tuple[str, list[list[Segment]]]]


async def _drawings(plain: bool, text: str, kind: type[TextArea]) -> Drawings:
    """The editor's rows, as drawn with the cursor at each of ``PLACES``."""
    app = EditorApp(plain, kind)
    drawn: list[tuple[str, list[list[Segment]]]] = []
    async with app.run_test() as pilot:
        area = app.query_one(TextArea)
        area.cursor_blink = False
        if isinstance(area, CellEditor):
            area.begin(text, writable=True)
        else:
            area.load_text(text)
            area.move_cursor(area.document.end)
        area.focus()
        lines = text.split("\n")
        middle = (len(lines) // 2, len(lines[len(lines) // 2]) // 2)
        for place in PLACES:
            if place == "start":
                area.move_cursor((0, 0))
            elif place == "middle":
                area.move_cursor(middle)
            elif place == "selection":
                area.selection = Selection((middle[0], middle[1] - 300), middle)
            elif place == "lines selected":
                area.selection = Selection((0, 3), (len(lines) - 1, 2))
            elif place == "bracket":
                row = max(range(len(lines)), key=lambda row: len(lines[row]))
                column = max(lines[row].find("["), 0)
                area.move_cursor((row, column))
            elif place == "no focus":
                area.blur()
            elif place == "read only":
                area.read_only = True
                area.focus()
            area.scroll_cursor_visible()
            await pilot.pause()
            strips = area.render_lines(Region(0, 0, area.size.width, area.size.height))
            drawn.append((place, [list(strip) for strip in strips]))
    return iter(drawn)


@pytest.mark.parametrize("area", [CellEditor, LongTextArea])
@pytest.mark.parametrize("kind", list(TEXTS))
async def test_a_long_line_is_drawn_as_textuals_own_text_area_draws_it(
    kind: str, area: type[TextArea]
) -> None:
    text = TEXTS[kind]
    own = dict(await _drawings(True, text, area))
    ours = dict(await _drawings(False, text, area))
    for place in PLACES:
        assert "".join(segment.text for line in ours[place] for segment in line).strip(), place
        assert ours[place] == own[place], f"{kind}, cursor at {place}: the rows differ from TextArea's"


async def test_a_long_line_is_drawn_from_its_pieces_and_cut_once_where_textual_draws_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cuts: list[int] = []
    divide = Text.divide

    def counted(self: Text, offsets: object) -> Lines:
        if len(self) >= internals.LONG_LINE:
            cuts.append(len(self))
        return divide(self, offsets)  # type: ignore[arg-type]

    monkeypatch.setattr(Text, "divide", counted)
    app = EditorApp(plain=False)
    async with app.run_test() as pilot:
        editor = app.query_one(CellEditor)
        editor.begin(LONG, writable=True)
        editor.focus()
        await pilot.pause()
        cuts.clear()
        await pilot.press("left")
        assert "w0899" in "".join(segment.text for segment in editor.render_line(editor.size.height - 1))
        assert not cuts, "each row of a line without tabs is drawn from its own piece (long_row)"
        sections = editor.wrapped_document.get_sections(0)
        assert "".join(sections) == LONG and len(sections) > 100
        assert cuts == [], "the cursor found its piece by slicing, without a Text"
        assert editor.cursor_location == (0, len(LONG) - 1)

        editor.begin(LONG[:2000] + "\t" + LONG[2000:], writable=True)
        await pilot.pause()
        cuts.clear()
        await pilot.press("left")
        assert not cuts, "a line with tabs too is drawn from its own pieces"

        editor.show_line_numbers = True  # which long_row leaves to TextArea
        await pilot.pause()
        cuts.clear()
        await pilot.press("left")
        assert cuts, UPGRADE.format(
            what="how TextArea draws a wrapped line (no longer Text.divide on get_line)", use="PiecesOnce"
        )
        assert len(cuts) == 1, UPGRADE.format(
            what=f"how TextArea draws a wrapped line ({len(cuts)} cuts for one drawing)", use="PiecesOnce"
        )


async def test_a_long_line_is_wrapped_once_per_width_as_the_editor_opens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """TextArea wraps its text at each width it passes through, and again at a resize to the same width."""
    wraps: list[int] = []
    for name in ("_offsets_without_tabs", "compute_wrap_offsets"):
        wrap = getattr(internals, name)

        def counted(text: str, width: int, *rest: object, wrap: object = wrap) -> list[int]:
            if len(text) >= internals.LONG_LINE:
                wraps.append(width)
            return wrap(text, width, *rest)  # type: ignore[operator]

        monkeypatch.setattr(internals, name, counted)
    app = EditorApp(plain=False)
    async with app.run_test() as pilot:
        editor = app.query_one(CellEditor)
        editor.begin(LONG + " and some more", writable=True)
        editor.focus()
        await pilot.pause()
        editor.styles.width = 30
        await pilot.pause()
        editor.styles.width = 22
        await pilot.pause()
        shown = [strip.text.strip() for strip in editor.render_lines(Region(0, 0, *editor.size))]
        sections = editor.wrapped_document.get_sections(0)
    assert "".join(sections) == LONG + " and some more"
    assert shown and set(shown) <= {section.strip() for section in sections}, "each row shows a piece"
    assert wraps, "the line was wrapped without remember_wraps (Textual changed how WrappedDocument wraps)"
    assert sorted(wraps) == sorted(set(wraps)), f"wrapped at widths {wraps}: some more than once"


def test_text_area_still_draws_a_row_where_long_row_takes_its_place() -> None:
    assert TextArea._render_line.__code__.co_varnames[:2] == ("self", "y"), UPGRADE.format(
        what="TextArea._render_line", use="long_row"
    )
    names = TextArea._render_line.__code__.co_names
    read = ("_offset_to_line_info", "_highlights", "_matching_bracket_location", "_draw_cursor", "_theme")
    for name in read:
        assert name in names, UPGRADE.format(what=f"TextArea._render_line (reads {name})", use="long_row")


MORE_TEXTS = {
    "many control codes": "a\x07b\x08c\x0bd\x0ce\rf\x1bg" * 300,
    "short, empty and tabbed lines": "\n".join(["x", "", "a\tb", "\t", "w " * 20, "", "👩\u200d💻" * 8] * 9),
}


@pytest.mark.parametrize("kind", [*TEXTS, *MORE_TEXTS])
def test_kept_wrap_gives_the_sections_and_height_textual_gives(kind: str) -> None:
    text = TEXTS.get(kind) or MORE_TEXTS[kind]
    own = WrappedDocument(TextArea(text).document, tab_width=4)
    kept = internals.KeptWrap.adopt(WrappedDocument(TextArea(text).document, tab_width=4))
    for width in (17, 17, 30, 0, 17):
        for wrapped in (own, kept):
            wrapped.wrap(width)
        lines = range(own.document.line_count)
        assert [kept.get_sections(line) for line in lines] == [own.get_sections(line) for line in lines]
        assert kept.height == own.height, "the height as Textual adds it up"
        for name in ("_wrap_offsets", "_offset_to_line_info", "_line_index_to_offsets", "_tab_width_cache"):
            assert getattr(kept, name) == getattr(own, name), f"{name} at width {width}"
    for wrapped in (own, kept):  # an edit, wrapped as TextArea wraps it
        wrapped.document.replace_range((0, 3), (0, 3), "new\nlines " * 40)
        wrapped.wrap_range((0, 3), (0, 3), (40, 6))
        wrapped.wrap(17)
    assert kept.height == own.height and kept._wrap_offsets == own._wrap_offsets
    assert kept._line_index_to_offsets == own._line_index_to_offsets


async def test_a_change_of_height_does_not_wrap_the_text_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """TextArea wraps its whole text at every resize: 20,000 short lines took 30 ms each time."""
    from textual.document import _wrapped_document

    wraps: list[int] = []
    wrap = _wrapped_document.compute_wrap_offsets

    def counted(text: str, width: int, *rest: Any, **named: Any) -> list[int]:
        wraps.append(width)
        return wrap(text, width, *rest, **named)

    monkeypatch.setattr(_wrapped_document, "compute_wrap_offsets", counted)
    app = EditorApp(plain=False)
    async with app.run_test() as pilot:
        editor = app.query_one(CellEditor)
        editor.begin("line\n" * 2000 + "end", writable=True)
        editor.focus()
        await pilot.pause()
        assert wraps, UPGRADE.format(what="how WrappedDocument wraps a line", use="KeptWrap")
        wraps.clear()
        editor.styles.height = 8
        await pilot.pause()
        assert editor.size.height == 8
        assert not wraps, f"{len(wraps)} lines wrapped again for a new height"
        editor.styles.width = 30
        await pilot.pause()
        assert len(wraps) == 2001, "a new width wraps every line"
        await pilot.press("x")
        assert editor.text.endswith("endx")
        assert editor.wrapped_document.height == 2001
