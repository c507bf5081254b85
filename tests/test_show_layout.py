"""Which layout `pvm show` picks for what the matrix holds: whole words first, the grid when they fit.

Read as a user reads the output: the tokens between the grid's lines.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pyphen
import pytest
from rich.cells import cell_len

from pvm_tui import store
from pvm_tui.labels import labels_for
from pvm_tui.model import COLUMNS, SIDES
from tests.split_words import texts_of, words_of
from tests.test_cli_show import EN, NL, run_on_terminal

RunPvm = Callable[..., subprocess.CompletedProcess[str]]
BOX = re.compile(r"[│┌┐└┘├┤┬┴┼─]")
BALANCE = re.compile(r" {2,}[⇄→←○] \S+$")  # at the right edge of a card's first line
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SYLLABLES = {"nl": "nl_NL", "en": "en_GB"}


def tokens(out: str) -> list[list[str]]:
    """Per line of the output, its words, with the grid's lines and a card's balance marker taken out."""
    return [BALANCE.sub("", BOX.sub(" ", line)).split() for line in out.splitlines()]


def matrix_words(path: Path) -> set[str]:
    """Every word of every cell (the partner names too) and of every heading of the matrix."""
    matrix = store.load(path).saved
    labels = labels_for(matrix.language)
    texts = [partner.cell(column) for partner in matrix.partners for column in COLUMNS]
    texts += [labels.column_heading(column) for column in COLUMNS]
    texts += [labels.sides[side] for side in SIDES]
    return words_of(texts)


def source_words(path: Path) -> set[str]:
    """Every word the page may show whole: the file's text and the labels'."""
    matrix = store.load(path).saved
    return words_of(texts_of(matrix, labels_for(matrix.language)))


def added_hyphens(out: str, path: Path, *, own_too: bool = True) -> list[str]:
    """The pieces that end in a hyphen the text does not have: words split over two lines.

    ``own_too`` False lets a word break after a hyphen it has itself ("High-" "margin").
    """
    source = source_words(path)

    def own(token: str) -> bool:
        return not own_too and any(word.startswith(token) and len(word) > len(token) for word in source)

    return [
        token
        for line in tokens(out)
        for token in line
        if token.endswith("-") and token not in source and not own(token)
    ]


def tables(out: str) -> list[list[str]]:
    """The tables of the output, each as its lines (from its top line to its bottom line)."""
    found: list[list[str]] = []
    for line in out.splitlines():
        if line.startswith("┌"):
            found.append([])
        if found and (line.startswith(("┌", "│", "├")) or (line.startswith("└") and found[-1][-1][0] != "└")):
            found[-1].append(line)
    return found


@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
def test_at_120_columns_no_word_of_the_samples_is_split(run_pvm: RunPvm, sample: Path) -> None:
    out = run_pvm("show", str(sample), "--width", "120").stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 120
    assert added_hyphens(out, sample) == []
    drawn = {token for line in tokens(out) for token in line}
    assert sorted(matrix_words(sample) - drawn) == []  # every word of every cell, whole on some line


@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
def test_at_120_columns_the_matrix_is_one_table_per_side_lined_up(run_pvm: RunPvm, sample: Path) -> None:
    out = run_pvm("show", str(sample), "--width", "120").stdout
    labels = labels_for(store.load(sample).saved.language)
    brings, gets = tables(out)
    for table, side, other in [(brings, "brings", "gets"), (gets, "gets", "brings")]:
        assert labels.sides[side] in table[1] and labels.sides[other] not in "\n".join(table)
        assert len({cell_len(line) for line in table}) == 1
        assert table[-1].count("┴") == 4  # the partner column and four categories
    assert brings[0].index("┬") == gets[0].index("┬")  # the partner columns are as wide
    # Every partner in both, in the file's order; its balance marker once, in the first.
    names = [partner.name.split()[0] for partner in store.load(sample).saved.partners]  # names wrap
    for table in (brings, gets):
        shown = "\n".join(table)
        assert [shown.index(name) for name in names] == sorted(shown.index(name) for name in names)
    assert "\n".join(brings).count("⇄") == len(names) and "⇄" not in "\n".join(gets)


@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
@pytest.mark.parametrize("width", ["160", "200"])
def test_from_160_columns_the_samples_are_the_whole_grid_with_no_word_split(
    run_pvm: RunPvm, sample: Path, width: str
) -> None:
    out = run_pvm("show", str(sample), "--width", width).stdout
    (grid,) = tables(out)
    assert grid[-1].count("┴") == 8  # nine columns: the partner and eight categories
    labels = labels_for(store.load(sample).saved.language)
    assert labels.sides["brings"] in grid[1] and labels.sides["gets"] in grid[1]
    assert added_hyphens(out, sample) == []
    drawn = {token for line in tokens(out) for token in line}
    assert sorted(matrix_words(sample) - drawn) == []


def test_the_layout_follows_the_content_not_only_the_width(run_pvm: RunPvm) -> None:
    # At 140 columns the English sample's longest words fit the nine columns, the Dutch ones do not.
    english = run_pvm("show", str(EN), "--width", "140").stdout
    dutch = run_pvm("show", str(NL), "--width", "140").stdout
    assert len(tables(english)) == 1 and len(tables(dutch)) == 2
    assert added_hyphens(english, EN, own_too=False) == [] and added_hyphens(dutch, NL) == []


def test_a_word_with_its_own_hyphen_breaks_only_there_in_a_narrow_column(run_pvm: RunPvm) -> None:
    # "High-margin" is wider than its column at 140: it breaks after "High-", not at "mar-".
    out = run_pvm("show", str(EN), "--width", "140").stdout
    pieces = [token for line in tokens(out) for token in line]
    assert "High-" in pieces and "margin" in pieces and "High-mar-" not in pieces


@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
def test_a_narrow_width_still_hyphenates_between_syllables(run_pvm: RunPvm, sample: Path) -> None:
    out = run_pvm("show", str(sample), "--width", "20").stdout
    lines = tokens(out)
    language = store.load(sample).saved.language
    source = source_words(sample)
    split: list[list[str]] = []  # each word split over lines, as its pieces
    current: list[str] = []
    for line in lines:
        if current:  # the word goes on at the start of this line
            current.append(line[0])
            if len(line) == 1 and line[0].endswith("-") and line[0] not in source:
                continue
            split.append(current)
            current = []
            if len(line) == 1:
                continue
        if line and line[-1].endswith("-") and line[-1] not in source:
            current = [line[-1]]
    assert split  # at 20 columns some words are longer than their column
    positions = pyphen.Pyphen(lang=SYLLABLES[language])
    for pieces in split:
        word = "".join(piece.removesuffix("-") for piece in pieces[:-1]) + pieces[-1]
        assert word in source, pieces
        cuts, at = set(positions.positions(word)), 0
        for piece in pieces[:-1]:
            at += len(piece) - 1
            assert at in cuts, (pieces, at)


def test_on_a_terminal_of_120_columns_the_layout_is_the_one_for_width_120(run_pvm: RunPvm) -> None:
    # Colour on a terminal, plain text in a pipe (and for git's textconv): the same page.
    drawn = ESCAPE.sub("", run_on_terminal(["show", str(NL)], env={}, columns=120)).replace("\r\n", "\n")
    piped = run_pvm("show", str(NL), "--width", "120").stdout
    assert [line.rstrip() for line in drawn.splitlines()] == piped.splitlines()
    assert len(tables(piped)) == 2
