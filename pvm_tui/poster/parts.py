"""HTML pieces shared by the poster and the blank template.

Every text that reaches the page goes through ``esc``: control characters
are made visible and ``< > & " '`` become entities
(``pvm_tui.markup_text``), so a cell that says ``<script>`` is printed as
those characters, and the page parses as HTML and as XML whatever it holds.
Cells sit on one source line each because the stylesheet keeps white
space (``pre-wrap``) to show the user's own line breaks.
"""

from __future__ import annotations

from collections.abc import Iterable

from pvm_tui import __version__
from pvm_tui.hyphenate import soft_hyphenated
from pvm_tui.labels import Labels
from pvm_tui.markup_text import markup_escape
from pvm_tui.model import CATEGORIES, SIDES

COPYRIGHT = "© InnoValor, 2018"

HEADING_WHOLE = 8
"""Heading words up to this long are never hyphenated: every column holds that many letters."""


def esc(text: str) -> str:
    """User or label text made safe and literal for HTML: it parses as HTML and as XML."""
    return markup_escape(text)


def document(*, lang: str, title: str, css: str, body: Iterable[str]) -> str:
    """A whole self-contained HTML page."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{esc(lang)}">',
            "<head>",
            '<meta charset="utf-8" />',
            f'<meta name="generator" content="pvm {esc(__version__)}" />',
            f"<title>{esc(title)}</title>",
            f"<style>{css}</style>",
            "</head>",
            "<body>",
            '<main class="sheet">',
            *body,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )


def colgroup() -> str:
    return '<colgroup><col class="partner" />' + '<col class="category" />' * 8 + "</colgroup>"


def side_row(labels: Labels) -> str:
    """The grouped headings over the two sides: "wat brengen ze?" / "wat halen ze eruit?"."""
    cells = "".join(
        f'<th colspan="4" class="{side}" scope="colgroup">{_heading(labels.sides[side], labels.code)}</th>'
        for side in SIDES
    )
    return f'<tr class="sides"><th class="corner"></th>{cells}</tr>'


def category_row(labels: Labels, questions: dict[str, str] | None = None) -> str:
    """The partner heading and the four categories under each side, optionally with their question."""
    cells = [f'<th class="partner" scope="col">{esc(labels.partner)}{_question(questions, "name")}</th>']
    for side in SIDES:
        for category in CATEGORIES:
            key = f"{side}.{category}"
            heading = _heading(labels.categories[category], labels.code) + _question(questions, key)
            cells.append(f'<th class="{side}" scope="col">{heading}</th>')
    return f'<tr class="categories">{"".join(cells)}</tr>'


def _heading(label: str, language: str) -> str:
    """A heading that may stand in a narrow column: long words may break between syllables."""
    return esc(soft_hyphenated(label, language, longer_than=HEADING_WHOLE))


def _question(questions: dict[str, str] | None, key: str) -> str:
    if not questions:
        return ""
    return f'<span class="question">{esc(questions[key])}</span>'


def cell_class(side: str, category: str, *extra: str) -> str:
    """The class of a grid cell: its side, and a heavier rule where the *gets* side starts."""
    names = [side]
    if side == "gets" and category == CATEGORIES[0]:
        names.append("first-gets")
    names.extend(extra)
    return " ".join(names)


def footer(left: str, right: str) -> str:
    return f'<footer class="foot"><span>{esc(left)}</span><span>{esc(right)}</span></footer>'


def credit(labels: Labels) -> str:
    """The method's name and its copyright, printed on every sheet."""
    return f"{labels.method} · {COPYRIGHT}"
