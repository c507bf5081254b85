"""Any matrix, with any text, survives save then load unchanged, and the file is plain TOML.

Property-based (hypothesis): the text mixes arbitrary Unicode with the
pieces that are hard for a TOML writer: quotes, backslashes, triple quotes,
tabs, CRLF and lone CR line ends, leading and trailing newlines, control
characters that must be escaped, right-to-left and combining text, emoji.
Every file written is also read with Python's own tomllib, independently of
pvm's reader, and must hold the same values.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pvm_tui import store
from pvm_tui.model import (
    CATEGORIES,
    COLUMNS,
    COMPANY_FIELDS,
    SIDES,
    Company,
    Influence,
    Matrix,
    Partner,
    Side,
    Status,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HARD_PIECES = [
    '"""', "'''", '"', "'", "\\", "\\n", "\\u0041", "\t", "\r\n", "\r", "\n", "\n\n", " ", "#", "=",
    "[partners]", "[[partners]]", "\x00", "\x01", "\x1b[31m", "\x1b]0;title\x07", "\x7f", "\x85", "\x9b",
    "\u2028", "\u2029", "\u202e", "\u2066", "\ufeff", "\u200d", "é", "e\u0301", "👨‍👩‍👧", "🇳🇱",
    "שלום", "مرحبا", "日本語", "€", "\U0010ffff",
]  # fmt: skip

# Surrogates (category Cs) are left out: they are halves of UTF-16 pairs, not
# characters, and UTF-8 cannot encode them, so no file can hold them. The
# store writes a lone one as U+FFFD (tested on its own below) instead of
# failing the save; that is a change, so it cannot be part of "unchanged".
characters = st.characters(exclude_categories=("Cs",))
texts = st.one_of(
    st.text(characters, max_size=30),
    st.lists(st.one_of(st.sampled_from(HARD_PIECES), st.text(characters, max_size=5)), max_size=8).map(
        "".join
    ),
)
sides = st.builds(Side, resources=texts, channels=texts, money=texts, other=texts)
statuses = st.none() | st.sampled_from(Status)
influences = st.none() | st.sampled_from(Influence)
partners = st.builds(
    Partner,
    name=texts,
    brings=sides,
    gets=sides,
    status=statuses,
    influence=influences,
    agreements=st.just("") | texts,
)
companies = st.builds(
    Company,
    name=texts,
    date=st.none() | st.dates(),
    industry=texts,
    offering=texts,
    size=texts,
    revenue=texts,
    location=texts,
    description=texts,
)
matrices = st.builds(
    Matrix,
    company=companies,
    partners=st.lists(partners, max_size=4).map(tuple),
    language=st.sampled_from(["nl", "en"]),
)

HAND_EDITED = """\
# Written by hand, in every way TOML allows.
format = "partnerwaarde-matrix"
version = 1

[company]
name = 'Acme (literal string)'   # a comment after a value
description = '''
Several lines
in a literal string.'''
unknown_key = "kept"

[[partners]]
name = "Inline"
brings = { resources = "a", money = "b" }
gets.other = "dotted key"

[[partners]]
"name" = "Quoted key"

[partners.brings]
channels = \"\"\"
multi
line\"\"\"

[extra]
note = "an unknown table"
"""
INLINE_PARTNERS = """\
format = "partnerwaarde-matrix"
company = { name = "Inline company" }
partners = [
  { name = "One", brings = { money = "m" } },
  { name = "Two", gets = { other = "o" } },
]
"""
BASES = {
    "tinnitracks": (SAMPLES / "tinnitracks.toml").read_text(encoding="utf-8"),
    "blank": (SAMPLES / "blank.toml").read_text(encoding="utf-8"),
    "hand-edited": HAND_EDITED,
    "hand-edited-crlf": HAND_EDITED.replace("\n", "\r\n"),
    "inline-partners": INLINE_PARTNERS,
    "empty": "",
}

profile = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def values_in(text: str, language: str = "nl") -> Matrix:
    """The matrix a file holds, as Python's tomllib reads it: independent of pvm's own reader."""
    data: dict[str, Any] = tomllib.loads(text)
    company: dict[str, Any] = data.get("company", {})
    return Matrix(
        company=Company(**{name: company[name] for name in COMPANY_FIELDS if name in company}),
        partners=tuple(
            Partner(
                name=table.get("name", ""),
                **{
                    side: Side(**{category: table.get(side, {}).get(category, "") for category in CATEGORIES})
                    for side in SIDES
                },
                status=Status(table["status"]) if "status" in table else None,
                influence=Influence(table["influence"]) if "influence" in table else None,
                agreements=table.get("agreements", ""),
            )
            for table in data.get("partners", [])
        ),
        language=data.get("language", language),
    )


def saved_and_read(mf: store.MatrixFile, matrix: Matrix) -> tuple[Matrix, Matrix]:
    """Save ``matrix``; what pvm reads back, and what tomllib reads in the file."""
    store.save(mf, matrix)
    data = mf.path.read_bytes()
    return store.load(mf.path).saved, values_in(data.decode("utf-8"), matrix.language)


@profile
@given(matrix=matrices)
def test_any_matrix_survives_a_new_file(matrix: Matrix) -> None:
    with tempfile.TemporaryDirectory() as folder:
        mf = store.new_file(Path(folder) / "partners.toml", matrix)
        read_back, in_file = saved_and_read(mf, matrix)
    assert read_back == matrix
    assert in_file == matrix


