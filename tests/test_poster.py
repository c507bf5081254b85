"""The HTML poster: every text on it, literally; sized to the paper; nothing fetched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pvm_tui.labels import labels_for
from pvm_tui.model import COLUMNS, Company, Matrix, Partner, Side
from pvm_tui.poster.html import render
from pvm_tui.store import load
from tests.conftest import RunPvm
from tests.page_text import parse

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

PAPERS_MM = {"A4": (297, 210), "A3": (420, 297), "A2": (594, 420), "A1": (841, 594), "A0": (1189, 841)}


def example(language: str) -> Matrix:
    name = "tinnitracks.toml" if language == "nl" else "tinnitracks.en.toml"
    return load(SAMPLES / name).saved


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_partner_and_cell_of_the_example_is_on_the_poster(language: str) -> None:
    matrix = example(language)
    labels = labels_for(language)
    page = parse(render(matrix, labels, paper="A3", balance=False))
    assert len(page.rows) == len(matrix.partners)
    for partner, row in zip(matrix.partners, page.rows, strict=True):
        # Under the name (without balance markers): its status and influence, "huidig · veel invloed".
        facts = labels.partner_facts(partner.status, partner.influence)
        assert facts == ("huidig · veel invloed" if language == "nl" else "current · high influence")
        assert row == [partner.name + facts] + [partner.cell(column) for column in COLUMNS[1:]]


def test_company_header_and_grouped_headings_are_in_the_language_of_the_labels() -> None:
    matrix = example("nl")
    text = "".join(parse(render(matrix, labels_for("nl"))).text)
    for expected in ("Partnerwaarde-matrix", "Tinnitracks", "Medische technologie", "51 medewerkers"):
        assert expected in text
    assert matrix.company.description in text
    assert "wat brengen ze?" in text and "wat halen ze eruit?" in text
    assert "verkoopkanalen" in text and "bedrijfsgrootte" in text
    english = "".join(parse(render(example("en"), labels_for("en"))).text)
    assert "What do they bring?" in english and "sales channels" in english
    assert "wat brengen" not in english


def _tricky() -> Matrix:
    partner = Partner(
        name='Acme "<b>bold</b>" & Co',
        brings=Side(resources="<script>alert('x')</script>", channels="[bold]not markup[/]"),
        gets=Side(money="line one\nline two", other="bell\x07 and escape \x1b[31mred"),
    )
    return Matrix(company=Company(name="<img src=x onerror=alert(1)>"), partners=(partner,), language="en")


def test_user_text_stays_text_and_never_becomes_markup() -> None:
    page_source = render(_tricky(), labels_for("en"))
    assert "<script>" not in page_source
    assert "<img" not in page_source
    assert "<b>" not in page_source
    assert "\x1b" not in page_source and "\x07" not in page_source
    row = parse(page_source).rows[0]
    assert row[0].startswith('Acme "<b>bold</b>" & Co')
    assert row[1] == "<script>alert('x')</script>"
    assert row[2] == "[bold]not markup[/]"
    assert row[7] == "line one\nline two"  # the user's line break is kept (pre-wrap)
    assert row[8] == "bell␇ and escape ␛[31mred"
    assert "<img src=x onerror=alert(1)>" in "".join(parse(page_source).text)


def test_the_page_is_self_contained() -> None:
    page_source = render(example("en"), labels_for("en"), paper="A1")
    lowered = page_source.lower()
    for external in (
        "http:",
        "https:",
        "//",
        "<link",
        "<script",
        "src=",
        "url(",
        "@import",
        "<iframe",
        "<img",
    ):
        if external == "//":
            # No protocol-relative references either (comments in CSS use /* */).
            assert not re.search(r"""["'(]\s*//""", lowered)
        else:
            assert external not in lowered, external
    assert re.search(r'<meta charset="utf-8"\s*/?>', page_source)


@pytest.mark.parametrize("paper", sorted(PAPERS_MM))
def test_the_page_size_is_the_chosen_paper_in_landscape(paper: str) -> None:
    width, height = PAPERS_MM[paper]
    page_source = render(example("nl"), labels_for("nl"), paper=paper)
    assert re.search(rf"@page \{{ size: {width}mm {height}mm;", page_source)


def _body_font(page_source: str) -> float:
    found = re.search(r"body \{[^}]*font-size: ([0-9.]+)pt", page_source)
    assert found, "no body font size"
    return float(found.group(1))


def test_the_font_grows_with_the_paper_and_shrinks_with_more_partners() -> None:
    labels = labels_for("nl")
    matrix = example("nl")
    sizes = [_body_font(render(matrix, labels, paper=paper)) for paper in ("A4", "A3", "A2", "A1", "A0")]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    assert sizes[3] / sizes[0] == pytest.approx(841 / 297, rel=0.01)
    crowded = Matrix(company=matrix.company, partners=matrix.partners * 3, language="nl")
    assert _body_font(render(crowded, labels, paper="A4")) < sizes[0]
    # Readable on A4 paper: never below 5.5 pt.
    assert _body_font(render(crowded, labels, paper="A4")) >= 5.5


def test_balance_markers_name_the_one_sided_partners_and_can_be_left_out() -> None:
    labels = labels_for("en")
    matrix = Matrix(
        partners=(
            Partner(name="Both", brings=Side(money="x"), gets=Side(money="y")),
            Partner(name="Taker", gets=Side(resources="knowledge")),
        ),
        language="en",
    )
    with_marks = parse(render(matrix, labels))
    assert with_marks.rows[0][0] == "Both⇄ mutual"
    assert with_marks.rows[1][0] == "Taker← one-sided (only gets)"
    assert "2 partners: 1 mutual, 1 one-sided, 0 empty" in "".join(with_marks.text)
    without = parse(render(matrix, labels, balance=False))
    assert [row[0] for row in without.rows] == ["Both", "Taker"]
    assert "one-sided" not in "".join(without.text)


def test_export_html_reads_the_export_options(run_pvm: RunPvm, tmp_path: Path) -> None:
    path = tmp_path / "taker.toml"
    path.write_text('language = "en"\n[[partners]]\nname = "Taker"\n[partners.gets]\nmoney = "y"\n', "utf-8")
    a1 = run_pvm("export", str(path), "--format", "html", "--paper", "A1", "--no-balance")
    assert a1.returncode == 0, a1.stderr
    assert "@page { size: 841mm 594mm;" in a1.stdout
    assert "one-sided" not in "".join(parse(a1.stdout).text)
    default = run_pvm("export", str(path), "--format", "html")
    assert "@page { size: 420mm 297mm;" in default.stdout
    assert "one-sided" in "".join(parse(default.stdout).text)


def test_an_unknown_paper_is_refused() -> None:
    with pytest.raises(ValueError, match="A5"):
        render(Matrix(), labels_for("en"), paper="A5")
