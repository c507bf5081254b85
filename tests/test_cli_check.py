"""`pvm check`: validation, each partner's balance, the summary, and the exit status."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

RunPvm = Callable[..., subprocess.CompletedProcess[str]]
SAMPLES = Path(__file__).resolve().parent.parent / "samples"

MIXED = """\
language = "en"
[[partners]]
name = "Mutual"
[partners.brings]
money = "investment"
[partners.gets]
other = "return"
[[partners]]
name = "Giver"
[partners.brings]
resources = "knowledge"
[[partners]]
name = "Taker"
[partners.gets]
channels = "our shop"
[[partners]]
name = "Nobody yet"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "matrix.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_is_valid_and_mutual(run_pvm: RunPvm) -> None:
    result = run_pvm("check", str(SAMPLES / "tinnitracks.toml"))
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "1. Sennheiser: ⇄ wederzijds · huidig · veel invloed",
        "2. Zorgverzekeringen: ⇄ wederzijds · huidig · veel invloed",
        "3. Fondsen (Innovationsfonds Hamburg & High-Tech Gründerfonds): "
        "⇄ wederzijds · huidig · veel invloed",
        "4. KNO-arts (specialist): ⇄ wederzijds · huidig · veel invloed",
        "5. Verkopers van gehoorapparaten: ⇄ wederzijds · huidig · veel invloed",
        "5 partners: 5 wederzijds, 0 eenzijdig, 0 leeg",
        "",
        "Niets eerst aan te pakken: elke partner is wederzijds.",
    ]
    assert run_pvm("check", str(SAMPLES / "tinnitracks.toml"), "--strict").returncode == 0


def test_each_partner_balance_and_the_summary(run_pvm: RunPvm, tmp_path: Path) -> None:
    result = run_pvm("check", str(write(tmp_path, MIXED)))
    assert result.returncode == 0  # valid: one-sided partners are a finding, not an error
    assert result.stdout.splitlines() == [
        "1. Mutual: ⇄ mutual",
        "2. Giver: → one-sided (only brings)",
        "3. Taker: ← one-sided (only gets)",
        "4. Nobody yet: ○ empty",
        "4 partners: 1 mutual, 2 one-sided, 1 empty",
        "",
        "Fix first:",
        "- Giver: What does Giver get out of it?",
        "- Taker: What does Taker bring?",
        "- Nobody yet: What does Nobody yet bring? What does Nobody yet get out of it?",
    ]


def test_in_dutch_with_lang(run_pvm: RunPvm, tmp_path: Path) -> None:
    lines = run_pvm("check", str(write(tmp_path, MIXED)), "--lang", "nl").stdout.splitlines()
    assert lines[1] == "2. Giver: → eenzijdig (brengt alleen)"
    assert lines[4] == "4 partners: 1 wederzijds, 2 eenzijdig, 1 leeg"
    assert lines[6:8] == ["Eerst aanpakken:", "- Giver: Wat haalt Giver eruit?"]


INFLUENTIAL = """language = "nl"
[[partners]]
name = "Fondsen"
influence = "low"
[partners.brings]
money = "startkapitaal"
[[partners]]
name = "Onbekend"
[[partners]]
name = "KNO-arts"
status = "current"
influence = "high"
[partners.brings]
other = "stelt de diagnose"
[partners.gets]
other = "een betere behandeling"
[[partners]]
name = "Zorgverzekeringen"
status = "potential"
influence = "high"
[partners.brings]
money = "vergoeding"
[[partners]]
name = "Verkopers"
influence = "medium"
[partners.gets]
money = "commissie"
[[partners]]
name = "Leeg en machtig"
influence = "high"
"""


