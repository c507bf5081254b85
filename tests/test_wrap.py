"""Wrapping text to a column: whole words, else hyphenated between syllables, measured as drawn."""

from __future__ import annotations

import pytest
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


def test_a_word_with_its_own_hyphen_breaks_there_without_another() -> None:
    assert wrap("High-margin", 8, "en") == ["High-", "margin"]


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
