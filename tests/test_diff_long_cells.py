"""Long cells: a word diff stays exact in what it says, and never feeds the slow exact matcher a long text.

difflib's matcher takes time that grows with the square of the length (a
20 KB cell took a minute). How fast it runs is measured in
``benchmarks/long_cells.py``; here we check what makes it fast: no call of
the exact matcher ever sees a long stretch, whichever way a 100 KB cell
changed, in `pvm diff`'s word diff and in the partner pairing that the
recovery dialog uses too. And the result still reads right.
"""

from __future__ import annotations

import difflib
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pvm_tui.diff import compare, report, to_plain, words_for
from pvm_tui.diff.marks import NEW, OLD, SAME, word_diff
from pvm_tui.diff.sequence import EXACT_LIMIT, opcodes
from pvm_tui.labels import labels_for
from pvm_tui.model import COLUMN_BY_KEY, Matrix, Partner

CELL = 100_000
COLUMN = COLUMN_BY_KEY["brings.other"]


def prose(size: int, seed: int) -> str:
    """Word salad with a few very common words and many rare ones, as real text has."""
    generator = random.Random(seed)
    vocabulary = [f"woord{index}" for index in range(3000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    words: list[str] = []
    while sum(len(word) + 1 for word in words) < size:
        words += generator.choices(vocabulary, weights, k=200)
    return " ".join(words)[:size].rsplit(" ", 1)[0] + "."


def every_fiftieth_replaced(text: str) -> str:
    return " ".join("ANDERS" if index % 50 == 0 else word for index, word in enumerate(text.split(" ")))


OLD_TEXT = prose(CELL, seed=1)
MIDDLE = OLD_TEXT.index(" ", CELL // 2)
CHANGES = {
    "one word added": OLD_TEXT[:MIDDLE] + " toegevoegd" + OLD_TEXT[MIDDLE:],
    "one word in fifty replaced": every_fiftieth_replaced(OLD_TEXT),
    "written anew": prose(CELL, seed=2),
    "a small vocabulary": " ".join(random.Random(3).choices("abcdefg", k=CELL // 2)),
}


@pytest.fixture
def exact_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size (len(a) * len(b)) of every text given to difflib's matcher from now on."""
    sizes: list[int] = []
    real = difflib.SequenceMatcher

    class Recording(real):  # type: ignore[valid-type, misc]
        def set_seqs(self, a, b):  # type: ignore[no-untyped-def]
            sizes.append(len(a) * len(b))
            super().set_seqs(a, b)

    monkeypatch.setattr(difflib, "SequenceMatcher", Recording)
    return sizes


@pytest.mark.parametrize("how", CHANGES)
def test_a_word_diff_of_a_100_kb_cell_gives_the_exact_matcher_only_short_stretches(
    how: str, exact_sizes: list[int]
) -> None:
    pieces = word_diff(OLD_TEXT, CHANGES[how])
    assert "".join(p.text for p in pieces if p.kind != NEW) == OLD_TEXT
    assert "".join(p.text for p in pieces if p.kind != OLD) == CHANGES[how]
    assert max(exact_sizes, default=0) <= EXACT_LIMIT


@pytest.mark.parametrize("how", CHANGES)
def test_comparing_matrices_with_a_100_kb_cell_gives_the_exact_matcher_only_short_stretches(
    how: str, exact_sizes: list[int]
) -> None:
    # compare() pairs partners by how alike their cells are; the recovery dialog uses it too.
    old = Matrix(partners=(Partner(name="Lang"), Partner(name="Kort"))).with_cell(0, COLUMN, OLD_TEXT)
    new = old.with_cell(0, COLUMN, CHANGES[how])
    assert not compare(old, new).is_empty
    assert max(exact_sizes, default=0) <= EXACT_LIMIT


def test_in_a_100_kb_cell_every_replaced_word_is_marked_and_nothing_else() -> None:
    new = CHANGES["one word in fifty replaced"]
    pieces = word_diff(OLD_TEXT, new)
    inserted = [p.text for p in pieces if p.kind == NEW]
    removed = [p.text for p in pieces if p.kind == OLD]
    replaced = [word for word in OLD_TEXT.split(" ")[::50] if word != "ANDERS"]
    assert inserted == ["ANDERS"] * len(replaced)
    assert removed == replaced


def test_one_word_added_to_a_100_kb_cell_reads_as_that_word_in_pvm_diff() -> None:
    old = Matrix(partners=(Partner(name="Lang"),), language="en").with_cell(0, COLUMN, OLD_TEXT)
    new = old.with_cell(0, COLUMN, CHANGES["one word added"])
    text = to_plain(report(compare(old, new), labels_for("en"), words_for("en")))
    assert text.count("{+") == 1 and "[-" not in text
    assert re.search(r"\{\+ ?toegevoegd ?\+\}", text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from("abcdefgh") | st.text(min_size=1, max_size=2), max_size=400),
    st.lists(st.sampled_from("abcdefgh") | st.text(min_size=1, max_size=2), max_size=400),
)
def test_the_steps_turn_the_old_sequence_into_the_new(a: list[str], b: list[str]) -> None:
    rebuilt: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
            rebuilt += a[i1:i2]
        else:
            rebuilt += b[j1:j2]
    assert rebuilt == b


def test_short_texts_are_compared_as_closely_as_before() -> None:
    pieces = word_diff("the quick brown fox jumps", "the quick red fox leaps")
    assert [(p.kind, p.text) for p in pieces] == [
        (SAME, "the quick "),
        (OLD, "brown"),
        (NEW, "red"),
        (SAME, " fox "),
        (OLD, "jumps"),
        (NEW, "leaps"),
    ]


def test_the_git_drivers_text_diff_of_large_files_gives_the_exact_matcher_only_short_stretches(
    exact_sizes: list[int], tmp_path: Path
) -> None:
    from pvm_tui.subcommands.diff import text_diff

    old = [f'key{index} = "{index * 7919 % 100003}"' for index in range(50_000)]
    new = [line if index % 1000 else f'key{index} = "changed"' for index, line in enumerate(old)]
    (tmp_path / "old.toml").write_text("\n".join(old) + "\n", encoding="utf-8")
    (tmp_path / "new.toml").write_text("\n".join(new) + "\n", encoding="utf-8")
    diff = text_diff("data.toml", str(tmp_path / "old.toml"), str(tmp_path / "new.toml"))
    lines = ["".join(text for _, text in line) for line in diff]
    assert lines[:3] == ["--- a/data.toml", "+++ b/data.toml", "@@ -1,4 +1,4 @@"]
    assert sum(line.startswith("-key") for line in lines) == 50
    assert sum(line.startswith("+key") for line in lines) == 50
    assert max(exact_sizes, default=0) <= EXACT_LIMIT


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=60), st.lists(st.sampled_from("abcde"), max_size=60))
def test_the_unified_diff_applied_to_the_old_lines_gives_the_new(a: list[str], b: list[str]) -> None:
    from pvm_tui.diff.unified import unified_diff

    lines = list(unified_diff(a, b, "a/x", "b/x"))
    if a == b:
        assert lines == []
        return
    assert lines[:2] == ["--- a/x", "+++ b/x"]
    result: list[str] = []
    done = 0  # lines of a already copied or replaced
    for line in lines[2:]:
        hunk = re.fullmatch(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@", line)
        if hunk:
            start, length = int(hunk.group(1)), int(hunk.group(2) or 1)
            first = start - 1 if length else start  # an empty range names the line before
            result += a[done:first]
            done = first
        elif line[0] in " -":
            assert a[done] == line[1:]
            done += 1
            if line[0] == " ":
                result.append(line[1:])
        else:
            result.append(line[1:])
    assert result + a[done:] == b
