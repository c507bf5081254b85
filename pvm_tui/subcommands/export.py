"""`pvm export FILE --format md|csv|json|html|svg [-o OUT]`: a matrix in another format.

Without ``-o`` the export goes to standard output, byte for byte as it
would go to a file (UTF-8; the CSV with its byte order mark), except on a
terminal, where control characters are made visible first. With ``-o`` the
file is replaced atomically (no backup). pvm export never writes over the
matrix it reads, nor over any existing ``.toml`` file: an export is never
TOML, so such a target is a slip of the keyboard that would lose a matrix.
Both rules also hold for the file a link (or a chain of links) points to.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pvm_tui import output_target, store
from pvm_tui.export import exporter
from pvm_tui.labels import labels_for, language_from_locale
from pvm_tui.store import MatrixFileError
from pvm_tui.text import harmless

EXIT_ERROR = 2


def run(options: argparse.Namespace) -> int:
    source = Path(options.file)
    matrix = store.load(source, default_language=language_from_locale()).saved
    labels = labels_for(options.lang or matrix.language)
    extra: dict[str, object] = {}
    if options.format == "html":
        extra = {"paper": options.paper, "balance": not options.no_balance}
    elif options.format == "svg":
        extra = {"theme": options.theme}
    text = exporter(options.format)(matrix, labels, **extra)
    if not output_target.is_standard_output(options.output):
        target = output_target.file_to_write(options.output)
        _refuse_to_overwrite_a_matrix(target, source)
        store.write_atomically(target, text.encode("utf-8"), backup=False)
        return 0
    if sys.stdout.isatty():
        # For reading on screen only: a pipe or redirect gets the exact bytes.
        text = harmless(text.removeprefix("\ufeff").replace("\r\n", "\n"))
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


def _refuse_to_overwrite_a_matrix(target: Path, source: Path) -> None:
    # Links are followed by the write, so the rules hold for where they lead.
    if output_target.is_the_file(target, source):
        raise MatrixFileError(target, "is the matrix being exported; choose another file for -o")
    toml = output_target.toml_in_the_way(target)
    if toml is not None:
        raise MatrixFileError(
            target,
            f"is {output_target.what_it_is(target, toml)} that may be a matrix; "
            "pvm export never writes over a .toml file",
        )
