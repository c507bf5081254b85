"""The SVG export as a picture: self-contained, light or dark, drawn by a real browser.

Headless Chromium opens the SVG offline and takes a screenshot; the test
then reads the PNG as a person would look at it: the size the SVG says, the
theme's background, text in ink, and the grid's outer lines drawn straight
from its top to its bottom.
"""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest

from pvm_tui.export.svg import CELL_PX, MARGIN_PX, THEMES
from pvm_tui.labels import labels_for
from pvm_tui.store import load
from tests.browser import needs_chromium, screenshot
from tests.png import read_png
from tests.split_words import texts_of, unhyphenated_splits

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NL = SAMPLES / "tinnitracks.toml"
EN = SAMPLES / "tinnitracks.en.toml"
RunPvm = Callable[..., subprocess.CompletedProcess[str]]
SVG = "{http://www.w3.org/2000/svg}"


def export_svg(run_pvm: RunPvm, sample: Path, folder: Path, *theme: str) -> str:
    out = folder / "matrix.svg"
    result = run_pvm("export", str(sample), "--format", "svg", *theme, "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def hex_colour(value: str) -> tuple[int, int, int]:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def near(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize(
    "theme", [(), ("--theme", "light"), ("--theme", "dark")], ids=["default", "light", "dark"]
)
def test_the_svg_fetches_nothing_and_names_no_address_but_its_namespace(
    run_pvm: RunPvm, tmp_path: Path, theme: tuple[str, ...]
) -> None:
    svg = export_svg(run_pvm, NL, tmp_path, *theme)
    assert re.findall(r"[a-z][a-z0-9+.-]*://[^\s\"'<>)]*", svg, re.IGNORECASE) == [
        "http://www.w3.org/2000/svg"
    ]
    for fetching in ("url(", "@import", "@font-face", "href", "<image", "<script", "<foreignObject"):
        assert fetching not in svg
    families = re.search(r"font-family: ([^;]+);", svg)
    assert families and families.group(1).rstrip().endswith("monospace")  # a font every system has
    root = ElementTree.fromstring(svg)
    assert root.findtext(f"{SVG}title") == "Partnerwaarde-matrix · Tinnitracks"


def test_light_is_the_default_and_dark_is_dark(run_pvm: RunPvm, tmp_path: Path) -> None:
    default = export_svg(run_pvm, EN, tmp_path)
    dark = export_svg(run_pvm, EN, tmp_path, "--theme", "dark")
    assert f'fill="{THEMES["light"].background}"' in default
    assert f'fill="{THEMES["dark"].background}"' in dark
    assert run_pvm("export", str(EN), "-f", "svg", "--theme", "sepia").returncode == 2


def grid_rows(svg: str) -> tuple[int, int]:
    """The y range (pixels) from the grid's top line to its bottom line."""
    ys = [(int(y), text) for y, text in re.findall(r'<text y="(\d+)"[^>]*>(.*?)</text>', svg)]
    top = next(y for y, text in ys if ">┌" in text)
    bottom = next(y for y, text in ys if ">└" in text)
    return top, bottom


@needs_chromium
@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
def test_chromium_draws_the_svg_offline_in_its_theme_with_a_straight_grid(
    run_pvm: RunPvm, tmp_path: Path, theme: str, sample: Path
) -> None:
    svg = export_svg(run_pvm, sample, tmp_path, "--theme", theme)
    width = int(re.search(r'<svg[^>]* width="(\d+)"', svg).group(1))  # type: ignore[union-attr]
    height = int(re.search(r'<svg[^>]* height="(\d+)"', svg).group(1))  # type: ignore[union-attr]
    picture = read_png(screenshot(tmp_path / "matrix.svg", tmp_path, width, height))
    assert (picture.width, picture.height) == (width, height)

    colours = THEMES[theme]
    background = hex_colour(colours.background)
    assert near(picture.pixel(2, 2), background) and near(picture.pixel(width - 3, height - 3), background)

    # Text in ink: in the company header, some pixels are the text colour (or close to it).
    text = hex_colour(colours.text)
    header = [picture.pixel(x, y) for y in range(MARGIN_PX, MARGIN_PX + 16) for x in range(MARGIN_PX, 300)]
    assert sum(near(pixel, text, 60) for pixel in header) > 100

    # The grid's left and right lines run unbroken from its top corner to its bottom corner.
    top, bottom = grid_rows(svg)
    columns = max(len(line) for line in re.findall(r">([┌└][─┬┴]+[┐┘])<", svg))
    for x in (MARGIN_PX + CELL_PX / 2, MARGIN_PX + (columns - 0.5) * CELL_PX):
        xs = range(int(x) - 2, int(x) + 3)
        drawn = [
            any(not near(picture.pixel(px, y), background, 40) for px in xs) for y in range(top, bottom - 4)
        ]
        assert sum(drawn) / len(drawn) > 0.97, (x, sum(drawn), len(drawn))


def svg_lines(svg: str) -> str:
    """The SVG's text as lines of a terminal: each piece at the column its x stands for."""
    lines = []
    for body in re.findall(r"<text [^>]*>(.*?)</text>", svg):
        line = ""
        for x, text in re.findall(r'<tspan x="([\d.]+)"[^>]*>(.*?)</tspan>', body):
            column = round((float(x) - MARGIN_PX) / CELL_PX)
            line = line.ljust(column) + html.unescape(text)
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("sample", [NL, EN], ids=["nl", "en"])
def test_no_word_in_the_svg_is_split_without_a_hyphen(run_pvm: RunPvm, tmp_path: Path, sample: Path) -> None:
    drawn = svg_lines(export_svg(run_pvm, sample, tmp_path))
    shown = run_pvm("show", str(sample), "--width", "160").stdout
    assert drawn.split() == shown.split()  # the picture is what `pvm show` draws
    matrix = load(sample).saved
    texts = texts_of(matrix, labels_for(matrix.language), "· — ⇄ → ← ○ 0 1 2 3 4 5 6 7 8 9")
    assert unhyphenated_splits(drawn, texts) == []
