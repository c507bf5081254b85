"""Wrapping text to a column: whole words, else hyphenated between syllables, measured as drawn."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from pvm_tui.hyphenate import SOFT_HYPHEN, soft_hyphenated
from pvm_tui.wrap import wrap


def test_a_word_that_fits_its_column_moves_to_the_next_line_whole() -> None:
    assert wrap("Knowledge of the prevalence", 10, "en") == ["Knowledge", "of the", "prevalence"]


@pytest.mark.parametrize(
    ("word", "language", "pieces"),
    [
        ("leverancierskrediet", "nl", ["leveran-", "cierskre-", "diet"]),
        ("policyholders", "en", ["policy-", "holders"]),
    ],
)
def test_a_word_longer_than_its_column_breaks_between_syllables(
    word: str, language: str, pieces: list[str]
) -> None:
    assert wrap(word, 9, language) == pieces


@pytest.mark.parametrize("width", [8, 10])
def test_a_word_with_its_own_hyphen_breaks_there_without_another(width: int) -> None:
    # At 10 "High-mar-" would fit too, but "margin" fits a line whole: no syllable is split.
    assert wrap("High-margin", width, "en") == ["High-", "margin"]
    assert wrap("x High-margin", width, "en") == ["x High-", "margin"]


def test_after_its_own_hyphen_a_piece_too_long_for_any_line_is_still_hyphenated() -> None:
    assert wrap("KNO-leverancierskrediet", 12, "nl") == ["KNO-leveran-", "cierskrediet"]


def test_a_web_address_is_not_hyphenated_as_if_it_had_syllables() -> None:
    lines = wrap("https://example.com/averyverylongpath", 12, "en")
    assert "".join(lines) == "https://example.com/averyverylongpath"
    assert all(cell_len(line) <= 12 for line in lines)


def test_emoji_with_joiners_and_combining_accents_are_measured_as_drawn() -> None:
    family = "👨\u200d👩\u200d👧"  # one emoji, two cells
    assert wrap(" ".join([family] * 4), 5, "en") == [f"{family} {family}", f"{family} {family}"]
    accented = "e\u0301" * 6  # six letters with a combining accent: six cells
    assert wrap(f"{accented} x", 8, "en") == [f"{accented} x"]


def test_the_texts_own_line_breaks_and_blank_lines_are_kept() -> None:
    assert wrap("one\n\ntwo", 10, "en") == ["one", "", "two"]


def test_soft_hyphens_go_only_into_words_longer_than_asked() -> None:
    marked = soft_hyphenated("de groothandelsprijs", "nl", longer_than=10)
    assert marked.startswith("de ") and SOFT_HYPHEN in marked
    assert marked.replace(SOFT_HYPHEN, "") == "de groothandelsprijs"
    assert soft_hyphenated("groothandelsprijs", "nl", longer_than=20) == "groothandelsprijs"


def test_a_character_wider_than_the_column_still_moves_on() -> None:
    family = "👨\u200d👩\u200d👧"
    assert wrap(f"{family}{family} 漢字", 1, "en") == [family, family, "漢", "字"]


WORDS = st.lists(
    st.one_of(
        st.sampled_from(
            ["leverancierskrediet", "High-margin", "👨\u200d👩\u200d👧", "e\u0301", "漢字", "policyholders"]
        ),
        st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=15),
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=200, deadline=2000)
@given(WORDS, st.integers(1, 30), st.sampled_from(["nl", "en"]))
def test_wrapping_keeps_every_character_in_order_and_fits_the_column(
    text: str, width: int, language: str
) -> None:
    lines = wrap(text, width, language)
    assert all(cell_len(line) <= max(width, 2) for line in lines)

    def letters(value: str) -> str:
        return "".join(value.split()).replace("-", "")

    assert letters("".join(lines)) == letters(text)