Edit = Callable[[Matrix], Matrix]


def _cell(row: int, column: int, text: str) -> Edit:
    def edit(matrix: Matrix) -> Matrix:
        if not matrix.partners:
            return matrix
        return matrix.with_cell(row % len(matrix.partners), COLUMNS[column], text)

    return edit


def _add(index: int, partner: Partner) -> Edit:
    return lambda matrix: matrix.with_partner_added(index, partner)


def _remove(index: int) -> Edit:
    return lambda matrix: (
        matrix.with_partner_removed(index % len(matrix.partners)) if matrix.partners else matrix
    )


def _move(index: int, offset: int) -> Edit:
    return lambda matrix: (
        matrix.with_partner_moved(index % len(matrix.partners), offset) if matrix.partners else matrix
    )


def _facts(row: int, status: Status | None, influence: Influence | None, agreements: str) -> Edit:
    def edit(matrix: Matrix) -> Matrix:
        if not matrix.partners:
            return matrix
        return matrix.with_facts(
            row % len(matrix.partners), status=status, influence=influence, agreements=agreements
        )

    return edit


def _company(name: str, text: str, date: dt.date | None) -> Edit:
    return lambda matrix: matrix.with_company(matrix.company.edit(**{name: text, "date": date}))


class Undo:
    """Go back ``steps`` matrices in the history, as the editor's undo does (partners come back)."""

    def __init__(self, steps: int):
        self.steps = steps


edits = st.one_of(
    st.builds(Undo, st.integers(1, 6)),
    st.builds(_cell, st.integers(0, 50), st.integers(0, len(COLUMNS) - 1), texts),
    st.builds(_cell, st.integers(0, 50), st.integers(0, len(COLUMNS) - 1), texts),
    st.builds(_add, st.integers(0, 50), partners),
    st.builds(_facts, st.integers(0, 50), statuses, influences, st.just("") | texts),
    st.builds(_remove, st.integers(0, 50)),
    st.builds(_move, st.integers(0, 50), st.integers(-3, 3)),
    st.builds(
        _company, st.sampled_from([n for n in COMPANY_FIELDS if n != "date"]), texts, st.none() | st.dates()
    ),
    st.builds(lambda language: lambda matrix: matrix.with_language(language), st.sampled_from(["nl", "en"])),
)


@profile
@given(
    base=st.sampled_from(sorted(BASES)),
    sessions=st.lists(st.lists(edits, max_size=5), min_size=1, max_size=3),
)
def test_edits_merged_into_a_hand_edited_file_survive(base: str, sessions: list[list[Edit | Undo]]) -> None:
    """Edits, saved a few times over, into files people wrote: pvm and tomllib both read them back."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "partners.toml"
        path.write_bytes(BASES[base].encode("utf-8"))
        mf = store.load(path)
        matrix = mf.saved
        history = [matrix]
        for session in sessions:
            for edit in session:
                if isinstance(edit, Undo):
                    matrix = history[max(0, len(history) - 1 - edit.steps)]
                else:
                    matrix = edit(matrix)
                history.append(matrix)
            read_back, in_file = saved_and_read(mf, matrix)
            assert read_back == matrix
            assert in_file == matrix
        text = path.read_text(encoding="utf-8")
    # What pvm does not know of stays: the first comment, unknown keys and tables.
    first_comment = next((line for line in BASES[base].splitlines() if line.startswith("#")), "")
    assert first_comment in text
    if base.startswith("hand-edited"):
        assert tomllib.loads(text)["extra"] == {"note": "an unknown table"}
        assert tomllib.loads(text)["company"]["unknown_key"] == "kept"


def test_a_lone_surrogate_is_saved_as_the_replacement_character(tmp_path: Path) -> None:
    """Half a UTF-16 pair cannot be written as UTF-8: it becomes U+FFFD instead of failing the save."""
    path = tmp_path / "partners.toml"
    matrix = Matrix(
        partners=(Partner(name="broken \ud800 text", brings=Side(other="pair \ud83d\ude00 joined")),)
    )
    store.save(store.new_file(path, matrix), matrix)
    loaded = store.load(path).saved
    assert loaded.partners[0].name == "broken \ufffd text"
    assert loaded.partners[0].brings.other == "pair 😀 joined"


@profile
@given(base=st.sampled_from(["tinnitracks", "blank", "hand-edited", "hand-edited-crlf"]), data=st.data())
def test_moving_partners_and_back_gives_the_same_file(base: str, data: st.DataObject) -> None:
    """Reordering is undone without a trace: no blank lines pile up, nothing moves for good."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "partners.toml"
        path.write_bytes(BASES[base].encode("utf-8"))
        mf = store.load(path)
        original = mf.saved
        for _ in range(data.draw(st.integers(1, 4))):
            moved = mf.saved
            for _ in range(data.draw(st.integers(1, 3))):
                index = data.draw(st.integers(0, max(0, len(moved) - 1)))
                moved = (
                    moved.with_partner_moved(index, data.draw(st.integers(-3, 3))) if len(moved) else moved
                )
            store.save(mf, moved)
        store.save(mf, original)
        assert path.read_bytes() == BASES[base].encode("utf-8")
