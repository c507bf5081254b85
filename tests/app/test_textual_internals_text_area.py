"""The cell editor's uses of TextArea's insides (``pvm_tui/textual_internals.py``) still work.

A cell of 100 KB on one line is cut into its wrapped pieces once per
drawing, not once per row of the screen, and the cursor finds its piece by
slicing the line. What must hold: the editor draws exactly what Textual's
own TextArea draws, and a Textual that no longer cuts the line through
``get_line`` fails here by name.
"""

from __future__ import annotations

from collections.abc import Iterator

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

UPGRADE = "Textual changed {what}: see pvm_tui/textual_internals.{use}"

LONG = "".join(f"w{index:04d}" for index in range(900))
"""One word of 4,500 characters, numbered so that a piece drawn out of place shows."""
TEXTS = {
    "one word": LONG,
    "words, tabs and lines": "short line\n" + " ".join([LONG[:2500], "x\ty", LONG[2500:]]) + "\nlast",
    "wide and combining": "👩\u200d💻ab" * 600 + "e\u0301" * 900,
}


class EditorApp(App[None]):
    """One editor, 22 columns by 12 rows; ``plain`` is Textual's own TextArea, else pvm's cell editor."""

    AUTO_FOCUS = None
    CSS = "TextArea { width: 22; height: 12; border: none; padding: 0 1; }"

    def __init__(self, plain: bool) -> None:
        super().__init__()
        self.plain = plain

    def compose(self) -> ComposeResult:
        if self.plain:
            yield TextArea(soft_wrap=True, tab_behavior="focus", highlight_cursor_line=False)
        else:
            yield CellEditor()


PLACES = ("end", "start", "middle", "selection")


async def _drawings(plain: bool, text: str) -> Iterator[tuple[str, list[list[Segment]]]]:
    """The editor's rows, as drawn with the cursor at each of ``PLACES``."""
    app = EditorApp(plain)
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
        middle = (text.count("\n") // 2, len(text.split("\n")[text.count("\n") // 2]) // 2)
        for place in PLACES:
            if place == "start":
                area.move_cursor((0, 0))
            elif place == "middle":
                area.move_cursor(middle)
            elif place == "selection":
                area.selection = Selection((middle[0], middle[1] - 300), middle)
            area.scroll_cursor_visible()
            await pilot.pause()
            strips = area.render_lines(Region(0, 0, area.size.width, area.size.height))
            drawn.append((place, [list(strip) for strip in strips]))
    return iter(drawn)


@pytest.mark.parametrize("kind", list(TEXTS))
async def test_the_cell_editor_draws_a_long_line_as_textuals_own_text_area(kind: str) -> None:
    text = TEXTS[kind]
    own = dict(await _drawings(True, text))
    ours = dict(await _drawings(False, text))
    for place in PLACES:
        assert "".join(segment.text for line in ours[place] for segment in line).strip(), place
        assert ours[place] == own[place], f"{kind}, cursor at {place}: the rows differ from TextArea's"


async def test_a_long_line_is_cut_into_its_pieces_once_per_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
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
        assert cuts, UPGRADE.format(
            what="how TextArea draws a wrapped line (no longer Text.divide on get_line)", use="PiecesOnce"
        )
        assert len(cuts) == 1, UPGRADE.format(
            what=f"how TextArea draws a wrapped line ({len(cuts)} cuts for one drawing)", use="PiecesOnce"
        )
        sections = editor.wrapped_document.get_sections(0)
        assert "".join(sections) == LONG and len(sections) > 100
        assert cuts == [len(LONG) + 1], "the cursor found its piece by slicing, without a Text"
        assert editor.cursor_location == (0, len(LONG) - 1)


@pytest.mark.parametrize("kind", [*TEXTS, "control codes"])
def test_slice_sections_gives_the_sections_textual_gives(kind: str) -> None:
    text = TEXTS.get(kind, "a\x07b\x08c\x0bd\x0ce\rf\x1bg" * 300)
    wrapped = WrappedDocument(TextArea(text).document, tab_width=4)
    wrapped.wrap(17)
    own = [wrapped.get_sections(line) for line in range(wrapped.document.line_count)]
    internals.slice_sections(wrapped)
    assert [wrapped.get_sections(line) for line in range(wrapped.document.line_count)] == own