def test_what_to_fix_first_puts_high_influence_first_with_the_methods_question(
    run_pvm: RunPvm, tmp_path: Path
) -> None:
    """High influence and not mutual first; then medium, low and not known; the file's order within."""
    lines = run_pvm("check", str(write(tmp_path, INFLUENTIAL))).stdout.splitlines()
    assert lines[:8] == [
        "1. Fondsen: → eenzijdig (brengt alleen) · weinig invloed",
        "2. Onbekend: ○ leeg",
        "3. KNO-arts: ⇄ wederzijds · huidig · veel invloed",
        "4. Zorgverzekeringen: → eenzijdig (brengt alleen) · potentieel · veel invloed",
        "5. Verkopers: ← eenzijdig (haalt alleen) · gemiddelde invloed",
        "6. Leeg en machtig: ○ leeg · veel invloed",
        "6 partners: 1 wederzijds, 3 eenzijdig, 2 leeg",
        "",
    ]
    assert lines[8:] == [
        "Eerst aanpakken:",
        "- Zorgverzekeringen · veel invloed: Wat haalt Zorgverzekeringen eruit?",
        "- Leeg en machtig · veel invloed: Wat brengt Leeg en machtig? Wat haalt Leeg en machtig eruit?",
        "- Verkopers · gemiddelde invloed: Wat brengt Verkopers?",
        "- Fondsen · weinig invloed: Wat haalt Fondsen eruit?",
        "- Onbekend: Wat brengt Onbekend? Wat haalt Onbekend eruit?",
    ]
    english = run_pvm("check", str(write(tmp_path, INFLUENTIAL)), "--lang", "en").stdout.splitlines()
    assert english[9] == "- Zorgverzekeringen · high influence: What does Zorgverzekeringen get out of it?"
    assert run_pvm("check", str(write(tmp_path, INFLUENTIAL)), "--strict").returncode == 1


@pytest.mark.parametrize(
    ("partners", "status"),
    [
        (MIXED, 1),
        (MIXED.split('[[partners]]\nname = "Giver"')[0], 0),  # only the mutual one
        ('[[partners]]\nname = "A"\n[partners.brings]\nmoney = "x"\n', 1),  # one-sided
        ('[[partners]]\nname = "A"\n', 1),  # empty fails too: not mutual yet
        ('[company]\nname = "No partners"\n', 0),  # nothing one-sided or empty
    ],
)
def test_strict_fails_on_one_sided_or_empty_partners(
    run_pvm: RunPvm, tmp_path: Path, partners: str, status: int
) -> None:
    path = write(tmp_path, partners)
    assert run_pvm("check", str(path)).returncode == 0
    strict = run_pvm("check", str(path), "--strict")
    assert strict.returncode == status
    # The report is still printed, with the summary line ("1 partner: ...", "0 partners: ...").
    assert any(re.match(r"\d+ partners?:", line) for line in strict.stdout.splitlines())


def test_unnamed_partners_and_odd_names_are_one_harmless_line(run_pvm: RunPvm, tmp_path: Path) -> None:
    text = '[[partners]]\nname = ""\n[[partners]]\nname = "two\\nlines \\u001b[2J"\n'
    lines = run_pvm("check", str(write(tmp_path, text)), "--lang", "en").stdout.splitlines()
    assert lines[0] == "1. (unnamed): ○ empty"
    assert lines[1] == "2. two ⏎ lines ␛[2J: ○ empty"
    assert lines[-2] == "- (unnamed): What does this partner bring? What does this partner get out of it?"
    assert lines[-1].startswith("- two ⏎ lines ␛[2J: What does two ⏎ lines ␛[2J bring?")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[company]\nname = "x" y\n', ":2:12: not valid TOML"),
        ("[partners]\nname = 'x'\n", ":1:1: partners: expected a list of [[partners]] tables"),
        ("version = 3\n", ":1:11: version: this file is version 3, made by a newer pvm"),
        (
            "[[partners]]\n[partners.gets]\nmoney = 100\n",
            ":3:9: partners[1].gets.money: expected text in quotes",
        ),
    ],
)
def test_an_invalid_file_is_exit_2_with_one_line(
    run_pvm: RunPvm, tmp_path: Path, content: str, message: str
) -> None:
    path = write(tmp_path, content)
    result = run_pvm("check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"pvm: {path}{message}")
    assert "Traceback" not in result.stderr


def test_missing_file_folder_and_directory(run_pvm: RunPvm, tmp_path: Path) -> None:
    for target, message in [
        (tmp_path / "nope.toml", "no such file"),
        (tmp_path / "gone" / "nope.toml", "does not exist"),
        (tmp_path, "is a folder"),
    ]:
        result = run_pvm("check", str(target))
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1 and message in result.stderr
