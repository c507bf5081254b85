"""A ``MatrixDiff`` in words: as styled Rich text for a terminal, or plain text.

The report is built once as lines of (kind, text) pieces; ``to_text`` gives
it colour and strike-through/underline, ``to_plain`` marks changed words
the way ``git diff --word-diff`` does: ``[-removed-]{+inserted+}``. All user
text passes through ``harmless`` and, in Rich, is appended as plain text,
never parsed as markup; characters that take no room (a zero-width space)
are written as ``<U+200B>``, so that no change is invisible.
"""

from __future__ import annotations

from rich.text import Text

from pvm_tui.diff.compare import CellChange, MatrixDiff, PartnerChange
from pvm_tui.diff.marks import NEW, OLD, SAME, Piece, word_diff
from pvm_tui.diff.words import DiffWords
from pvm_tui.labels import Labels, labels_for
from pvm_tui.model import COLUMNS, FACTS, Influence, Partner, Status
from pvm_tui.text import harmless, invisibles_shown

Line = list[tuple[str, str]]
"""One output line: pieces of (kind, text); kinds are styled or marked by the renderers."""

INDENT = "    "

STYLES = {
    "heading": "bold",
    "path": "bold underline",
    "label": "cyan",
    OLD: "red strike",
    NEW: "green underline",
    "added": "green",
    "removed": "red",
    "note": "italic",
}

MARKERS = {OLD: ("[-", "-]"), NEW: ("{+", "+}")}

SYMBOLS = {"added": "+", "removed": "-", "changed": "~"}


def report(diff: MatrixDiff, labels: Labels, words: DiffWords) -> list[Line]:
    """The lines that tell what changed, grouped per company and per partner."""
    blocks: list[list[Line]] = []
    if diff.language is not None:
        old, new = (labels_for(code).language_name for code in diff.language)
        blocks.append([[("heading", words.language.format(old=old, new=new))]])
    if diff.company:
        block: list[Line] = [[("heading", words.company)]]
        for change in diff.company:
            block += _value(labels.company[change.field], word_diff(change.old, change.new))
        blocks.append(block)
    for partner in diff.partners:
        blocks.append(_partner(partner, labels, words))
    lines: list[Line] = []
    for index, block in enumerate(blocks):
        if index:
            lines.append([])
        lines += block
    return lines


def _partner(change: PartnerChange, labels: Labels, words: DiffWords) -> list[Line]:
    shown = change.new if change.new is not None else change.old
    assert shown is not None
    name = labels.partner_name(shown.name)
    if change.kind == "added":
        assert change.new_row is not None
        status = words.added.format(row=change.new_row + 1)
    elif change.kind == "removed":
        assert change.old_row is not None
        status = words.removed.format(row=change.old_row + 1)
    elif change.moved:
        assert change.old_row is not None and change.new_row is not None
        status = words.moved.format(old=change.old_row + 1, new=change.new_row + 1)
    else:
        assert change.new_row is not None
        status = words.row.format(row=change.new_row + 1)
    heading = f'{SYMBOLS[change.kind]} {words.partner} "{_quote(name)}" · {status}'
    lines: list[Line] = [[("heading", heading)]]
    if change.kind != "changed":
        lines += _whole(shown, labels, "added" if change.kind == "added" else "removed")
        return lines
    assert change.old is not None and change.new is not None
    if change.renamed:
        lines += _value(words.renamed, word_diff(change.old.name, change.new.name))
    for cell in change.cells:
        lines += _cell(cell, labels)
    for fact in change.facts:
        old, new = _fact_word(fact.fact, fact.old, labels), _fact_word(fact.fact, fact.new, labels)
        lines += _value(labels.facts[fact.fact], word_diff(old, new))
    if change.balance_changed:
        assert change.balance_before is not None and change.balance_after is not None
        text = words.balance.format(
            new=labels.balance[change.balance_after], old=labels.balance[change.balance_before]
        )
        lines.append([("", INDENT), ("note", text)])
    return lines


def _quote(name: str) -> str:
    """A name for a heading: on one line, control characters and invisible ones made visible."""
    return " ".join(_shown(name).split())


def _shown(text: str) -> str:
    """User text as the report shows it: nothing that works on a terminal, nothing that hides."""
    return invisibles_shown(harmless(text))


def _cell(cell: CellChange, labels: Labels) -> list[Line]:
    return _value(labels.column_title(cell.column), word_diff(cell.old, cell.new))


def _whole(partner: Partner, labels: Labels, kind: str) -> list[Line]:
    """Every filled cell of a partner that came or went, so a reviewer sees what it held."""
    lines: list[Line] = []
    for column in COLUMNS[1:]:
        text = partner.cell(column)
        if text.strip():
            lines += _value(labels.column_title(column), [Piece(kind, text)])
    for fact in FACTS:
        value = partner.fact_text(fact)
        if value.strip():
            lines += _value(labels.facts[fact], [Piece(kind, _fact_word(fact, value, labels))])
    return lines


def _fact_word(fact: str, value: str, labels: Labels) -> str:
    """A fact's value in the reader's language: "huidig" for "current"; agreements as written."""
    if fact == "status" and value:
        return labels.statuses[Status(value)]
    if fact == "influence" and value:
        return labels.influences[Influence(value)]
    return value


def _value(label: str, pieces: list[Piece]) -> list[Line]:
    """``label: text``, where the text may run over several lines, each indented under the first."""
    lines: list[Line] = [[("", INDENT), ("label", f"{label}:"), ("", " ")]]
    for piece in pieces:
        parts = _shown(piece.text).split("\n")
        for number, part in enumerate(parts):
            if number:
                lines.append([("", INDENT + "  ")])
            if part:
                lines[-1].append((piece.kind, part))
    return lines


def to_plain(lines: list[Line]) -> str:
    """The report as plain text, changed words marked ``[-old-]{+new+}``."""
    out = []
    for line in lines:
        parts = []
        for kind, text in line:
            start, end = MARKERS.get(kind, ("", ""))
            parts.append(f"{start}{text}{end}")
        out.append("".join(parts).rstrip())
    return "\n".join(out) + "\n" if out else ""


def to_text(lines: list[Line]) -> Text:
    """The report as Rich text: removed words struck through in red, new ones underlined in green."""
    result = Text(no_wrap=False)
    for line in lines:
        for kind, text in line:
            result.append(text, style=STYLES.get(kind, "") if kind != SAME else "")
        result.append("\n")
    return result
