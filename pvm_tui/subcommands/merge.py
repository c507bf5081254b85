"""`pvm merge BASE OURS THEIRS [-o OUT]`: a three-way merge of matrices, cell by cell; git's merge driver.

With ``merge.pvm.driver = "pvm merge %O %A %B"`` git runs it as
``pvm merge BASE OURS THEIRS`` and takes the result from OURS, which is
where it is written unless ``-o`` names another file (``-``: standard
output). Exit status: 0 merged cleanly, 1 conflicts (each conflicting cell
holds both versions between markers, and they are listed on stderr), 2 a
file cannot be read (one line; nothing is written). A TOML file that is
not a matrix is merged line by line, as git merges text, with git's
markers where both sides changed the same lines.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pvm_tui import output_target, store
from pvm_tui.labels import labels_for
from pvm_tui.merge.found import describe
from pvm_tui.merge.lines import text_merge
from pvm_tui.merge.output import merged_text
from pvm_tui.merge.three_way import merge
from pvm_tui.merge.words import conflict_count, words_for
from pvm_tui.text import inline

EXIT_CLEAN, EXIT_CONFLICTS = 0, 1
_UTF8_BOM = b"\xef\xbb\xbf"


def run(options: argparse.Namespace) -> int:
    target = _target(options)
    try:
        base, ours, theirs = (store.load(path) for path in (options.base, options.ours, options.theirs))
    except store.NotAMatrixError:
        return _merge_lines(options, target)
    result = merge(base.saved, ours.saved, theirs.saved)
    _write(target, merged_text(result, base, ours, theirs), bom=ours.bom)
    if result.clean:
        return EXIT_CLEAN
    words = words_for(options.lang or result.matrix.language)
    labels = labels_for(options.lang or result.matrix.language)
    lines = [f"pvm merge: {inline(str(target or '-'))}: {conflict_count(words, len(result.conflicts))}"]
    lines += [f"  {describe(conflict, result.matrix, labels, words)}" for conflict in result.conflicts]
    sys.stderr.write("".join(line + "\n" for line in lines))
    return EXIT_CONFLICTS


def _merge_lines(options: argparse.Namespace, target: Path | None) -> int:
    """Another TOML file (``*.toml merge=pvm`` also names ``pyproject.toml``): merged as git merges text."""
    paths = [Path(path) for path in (options.base, options.ours, options.theirs)]
    data = [store.read_bytes(path) for path in paths]
    base, ours, theirs = (store.decode(path, each) for path, each in zip(paths, data, strict=True))
    text, clean = text_merge(base, ours, theirs)
    _write(target, text, bom=data[1].startswith(_UTF8_BOM))
    if clean:
        return EXIT_CLEAN
    where = inline(str(target or "-"))
    print(
        f"pvm merge: {where}: not a Partner Value Matrix; lines changed on both sides are marked",
        file=sys.stderr,
    )
    return EXIT_CONFLICTS


def _write(target: Path | None, text: str, *, bom: bool) -> None:
    # Reading drops a UTF-8 byte order mark; the result replaces OURS, so it keeps OURS's
    # (an editor that writes one would otherwise see line 1 change in every merge).
    data = (_UTF8_BOM if bom else b"") + text.encode("utf-8")
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        # No NAME~ beside it: git's %A is a scratch file in the work tree.
        store.write_atomically(target, data, backup=False)


def _target(options: argparse.Namespace) -> Path | None:
    """Where the result goes: OURS, or ``-o`` (a new file, or OURS itself)."""
    if options.output is None:
        return Path(options.ours)
    if output_target.is_standard_output(options.output):
        return None
    target = output_target.file_to_write(options.output)
    if (target.exists() or target.is_symlink()) and not _same(target, Path(options.ours)):
        raise store.MatrixFileError(
            target, "already exists; not overwriting it (leave out -o to write into OURS)"
        )
    return target


def _same(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)
