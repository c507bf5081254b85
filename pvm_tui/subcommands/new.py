"""`pvm new FILE`: write a blank matrix to a file that does not exist yet.

The new file holds the company's name (``--name``), the language of the
labels (``--lang``, else the user's locale) and one empty partner. That one
partner is there on purpose: someone who edits the TOML by hand sees the
``[[partners]]`` shape with its ``brings`` and ``gets`` tables, and the
editor opens on a row ready to type in. An existing file is never
overwritten: that is what the editor's save is for.
"""

from __future__ import annotations

import argparse
import os
import shlex

from pvm_tui import output_target, store
from pvm_tui.labels import language_from_locale
from pvm_tui.model import Company, Matrix, Partner
from pvm_tui.store import MatrixFileError
from pvm_tui.text import inline


def blank_matrix(name: str, language: str) -> Matrix:
    """The matrix `pvm new` writes: a named company and one empty partner."""
    return Matrix(company=Company(name=name), partners=(Partner(),), language=language)


def run(options: argparse.Namespace) -> int:
    path = output_target.file_to_write(options.file)
    # Said here rather than left to the save, so the message tells what to do instead.
    if path.is_dir():
        raise MatrixFileError(path, f"is a folder; name the file to write, e.g. {path / 'partners.toml'}")
    if os.path.lexists(path):
        raise MatrixFileError(
            path,
            f"already exists; pvm new never overwrites a file (open it with `pvm {shlex.quote(str(path))}`)",
        )
    folder = path.parent
    if not folder.is_dir():
        raise MatrixFileError(path, f"the folder {folder} does not exist; create it first")
    matrix = blank_matrix(options.name, options.lang or language_from_locale())
    store.save(store.new_file(path, matrix), matrix, backup=False)
    # The name is the user's and may hold anything: shown as any text is, harmless and on one line.
    print(inline(f"pvm: wrote a blank matrix to {path}; open it with `pvm {shlex.quote(str(path))}`"))
    return 0
