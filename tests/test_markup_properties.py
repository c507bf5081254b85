"""Every SVG and HTML page pvm writes parses as XML, whatever text is in whatever field (hypothesis).

Terminal codes (ESC, BEL, an OSC title sequence), U+000C, NUL, the
noncharacters U+FFFE/U+FFFF and markup of every kind go into the company's
name (which is also the page's <title>), every company field, partner
names and cells. The page must parse, hold no control character, and show
the user's markup as text.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pvm_tui.export import svg
from pvm_tui.labels import labels_for
from pvm_tui.model import Company, Influence, Matrix, Partner, Side, Status
from pvm_tui.poster.html import render
from pvm_tui.poster.template import render_template

NASTY = [
    "\x1b]0;pwned\x07",
    "\x1b[31m",
    "\x07",
    "\x0c",
    "\x00",
    "\x7f",
    "\x9b",
    "\ufffe",
    "\uffff",
    "\r\n",
    "\u2028",
    "\u202e",
    "]]>",
    "<!--",
    "-->",
    "<script>",
    "&amp;",
    "&",
    '"',
    "'",
    "<",
    "\u00ad",
    "https://example.com/x",
]
TEXT = st.lists(
    st.one_of(st.sampled_from(NASTY), st.text(st.characters(exclude_categories=("Cs",)), max_size=12)),
    max_size=6,
).map("".join)
ENUMS = (Status, Influence)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
RunPvm = Callable[..., subprocess.CompletedProcess[str]]


def with_text(cls: type, draw: st.DrawFn, text: st.SearchStrategy[str] = TEXT) -> object:
    """An instance of the dataclass ``cls`` with drawn ``text`` in every text field it has."""
    values = {f.name: draw(text) for f in dataclasses.fields(cls) if f.type in ("str", str)}
    return cls(**values)


@st.composite
def matrices(draw: st.DrawFn, text: st.SearchStrategy[str] = TEXT) -> Matrix:
    partners = []
    for _ in range(draw(st.integers(0, 3))):
        partner = with_text(Partner, draw, text)
        facts = {
            f.name: draw(st.sampled_from([None, *enum]))
            for f in dataclasses.fields(Partner)
            for enum in ENUMS
            if isinstance(f.type, str) and f.type.startswith(enum.__name__)
        }
        partner = dataclasses.replace(partner, **facts)  # type: ignore[type-var]
        partners.append(
            dataclasses.replace(partner, brings=with_text(Side, draw, text), gets=with_text(Side, draw, text))
        )  # type: ignore[type-var]
    return Matrix(
        company=with_text(Company, draw, text),
        partners=tuple(partners),
        language=draw(st.sampled_from(["nl", "en"])),
    )  # type: ignore[arg-type]


def parses(page: str) -> ElementTree.Element:
    assert not CONTROL.search(page), repr(CONTROL.search(page))
    return ElementTree.fromstring(page.removeprefix("<!DOCTYPE html>\n"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices())
def test_the_svg_parses_as_xml_for_any_text(matrix: Matrix) -> None:
    for theme in ("light", "dark"):
        root = parses(svg.export(matrix, labels_for(matrix.language), theme=theme))
        title = root.findtext("{http://www.w3.org/2000/svg}title") or ""
        assert "\x1b" not in title and "\x07" not in title
        if "<script>" in matrix.company.name:
            assert "<script>" in title  # markup is text, shown as written
        assert root.find(".//{http://www.w3.org/2000/svg}script") is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices(), st.sampled_from(["A4", "A1"]), st.booleans())
def test_the_poster_parses_as_xml_and_html_for_any_text(matrix: Matrix, paper: str, balance: bool) -> None:
    page = render(matrix, labels_for(matrix.language), paper=paper, balance=balance)
    root = parses(page)
    assert root.tag == "html" and root.find(".//script") is None and root.find(".//a") is None
    title = root.findtext("head/title") or ""
    assert "\x1b" not in title and "\x07" not in title


def test_the_blank_template_parses_in_both_languages() -> None:
    for language in ("nl", "en"):
        assert parses(render_template(labels_for(language), partners=6, paper="A3")).tag == "html"


def test_a_hostile_company_name_reaches_no_terminal_through_cat(run_pvm: RunPvm, tmp_path: Path) -> None:
    matrix = tmp_path / "hostile.toml"
    matrix.write_text(
        '[company]\nname = "Evil\\u001b]0;pwned\\u0007 \\u000c corp \\uffff"\n'
        '[[partners]]\nname = "P \\u001b[2J"\n[partners.brings]\nother = "see https://example.com/x"\n',
        encoding="utf-8",
    )
    for fmt in ("svg", "html"):
        out = tmp_path / f"out.{fmt}"
        assert run_pvm("export", str(matrix), "-f", fmt, "-o", str(out)).returncode == 0
        page = out.read_text(encoding="utf-8")
        root = parses(page)
        assert "␛]0;pwned␇" in page  # shown as symbols, never sent as codes
        assert "https://example.com/x" in page and "href" not in page  # a link is plain text
        assert root is not None
