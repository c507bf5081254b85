"""A save keeps the file's own conventions: CR LF line endings (in the lines it adds too) and a BOM."""

from __future__ import annotations

import re
from pathlib import Path

from pvm_tui import store
from pvm_tui.model import COLUMN_BY_KEY, Partner, Side

LINES = [
    "# Our partners, written on Windows",
    'language = "en"',
    "",
    "[company]",
    'name = "Acme"',
    "",
    "[[partners]]",
    'name = "Sennheiser"',
    "",
    "[partners.brings]",
    'money = "much"',
]


def edit(path: Path) -> None:
    """Change a cell to two lines, add a partner and a company field, and save."""
    mf = store.load(path)
    matrix = mf.saved.with_cell(0, COLUMN_BY_KEY["gets.money"], "a share\nof the revenue")
    matrix = matrix.with_partner_added(1, Partner(name="Spotify", brings=Side(channels="app\nweb")))
    matrix = matrix.with_company(matrix.company.edit(industry="music"))
    store.save(mf, matrix)
    assert store.load(path).saved == matrix


def test_lines_a_save_adds_to_a_crlf_file_end_in_crlf(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_bytes("\r\n".join(LINES).encode() + b"\r\n")
    edit(path)
    data = path.read_bytes()
    assert re.search(rb"(?<!\r)\n", data) is None, data
    assert data.count(b"\r\n") > len(LINES) + 8
    assert data.startswith("\r\n".join(LINES[:5]).encode() + b"\r\n")  # what was there stays as it was


def test_a_file_with_lf_keeps_lf(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_bytes("\n".join(LINES).encode() + b"\n")
    edit(path)
    assert b"\r" not in path.read_bytes()


def test_a_file_of_mixed_endings_keeps_every_line_it_had_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    original = "\r\n".join(LINES[:4]).encode() + b"\r\n" + "\n".join(LINES[4:]).encode() + b"\n"
    path.write_bytes(original)
    edit(path)
    data = path.read_bytes()
    assert data.startswith("\r\n".join(LINES[:4]).encode() + b"\r\n" + LINES[4].encode() + b"\n")


def test_a_utf8_byte_order_mark_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(LINES).encode() + b"\r\n")
    edit(path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# Our partners")
    assert data.count(b"\xef\xbb\xbf") == 1
    # Saved again unchanged: the same bytes, so the next save sees no outside change.
    mf = store.load(path)
    store.save(mf, mf.saved.with_cell(0, COLUMN_BY_KEY["name"], "Sennheiser GmbH"))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf# Our partners")


def test_a_file_without_a_byte_order_mark_gets_none(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_bytes("\n".join(LINES).encode() + b"\n")
    edit(path)
    assert path.read_bytes().startswith(b"# Our partners")
