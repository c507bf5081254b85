"""`pvm export`: Markdown, CSV and JSON, read back the way their readers read them."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from pvm_tui import store
from pvm_tui.export import csv as csv_export
from pvm_tui.export import md as md_export
from pvm_tui.labels import labels_for
from pvm_tui.model import CATEGORIES, COLUMN_BY_KEY, COLUMNS, FACTS, SIDES, Matrix, Partner

RunPvm = Callable[..., subprocess.CompletedProcess[str]]
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NL = SAMPLES / "tinnitracks.toml"

AWKWARD = """\
language = "en"
[company]
name = "Acme | <b>Tools</b>"
date = 2026-11-28
industry = "*bold* _it_ `code` [link](x)"
[[partners]]
name = "=HYPERLINK(\\"http://evil\\")"
[partners.brings]
resources = "line one\\nline two, with comma"
channels = "+31 6 123"
money = "-5"
other = "@SUM(A1)"
[partners.gets]
resources = "\\tTabbed"
channels = "\\rcarriage"
money = "a | b <script>alert(1)</script> &amp;"
other = "quote \\" and 'single'"
[[partners]]
name = "Plain"
[partners.brings]
other = "50% - not a formula"
"""


def awkward(tmp_path: Path) -> Path:
    path = tmp_path / "awkward.toml"
    path.write_text(AWKWARD, encoding="utf-8")
    return path


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# -- CSV ----------------------------------------------------------------------


def test_csv_is_one_header_row_then_one_row_per_partner(run_pvm: RunPvm, tmp_path: Path) -> None:
    out = tmp_path / "tinnitracks.csv"
    result = run_pvm("export", str(NL), "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    rows = read_csv(out.read_bytes())
    matrix = store.load(NL).saved
    assert rows[0] == [
        "partner",
        "wat brengen ze? · middelen",
        "wat brengen ze? · verkoopkanalen",
        "wat brengen ze? · € (geld)",
        "wat brengen ze? · anders",
        "wat halen ze eruit? · middelen",
        "wat halen ze eruit? · verkoopkanalen",
        "wat halen ze eruit? · € (geld)",
        "wat halen ze eruit? · anders",
        "status",
        "invloed",
        "afspraken",
    ]
    # The example's partners are all current key partners with much influence, with no agreements.
    assert rows[1:] == [
        [partner.cell(column) for column in COLUMNS] + ["huidig", "veel", ""] for partner in matrix.partners
    ]


def test_csv_headers_follow_lang(run_pvm: RunPvm) -> None:
    data = run_pvm("export", str(NL), "--format", "csv", "--lang", "en").stdout.encode("utf-8")
    assert read_csv(data)[0][1] == "What do they bring? · resources"


def test_csv_quotes_newlines_and_neutralises_formulas(run_pvm: RunPvm, tmp_path: Path) -> None:
    out = tmp_path / "awkward.csv"
    assert run_pvm("export", str(awkward(tmp_path)), "-f", "csv", "-o", str(out)).returncode == 0
    data = out.read_bytes()
    assert b'"line one\nline two, with comma"' in data  # a quoted newline stays in its cell
    rows = read_csv(data)
    assert len(rows) == 3 and all(len(row) == 12 for row in rows)
    first = dict(zip((*(c.key for c in COLUMNS), *FACTS), rows[1], strict=True))
    assert first["name"] == '\'=HYPERLINK("http://evil")'
    assert first["brings.resources"] == "line one\nline two, with comma"
    assert first["brings.channels"] == "'+31 6 123"
    assert first["brings.money"] == "'-5"
    assert first["brings.other"] == "'@SUM(A1)"
    assert first["gets.resources"] == "'\tTabbed"
    assert first["gets.channels"] == "'\rcarriage"
    assert first["gets.other"] == "quote \" and 'single'"
    assert rows[2][0] == "Plain" and rows[2][4] == "50% - not a formula"  # only a leading mark counts


@pytest.mark.parametrize(
    "value",
    [
        " =1+1",
        "\u00a0=1+1",
        "\u3000=1+1",
        "\u200b=1+1",
        "\ufeff=1+1",
        "\u200b \u00a0\u3000@SUM(A1)",
        "\n=1+1",
        "\r\n=1+1",
        "\tplain text after a tab",
        "\nplain text after a line feed",
        "\uff1d1+1",
        "\uff0b31 6 123",
        "\uff0d5",
        "\uff20SUM(A1)",
        "  \uff1dHYPERLINK(1)",
    ],
)
def test_csv_neutralises_a_formula_behind_blanks_invisibles_and_full_width_signs(value: str) -> None:
    matrix = Matrix(partners=(Partner(name="x"),)).with_cell(0, COLUMN_BY_KEY["brings.money"], value)
    rows = read_csv(csv_export.export(matrix, labels_for("en")).encode("utf-8"))
    assert rows[1][3] == "'" + value


@pytest.mark.parametrize("value", ["50% - not a formula", "a = b", "  plain", "\u200bplain", "€ 5", ""])
def test_csv_leaves_text_without_a_leading_formula_sign_as_it_is(value: str) -> None:
    matrix = Matrix(partners=(Partner(name="x"),)).with_cell(0, COLUMN_BY_KEY["brings.money"], value)
    assert read_csv(csv_export.export(matrix, labels_for("en")).encode("utf-8"))[1][3] == value


def test_csv_shows_control_characters_as_symbols_and_json_keeps_them_exactly(
    run_pvm: RunPvm, tmp_path: Path
) -> None:
    source = tmp_path / "controls.toml"
    source.write_text(
        '[[partners]]\nname = "Acme\\u001b]0;pwned\\u0007"\n'
        '[partners.brings]\nother = "bell\\u0007 and\\r\\nCRLF\\tand a tab\\u009b"\n',
        encoding="utf-8",
    )
    out = tmp_path / "controls.csv"
    assert run_pvm("export", str(source), "-f", "csv", "-o", str(out)).returncode == 0
    data = out.read_bytes()
    for control in (b"\x1b", b"\x07", "\u009b".encode()):
        assert control not in data
    rows = read_csv(data)
    assert rows[1][0] == "Acme␛]0;pwned␇"
    assert rows[1][4] == "bell␇ and\r\nCRLF\tand a tab<U+009B>"  # tab and line breaks kept
    piped = run_pvm("export", str(source), "-f", "json")  # not a terminal: the exact bytes
    partner = json.loads(piped.stdout)["partners"][0]
    assert partner["name"] == "Acme\x1b]0;pwned\x07"
    assert partner["brings"]["other"] == "bell\x07 and\r\nCRLF\tand a tab\x9b"


def test_a_json_file_keeps_every_text_exactly_and_holds_no_code_a_terminal_runs(
    run_pvm: RunPvm, tmp_path: Path
) -> None:
    # C1 CSI (U+009B), NEL, DEL, a bidi override and isolate, a line separator:
    # JSON may hold them as they are, and `cat file.json` would hand them to the terminal.
    hostile = "a\u009b31mred\u0085b\u007fc\u202eevil\u2066d\u2028e"
    toml_text = hostile.encode("unicode_escape").decode("ascii").replace("\\x", "\\u00")
    source = tmp_path / "hostile.toml"
    text = f'[[partners]]\nname = "{toml_text}"\n[partners.gets]\nother = "{toml_text}"\n'
    source.write_text(text, encoding="utf-8")
    assert store.load(source).saved.partners[0].name == hostile
    out = tmp_path / "hostile.json"
    assert run_pvm("export", str(source), "-f", "json", "-o", str(out)).returncode == 0
    data = out.read_bytes()
    for character in "\u009b\u0085\u007f\u202e\u2066\u2028":
        assert character.encode("utf-8") not in data
    partner = json.loads(data)["partners"][0]
    assert (partner["name"], partner["gets"]["other"]) == (hostile, hostile)


def test_csv_of_a_matrix_without_partners_is_only_the_header() -> None:
    text = csv_export.export(store.parse("")[0], labels_for("en"))
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    assert len(list(csv.reader(io.StringIO(text[1:], newline="")))) == 1


# -- Markdown ----------------------------------------------------------------------


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_markdown_header_then_one_table(run_pvm: RunPvm) -> None:
    result = run_pvm("export", str(NL), "--format", "md")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Partnerwaarde-matrix: Tinnitracks"
    assert "- **industrie:** Medische technologie" in lines
    table = [line for line in lines if line.startswith("|")]
    assert table[0].startswith("| partner | wat brengen ze? · middelen | wat brengen ze? · verkoopkanalen |")
    assert table[1] == "|" + " --- |" * 9
    assert len(table) == 2 + 5
    assert table[2].startswith(
        "| Sennheiser<br>*⇄ wederzijds*<br>huidig · veel invloed "
        "| Aangepaste geluidstechnologie en koptelefoons |"
    )
    assert lines[-1] == "5 partners: 5 wederzijds, 0 eenzijdig, 0 leeg"


def test_markdown_cells_cannot_break_the_table_or_inject_html(run_pvm: RunPvm, tmp_path: Path) -> None:
    result = run_pvm("export", str(awkward(tmp_path)), "--format", "md")
    assert result.returncode == 0
    out = result.stdout
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert len(table) == 4
    assert all(unescaped_pipes(line) == 10 for line in table)  # nine cells each, whatever they hold
    assert "<script>" not in out and "<b>" not in out
    assert "a \\| b &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;" in out
    assert "line one<br>line two, with comma" in out
    assert "# Partner Value Matrix: Acme \\| &lt;b&gt;Tools&lt;/b&gt;" in out
    assert "- **industry:** \\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x)" in out
    assert "- **date:** 2026-11-28" in out


def test_markdown_inline_escaping() -> None:
    assert md_export.inline("a\r\nb\nc") == "a<br>b<br>c"
    assert md_export.inline("R&D & more") == "R&D & more"  # a lone ampersand is literal already
    assert md_export.inline("\x1b[31m") == "␛\\[31m"


# -- JSON ---------------------------------------------------------------------------


def test_json_is_the_model_with_stable_keys(run_pvm: RunPvm, tmp_path: Path) -> None:
    result = run_pvm("export", str(awkward(tmp_path)), "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert list(data) == ["format", "version", "language", "company", "partners"]
    assert (data["format"], data["version"], data["language"]) == ("partnerwaarde-matrix", 1, "en")
    assert list(data["company"]) == [
        "name",
        "date",
        "industry",
        "offering",
        "size",
        "revenue",
        "location",
        "description",
    ]
    assert data["company"]["date"] == "2026-11-28"
    matrix = store.load(tmp_path / "awkward.toml").saved
    for partner, exported in zip(matrix.partners, data["partners"], strict=True):
        assert list(exported) == ["name", "brings", "gets", "balance", "status", "influence", "agreements"]
        assert exported["name"] == partner.name  # the data as it is: no formula quoting in JSON
        for side in SIDES:
            assert exported[side] == {category: partner.side(side).get(category) for category in CATEGORIES}
    assert [p["balance"] for p in data["partners"]] == ["balanced", "brings-only"]
    # Facts nobody wrote are null (status, influence) or "" (agreements), never left out.
    assert [(p["status"], p["influence"], p["agreements"]) for p in data["partners"]] == [
        (None, None, "")
    ] * 2


def test_json_keeps_non_ascii_readable_and_a_missing_date_is_null(run_pvm: RunPvm) -> None:
    out = run_pvm("export", str(NL), "--format", "json").stdout
    assert "€ 3.560.000" in out and "Gründerfonds" in out
    assert json.loads(out)["company"]["date"] is None


# -- the command ----------------------------------------------------------------------


def test_svg_is_a_picture_of_what_show_draws(run_pvm: RunPvm, tmp_path: Path) -> None:
    out = tmp_path / "tinnitracks.svg"
    result = run_pvm("export", str(NL), "--format", "svg", "-o", str(out))
    assert result.returncode == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    text = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\u00a0", " ")
    for heading in ("wat brengen ze?", "wat halen ze eruit?", "Sennheiser", "Zorgverzekeringen"):
        assert heading in text


def test_svg_keeps_cell_text_as_text(run_pvm: RunPvm, tmp_path: Path) -> None:
    out = tmp_path / "awkward.svg"
    assert run_pvm("export", str(awkward(tmp_path)), "--format", "svg", "-o", str(out)).returncode == 0
    svg = out.read_text(encoding="utf-8")
    assert "<script" not in svg.lower()  # markup in a cell is drawn as text, never inserted
    assert "\x1b" not in svg


def test_output_file_is_written_and_replaced(run_pvm: RunPvm, tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    out.write_text("old", encoding="utf-8")
    assert run_pvm("export", str(NL), "--format", "json", "-o", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["company"]["name"] == "Tinnitracks"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json"]  # no backup, no temporary file


def test_export_never_writes_over_a_matrix(run_pvm: RunPvm, tmp_path: Path) -> None:
    source = awkward(tmp_path)
    other = tmp_path / "other.toml"
    other.write_text("# another matrix\n", encoding="utf-8")
    for target in (source, other):
        before = target.read_bytes()
        result = run_pvm("export", str(source), "--format", "json", "-o", str(target))
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"pvm: {target}: ")
        assert target.read_bytes() == before


def test_a_failed_write_is_one_line(run_pvm: RunPvm, tmp_path: Path) -> None:
    result = run_pvm("export", str(NL), "--format", "md", "-o", str(tmp_path / "gone" / "m.md"))
    assert result.returncode == 2
    assert (
        result.stderr
        == f"pvm: {tmp_path / 'gone' / 'm.md'}: cannot save: the folder {tmp_path / 'gone'} does not exist\n"
    )


def test_an_unusable_file_is_exit_2(run_pvm: RunPvm, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[partners]]\nname = 3\n", encoding="utf-8")
    result = run_pvm("export", str(bad), "--format", "csv")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"pvm: {bad}:2:8: partners[1].name:") and "Traceback" not in result.stderr
