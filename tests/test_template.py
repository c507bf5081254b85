"""`pvm template`: the blank matrix for printing, with the method around it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from pvm_tui.labels import labels_for
from pvm_tui.model import COLUMNS, COMPANY_FIELDS
from pvm_tui.poster.template import render_template
from tests.page_text import parse


def _blank_rows(page_source: str) -> list[list[str]]:
    return parse(page_source).rows


def test_the_template_has_the_empty_rows_asked_for_on_the_paper_asked_for(run_pvm, tmp_path: Path) -> None:
    out = tmp_path / "template.html"
    result = run_pvm("template", "--lang", "nl", "--partners", "8", "--paper", "A1", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    page_source = out.read_text(encoding="utf-8")
    rows = _blank_rows(page_source)
    assert len(rows) == 8
    assert all(cell == "" for row in rows for cell in row)
    assert all(len(row) == len(COLUMNS) for row in rows)
    assert "@page { size: 841mm 594mm;" in page_source


def test_six_rows_on_a3_by_default_to_standard_output(run_pvm) -> None:
    result = run_pvm("template")
    assert result.returncode == 0, result.stderr
    assert len(_blank_rows(result.stdout)) == 6
    assert "@page { size: 420mm 297mm;" in result.stdout
    # The tests run with an English locale.
    assert "What do they bring?" in result.stdout


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_method_is_printed_around_the_grid(language: str) -> None:
    labels = labels_for(language)
    text = "".join(parse(render_template(labels, partners=6, paper="A4")).text)
    for step in (1, 2, 3):
        assert labels.steps[step] in text
        assert labels.step_guidance[step] in text
    for column in COLUMNS:
        assert labels.guidance(column) in text
    for side in ("brings", "gets"):
        assert labels.sides[side] in text
    for field in COMPANY_FIELDS:
        assert labels.company[field] in text
    assert labels.method in text
    assert "© InnoValor, 2018" in text


def test_the_header_fields_are_empty(run_pvm) -> None:
    result = run_pvm("template", "--lang", "en")
    values = re.findall(r'<span class="value">(.*?)</span>', result.stdout)
    assert len(values) == len(COMPANY_FIELDS) - 1  # every field but the description, which is a box
    assert all(value == "" for value in values)
    assert '<p class="text"></p>' in result.stdout


@pytest.mark.parametrize("count", ["0", "41", "-3"])
def test_an_impossible_number_of_rows_is_one_line_and_exit_2(run_pvm, count: str) -> None:
    result = run_pvm("template", "--partners", count)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--partners" in result.stderr


def test_a_matrix_file_is_never_overwritten(run_pvm, tmp_path: Path) -> None:
    matrix = tmp_path / "partners.toml"
    matrix.write_text('format = "partnerwaarde-matrix"\n', encoding="utf-8")
    result = run_pvm("template", "-o", str(matrix))
    assert result.returncode == 2
    assert result.stderr.startswith("pvm: ") and result.stderr.count("\n") == 1
    assert matrix.read_text(encoding="utf-8") == 'format = "partnerwaarde-matrix"\n'


def test_an_existing_page_is_replaced_and_an_unwritable_place_is_one_line(run_pvm, tmp_path: Path) -> None:
    out = tmp_path / "old.html"
    out.write_text("old", encoding="utf-8")
    assert run_pvm("template", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(tmp_path.glob("*~")), "a page is not a matrix: no backup"
    result = run_pvm("template", "-o", str(tmp_path / "missing" / "t.html"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr


def test_the_template_command_does_not_import_textual(run_pvm, tmp_path: Path) -> None:
    code = (
        "import sys; from pvm_tui.cli import main; "
        f"status = main(['template', '-o', {str(tmp_path / 't.html')!r}]); "
        "print(status, 'textual' in sys.modules)"
    )
    import subprocess

    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )
    assert result.stdout.split() == ["0", "False"], result.stderr
