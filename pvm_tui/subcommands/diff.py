"""`pvm diff OLD NEW`: what changed between two matrices, in words.

Exit status as ``diff``: 0 equal, 1 different, 2 trouble. Also git's
external diff driver: git runs ``pvm diff PATH OLD-FILE OLD-HEX OLD-MODE
NEW-FILE NEW-HEX NEW-MODE`` once per changed file. Git stops the whole
``git diff`` when a driver exits non-zero, so in that mode the status is 0
whether or not the files differ, and a file that is not a matrix (any
``*.toml`` goes through the driver) is shown as an ordinary text diff
instead of failing.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from pvm_tui.diff import compare, report, to_plain, to_text, words_for
from pvm_tui.diff.report import Line
from pvm_tui.diff.unified import unified_diff
from pvm_tui.diff.words import DiffWords
from pvm_tui.labels import Labels, labels_for, language_from_locale
from pvm_tui.model import Matrix
from pvm_tui.store import MatrixFileError, NotAMatrixError, load, read_bytes
from pvm_tui.text import harmless, inline

EXIT_SAME, EXIT_DIFFERENT, EXIT_ERROR = 0, 1, 2
DEV_NULL = "/dev/null"


@dataclass(frozen=True)
class Version:
    """One side of the comparison: its matrix, and whether the file named its language."""

    matrix: Matrix
    names_language: bool


def run(options: argparse.Namespace) -> int:
    paths = list(options.paths)
    if len(paths) == 2:
        return _two_files(paths[0], paths[1], options.lang)
    if len(paths) == 7:
        return _git(paths, options.lang)
    print(
        f"pvm diff: expected OLD NEW, or the 7 arguments git gives an external diff driver; got {len(paths)}",
        file=sys.stderr,
    )
    return EXIT_ERROR


def _two_files(old_path: str, new_path: str, lang: str | None) -> int:
    old, new = read(old_path), read(new_path)
    changes = compare(old.matrix, new.matrix)
    if changes.is_empty:
        return EXIT_SAME
    words, labels = _language(lang, old, new)
    _print(report(changes, labels, words))
    return EXIT_DIFFERENT


def _git(arguments: list[str], lang: str | None) -> int:
    path, old_file, _old_hex, _old_mode, new_file, _new_hex, _new_mode = arguments
    # A file name can hold anything, a line break too: on one line, so it
    # can never pass for a line of the report.
    lines: list[Line] = [[("path", inline(path))]]
    try:
        old, new = read(old_file, f"a/{path}"), read(new_file, f"b/{path}")
    except MatrixFileError as error:
        words = words_for(lang or language_from_locale())
        try:
            text = text_diff(path, old_file, new_file)
        except MatrixFileError as unreadable:
            # A pipe, a device, a file over the size limit: one line, and git goes on.
            lines.append([("note", words.cannot_read.format(reason=str(unreadable)))])
        else:
            if isinstance(error, NotAMatrixError):
                lines.append([("note", words.not_a_matrix)])
            else:
                lines.append([("note", words.unreadable.format(reason=str(error)))])
            lines += text
        _print([*lines, []])
        return EXIT_SAME
    words, labels = _language(lang, old, new)
    if old_file == DEV_NULL:
        lines.append([("note", words.new_file)])
    elif new_file == DEV_NULL:
        lines.append([("note", words.deleted_file)])
    changes = compare(old.matrix, new.matrix)
    if changes.is_empty:
        lines.append([("note", words.same_content)])
    else:
        lines += [[], *report(changes, labels, words)]
    _print([*lines, []])
    # Git treats any status but 0 from an external diff as a crash and stops.
    return EXIT_SAME


def read(path: str, shown: str | None = None) -> Version:
    """The matrix in ``path`` (``/dev/null``: none yet); errors name the file as ``shown``."""
    if path == DEV_NULL:
        return Version(Matrix(), False)
    try:
        loaded = load(path)
    except MatrixFileError as error:
        if shown is None:
            raise
        raise type(error)(shown, error.message, error.line, error.column) from None
    return Version(loaded.saved, loaded.has_language)


def _language(lang: str | None, old: Version, new: Version) -> tuple[DiffWords, Labels]:
    if lang is None:
        if new.names_language:
            lang = new.matrix.language
        elif old.names_language:
            lang = old.matrix.language
        else:
            lang = language_from_locale()
    return words_for(lang), labels_for(lang)


def text_diff(path: str, old_file: str, new_file: str) -> list[Line]:
    """An ordinary unified diff of two text files, for what is not a matrix.

    The files are read with the same guards as a matrix (no pipes or
    devices, the size limit); one that cannot be read raises ``MatrixFileError``.
    """
    before, after = _text_lines(old_file, f"a/{path}"), _text_lines(new_file, f"b/{path}")
    if before is None or after is None:
        return [[("note", "binary files differ")]]
    old_name = old_file if old_file == DEV_NULL else f"a/{inline(path)}"
    new_name = new_file if new_file == DEV_NULL else f"b/{inline(path)}"
    kinds = {"+": "added", "-": "removed", "@": "label"}
    lines: list[Line] = []
    for line in unified_diff(before, after, old_name, new_name):
        lines.append([(kinds.get(line[:1], ""), harmless(line))])
    return lines


def _text_lines(path: str, shown: str) -> list[str] | None:
    if path == DEV_NULL:
        return []
    try:
        data = read_bytes(Path(path))
    except MatrixFileError as error:
        raise MatrixFileError(shown, error.message) from None
    if b"\x00" in data:
        return None
    return data.decode("utf-8", errors="replace").splitlines()


def use_colour() -> bool:
    """Colour for a terminal, or for git's pager (which git starts with colours on); never with NO_COLOR."""
    if os.environ.get("NO_COLOR"):
        return False
    if sys.stdout.isatty():
        return True
    return os.environ.get("GIT_PAGER_IN_USE", "").lower() in ("1", "true", "yes")


def _print(lines: list[Line]) -> None:
    if not use_colour():
        # A terminal that cannot show "→" gets "?", not a crash.
        encoding = sys.stdout.encoding or "utf-8"
        sys.stdout.buffer.write(to_plain(lines).encode(encoding, errors="replace"))
        sys.stdout.flush()
        return
    from rich.console import Console

    console = Console(file=sys.stdout, force_terminal=True, highlight=False, markup=False, emoji=False)
    console.print(to_text(lines), end="", soft_wrap=True)
