"""What the editor has open: a matrix file and how it may be saved.

Made before Textual starts (so that an unusable file is one line on stderr
and exit status 2, never a half-drawn screen), and by the start screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pvm_tui import bundled, output_target, store
from pvm_tui.model import Company, Matrix

READ_FROM = 1024 * 1024
"""Bytes of matrix file from which reading it takes long enough to be said, and (in the editor)
to go to a thread: the standard TOML reader takes about a second for 11 MB here (1.4 s for
15,000 partners, 16 MB), so a smaller file is read at once."""


@dataclass
class Document:
    """An open matrix file.

    ``needs_name`` is set for the copy of the bundled example: its first
    save asks for a file name instead of writing into the package.
    """

    file: store.MatrixFile
    needs_name: bool = False
    read_only: bool = False
    backup: bool = True

    @property
    def path(self) -> Path:
        return self.file.path


def open_path(path: Path | str, *, language: str, read_only: bool = False, backup: bool = True) -> Document:
    """Open a matrix file; a file that does not exist yet (in a folder that does) becomes a new matrix.

    Raises ``store.MatrixFileError`` for anything else that is wrong with it.
    """
    path = output_target.file_to_write(str(path))
    if not read_only and not path.exists() and not path.is_symlink() and path.parent.is_dir():
        return Document(store.new_file(path, Matrix(language=language)), backup=backup)
    return Document(store.load(path, default_language=language), read_only=read_only, backup=backup)


def open_example(language: str, *, read_only: bool = False, backup: bool = True) -> Document:
    """A copy of the bundled Tinnitracks example, saved only under a name the user gives."""
    return Document(
        store.load(bundled.example_path(language)),
        needs_name=not read_only,
        read_only=read_only,
        backup=backup,
    )


def new_matrix(path: Path | str, company: str, language: str) -> tuple[Document, Matrix]:
    """A new matrix for the start screen: the file is written on the first save."""
    matrix = Matrix(language=language)
    document = Document(store.new_file(Path(path), matrix))
    return document, matrix.with_company(Company(name=company))
