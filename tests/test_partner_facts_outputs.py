"""Status, influence and agreements in every output: show, md, csv, json, the poster and diff."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from conftest import RunPvm
from test_cli_show import colour_codes, run_on_terminal

from tests.page_text import parse

MATRIX = """\
language = "nl"

[[partners]]
name = "Zorgverzekeringen"
status = "current"
influence = "high"
agreements = \"\"\"
Vergoeding per patiënt.
Jaarlijks evalueren.\"\"\"

[partners.brings]
money = "vergoeding"

[[partners]]
name = "Fondsen"
status = "potential"
influence = "medium"

[partners.brings]
money = "startkapitaal"

[partners.gets]
money = "rendement"

[[partners]]
name = "Verkopers"
"""


def write(tmp_path: Path, text: str = MATRIX, name: str = "matrix.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_show_narrow_cards_carry_the_facts_and_agreements(run_pvm: RunPvm, tmp_path: Path) -> None:
    out = run_pvm("show", str(write(tmp_path)), "--width", "80").stdout
    lines = out.splitlines()
    first = lines.index(next(line for line in lines if line.startswith("Zorgverzekeringen")))
    assert lines[first].endswith("→ eenzijdig (brengt alleen)")
    assert lines[first + 1] == "huidig · veel invloed"
    at = lines.index("  afspraken")
    assert lines[at + 1 : at + 3] == ["    Vergoeding per patiënt.", "    Jaarlijks evalueren."]
    assert "potentieel · gemiddelde invloed" in lines
    verkopers = lines.index(next(line for line in lines if line.startswith("Verkopers")))
    assert lines[verkopers].endswith("○ leeg") and lines[verkopers + 1] == "  wat brengen ze?"


def test_show_wide_grid_has_the_facts_under_the_name_and_the_agreements_below(
    run_pvm: RunPvm, tmp_path: Path
) -> None:
    out = run_pvm("show", str(write(tmp_path)), "--width", "160").stdout
    assert re.search(r"^│ Zorgverzekeringen +│", out, re.MULTILINE)
    assert re.search(r"^│ → eenzijdig \(brengt alleen\) +│", out, re.MULTILINE)
    assert re.search(r"^│ huidig · veel invloed +│", out, re.MULTILINE)
    below = out.split("└", 1)[1].splitlines()[1:]
    assert below[1:6] == [
        "afspraken",
        "Zorgverzekeringen",
        "  Vergoeding per patiënt.",
        "  Jaarlijks evalueren.",
        "",
    ]


def test_show_without_colour_still_tells_the_balances_apart(tmp_path: Path) -> None:
    out = run_on_terminal(["show", str(write(tmp_path))], env={"NO_COLOR": "1"})
    assert colour_codes(out) == []
    assert "→ eenzijdig (brengt alleen)" in out and "⇄ wederzijds" in out and "○ leeg" in out


def test_markdown_has_the_facts_in_the_partner_cell_and_an_agreements_column(
    run_pvm: RunPvm, tmp_path: Path
) -> None:
    out = run_pvm("export", str(write(tmp_path)), "-f", "md").stdout
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert table[0].endswith("| afspraken |")
    assert table[2].startswith(
        "| Zorgverzekeringen<br>*→ eenzijdig (brengt alleen)*<br>huidig · veel invloed |"
    )
    assert table[2].endswith("| Vergoeding per patiënt.<br>Jaarlijks evalueren. |")
    assert table[4].startswith("| Verkopers<br>*○ leeg* |") and table[4].endswith("|  |")


def test_markdown_without_agreements_has_no_agreements_column(run_pvm: RunPvm, tmp_path: Path) -> None:
    text = MATRIX.split("agreements")[0] + "[partners.brings]\nmoney = 'x'\n"
    out = run_pvm("export", str(write(tmp_path, text)), "-f", "md").stdout
    assert "afspraken" not in out


def test_csv_has_status_influence_and_agreements_columns(run_pvm: RunPvm, tmp_path: Path) -> None:
    data = run_pvm("export", str(write(tmp_path)), "-f", "csv").stdout
    rows = list(csv.reader(io.StringIO(data.lstrip("\ufeff"), newline="")))
    assert rows[0][-3:] == ["status", "invloed", "afspraken"]
    assert [row[-3:] for row in rows[1:]] == [
        ["huidig", "veel", "Vergoeding per patiënt.\nJaarlijks evalueren."],
        ["potentieel", "gemiddeld", ""],
        ["", "", ""],
    ]
    english = run_pvm("export", str(write(tmp_path)), "-f", "csv", "--lang", "en").stdout
    assert "status,influence,agreements" in english and ",current,high," in english


def test_json_has_the_facts_in_english_words(run_pvm: RunPvm, tmp_path: Path) -> None:
    data = json.loads(run_pvm("export", str(write(tmp_path)), "-f", "json").stdout)
    assert [(p["status"], p["influence"], p["agreements"]) for p in data["partners"]] == [
        ("current", "high", "Vergoeding per patiënt.\nJaarlijks evalueren."),
        ("potential", "medium", ""),
        (None, None, ""),
    ]


def test_the_poster_shows_facts_and_agreements_under_the_name(run_pvm: RunPvm, tmp_path: Path) -> None:
    page = run_pvm("export", str(write(tmp_path)), "-f", "html").stdout
    assert '<span class="facts">huidig · veel invloed</span>' in page
    assert '<span class="agreements"><span class="label">afspraken</span>Vergoeding per patiënt.\n' in page
    rows = parse(page).rows
    assert rows[0][0] == (
        "Zorgverzekeringen→ eenzijdig (brengt alleen)huidig · veel invloed"
        "afsprakenVergoeding per patiënt.\nJaarlijks evalueren."
    )
    assert rows[2][0] == "Verkopers○ leeg"
    # Without balance markers the facts stay: they are the user's data.
    bare = run_pvm("export", str(write(tmp_path)), "-f", "html", "--no-balance").stdout
    assert parse(bare).rows[1][0] == "Fondsenpotentieel · gemiddelde invloed"


def test_diff_reports_changed_facts_in_the_readers_language(run_pvm: RunPvm, tmp_path: Path) -> None:
    old = write(tmp_path, name="old.toml")
    new_text = (
        MATRIX.replace('influence = "high"', 'influence = "low"')
        .replace('status = "potential"\n', "")
        .replace("Jaarlijks evalueren.", "Elk kwartaal evalueren.")
        .replace('name = "Verkopers"\n', 'name = "Verkopers"\nstatus = "potential"\n')
    )
    new = write(tmp_path, new_text, name="new.toml")
    result = run_pvm("diff", str(old), str(new))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        '~ partner "Zorgverzekeringen" · rij 1',
        "    invloed: [-veel-]{+weinig+}",
        "    afspraken: Vergoeding per patiënt.",
        "      [-Jaarlijks-]{+Elk kwartaal+} evalueren.",
        "",
        '~ partner "Fondsen" · rij 2',
        "    status: [-potentieel-]",
        "",
        '~ partner "Verkopers" · rij 3',
        "    status: {+potentieel+}",
    ]
    english = run_pvm("diff", str(old), str(new), "--lang", "en").stdout.splitlines()
    assert english[1] == "    influence: [-high-]{+low+}"


def test_diff_lists_the_facts_of_an_added_partner(run_pvm: RunPvm, tmp_path: Path) -> None:
    old = write(tmp_path, 'language = "en"\n', name="old.toml")
    new = write(
        tmp_path,
        'language = "en"\n' + MATRIX.split('[[partners]]\nname = "Fondsen"')[0].split('"nl"')[1],
        "new.toml",
    )
    lines = run_pvm("diff", str(old), str(new)).stdout.splitlines()
    assert lines[0] == '+ partner "Zorgverzekeringen" · added (row 1)'
    assert "    status: current" in lines and "    influence: high" in lines
    assert "    agreements: Vergoeding per patiënt." in lines
