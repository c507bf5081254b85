"""Print the poster and the template in a real browser and read the PDF back.

Headless Chromium prints the HTML to PDF as a user's "Print" would; the test
then checks what a person holding the sheet would: one page, the paper size
asked for in landscape, and every partner and cell readable on it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from pvm_tui.labels import labels_for
from pvm_tui.model import COLUMNS, Matrix
from pvm_tui.poster.html import render
from pvm_tui.poster.template import render_template
from pvm_tui.store import load

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)

MM_TO_PT = 72 / 25.4
PAPERS_MM = {"A4": (297, 210), "A3": (420, 297), "A2": (594, 420), "A1": (841, 594), "A0": (1189, 841)}


def print_to_pdf(page_source: str, folder: Path) -> PdfReader:
    """Print ``page_source`` with headless Chromium and open the PDF it writes."""
    page = folder / "page.html"
    page.write_text(page_source, encoding="utf-8")
    pdf = folder / "page.pdf"
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={folder / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert pdf.exists(), f"Chromium wrote no PDF (exit {result.returncode}): {result.stderr[-2000:]}"
    return PdfReader(pdf)


def squeeze(text: str) -> str:
    """Text with line breaks, spacing and hyphens taken out: wrapping differs, the words do not."""
    return re.sub(r"[\s\u00ad\-‐]+", "", text)


def assert_one_landscape_page(reader: PdfReader, paper: str) -> str:
    assert len(reader.pages) == 1, f"{len(reader.pages)} pages on {paper}"
    page = reader.pages[0]
    width, height = (size * MM_TO_PT for size in PAPERS_MM[paper])
    assert float(page.mediabox.width) == pytest.approx(width, abs=3)
    assert float(page.mediabox.height) == pytest.approx(height, abs=3)
    return page.extract_text()


def example(language: str) -> Matrix:
    return load(SAMPLES / ("tinnitracks.toml" if language == "nl" else "tinnitracks.en.toml")).saved


@pytest.mark.parametrize(
    "language, paper", [("nl", "A4"), ("nl", "A3"), ("nl", "A2"), ("nl", "A1"), ("nl", "A0"), ("en", "A4")]
)
def test_the_example_prints_on_one_sheet_with_every_text(tmp_path: Path, language: str, paper: str) -> None:
    matrix = example(language)
    labels = labels_for(language)
    text = squeeze(
        assert_one_landscape_page(print_to_pdf(render(matrix, labels, paper=paper), tmp_path), paper)
    )
    for partner in matrix.partners:
        for column in COLUMNS:
            assert squeeze(partner.cell(column)) in text, (partner.name, column.key)
    for value in (matrix.company.name, matrix.company.industry, matrix.company.description):
        assert squeeze(value) in text
    assert squeeze(labels.sides["brings"]) in text and squeeze(labels.sides["gets"]) in text
    assert squeeze(labels.balance_summary(5, 0, 0)) in text


@pytest.mark.parametrize("paper", ["A4", "A1"])
def test_the_blank_template_prints_on_one_sheet_with_the_method(tmp_path: Path, paper: str) -> None:
    labels = labels_for("nl")
    reader = print_to_pdf(render_template(labels, partners=6, paper=paper), tmp_path)
    text = squeeze(assert_one_landscape_page(reader, paper))
    for step in (1, 2, 3):
        assert squeeze(labels.step_guidance[step]) in text
    for column in COLUMNS:
        assert squeeze(labels.guidance(column)) in text
    assert squeeze(labels.method) in text and squeeze("© InnoValor, 2018") in text


def test_a_crowded_matrix_still_prints_on_one_sheet(tmp_path: Path) -> None:
    matrix = example("en")
    crowded = Matrix(company=matrix.company, partners=matrix.partners * 3, language="en")
    reader = print_to_pdf(render(crowded, labels_for("en"), paper="A3"), tmp_path)
    text = squeeze(assert_one_landscape_page(reader, "A3"))
    assert text.count(squeeze("Hearing aid retailers")) == 3
