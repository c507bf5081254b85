"""Saving edits to some partners rewrites only their tables: every other byte of the file stays.

The first save of a session no longer parses the whole file with tomlkit
(``pvm_tui/partner_chunks.py``). What it writes must be exactly what
merging into the whole document writes, and where it cannot cut the file
safely it must say so and leave the save to the whole document.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pvm_tui import partner_chunks, store
from pvm_tui.model import COLUMNS, Matrix

TRICKY = '''\
format = "partnerwaarde-matrix"
version = 1
# [[partners]] in a comment is no table
[company]
name = "Quotes \\"\\"\\" and [[partners]]"

[[partners]]
name = "One"   # a comment after the name
[partners.brings]
resources = """
[[partners]]
looks like a table, is text; ends in a quote:""""
money = \'\'\'
[[partners]] in a literal string\'\'\'

[[ partners ]]
name = 'Two'
gets.other = "dotted"

# A comment between partners belongs to the one above.

[[partners]]
name = "Three"
brings = { channels = "inline" }
'''


def _load(tmp_path: Path, text: str, name: str = "m.toml") -> store.MatrixFile:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return store.load(path)


def _whole_document(text: str, matrix: Matrix, tmp_path: Path) -> str:
    """What merging into the whole tomlkit document writes (the way every save went before)."""
    mf = _load(tmp_path, text, "whole.toml")
    edited = mf.saved
    for index, partner in enumerate(matrix.partners):
        for column in COLUMNS:
            if partner.cell(column) != edited.partners[index].cell(column):
                edited = edited.with_cell(index, column, partner.cell(column))
    edited = replace(edited, company=matrix.company, language=matrix.language)
    mf.document()  # parsed: the whole-document path
    return store.dumps(mf, edited)


def test_the_tables_are_found_past_strings_and_comments() -> None:
    starts = partner_chunks.table_starts(TRICKY)
    assert [TRICKY[start:].split("\n", 1)[0] for start in starts] == [
        "[[partners]]",
        "[[ partners ]]",
        "[[partners]]",
    ]
    assert TRICKY[starts[0] - 1 : starts[0]] == "\n" and "One" in TRICKY[starts[0] : starts[1]]


def test_an_edit_changes_only_its_partners_table(tmp_path: Path) -> None:
    mf = _load(tmp_path, TRICKY)
    money = next(column for column in COLUMNS if column.key == "gets.money")
    edited = mf.saved.with_cell(1, money, "new text\nover two lines")
    store.save(mf, edited, backup=False)
    after = (tmp_path / "m.toml").read_text(encoding="utf-8")
    starts = partner_chunks.table_starts(TRICKY)
    assert after.startswith(TRICKY[: starts[1]]), "everything before the partner, byte for byte"
    assert after.endswith(TRICKY[starts[2] :]), "everything after it, byte for byte"
    assert store.parse(after)[0] == edited
    assert mf._document is None, "the whole document was never parsed"
    # Merging into the whole document also rewrote the header `[[ partners ]]` as `[[partners]]`.
    assert after.replace("[[ partners ]]", "[[partners]]") == _whole_document(TRICKY, edited, tmp_path)


def test_a_table_after_the_partners_leaves_the_save_to_the_whole_document(tmp_path: Path) -> None:
    text = TRICKY + '\n[extra]\nnote = "a table of its own after the partners"\n'
    mf = _load(tmp_path, text)
    other = next(column for column in COLUMNS if column.key == "brings.other")
    edited = mf.saved.with_cell(2, other, "the last partner changes")
    assert partner_chunks.table_starts(text) is None, "a table that is not a partner's follows them"
    reader = store._Reader(mf.path, text, "nl")
    assert partner_chunks.changed_in_place(text, mf.saved, edited, crlf=False, reader=reader) is None
    store.save(mf, edited, backup=False)
    after = (tmp_path / "m.toml").read_text(encoding="utf-8")
    assert store.parse(after)[0] == edited
    assert 'note = "a table of its own after the partners"' in after


def test_a_new_company_name_and_language_change_only_the_part_above_the_partners(tmp_path: Path) -> None:
    text = TRICKY.replace("version = 1\n", 'version = 1\nlanguage = "nl"\n')
    mf = _load(tmp_path, text)
    company = replace(mf.saved.company, name="Acme", location="Enschede")
    edited = replace(mf.saved, company=company, language="en")
    store.save(mf, edited, backup=False)
    after = (tmp_path / "m.toml").read_text(encoding="utf-8")
    starts = partner_chunks.table_starts(text)
    assert starts is not None
    assert after.endswith(text[starts[0] :]), "every partner, byte for byte"
    assert store.parse(after)[0] == edited
    assert 'language = "en"' in after and 'location = "Enschede"' in after
    assert mf._document is None, "the whole document was never parsed"


def test_a_company_table_below_the_partners_leaves_the_save_to_the_whole_document(tmp_path: Path) -> None:
    text = 'format = "partnerwaarde-matrix"\n\n[[partners]]\nname = "One"\n\n[company]\nname = "Late"\n'
    mf = _load(tmp_path, text)
    edited = replace(mf.saved, company=replace(mf.saved.company, name="Later"))
    store.save(mf, edited, backup=False)
    after = (tmp_path / "m.toml").read_text(encoding="utf-8")
    assert store.parse(after)[0] == edited
    assert after.count("[company]") == 1


def test_a_crlf_file_keeps_crlf_in_the_lines_an_edit_adds(tmp_path: Path) -> None:
    text = TRICKY.replace("\n", "\r\n")
    mf = _load(tmp_path, text)
    resources = next(column for column in COLUMNS if column.key == "gets.resources")
    edited = mf.saved.with_cell(2, resources, "one\ntwo")
    store.save(mf, edited, backup=False)
    data = (tmp_path / "m.toml").read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")
    assert store.parse(data.decode("utf-8"))[0] == edited


pieces = st.sampled_from(['"""', "'''", '"', "'", "\\", "\n", "\r\n", "[[partners]]", "#", "x", " ", "é"])
texts = st.lists(pieces, max_size=8).map("".join)
edits = st.lists(st.tuples(st.integers(0, 4), st.sampled_from(COLUMNS), texts), max_size=6)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(base=st.sampled_from(["tinnitracks", "tricky"]), changes=edits, name=st.none() | texts)
def test_any_cell_edits_write_what_the_whole_document_writes(
    tmp_path: Path, base: str, changes: list[tuple[int, object, str]], name: str | None
) -> None:
    text = TRICKY if base == "tricky" else (SAMPLES / "tinnitracks.toml").read_text(encoding="utf-8")
    mf = _load(tmp_path, text)
    edited = mf.saved
    for index, column, value in changes:
        edited = edited.with_cell(index % len(edited.partners), column, value)  # type: ignore[arg-type]
    if name is not None:
        edited = replace(edited, company=replace(edited.company, name=name))
    written = store.dumps(mf, edited)
    assert store.parse(written)[0] == edited
    before, after = partner_chunks.table_starts(text), partner_chunks.table_starts(written)
    assert before is not None and after is not None
    if name is None:
        assert text[: before[0]] == written[: after[0]], "the company and all above the partners, unchanged"
    old_places = list(zip(before, [*before[1:], None], strict=True))
    new_places = list(zip(after, [*after[1:], None], strict=True))
    tables = zip(mf.saved.partners, edited.partners, old_places, new_places, strict=True)
    for was, now, (old_start, old_end), (new_start, new_end) in tables:
        if was == now:
            assert text[old_start:old_end] == written[new_start:new_end], (
                f"{now.name}: unchanged, byte for byte"
            )
    if base == "tinnitracks":
        # The tables that changed are written as merging into the whole document writes them.
        # (In the tricky file, that merge also rewrites `[[ partners ]]` as `[[partners]]`.)
        assert written == _whole_document(text, edited, tmp_path)
