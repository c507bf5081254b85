"""The matrix file: reading, validating, and saving without losing what a person wrote."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pvm_tui import store
from pvm_tui.model import COLUMN_BY_KEY, COLUMNS, Company, Matrix, Partner, Side
from pvm_tui.store import FileChangedError, MatrixFileError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.toml"))

HAND_EDITED = """\
# My partners, kept by hand.   Odd spacing on purpose.
format="partnerwaarde-matrix"
version   =   1
language = "nl"   # Dutch labels
favourite_colour = "blauw"        # not pvm's: must survive

[company]
name =   'Acme'          # a literal string
# date = 2026-01-01
industry = "tools"
owner = "Ada"                      # unknown key in a known table

[[partners]]
  name = "Sennheiser"   # indented by hand
  note = "met Jan gesproken"

  [partners.brings]
  resources = "Koptelefoons"
  channels = "Winkels"

  [partners.gets]
  money = "Marge"

[[partners]]
name = "Fonds"
[partners.brings]
money = \"\"\"
Startkapitaal
en advies\"\"\"

# trailing comment that must stay
[extra]
anything = [1, 2, 3]
"""


def write(tmp_path: Path, text: str, name: str = "matrix.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a diff shows as removed (-) or added (+)."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


# -- round trips --------------------------------------------------------------


def test_there_are_three_samples() -> None:
    assert [path.name for path in SAMPLE_FILES] == ["blank.toml", "tinnitracks.en.toml", "tinnitracks.toml"]


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda path: path.name)
def test_every_sample_round_trips(sample: Path, tmp_path: Path) -> None:
    mf = store.load(sample)
    target = tmp_path / sample.name
    store.save(mf, mf.saved, path=target)
    assert store.load(target).saved == store.load(sample).saved
    # Nothing changed, so nothing is rewritten: the same bytes, comments and all.
    assert target.read_bytes() == sample.read_bytes()


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda path: path.name)
def test_every_sample_round_trips_with_every_cell_edited(sample: Path, tmp_path: Path) -> None:
    path = tmp_path / sample.name
    shutil.copy(sample, path)
    mf = store.load(path)
    matrix = mf.saved
    for row in range(len(matrix)):
        for column in COLUMNS:
            matrix = matrix.with_cell(row, column, f'{column.key} {row}\nline two "quoted" \\ back')
    store.save(mf, matrix)
    assert store.load(path).saved == matrix
    tomllib.loads(path.read_text(encoding="utf-8"))


def test_a_hand_edited_file_changes_only_the_edited_line(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    mf = store.load(path)
    edited = mf.saved.with_cell(0, COLUMN_BY_KEY["brings.channels"], "Webshop")
    store.save(mf, edited)
    after = path.read_text(encoding="utf-8")
    assert changed_lines(HAND_EDITED, after) == ['-  channels = "Winkels"', '+  channels = "Webshop"']
    assert store.load(path).saved == edited


def test_a_hand_edited_company_field_keeps_its_neighbours(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    mf = store.load(path)
    store.save(mf, mf.saved.with_company(mf.saved.company.edit(industry="gereedschap")))
    after = path.read_text(encoding="utf-8")
    assert changed_lines(HAND_EDITED, after) == ['-industry = "tools"', '+industry = "gereedschap"']


def test_unknown_keys_and_tables_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    mf = store.load(path)
    edited = mf.saved.with_cell(1, COLUMN_BY_KEY["gets.other"], "Rendement").with_partner_moved(1, -1)
    store.save(mf, edited)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["favourite_colour"] == "blauw"
    assert data["company"]["owner"] == "Ada"
    assert data["extra"] == {"anything": [1, 2, 3]}
    assert [p["name"] for p in data["partners"]] == ["Fonds", "Sennheiser"]
    assert data["partners"][1]["note"] == "met Jan gesproken"
    assert data["partners"][0]["gets"]["other"] == "Rendement"
    assert store.load(path).saved == edited


def test_multi_line_text_is_written_as_a_multi_line_string(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    mf = store.load(path)
    store.save(mf, mf.saved.with_cell(0, COLUMN_BY_KEY["gets.other"], "eerste regel\ntweede regel"))
    text = path.read_text(encoding="utf-8")
    assert 'other = """eerste regel\ntweede regel"""' in text
    assert store.load(path).saved.partners[0].gets.other == "eerste regel\ntweede regel"


def test_an_emptied_category_is_left_out(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    mf = store.load(path)
    store.save(mf, mf.saved.with_cell(0, COLUMN_BY_KEY["brings.channels"], ""))
    assert "channels" not in tomllib.loads(path.read_text(encoding="utf-8"))["partners"][0]["brings"]


def test_added_and_removed_partners(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    mf = store.load(path)
    edited = mf.saved.with_partner_added(
        1, Partner(name="Nieuw", gets=Side(money="geld"))
    ).with_partner_removed(0)
    store.save(mf, edited)
    assert store.load(path).saved == edited
    assert "# trailing comment that must stay" in path.read_text(encoding="utf-8")


TRICKY = st.text(
    st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be UTF-8
    max_size=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=TRICKY, cell=TRICKY, description=TRICKY)
def test_python_tomllib_reads_back_whatever_pvm_writes(name: str, cell: str, description: str) -> None:
    matrix = Matrix(
        company=Company(name=name, description=description, date=dt.date(2026, 11, 28)),
        partners=(Partner(name=name, brings=Side(other=cell)), Partner(gets=Side(money=cell))),
    )
    text = store.dumps(store.new_file("new.toml", Matrix()), matrix)
    tomllib.loads(text)
    assert store.parse(text)[0] == matrix
    # And merged into an existing hand-edited document.
    mf = store.MatrixFile(path=Path("m.toml"), saved=store.parse(HAND_EDITED)[0], source=HAND_EDITED)
    edited = mf.saved.with_cell(0, COLUMN_BY_KEY["brings.resources"], cell).with_cell(
        1, COLUMN_BY_KEY["name"], name
    )
    text = store.dumps(mf, edited)
    tomllib.loads(text)
    assert store.parse(text)[0] == edited


# -- errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ('format = "partnerwaarde-matrix"\nname = "x\n', "2:", "not valid TOML"),
        (
            "[company]\nname = 5\n",
            "2:8: company.name:",
            'expected text in quotes, found the number 5 (write name = "5")',
        ),
        (
            '[[partners]]\nname = "A"\n[[partners]]\nname = true\n',
            "4:8: partners[2].name:",
            "found true",
        ),
        (
            '[[partners]]\nname = "A"\n[partners.brings]\nmoney = 3\n',
            "4:9: partners[1].brings.money:",
            "found the number 3",
        ),
        ('[[partners]]\nbrings = "veel"\n', "2:10: partners[1].brings:", "expected a table"),
        (
            '[partners]\nname = "A"\n',
            "1:1: partners:",
            "expected a list of [[partners]] tables, found a table",
        ),
        ("version = 2\n", "1:11: version:", "made by a newer pvm"),
        ('version = "1"\n', "1:11: version:", "expected a whole number"),
        ('format = "business-canvas"\n', "1:10: format:", 'expected "partnerwaarde-matrix"'),
        ('language = "de"\n', "1:12: language:", 'expected "nl" or "en"'),
        ("[company]\ndate = 2026-13-01\n", "2:", "not valid TOML"),
        ('[company]\ndate = "soon"\n', "2:8: company.date:", "expected a date like 2026-11-28"),
        ('company = "Acme"\n', "1:11: company:", "expected a [company] table"),
    ],
)
def test_an_unusable_file_says_where_and_why(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(MatrixFileError) as caught:
        store.load(path)
    said = str(caught.value)
    assert said.startswith(f"{path}:{where}"), said
    assert message in said
    assert "\n" not in said


def test_not_toml_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, 'version = 1\n[company]\nname = "Acme" oops\n')
    with pytest.raises(MatrixFileError) as caught:
        store.load(path)
    assert (caught.value.line, caught.value.column) == (3, 15)
    assert str(caught.value).startswith(f"{path}:3:15: not valid TOML")


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MatrixFileError, match=r"no such file$"):
        store.load(tmp_path / "nope.toml")


def test_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(MatrixFileError, match=r"the folder .*nowhere does not exist"):
        store.load(tmp_path / "nowhere" / "nope.toml")


def test_a_folder(tmp_path: Path) -> None:
    with pytest.raises(MatrixFileError, match="is a folder"):
        store.load(tmp_path)


def test_binary_and_non_utf8_files(tmp_path: Path) -> None:
    (tmp_path / "bin.toml").write_bytes(b"name = 1\x00\x01")
    with pytest.raises(MatrixFileError, match="is not a text file"):
        store.load(tmp_path / "bin.toml")
    (tmp_path / "latin.toml").write_bytes('[company]\nname = "Caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(MatrixFileError, match="not UTF-8") as caught:
        store.load(tmp_path / "latin.toml")
    assert caught.value.line == 2


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "bom.toml").write_bytes('\ufeff[company]\nname = "Acme"\n'.encode())
    assert store.load(tmp_path / "bom.toml").saved.company.name == "Acme"


def test_a_file_without_language_takes_the_default(tmp_path: Path) -> None:
    path = write(tmp_path, '[company]\nname = "Acme"\n')
    assert store.load(path, default_language="en").saved.language == "en"
    assert store.load(path, default_language="nl").saved.language == "nl"
    assert not store.load(path).has_language
    assert (
        store.load(write(tmp_path, 'language = "nl"\n', "nl.toml"), default_language="en").saved.language
        == "nl"
    )


def test_dates_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, "[company]\ndate = 2026-11-28\n")
    assert store.load(path).saved.company.date == dt.date(2026, 11, 28)


# -- saving ----------------------------------------------------------------------


def test_saving_keeps_the_previous_version_as_a_backup(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    mf = store.load(path)
    store.save(mf, mf.saved.with_cell(0, COLUMN_BY_KEY["name"], "Sony"))
    assert (tmp_path / "matrix.toml~").read_text(encoding="utf-8") == HAND_EDITED
    assert store.load(path).saved.partners[0].name == "Sony"


def test_no_backup_when_asked(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    mf = store.load(path)
    store.save(mf, mf.saved.with_cell(0, COLUMN_BY_KEY["name"], "Sony"), backup=False)
    assert not (tmp_path / "matrix.toml~").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["matrix.toml"]  # no temporary file left either


def test_saving_a_new_file_creates_it_with_its_partners(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    matrix = Matrix(
        company=Company(name="Acme"),
        partners=(Partner(name="A", brings=Side(money="geld")), Partner()),
        language="en",
    )
    store.save(store.new_file(path, matrix), matrix)
    text = path.read_text(encoding="utf-8")
    assert store.load(path).saved == matrix
    assert text.startswith("# Partner Value Matrix")
    assert tomllib.loads(text)["partners"][0]["brings"] == {"money": "geld"}
    assert not (tmp_path / "new.toml~").exists()


def test_a_new_file_does_not_overwrite_an_existing_one(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    with pytest.raises(FileChangedError, match="already exists"):
        store.save(store.new_file(path, Matrix()), Matrix(company=Company(name="other")))
    assert path.read_text(encoding="utf-8") == HAND_EDITED


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    mf = store.load(path)
    path.write_text(HAND_EDITED + "# someone else was here\n", encoding="utf-8")
    with pytest.raises(FileChangedError, match="changed on disk"):
        store.save(mf, mf.saved.with_cell(0, COLUMN_BY_KEY["name"], "Sony"))
    assert path.read_text(encoding="utf-8").endswith("# someone else was here\n")


def test_saving_into_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    matrix = Matrix()
    with pytest.raises(MatrixFileError, match=r"cannot save: the folder .* does not exist"):
        store.save(store.new_file(tmp_path / "gone" / "x.toml", matrix), matrix)


def test_other_toml_is_not_taken_for_an_empty_matrix(tmp_path: Path) -> None:
    path = write(tmp_path, '[project]\nname = "something else"\n')
    with pytest.raises(MatrixFileError) as caught:
        store.load(path)
    assert (
        str(caught.value)
        == f"{path}: is TOML but not a Partner Value Matrix (no format, company or partners)"
    )


def test_an_empty_file_is_an_empty_matrix(tmp_path: Path) -> None:
    assert store.load(write(tmp_path, "")).saved.partners == ()
