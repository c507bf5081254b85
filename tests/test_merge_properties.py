"""Properties of the three-way merge, for any matrices and any edits (hypothesis).

- one side unchanged: the result is the other side, exactly;
- both sides the same: the result is that;
- swapping the sides swaps the two texts of each conflict and changes nothing else;
- a conflicting cell's markers read back the two texts that were written into it,
  whatever the texts hold (a line "=======" too).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pvm_tui.merge import markers
from pvm_tui.merge.found import conflicts_in
from pvm_tui.merge.three_way import merge
from pvm_tui.merge.words import words_for
from pvm_tui.model import (
    COLUMN_BY_KEY,
    COLUMNS,
    COMPANY_FIELDS,
    Company,
    Influence,
    Matrix,
    Partner,
    Side,
    Status,
)

# Few distinct texts, so that both sides often touch the same cell; a few hard ones too.
texts = st.one_of(
    st.sampled_from(["", "a", "b", "a b", "c\nd", "ä\r\n", "[bold]x[/]", '"""', "=======", "e\n=======\nf"]),
    st.text(max_size=8),
)
sides = st.builds(Side, resources=texts, channels=texts, money=texts, other=texts)
statuses = st.none() | st.sampled_from(Status)
influences = st.none() | st.sampled_from(Influence)
partners = st.builds(
    Partner,
    name=st.sampled_from(["A", "B", "C", "", "A2"]) | texts,
    brings=sides,
    gets=sides,
    status=statuses,
    influence=influences,
    agreements=texts,
)
companies = st.builds(
    Company, name=texts, date=st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)), location=texts
)
matrices = st.builds(
    Matrix,
    company=companies,
    partners=st.lists(partners, max_size=5).map(tuple),
    language=st.sampled_from(["nl", "en"]),
)


@st.composite
def edited(draw: st.DrawFn, matrix: Matrix) -> Matrix:
    """``matrix`` after a few of the edits a person makes: cells, partners added, removed, moved."""
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(
            st.sampled_from(["cell", "cell", "facts", "add", "remove", "move", "company", "language"])
        )
        count = len(matrix.partners)
        if kind == "cell" and count:
            matrix = matrix.with_cell(
                draw(st.integers(0, count - 1)), draw(st.sampled_from(COLUMNS)), draw(texts)
            )
        elif kind == "facts" and count:
            matrix = matrix.with_facts(
                draw(st.integers(0, count - 1)),
                status=draw(statuses),
                influence=draw(influences),
                agreements=draw(texts),
            )
        elif kind == "add":
            matrix = matrix.with_partner_added(draw(st.integers(0, count)), draw(partners))
        elif kind == "remove" and count:
            matrix = matrix.with_partner_removed(draw(st.integers(0, count - 1)))
        elif kind == "move" and count:
            matrix = matrix.with_partner_moved(draw(st.integers(0, count - 1)), draw(st.integers(-2, 2)))
        elif kind == "company":
            name = draw(st.sampled_from(COMPANY_FIELDS))
            value = draw(st.none() | st.dates()) if name == "date" else draw(texts)
            matrix = matrix.with_company(matrix.company.edit(**{name: value}))
        elif kind == "language":
            matrix = matrix.with_language("en" if matrix.language == "nl" else "nl")
    return matrix


@st.composite
def versions(draw: st.DrawFn) -> tuple[Matrix, Matrix, Matrix]:
    """A base and two versions of it: mostly edited copies, sometimes unrelated matrices."""
    base = draw(matrices)
    ours = draw(edited(base) | matrices)
    theirs = draw(edited(base) | matrices)
    return base, ours, theirs


profile = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@profile
@given(versions())
def test_only_ours_changed_gives_ours(three: tuple[Matrix, Matrix, Matrix]) -> None:
    base, ours, _ = three
    result = merge(base, ours, base)
    assert result.clean
    assert result.matrix == ours


@profile
@given(versions())
def test_only_theirs_changed_gives_theirs(three: tuple[Matrix, Matrix, Matrix]) -> None:
    base, _, theirs = three
    result = merge(base, base, theirs)
    assert result.clean
    assert result.matrix == theirs


@profile
@given(versions())
def test_the_same_change_on_both_sides_gives_that_change(three: tuple[Matrix, Matrix, Matrix]) -> None:
    base, ours, _ = three
    result = merge(base, ours, ours)
    assert result.clean
    assert result.matrix == ours


def _with_sides_swapped(result_matrix: Matrix, conflicts: tuple, language: str) -> Matrix:
    words = words_for(language)
    matrix = result_matrix
    for conflict in conflicts:
        text = markers.write(conflict.sides.swapped(), words)
        if conflict.row is None:
            matrix = matrix.with_company(matrix.company.edit(**{conflict.field: text}))
        elif conflict.field == "agreements":
            matrix = matrix.with_facts(conflict.row, agreements=text)
        else:
            matrix = matrix.with_cell(conflict.row, COLUMN_BY_KEY[conflict.field], text)
    return matrix


@profile
@given(versions())
def test_swapping_the_sides_swaps_each_conflict_and_nothing_else(
    three: tuple[Matrix, Matrix, Matrix],
) -> None:
    base, ours, theirs = three
    forward, backward = merge(base, ours, theirs), merge(base, theirs, ours)
    assert backward.conflicts == tuple(conflict.swapped() for conflict in forward.conflicts)
    assert backward.matrix == _with_sides_swapped(forward.matrix, forward.conflicts, forward.matrix.language)


@profile
@given(versions())
def test_every_conflict_is_found_again_in_the_merged_matrix(three: tuple[Matrix, Matrix, Matrix]) -> None:
    base, ours, theirs = three
    result = merge(base, ours, theirs)
    found = conflicts_in(result.matrix)
    # A side's own text may look like a conflict already (the file held one): those are found too.
    assert set(result.conflicts) <= set(found)


@profile
@given(
    st.builds(markers.Sides, st.text(), st.text(), st.booleans(), st.booleans()),
    st.sampled_from(["nl", "en"]),
)
def test_markers_read_back_any_two_texts(sides: markers.Sides, language: str) -> None:
    assert markers.read(markers.write(sides, words_for(language))) == sides
