"""Saving edits to a few partners without parsing the whole file with tomlkit.

The first save of a session used to parse the whole file with tomlkit, so
that comments and layout survive: 0.7 s at 1,000 partners, 14 s at 20,000,
most of it for partners the edits never touched. When the edits change
only some partners' cells (the same partners in the same order, the same
company and language), each changed partner's ``[[partners]]`` table is cut
out of the file's text, parsed and rewritten on its own, and every other
byte of the file is kept as it was.

The cuts are found by a scan that knows TOML's strings and comments (a
line ``[[partners]]`` inside a multi-line cell is text, not a table). A cut
is used only when the tables found are as many as the partners, and the
text cut out for a partner reads back, on its own, as exactly that
partner's one table; otherwise ``None`` says to merge into the whole
document as before.
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
    ''',
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)
"""Strings and comments (skipped whole), and the headers of partner tables at the start of a line."""


def table_starts(text: str) -> list[int]:
    """Where each ``[[partners]]`` table of a valid TOML text starts (the start of its header line)."""
    return [found.start() for found in _TOKENS.finditer(text) if found.lastgroup == "table"]


def changed_in_place(source: str, old: Matrix, new: Matrix, *, crlf: bool, read: Any) -> str | None:
    """The text of the file ``source`` (which holds ``old``) changed to hold ``new``, or None.

    ``read(table)`` turns one partner's parsed TOML table into a ``Partner``
    (the file reader's own), to check what a cut holds.
    """
    if new.language != old.language or new.company != old.company:
        return None
    if len(new.partners) != len(old.partners) or any(
        was.key != now.key for was, now in zip(old.partners, new.partners, strict=True)
    ):
        return None
    changed = [
        index
        for index, (was, now) in enumerate(zip(old.partners, new.partners, strict=True))
        if was is not now and was != now
    ]
    if not changed:
        return source
    starts = table_starts(source)
    if len(starts) != len(old.partners):
        return None
    ends = [*starts[1:], len(source)]
    pieces: list[str] = []
    kept_up_to = 0
    for index in changed:
        cut = source[starts[index] : ends[index]]
        rewritten = _rewritten(cut, old.partners[index], new.partners[index], crlf=crlf, read=read)
        if rewritten is None:
            return None
        pieces += [source[kept_up_to : starts[index]], rewritten]
        kept_up_to = ends[index]
    pieces.append(source[kept_up_to:])
    return "".join(pieces)


def _rewritten(cut: str, was: Partner, now: Partner, *, crlf: bool, read: Any) -> str | None:
    """One partner's table, ``cut`` from the file, changed from ``was`` to ``now``; None if it is not that."""
    import tomlkit

    from pvm_tui import store

    try:
        data = tomllib.loads(cut)
    except tomllib.TOMLDecodeError:
        return None
    tables = data.get("partners")
    if set(data) != {"partners"} or not isinstance(tables, list) or len(tables) != 1:
        return None
    try:
        if read(tables[0]) != was:
            return None
    except store.MatrixFileError:
        return None
    document = tomlkit.parse(cut)
    store.merge_partner(document["partners"][0], was, now)
    text = tomlkit.dumps(document)
    if crlf:
        text = store.crlf_lines(text)
    return text
