"""Plain words for what is wrong in a matrix file, and the line where it is.

The people who edit matrix files by hand are not all programmers. The TOML
parser's messages ("Invalid value", "Cannot overwrite a value") are turned
into what to look for, and a value of the wrong type is described as it
stands in the file (``the number 51``), with the line where its key is.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from typing import Any

Key = tuple[Any, ...]
"""Where a value sits in the data: ("partners", 2, "brings", "money"), indexes from 0."""

_BACKSLASH = "a backslash in \"quoted\" text must be written \\\\ (or put the text in 'single quotes')"
_FRIENDLY: tuple[tuple[str, str], ...] = (
    ("Expected '=' after a key", 'expected "=" after a key; write key = "value"'),
    (
        "Illegal character '\\n'",
        'text in "quotes" must end on the same line; use """triple quotes""" for several lines',
    ),
    ("Unterminated string", 'a text in """triple quotes""" is never closed'),
    ("Invalid value", 'this value is not valid; text must be in quotes, like name = "Acme"'),
    ("Expected ']' at the end of a table", "a [heading] is missing its closing ]"),
    ("Expected ']]' at the end of an array", "a [[heading]] is missing its closing ]]"),
    ("Unclosed array", "a list [ ... ] is never closed with ]"),
    ("Unclosed inline table", "a table { ... } is never closed with }"),
    ("Unescaped '\\' in a string", _BACKSLASH),
    ("Invalid hex value", _BACKSLASH),
    (
        "Expected newline or end of document after a statement",
        "unexpected text after a value; write one key = value per line",
    ),
    ("Invalid statement", 'this line is not a key = "value" or a [heading]'),
    ("Cannot overwrite a value", "this key is given a value twice (or is also a [heading])"),
    ("Invalid initial character for a key part", "a key name is expected here"),
    ("Escaped character is not a Unicode scalar value", "a \\u escape names no character"),
    ("Invalid date or datetime", "this date or time does not exist"),
)
_CONFLICT = re.compile(r"^<{7}( |$)", re.MULTILINE)
_TWICE = re.compile(r"Cannot declare \((.*)\) twice")
_ILLEGAL = re.compile(r"Illegal character '(.*)'")
_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")


def syntax_problem(error: Exception, text: str) -> tuple[str, int | None, int | None]:
    """What a ``TOMLDecodeError`` means, in words, with its line and column."""
    message = getattr(error, "msg", None) or str(error)
    line: int | None = getattr(error, "lineno", None)
    column: int | None = getattr(error, "colno", None)
    found = _POSITION.search(message)
    if found:
        message = message[: found.start()]
        if found.group(1):
            line, column = int(found.group(1)), int(found.group(2))
    conflict = _CONFLICT.search(text)
    if conflict:
        # A merge (git pull) left both versions in the file: say so, not what the parser tripped on.
        line = text.count("\n", 0, conflict.start()) + 1
        return "not valid TOML: it has merge conflict markers (<<<<<<<); resolve the conflict first", line, 1
    if line is None and found:
        # "at end of document": the last line is where something was left open.
        lines = text.split("\n")
        line, column = len(lines), len(lines[-1]) + 1
    return "not valid TOML: " + _friendly(message), line, column


def _friendly(message: str) -> str:
    for start, words in _FRIENDLY:
        if message.startswith(start):
            return words
    twice = _TWICE.match(message)
    if twice:
        parts = [part.strip().strip("'\"") for part in twice.group(1).split(",") if part.strip()]
        return f"the heading [{'.'.join(parts)}] appears twice"
    illegal = _ILLEGAL.match(message)
    if illegal:
        try:
            code = ord(ast.literal_eval(f"'{illegal.group(1)}'"))
        except (ValueError, SyntaxError, TypeError):
            return f"the character {illegal.group(1)} is not allowed here"
        return f"the control character U+{code:04X} is not allowed here; in quoted text write \\u{code:04X}"
    return message[:1].lower() + message[1:]


def describe(value: Any) -> str:
    """A value as a person would recognise it in the file: ``the number 51``, ``the text "x"``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return "the text " + json.dumps(shown, ensure_ascii=False)
    if isinstance(value, list):
        return "a list [ ... ]"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dt.time):
        return f"the time of day {value.isoformat()}"
    return type(value).__name__


def quote_hint(key: Key, value: Any) -> str:
    """How to write a number that should have been text (``size = 51``, say)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f' (write {key[-1]} = "{value}")'
    return ""


def choice_hint(value: Any, kind: Any) -> str:
    """How to write a known choice the file spelled otherwise (``"Huidig"``, ``"veel invloed"``)."""
    if not isinstance(value, str):
        return ""
    from pvm_tui.labels import DUTCH, ENGLISH

    wanted = " ".join(value.casefold().split())
    for member in kind:
        spellings = {member.value}
        for labels in (DUTCH, ENGLISH):
            words = labels.statuses if member in labels.statuses else labels.influences
            spellings.add(words[member])
            if member in labels.influences:
                spellings.add(labels.influence_words(member))
        if wanted in {spelling.casefold() for spelling in spellings}:
            return f' (write "{member.value}")'
    return ""


def dotted(key: Key) -> str:
    """A key as messages show it: partners[3].brings.money (partners counted from 1)."""
    shown = ""
    for part in key:
        shown += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if shown else part)
    return shown


# -- finding the line of a key ------------------------------------------------

_ARRAY_HEADING = re.compile(r"\s*\[\[\s*(.+?)\s*\]\]")
_HEADING = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]")
_KEY_VALUE = re.compile(
    r"""\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=\s*"""
)


def locate(text: str, key: Key) -> tuple[int, int] | None:
    """The line and column (from 1) of the value of ``key``, or of the nearest key that holds it.

    A quick scan of the usual layouts (headings, key = value, dotted keys),
    good enough to point a person at the right place; None when not found.
    """
    best: tuple[int, tuple[int, int]] | None = None
    table: Key = ()
    partner = -1
    in_multiline: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        found: Key | None = None
        column = 1
        heading = _ARRAY_HEADING.match(line) or _HEADING.match(line)
        pair = None if heading else _KEY_VALUE.match(line)
        if heading:
            parts = _split_key(heading.group(1))
            if parts[:1] == ("partners",):
                if heading.re is _ARRAY_HEADING and len(parts) == 1:
                    partner += 1
                    parts = ("partners", partner)
                elif len(parts) > 1:
                    parts = ("partners", max(partner, 0), *parts[1:])
            table = found = parts
            column = len(line) - len(line.lstrip()) + 1
        elif pair:
            found = table + _split_key(pair.group(1))
            column = pair.end() + 1
            value = line[pair.end() :]
            for quotes in ('"""', "'''"):
                if value.count(quotes) % 2 == 1:
                    in_multiline = quotes
        if found is None or found != key[: len(found)]:
            continue
        if found == key:
            return number, column
        if best is None or len(found) > best[0]:
            best = len(found), (number, column)
    return best[1] if best else None


def _split_key(text: str) -> Key:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return tuple(part[1:-1] if part[:1] in "\"'" else part for part in parts)
