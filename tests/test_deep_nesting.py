"""`pvm check` and saving agree: a file pvm opens, it can save, or it refuses it in one line.

Saving parses the file with tomlkit (to keep comments and unknown keys),
which stops at 100 levels of nesting; the standard parser that opens files
goes much deeper. Unknown keys nested that deep are refused when opening.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pvm_tui import store
from pvm_tui.model import COLUMN_BY_KEY

HEAD = '[company]\nname = "Acme"\n\n[[partners]]\nname = "Sennheiser"\n'


def lists(depth: int) -> str:
    return HEAD + "odd = " + "[" * depth + "]" * depth + "\n"


def dotted(parts: int) -> str:
    return HEAD + ".".join(["part"] * parts) + " = 1\n"


def inline_tables(depth: int) -> str:
    return HEAD + "odd = " + "{ a = " * depth + "1" + " }" * depth + "\n"


def heading(parts: int) -> str:
    return HEAD + "\n[" + ".".join(["part"] * parts) + "]\nx = 1\n"


def in_a_side(depth: int) -> str:
    return HEAD + '[partners.brings]\nmoney = "much"\nodd = ' + "[" * depth + "]" * depth + "\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "lists": lists,
    "dotted key": dotted,
    "inline tables": inline_tables,
    "heading": heading,
    "in a side": in_a_side,
}


@pytest.mark.parametrize(("shape", "depth"), [("lists", 200), ("dotted key", 100), ("heading", 150)])
def test_the_issues_files_are_refused_in_one_line(run_pvm, tmp_path: Path, shape: str, depth: int) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(SHAPES[shape](depth), encoding="utf-8")
    result = run_pvm("check", str(path))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "nested more than 100 levels deep" in result.stderr
    assert "pvm cannot save such a file" in result.stderr
    assert "Traceback" not in result.stderr and "ParseError" not in result.stderr


def test_the_refusal_names_the_key_and_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(lists(200), encoding="utf-8")
    with pytest.raises(store.MatrixFileError) as caught:
        store.load(path)
    assert str(caught.value).startswith(f"{path}:6:7: partners[1].odd: nested more than 100 levels deep")


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_file_that_opens_can_be_saved(tmp_path: Path, shape: str) -> None:
    """Around tomlkit's limit, each file is refused on opening, or saves with its unknown key intact."""
    opened = refused = 0
    for depth in range(90, 106):
        path = tmp_path / f"{depth}.toml"
        text = SHAPES[shape](depth)
        path.write_text(text, encoding="utf-8")
        try:
            mf = store.load(path)
        except store.MatrixFileError as error:
            assert "nested more than 100 levels deep" in str(error)
            refused += 1
            continue
        opened += 1
        edited = mf.saved.with_cell(0, COLUMN_BY_KEY["gets.money"], "a share")
        store.save(mf, edited)
        saved = path.read_text(encoding="utf-8")
        assert all(line in saved.splitlines() for line in text.splitlines())  # the unknown key kept
        assert store.load(path).saved == edited
    assert opened and refused  # both sides of the limit were tried
