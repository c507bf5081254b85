"""Column widths of `pvm show`'s grid: the room follows the text (pure function, no terminal)."""

from __future__ import annotations

from pvm_tui.page.widths import ColumnText, column_widths


def test_when_every_word_fits_no_column_is_narrower_than_its_longest_word() -> None:
    columns = [
        ColumnText(words=[7, 3], longest_line=20, amount=40),
        ColumnText(words=[12], longest_line=12, amount=12),
    ]
    widths = column_widths(columns, 40)
    assert widths[0] >= 7 and widths[1] >= 12 and sum(widths) <= 40


def test_an_empty_column_keeps_only_its_heading_and_the_room_goes_to_the_text() -> None:
    heading_only = ColumnText(words=[8], longest_line=8, amount=0)
    full = ColumnText(words=[9, 5, 4] * 30, longest_line=300, amount=600)

    def heights(column: int, width: int) -> list[int]:
        return [0] if column == 0 else [-(-600 // width)]

    widths = column_widths([heading_only, full], 70, heights)
    assert widths == [8, 62]


def test_a_word_longer_than_the_room_is_left_to_be_hyphenated_at_its_widest_syllable() -> None:
    columns = [ColumnText(words=[30], longest_line=30, amount=30, least=9), ColumnText([6], 6, 6)]
    widths = column_widths(columns, 20)
    assert widths[0] >= 9 and widths[1] >= 6 and sum(widths) <= 20


def test_too_little_room_shrinks_the_widest_first() -> None:
    columns = [ColumnText([5], 5, 5), ColumnText([5], 5, 5), ColumnText([2], 2, 2)]
    assert column_widths(columns, 8) == [3, 3, 2]
