"""What pvm writes into a matrix file or a recovery copy holds no code a terminal acts on.

TOML lets C1 controls (U+009B is a terminal's CSI, U+0085 a line break),
the bidirectional overrides and the line and paragraph separators stand in
a string as they are, so text pasted into a cell went into the file as it
was and worked on the terminal of whoever ran ``cat FILE`` or ``git diff``.
pvm writes them as ``\\uXXXX`` escapes: every TOML reader gets the very same
text back, and the file shows harmlessly. Values the user did not change
are left byte for byte as they were.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pvm_tui import recovery_store, store
from pvm_tui.model import COLUMN_BY_KEY, Company, Matrix, Partner

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CODES = "\u009b\u0085\u202e\u2066\u2028\u2029"
ONE_LINE = "red\u009b31m\u202e text"
LINES = f"first{CODES}\nsecond \u009b2J"
CODE_BYTES = [character.encode("utf-8") for character in CODES]


def assert_no_codes(data: bytes) -> None:
    for code in CODE_BYTES:
        assert code not in data, f"{code!r} is written as it is"


def test_a_saved_cell_and_company_name_hold_codes_only_as_escapes(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    untouched = 'name = "kept \u009b as it was"\n'
    path.write_text(f'[company]\nname = "Acme"\n\n[[partners]]\n{untouched}', encoding="utf-8")
    mf = store.load(path)
    matrix = mf.saved.with_company(Company(name=ONE_LINE))
    matrix = matrix.with_cell(0, COLUMN_BY_KEY["brings.other"], LINES)
    store.save(mf, matrix, backup=False)
    data = path.read_bytes()
    assert untouched.encode("utf-8") in data, "a value the user did not change stays byte for byte"
    assert_no_codes(data.replace(untouched.encode("utf-8"), b""))
    read = tomllib.loads(data.decode("utf-8"))
    assert read["company"]["name"] == ONE_LINE
    assert read["partners"][0]["brings"]["other"] == LINES
    assert store.load(path).saved == matrix


def test_a_new_file_holds_codes_only_as_escapes(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    matrix = Matrix(company=Company(name=ONE_LINE), partners=(Partner(name=LINES),), language="en")
    store.save(store.new_file(path, matrix), matrix)
    assert_no_codes(path.read_bytes())
    assert store.load(path).saved.partners[0].name == LINES


def test_a_recovery_copy_holds_codes_only_as_escapes(tmp_path: Path) -> None:
    file = tmp_path / "m.toml"
    matrix = Matrix(company=Company(name=ONE_LINE), partners=(Partner(name=LINES),), language="en")
    path = recovery_store.copy_path(file)
    recovery_store.write(path, matrix, file, None)
    assert_no_codes(path.read_bytes())
    copy = recovery_store.read(path)
    assert (copy.matrix.company.name, copy.matrix.partners[0].name) == (ONE_LINE, LINES)
