"""Deliver a generated page: to standard output, or atomically to the file of ``-o``."""

from __future__ import annotations

import sys

from pvm_tui import output_target
from pvm_tui.store import MatrixFileError, write_atomically


def deliver(text: str, output: str | None) -> None:
    """Write ``text`` as UTF-8 to ``output`` (``None``, ``-`` or ``/dev/stdout``: standard output).

    A file is replaced atomically, so a failed write leaves the old one whole.
    An existing ``.toml`` file is refused, also behind a link: writing a page
    over a matrix would lose what someone wrote, and the names are easy to mix up.
    """
    data = text.encode("utf-8")
    if output is None or output_target.is_standard_output(output):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = output_target.file_to_write(output)
    toml = output_target.toml_in_the_way(path)
    if toml is not None:
        raise MatrixFileError(
            path,
            f"is {output_target.what_it_is(path, toml)}, perhaps a matrix; "
            "not writing a page over it (use .html)",
        )
    write_atomically(path, data, backup=False)
