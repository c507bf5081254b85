"""Where an export or a page may be written: never over a matrix, also not through a link.

``-o`` names a file to be replaced. A write follows symbolic links to the
file at the end of the chain, so the rules "never over a ``.toml`` file"
and "never over the matrix being read" are applied to every name on the
way: the name given, each link it passes through, and the file at the end.
A name that ends in a slash names a folder, never a file to write.
"""

from __future__ import annotations

import os
from pathlib import Path

_SLASHES = tuple({"/", os.sep})

_MOST_LINKS = 40
"""As many links as the system follows before it gives up (ELOOP)."""


def file_to_write(name: str) -> Path:
    """``name`` as the path of a file pvm is to write.

    ``Path("reports/")`` is ``reports``, so `-o reports/` wrote a file named
    reports where a folder was meant. An existing folder is left to the
    caller, which says "is a folder"; a missing one is refused here.
    """
    path = Path(name)
    if name.endswith(_SLASHES) and not path.is_dir():
        from pvm_tui.store import MatrixFileError

        raise MatrixFileError(path, f"names a folder (it ends in {name[-1]}), and there is no such folder")
    return path


def names_on_the_way(target: Path) -> list[Path]:
    """``target``, each link it goes through, and the file a write would really reach."""
    chain = [target]
    current = target
    for _ in range(_MOST_LINKS):
        if not os.path.islink(current):
            break
        destination = Path(os.readlink(current))
        current = destination if destination.is_absolute() else current.parent / destination
        chain.append(current)
    real = Path(os.path.realpath(target))
    if real not in chain:
        chain.append(real)
    return chain


def toml_in_the_way(target: Path) -> Path | None:
    """The ``.toml`` name (perhaps a matrix) a write to an existing ``target`` would go over, or None.

    A new file may have any name; an existing one is refused when its name,
    or the name of any link on the way or of the file at the end, is ``.toml``.
    """
    if not os.path.lexists(target):
        return None
    tomls = [name for name in names_on_the_way(target) if name.suffix.lower() == ".toml"]
    return tomls[-1] if tomls else None


def is_the_file(target: Path, source: Path) -> bool:
    """True when writing to ``target`` would replace ``source`` (same path, link or hard link)."""
    if not os.path.lexists(target):
        return False
    if os.path.realpath(target) == os.path.realpath(source):
        return True
    try:
        return os.path.samefile(target, source)
    except OSError:
        return False


def what_it_is(target: Path, toml: Path) -> str:
    """Words for ``target`` in a refusal: "a .toml file", or "a link to NAME, a .toml file"."""
    return "a .toml file" if toml == target else f"a link to {toml}, a .toml file"


def is_standard_output(output: str | None) -> bool:
    """True when ``-o`` means standard output: none given, ``-``, or a name for it such as ``/dev/stdout``.

    ``/dev/stdout`` (or ``/dev/fd/1``) is a link to whatever standard output
    is: a terminal, a pipe, a file. Replacing it with a temporary file would
    fail or, worse, replace the file it was redirected to; writing to the
    stream is what was meant.
    """
    if not output or output == "-":
        return True
    try:
        return os.path.samestat(os.stat(output), os.fstat(1))
    except (OSError, ValueError):
        return False
