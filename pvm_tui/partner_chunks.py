"""Saving edits to a few partners without parsing the whole file with tomlkit.

The first save of a session used to parse the whole file with tomlkit, so
that comments and layout survive: 0.7 s at 1,000 partners, 14 s at 20,000,
most of it for partners the edits never touched. When the edits change
only some partners' cells (the same partners in the same order, the same
company and language), each changed partner's ``[[partners]]`` table is cut
out of the file's text, parsed and rewritten on its own, and every other
byte of the file is kept as it was.

A change of the company's details or of the language rewrites, the same
way, only the part of the file above the first partner, when that part
holds the ``[company]`` table (and the ``language`` key, for a new one).

The cuts are found by a scan that knows TOML's strings and comments (a
line ``[[partners]]`` inside a multi-line cell is text, not a table). A cut
is used only when the tables found are as many as the partners, no other
table follows the first partner, and the text cut out reads back, on its
own, as exactly what it should hold; otherwise ``None`` says to merge into
the whole document as before.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from pvm_tui.model import Matrix, Partner

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_TOKENS = re.compile(
    r'''
      (?P<ml_basic>"""(?:\\.|[^\\])*?"""(?:"{1,2}(?!"))?)
    | (?P<ml_literal>\'\'\'.*?\'\'\'(?:\'{1,2}(?!\'))?)
    | (?P<basic>"(?:\\.|[^"\\\n])*")
    | (?P<literal>\'[^\'\n]*\')
    | (?P<comment>\#[^\n]*)
    | (?P<table>^[ \t]*\[\[[ \t]*partners[ \t]*\]\])
    | (?P<subtable>^[ \t]*\[[ \t]*partners[ \t]*\.)
    | (?P<other_table>^[ \t]*\[)
    ''',
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)
"""Strings and comments (skipped whole), and table headers at the start of a line: a partner's,
one of a partner's sides, or any other (which may also be a line of a nested array: only ever
a reason to leave the save to the whole document)."""


def table_starts(text: str) -> list[int] | None:
    """Where each ``[[partners]]`` table of a valid TOML text starts (the start of its header line);
    None when some other table follows the first partner's, so that the partners' tables do not
    simply run on to the end of the file."""
    starts: list[int] = []
    for found in _TOKENS.finditer(text):
        kind = found.lastgroup
        if kind == "table":
            starts.append(found.start())
        elif kind == "other_table" and starts:
            return None
    return starts


def changed_in_place(source: str, old: Matrix, new: Matrix, *, crlf: bool, reader: Any) -> str | None:
    """The text of the file ``source`` (which holds ``old``) changed to hold ``new``, or None.

    ``reader`` is the file reader's own (``store._Reader``), to check what a cut holds.
    """
    if len(new.partners) != len(old.partners) or any(
        was.key != now.key for was, now in zip(old.partners, new.partners, strict=True)
    ):
        return None
    changed = [
        index
        for index, (was, now) in enumerate(zip(old.partners, new.partners, strict=True))
        if was is not now and was != now
    ]
    head_changed = new.language != old.language or new.company != old.company
    if not changed and not head_changed:
        return source
    starts = table_starts(source)
    if starts is None or len(starts) != len(old.partners):
        return None
    head_end = starts[0] if starts else len(source)
    head = source[:head_end]
    if head_changed:
        rewritten_head = _rewritten_head(head, old, new, crlf=crlf, reader=reader)
        if rewritten_head is None:
            return None
        head = rewritten_head
    ends = [*starts[1:], len(source)]
    pieces = [head]
    kept_from = head_end
    for index in changed:
        cut = source[starts[index] : ends[index]]
        rewritten = _rewritten(cut, old.partners[index], new.partners[index], crlf=crlf, reader=reader)
        if rewritten is None:
            return None
        pieces += [source[kept_from : starts[index]], rewritten]
        kept_from = ends[index]
    pieces.append(source[kept_from:])
    return "".join(pieces)


def _loads(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def _rewritten(cut: str, was: Partner, now: Partner, *, crlf: bool, reader: Any) -> str | None:
    """One partner's table, ``cut`` from the file, changed from ``was`` to ``now``; None if it is not that."""
    import tomlkit

    from pvm_tui import store

    data = _loads(cut)
    tables = data.get("partners") if data is not None else None
    if data is None or set(data) != {"partners"} or not isinstance(tables, list) or len(tables) != 1:
        return None
    try:
        if reader.partner(0, tables[0]) != was:
            return None
    except store.MatrixFileError:
        return None
    document = tomlkit.parse(cut)
    store.merge_partner(document["partners"][0], was, now)
    return _text(document, crlf=crlf)


def _rewritten_head(head: str, old: Matrix, new: Matrix, *, crlf: bool, reader: Any) -> str | None:
    """The part of the file above the partners, with the new company and language; None when that
    part does not hold both where they can be changed in place (they are added to the whole document)."""
    import tomlkit

    from pvm_tui import store

    data = _loads(head)
    if data is None or "partners" in data or "company" not in data:
        return None
    if new.language != old.language and "language" not in data:
        return None
    try:
        if (
            data.get("language", old.language) != old.language
            or reader.company(data["company"]) != old.company
        ):
            return None
    except store.MatrixFileError:
        return None
    document = tomlkit.parse(head)
    if new.language != old.language:
        document["language"] = new.language
    if new.company != old.company:
        store.merge_company(document["company"], old.company, new.company)
    return _text(document, crlf=crlf)


def _text(document: Any, *, crlf: bool) -> str:
    import tomlkit

    from pvm_tui import store

    text = tomlkit.dumps(document)
    return store.crlf_lines(text) if crlf else text
