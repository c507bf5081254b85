"""What typing over a cell's shown text makes of it: control characters stay themselves (issue 14 §5)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pvm_tui.text import edited_text, harmless, typed_over

CONTROLS = "\x00\x07\x1b\r\x7f\x85\x9b\u2028\u202e\ud800"
texts = st.text(alphabet=st.sampled_from(list("ab \n\t␛␍é") + list(CONTROLS)), max_size=30)
typed_words = st.text(alphabet="xyz", min_size=1, max_size=5)


@given(before=texts, after=texts, word=typed_words)
def test_text_typed_anywhere_keeps_every_character_around_it(before: str, after: str, word: str) -> None:
    typed = harmless(before) + word + harmless(after)
    kept = typed_over(before + after, typed)
    if after:
        assert kept == before + word + after
    else:
        assert kept == (before + word).rstrip()


@given(original=texts)
def test_a_cell_left_as_shown_is_not_changed(original: str) -> None:
    assert edited_text(original, harmless(original)) is None


@given(before=texts, middle=texts, after=texts, word=typed_words)
def test_stand_ins_between_two_changes_are_their_characters_again(
    before: str, middle: str, after: str, word: str
) -> None:
    original = before + middle + after
    typed = word + harmless(original) + word
    kept = typed_over(original, typed)
    assert kept.startswith(word)
    for character in set(CONTROLS) & set(original) - {"\ud800"}:
        assert harmless(character) not in kept or harmless(character) in original


def test_the_issues_example() -> None:
    original = "first line\r\nsecond line"
    assert edited_text(original, harmless(original) + " more") == "first line\r\nsecond line more"
    assert edited_text("a\x1bb", "a␛b!") == "a\x1bb!"
    assert edited_text("a␛b", "a␛b!") == "a␛b!", "a real ␛ the file holds stays a ␛"
