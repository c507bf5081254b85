"""Reading the matrix: the partner card (brings beside gets, edited in place) and whole-text rows (`w`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pvm_tui import view_choice
from pvm_tui.model import COLUMNS, Partner
from tests.app.conftest import (
    SAMPLES,
    editor,
    editor_of,
    example,
    read_toml,
    region_text,
    screen_text,
    session_of,
    type_text,
)

ENGLISH = SAMPLES / "tinnitracks.en.toml"
GETS_RESOURCES = next(index for index, column in enumerate(COLUMNS) if column.key == "gets.resources")


def words(text: str) -> list[str]:
    return text.split()


def missing_words(partner: Partner, shown: str, side: str | None = None) -> list[str]:
    """The words of the partner's cells (of one side, or both) that ``shown`` does not contain."""
    seen = set(words(shown))
    wanted = [
        word for column in COLUMNS[1:] if side in (None, column.side) for word in words(partner.cell(column))
    ]
    return [word for word in wanted if word not in seen]


async def test_one_key_per_partner_reads_everything_at_120x40() -> None:
    app = example("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for index, partner in enumerate(session_of(app).matrix.partners):
            if index:
                await pilot.press("down")
                await pilot.pause()
            card = region_text(app, editor_of(app).view.card)
            assert missing_words(partner, card) == [], f"all of {partner.name} in the card"
            assert partner.name.split()[0] in card


async def test_at_80x24_the_card_says_there_is_more_and_follows_the_cursor() -> None:
    app = example("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        sennheiser = session_of(app).matrix.partners[0]
        card = region_text(app, editor_of(app).view.card)
        assert "Custom sound technology" in " ".join(words(card)), "brings and gets side by side"
        assert "High-margin sales" in " ".join(words(card))
        if missing_words(sennheiser, card):
            assert "↓ more below" in card, "what does not fit is announced"
        await pilot.press("end")  # the last cell: what they get, other
        await pilot.pause()
        card = region_text(app, editor_of(app).view.card)
        assert "perfect fit" in " ".join(words(card))


async def test_every_partner_reads_whole_at_80x24_by_moving_through_its_cells() -> None:
    app = example("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for index, partner in enumerate(session_of(app).matrix.partners):
            if index:
                await pilot.press("down", "home")
            seen = ""
            for _column in COLUMNS:
                await pilot.pause()
                seen += region_text(app, editor_of(app).view.card) + "\n"
                await pilot.press("right")
            assert missing_words(partner, seen) == []


async def test_step_3_keeps_what_the_partner_brings_in_view() -> None:
    app = example("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert editor_of(app).grid.cursor_column == GETS_RESOURCES
        sennheiser = session_of(app).matrix.partners[0]
        assert missing_words(sennheiser, region_text(app, editor_of(app).view.card), side="brings") == []


async def test_n_in_step_3_writes_a_get_with_its_brings_in_view(sample: Path) -> None:
    app = editor(sample, language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        assert editor_of(app).context() == "editor"
        partner = session_of(app).matrix.partners[editor_of(app).view.cursor_place()[0]]  # type: ignore[index]
        assert missing_words(partner, screen_text(app), side="brings") == []
        assert editor_of(app).cells.editor is not None and editor_of(app).cells.editor.region.overlaps(
            editor_of(app).view.card.region
        ), "the cell is edited in the card"


async def test_the_cell_is_edited_where_it_stands_and_the_editor_grows(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        card = editor_of(app).view.card
        where = card.cell_region(1)
        assert where is not None and card.selected == 1
        await pilot.press("e")
        await pilot.pause()
        editor_widget = editor_of(app).cells.editor
        assert editor_widget is not None
        assert (editor_widget.region.x, editor_widget.region.y) == (where.x, where.y), "in the cell's place"
        assert editor_widget.region.width == where.width
        below = card.cell_region(2)
        assert below is not None
        before = editor_widget.region.height
        await type_text(pilot, " and a great deal more that needs several lines in this narrow card")
        await pilot.pause()
        assert editor_widget.region.height > before
        # The cells below make room: the next category starts under the grown editor.
        moved = card.cell_region(2)
        assert moved is not None and moved.y == below.y + editor_widget.region.height - before
        assert moved.y >= editor_widget.region.bottom
        await pilot.press("escape")
        await pilot.pause()
        assert not editor_widget.display
        assert "narrow card" in " ".join(words(region_text(app, editor_of(app).view.card)))
        assert (
            "narrow card" in read_toml(sample)["partners"][0]["brings"]["resources"] or session_of(app).dirty
        )


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_cell_opens_whole_in_the_first_frame(sample: Path, size: tuple[int, int]) -> None:
    # The editor is hidden between edits and has no size then; its text must be wrapped at
    # the width it is about to have, or it shows two lines tall first and settles over
    # three more frames (a scrollbar, a narrower wrap, the card laid out again).
    app = editor(sample)
    async with app.run_test(size=size) as pilot:
        await pilot.press("2", "right")  # what Sennheiser brings: its sales channels, five lines in the card
        await pilot.pause()
        partner = session_of(app).matrix.partners[0]
        text = partner.cell(COLUMNS[2])
        assert len(text) > 60
        frames: list[str] = []
        display = app._display

        def recorded(screen: object, renderable: object) -> None:
            display(screen, renderable)  # type: ignore[arg-type]
            if renderable is not None:
                frames.append(region_text(app, editor_of(app).view.card))

        app._display = recorded  # type: ignore[method-assign]
        await pilot.press("e")
        await pilot.pause()
        assert frames, "the key drew a frame"
        first = frames[0]
        assert words(text)[0] in words(first) and words(text)[-1] in words(first)
        assert [word for word in words(text) if word not in words(first)] == [], "the whole text, at once"
        assert all(frame == first for frame in frames[1:]), "and nothing moves after"


async def test_the_company_is_shown_in_the_editor() -> None:
    app = example("en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Medical technology" in shown
        assert "51 employees" in shown


async def test_w_shows_the_whole_example_at_200x50_and_is_remembered() -> None:
    app = example("en")
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert editor_of(app).grid.whole
        grid = region_text(app, editor_of(app).grid)
        for partner in session_of(app).matrix.partners:
            assert missing_words(partner, grid) == [], f"all of {partner.name} in the grid"
        for category in ("resources", "sales channels", "€", "other"):
            assert grid.count(category[:4]) >= 2, "every column keeps its heading on both sides"
        assert editor_of(app).grid.cursor_coordinate == (0, 0)
    assert view_choice.whole_text() is True
    again = example("en")
    async with again.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert editor_of(again).grid.whole, "the choice is kept for the next start"
        await pilot.press("w")
        await pilot.pause()
        assert not editor_of(again).grid.whole
        assert all(row.height == 1 for row in editor_of(again).grid.ordered_rows)
    assert view_choice.whole_text() is False


async def test_w_back_and_forth_shows_each_mode_right_and_an_edit_made_in_between(tmp_path: Path) -> None:
    """Each mode's drawings are kept for the next switch: they must still be the right ones."""
    path = tmp_path / "partners.toml"
    path.write_bytes(ENGLISH.read_bytes())
    app = editor(path, language="en")
    async with app.run_test(size=(200, 50)) as pilot:
        sennheiser = session_of(app).matrix.partners[0]
        for whole in (True, False, True, False):
            await pilot.press("w")
            await pilot.pause()
            grid = region_text(app, editor_of(app).grid)
            assert editor_of(app).grid.whole is whole
            assert (missing_words(sennheiser, grid) == []) is whole, "whole text, or one line a partner"
            assert ("Custom sound t…" in grid) is not whole, "a compact cell is cut short"
        await pilot.press("2", "e")
        await type_text(pilot, " plus eleven")
        await pilot.press("escape", "w")
        await pilot.pause()
        assert "eleven" in region_text(app, editor_of(app).grid), "the edit shows in the other mode too"


async def test_an_edit_makes_a_whole_text_row_grow(sample: Path) -> None:
    view_choice.remember_whole_text(True)
    app = editor(sample, language="en")
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert editor_of(app).grid.whole
        height = editor_of(app).grid.ordered_rows[0].height
        await pilot.press("2", "e")
        await type_text(pilot, " one two three four five six seven eight nine ten eleven twelve")
        await pilot.press("escape")
        await pilot.pause()
        assert editor_of(app).grid.ordered_rows[0].height > height
        assert "twelve" in region_text(app, editor_of(app).grid)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert editor_of(app).grid.ordered_rows[0].height == height
        assert "twelve" not in region_text(app, editor_of(app).grid)


async def test_n_in_whole_text_rows_keeps_the_cell_and_its_brings_on_screen(sample: Path) -> None:
    view_choice.remember_whole_text(True)
    app = editor(sample, language="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        assert editor_of(app).context() == "editor"
        place = editor_of(app).view.cursor_place()
        assert place is not None
        partner = session_of(app).matrix.partners[place[0]]
        assert missing_words(partner, screen_text(app), side="brings") == []
        region = editor_of(app).grid.cell_region(editor_of(app).grid.cursor_coordinate)
        assert (
            editor_of(app).grid.scroll_y <= region.y - 2
            and region.y < editor_of(app).grid.scroll_y + editor_of(app).grid.size.height
        )


async def test_ctrl_u_and_ctrl_k_work_on_the_line_as_written_not_as_wrapped_in_the_card(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(
            "2", "e", "ctrl+u"
        )  # "Aangepaste geluidstechnologie en koptelefoons" wraps in the card
        await type_text(pilot, "Nieuw")
        await pilot.press(
            "tab", "pageup", "pageup", "pageup", "home", "ctrl+k"
        )  # the next cell, from its start
        await type_text(pilot, "Ook nieuw")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    brings = read_toml(sample)["partners"][0]["brings"]
    assert brings["resources"] == "Nieuw"
    assert brings["channels"] == "Ook nieuw"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_card_repaints_only_changed_lines_and_shows_what_a_whole_repaint_shows(
    size: tuple[int, int],
) -> None:
    # After an edit or a move within a partner the card repaints the lines that changed, not all:
    # what it shows must be what it shows when drawn whole.
    app = editor(ENGLISH, language="en")
    async with app.run_test(size=size) as pilot:
        card = editor_of(app).view.card

        async def same_as_drawn_whole(what: str) -> None:
            await pilot.pause()
            seen = region_text(app, card)
            card.refresh()
            await pilot.pause()
            assert region_text(app, card) == seen, what

        await pilot.press("j", "3")
        await same_as_drawn_whole("step 3")
        for key in ("right", "left", "2", "right"):
            await pilot.press(key)
            await same_as_drawn_whole(key)
        await pilot.press("e", "end", "x", "escape")
        await same_as_drawn_whole("an edit")
        assert session_of(app).matrix.partners[1].cell(COLUMNS[2]).endswith("x")


async def test_the_cursor_cell_stays_in_view_when_the_terminal_grows_in_whole_text_mode() -> None:
    app = editor(ENGLISH, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "3", "right", "right", "w")  # what the health insurers get: €
        await pilot.pause()
        grid = editor_of(app).grid
        cursor = grid.cursor_coordinate
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        assert grid.cursor_coordinate == cursor
        cell = grid.cell_region(cursor)
        seen = grid.scrollable_content_region.size
        x, y = grid.scroll_offset
        assert x + grid._widths[0] <= cell.x and cell.right <= x + seen.width, "the cell is in view sideways"
        assert y <= cell.y and cell.y < y + seen.height, "and up and down"
        words = session_of(app).matrix.partners[1].cell(COLUMNS[cursor.column]).split()
        assert words and words[0] in region_text(app, grid)


async def test_moving_sideways_never_leaves_a_column_cut_beside_the_partner_column(tmp_path: Path) -> None:
    app = editor(ENGLISH, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        grid = editor_of(app).grid
        edges = {sum(grid._widths[1:index]) for index in range(1, len(grid._widths))}
        for key in ["2", *["right"] * 7, *["left"] * 7]:
            await pilot.press(key)
            await pilot.pause()
            # At the far right the table cannot scroll to the next edge: it ends there.
            assert grid.scroll_x in edges or grid.scroll_x == grid.max_scroll_x, (key, grid.scroll_x)
            assert grid.cell_region(grid.cursor_coordinate).right <= grid.scroll_x + grid.size.width


async def test_scrolled_sideways_each_side_is_named_over_its_first_column_in_view() -> None:
    app = example("en")
    async with app.run_test(size=(80, 24)) as pilot:
        grid = editor_of(app).grid
        seen = set()
        for key in ["2", *["right"] * 7, *["left"] * 7]:
            await pilot.press(key)
            await pilot.pause()
            heading = region_text(app, grid).splitlines()[0]
            shown = heading[22:]  # right of the partner column
            seen.add(grid.scroll_x)
            # Every side with a column in view is named at its first one in view; a column cut
            # at the left edge shows a rule, never the end of a word.
            before, named, _ = shown.partition("│ What do they")
            assert named and set(before) <= {" ", "─"}, (key, heading)
        assert len(seen) > 2, "the grid scrolled sideways"


@pytest.mark.parametrize(
    ("text", "width", "language", "lines"),
    [
        # The last syllable that fits, with a hyphen; the rest goes on with the next words.
        (
            "Aangepaste geluidstechnologie en koptelefoons",
            14,
            "nl",
            ["Aangepaste", "geluidstechno-", "logie en", "koptelefoons"],
        ),
        # After the word's own hyphen no hyphen is added; then between syllables again.
        ("tinnitus-behandeling", 12, "nl", ["tinnitus-be-", "handeling"]),
        ("Innovationsfonds", 9, "nl", ["Innovati-", "onsfonds"]),
        # No syllables in an address, and none in a file's text with no language: cut at the edge.
        ("https://example.org/a/very/long", 12, "en", ["https://exam", "ple.org/a/ve", "ry/long"]),
        ("geluidstechnologie", 14, "", ["geluidstechnol", "ogie"]),
    ],
)
def test_a_word_wider_than_its_whole_text_column_breaks_between_syllables(
    text: str, width: int, language: str, lines: list[str]
) -> None:
    from pvm_tui.widgets.grid_cells import wrap

    assert wrap(text, width, language) == lines


async def test_dutch_words_in_whole_text_break_with_a_hyphen_at_200x50(tmp_path: Path) -> None:
    app = editor(SAMPLES / "tinnitracks.toml", language="nl")
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        shown = screen_text(app)
        assert "geluidstechno-" in shown and "logie en" in shown
        assert "geluidstechnol " not in shown  # cut where the column ended, no hyphen
