"""Reading and writing matrix files: TOML <-> ``Matrix``, safely.

Reading validates the whole file and turns every problem into one
``MatrixFileError`` that names the file (and the line and column where TOML
knows them). The model is built with the fast standard parser; the
formatting-preserving tomlkit document is only parsed when it is needed for
saving, so that opening a large matrix stays quick.

Saving merges the matrix into the document that was read, so a person's
comments, key order, unknown keys and formatting survive, and only changed
values are rewritten. The file is replaced atomically: a temporary file
beside it is written, flushed and fsynced, then renamed over the old one.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import itertools
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pvm_tui.model import (
    CATEGORIES,
    COMPANY_FIELDS,
    FACTS,
    SIDES,
    Company,
    Influence,
    Matrix,
    Partner,
    Side,
    Status,
)
from pvm_tui.text import C1_AND_BIDI, inline

if TYPE_CHECKING:
    from collections.abc import Callable

    from pvm_tui.file_messages import Key

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FORMAT_NAME = "partnerwaarde-matrix"
_MATRIX_KEYS = ("format", "version", "language", "company", "partners")
FORMAT_VERSION = 1
MAX_FILE_BYTES = 16_000_000
"""Larger files are refused: no real matrix comes near this, and it keeps a
stray multi-megabyte file from freezing the terminal. Saving refuses to
write a larger file, so that what pvm writes it can always read back."""

_SURROGATES = re.compile("[\ud800-\udfff]")
_LONE_LF = re.compile("(?<!\r)\n")


def _words() -> Any:
    """The plain words for file problems: loaded only when there is one to tell."""
    from pvm_tui import file_messages

    return file_messages


def _describe(value: Any) -> str:
    return str(_words().describe(value))


def _quote_hint(key: Key, value: Any) -> str:
    return str(_words().quote_hint(key, value))


def _atomic() -> Any:
    """The atomic file replacement: loaded only to save."""
    from pvm_tui import atomic

    return atomic


class MatrixFileError(Exception):
    """A matrix file that cannot be read or written, said in one line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.path = Path(path)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        # One line, and nothing in a file's name or text can work on the terminal.
        return inline(f"{where}: {self.message}")


class NotAMatrixError(MatrixFileError):
    """A TOML file that is something else (``pyproject.toml``), not a broken matrix."""


class FileChangedError(MatrixFileError):
    """The file on disk changed since it was read; saving would overwrite that."""


@dataclass
class MatrixFile:
    """A matrix together with the file it came from.

    ``saved`` is the matrix as it stands in ``source`` (the text on disk), so
    a save can tell what changed. ``fingerprint`` is a hash of the bytes that
    were read, to notice when someone else changed the file meanwhile.
    """

    path: Path
    saved: Matrix
    source: str | None = None
    fingerprint: str | None = None
    has_language: bool = True
    crlf: bool = False
    """The file's lines end in CR LF (Windows): lines a save adds do too."""
    bom: bool = False
    """The file starts with a UTF-8 byte order mark: a save keeps it."""
    _document: Any = field(default=None, repr=False)
    _tables: dict[int, Any] = field(default_factory=dict, repr=False)

    @property
    def exists(self) -> bool:
        return self.source is not None

    def document(self) -> Any:
        """The tomlkit document of the file, parsed on first use."""
        if self._document is None:
            import tomlkit

            if self.source is None:
                self._document = new_document(self.saved)
            else:
                self._document = tomlkit.parse(self.source)
            tables = self._document.get("partners")
            if tables is not None:
                self._tables = {
                    partner.key: table for partner, table in zip(self.saved.partners, tables, strict=True)
                }
        return self._document

    def forget_document(self) -> None:
        """Drop the parsed document, e.g. after a failed save left unsaved edits in it."""
        self._document = None
        self._tables = {}


# -- reading -----------------------------------------------------------------


MAX_PARTNERS = 100_000
"""More partners are refused. Real matrices have dozens (the benchmarks go to 20,000), but 16 MB
of empty ``[[partners]]`` tables are 1.2 million partners: reading them took 20 s and 700 MB (and
`pvm check` 37 s and 1.4 GB). Refused, it costs the 3 s the TOML parser needs. Saving refuses more
too, so that what pvm writes it can read back."""


def partner_limit(count: int) -> str:
    """The words for the partner limit: "it has 1,223,076 partners; pvm reads ... up to 100,000"."""
    return f"{count:,} partners; pvm reads matrices of up to {MAX_PARTNERS:,} partners"


def size_limit(limit: int | None = None, what: str = "matrix files") -> str:
    """The words for a size limit: "pvm reads matrix files up to 16 MB"."""
    return f"pvm reads {what} up to {(limit or MAX_FILE_BYTES) / 1_000_000:g} MB"


def megabytes(size: int, limit: int | None = None) -> str:
    """A size in MB, with as many decimals as it takes to read as more than ``limit``."""
    for digits in (1, 2, 3):
        shown = round(size / 1_000_000, digits)
        if limit is None or shown * 1_000_000 > limit:
            break
    return f"{shown:.{digits}f} MB"


def read_bytes(path: Path, *, limit: int | None = None, what: str = "matrix files") -> bytes:
    """The bytes of a matrix file, or a ``MatrixFileError`` saying why not.

    ``limit`` is the largest size read (``MAX_FILE_BYTES`` unless given);
    ``what`` names such files in the refusal.
    """
    limit = limit or MAX_FILE_BYTES
    try:
        # Non-blocking, so that opening a named pipe returns at once instead
        # of waiting for a writer; what it is is checked right after.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise MatrixFileError(path, _missing(path)) from None
    except OSError as error:
        raise MatrixFileError(path, f"cannot read it: {_os_reason(error)}") from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise MatrixFileError(path, "is a folder, not a matrix file")
        if not stat.S_ISREG(info.st_mode):
            raise MatrixFileError(path, "is not a regular file (a pipe, socket or device?)")
        if info.st_size > limit:
            raise MatrixFileError(path, f"is {megabytes(info.st_size, limit)}; {size_limit(limit, what)}")
        chunks, size = [], 0
        while size <= limit:  # it may grow while it is read
            chunk = os.read(handle, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise MatrixFileError(path, f"grew while it was read; {size_limit(limit, what)}")
        return b"".join(chunks)
    except OSError as error:
        raise MatrixFileError(path, f"cannot read it: {_os_reason(error)}") from None
    finally:
        os.close(handle)


def _missing(path: Path) -> str:
    if os.path.islink(path):
        return f"is a link to {os.readlink(path)}, which does not exist"
    if not path.parent.exists():
        return f"no such file, and the folder {path.parent} does not exist"
    return "no such file"


_UNICODE_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text of a file, refusing binary data with the place it starts."""
    for bom, encoding in _UNICODE_BOMS.items():
        if data.startswith(bom):
            raise MatrixFileError(path, f"is {encoding} text; save it as UTF-8")
    if b"\x00" in data:
        line, column = _position(data, data.index(b"\x00"))
        raise MatrixFileError(
            path, "is not a text file (it holds NUL bytes); is it the right file?", line, column
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise MatrixFileError(
            path, f"is not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8", line, column
        ) from None
    return text.removeprefix("\ufeff")


def load(path: Path | str, *, default_language: str = "nl") -> MatrixFile:
    """Read and validate a matrix file."""
    path = Path(path)
    return from_bytes(path, read_bytes(path), default_language=default_language)


def from_bytes(path: Path, data: bytes, *, default_language: str = "nl") -> MatrixFile:
    """A matrix file from bytes already read from ``path`` (to keep exactly what was read)."""
    text = decode(path, data)
    matrix, has_language = parse(text, path, default_language=default_language)
    return MatrixFile(
        path=path,
        saved=matrix,
        source=text,
        fingerprint=hashlib.sha256(data).hexdigest(),
        has_language=has_language,
        crlf=_all_crlf(text),
        bom=data.startswith(_UTF8_BOM),
    )


_UTF8_BOM = b"\xef\xbb\xbf"


def _all_crlf(text: str) -> bool:
    """True when every line of ``text`` ends in CR LF (and there is at least one)."""
    crlf = text.count("\r\n")
    return crlf > 0 and crlf == text.count("\n")


def new_file(path: Path | str, matrix: Matrix) -> MatrixFile:
    """A matrix that has no file yet; the first save creates ``path``."""
    return MatrixFile(path=Path(path), saved=matrix)


def parse(text: str, path: Path | str = "<text>", *, default_language: str = "nl") -> tuple[Matrix, bool]:
    """Build a ``Matrix`` from TOML text; also says whether it named its language."""
    matrix, data = parse_with_data(text, path, default_language=default_language)
    return matrix, "language" in data


def parse_with_data(
    text: str, path: Path | str = "<text>", *, default_language: str = "nl"
) -> tuple[Matrix, dict[str, Any]]:
    """``parse``, and the TOML data it was built from (a recovery copy reads its own table there:
    parsing 16 MB of TOML twice cost 1.5 s more)."""
    path = Path(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message, line, column = _words().syntax_problem(error, text)
        raise MatrixFileError(path, message, line, column) from None
    except RecursionError:
        # The standard parser recurses once per nesting level: [[[[...]]]]
        # a few thousand deep would otherwise end in a traceback.
        raise MatrixFileError(path, "not valid TOML: lists or tables are nested too deeply") from None
    partners = data.get("partners")
    if isinstance(partners, list) and len(partners) > MAX_PARTNERS:
        raise MatrixFileError(path, f"has {partner_limit(len(partners))}")
    return _Reader(path, text, default_language).matrix(data), data


_Choice = TypeVar("_Choice", Status, Influence)
MAX_NESTING = 100
"""The deepest nesting tomlkit parses (a ParseError past it): keys are at most this deep."""
_KNOWN_TOP = frozenset(_MATRIX_KEYS)
_KNOWN_COMPANY = frozenset(COMPANY_FIELDS)
_KNOWN_PARTNER = frozenset(("name", *SIDES, *FACTS))
_KNOWN_SIDE = frozenset(CATEGORIES)


def _deeper_than(value: Any, levels: int) -> bool:
    """True when ``value`` holds lists or tables more than ``levels`` levels deep (it counts as one)."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if level > levels:
            return True
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return False


class _Reader:
    """Turns parsed TOML data into a Matrix, naming the key (and its line) of any problem."""

    def __init__(self, path: Path, text: str, default_language: str = "nl"):
        self.path = path
        self.source = text
        self.default_language = default_language

    def fail(self, key: Key, message: str) -> MatrixFileError:
        place = _words().locate(self.source, key)
        line, column = place if place else (None, None)
        return MatrixFileError(self.path, f"{_words().dotted(key)}: {message}", line, column)

    def matrix(self, data: dict[str, Any]) -> Matrix:
        if data and not any(key in data for key in _MATRIX_KEYS):
            # Some other TOML file (pyproject.toml, a config): reading it as an
            # empty matrix would hide its content, e.g. from git's textconv.
            raise NotAMatrixError(
                self.path, "is TOML but not a Partner Value Matrix (no format, company or partners)"
            )
        form = data.get("format", FORMAT_NAME)
        if form != FORMAT_NAME:
            raise self.fail(
                ("format",),
                f'expected "{FORMAT_NAME}", found {_describe(form)}; is this a Partner Value Matrix?',
            )
        version = data.get("version", FORMAT_VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail(
                ("version",), f"expected a whole number like {FORMAT_VERSION}, found {_describe(version)}"
            )
        if version > FORMAT_VERSION:
            raise self.fail(
                ("version",),
                f"this file is version {version}, made by a newer pvm; "
                f"this pvm reads version {FORMAT_VERSION} (update pvm to open it)",
            )
        language = data.get("language", self.default_language)
        if language not in ("nl", "en"):
            raise self.fail(("language",), f'expected "nl" or "en", found {_describe(language)}')
        company = self.company(data.get("company", {}))
        partners = data.get("partners", [])
        if not isinstance(partners, list):
            hint = (
                " (write [[partners]], with two brackets, above each partner)"
                if isinstance(partners, dict)
                else ""
            )
            raise self.fail(
                ("partners",), f"expected a list of [[partners]] tables, found {_describe(partners)}{hint}"
            )
        self.shallow((), data, _KNOWN_TOP)
        return Matrix(
            company=company,
            partners=tuple(self.partner(index, item) for index, item in enumerate(partners)),
            language=language,
        )

    def shallow(self, where: Key, table: dict[str, Any], known: frozenset[str]) -> None:
        """Refuse an unknown key nested so deeply that tomlkit, which saves, cannot read it.

        Unknown keys are kept as they are when saving, and saving parses the
        file with tomlkit, which stops at 100 levels (of lists, tables or a
        key's dotted parts). A file pvm could then never save is refused here,
        when it is opened, so that `pvm check` and saving agree.
        """
        if table.keys() <= known:
            return  # the usual case, and quick: nothing unknown here
        for key in table.keys() - known:
            if _deeper_than(table[key], MAX_NESTING - len(where) - 1):
                raise self.fail(
                    (*where, key),
                    f"nested more than {MAX_NESTING} levels deep (lists, tables or dotted key parts); "
                    "pvm cannot save such a file, so it does not open it",
                )

    def company(self, table: Any) -> Company:
        if not isinstance(table, dict):
            raise self.fail(("company",), f"expected a [company] table, found {_describe(table)}")
        self.shallow(("company",), table, _KNOWN_COMPANY)
        values: dict[str, Any] = {}
        for name in COMPANY_FIELDS:
            if name not in table:
                continue
            if name == "date":
                values[name] = self.date(table[name])
            else:
                values[name] = self.text(("company", name), table[name])
        return Company(**values)

    def date(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(("company", "date"), f"expected a date like 2026-11-28, found {_describe(value)}")

    def partner(self, index: int, table: Any) -> Partner:
        where: Key = ("partners", index)
        if not isinstance(table, dict):
            raise self.fail(where, f"expected a [[partners]] table, found {_describe(table)}")
        self.shallow(where, table, _KNOWN_PARTNER)
        name = self.text((*where, "name"), table.get("name", ""))
        brings, gets = (self.side((*where, side), table.get(side, {})) for side in SIDES)
        return Partner(
            name=name,
            brings=brings,
            gets=gets,
            status=self.choice((*where, "status"), table, Status),
            influence=self.choice((*where, "influence"), table, Influence),
            agreements=self.text((*where, "agreements"), table.get("agreements", "")),
        )

    def choice(self, key: Key, table: dict[str, Any], kind: type[_Choice]) -> _Choice | None:
        """One of an enum's values, written as its English word; absent (or "") is not known."""
        value = table.get(key[-1], "")
        if value == "":
            return None
        for member in kind:
            if value == member.value:
                return member
        options = " or ".join(f'"{member.value}"' for member in kind)
        options = options.replace('" or "', '", "', len(kind) - 2)
        hint = _words().choice_hint(value, kind)
        raise self.fail(key, f"expected {options}, found {_describe(value)}{hint}")

    def side(self, where: Key, table: Any) -> Side:
        if not isinstance(table, dict):
            raise self.fail(where, f"expected a table of {', '.join(CATEGORIES)}, found {_describe(table)}")
        self.shallow(where, table, _KNOWN_SIDE)
        return Side(**{c: self.text((*where, c), table[c]) for c in CATEGORIES if c in table})

    def text(self, key: Key, value: Any) -> str:
        if not isinstance(value, str):
            found = f"{_describe(value)}{_quote_hint(key, value)}"
            raise self.fail(key, f"expected text in quotes, found {found}")
        return value


# -- writing -----------------------------------------------------------------


def dumps(mf: MatrixFile, matrix: Matrix) -> str:
    """The TOML text of ``matrix`` merged into the file's own document."""
    import tomlkit

    if mf._document is None and mf.source is not None:
        # Edits to some partners' cells or to the company: only their tables are parsed and rewritten.
        from pvm_tui.partner_chunks import changed_in_place

        reader = _Reader(mf.path, mf.source, mf.saved.language)
        text = changed_in_place(mf.source, mf.saved, matrix, crlf=mf.crlf, reader=reader)
        if text is not None:
            return text
    document = mf.document()
    _merge(mf, document, matrix)
    text = tomlkit.dumps(document)
    return crlf_lines(text) if mf.crlf else text


def crlf_lines(text: str) -> str:
    """``text`` from tomlkit for a file whose lines all end in CR LF: the lines tomlkit added too.

    tomlkit ends the lines it adds in LF; in a file that is all CR LF every
    LF without its CR is one of those. (A CR LF inside a multi-line string
    reads back as a line break, as LF does.)
    """
    return _LONE_LF.sub("\r\n", text)


def save(
    mf: MatrixFile,
    matrix: Matrix,
    *,
    path: Path | str | None = None,
    backup: bool = True,
    overwrite: bool = False,
) -> MatrixFile:
    """Write ``matrix`` to disk atomically and return the file as now saved.

    ``path`` saves somewhere else (save as). Unless ``overwrite`` is given, a
    file that changed on disk since it was read raises ``FileChangedError``.
    On any failure the old file is untouched and ``MatrixFileError`` says why.
    """
    target = Path(path) if path is not None else mf.path
    same_file = path is None or _same_path(target, mf.path)
    expected = mf.fingerprint if same_file else None

    def still_unchanged() -> None:
        _check_unchanged(target, expected)

    if len(matrix.partners) > MAX_PARTNERS:
        raise MatrixFileError(
            target, f"cannot save: the matrix has {partner_limit(len(matrix.partners))} (nothing was written)"
        )
    if not overwrite:
        # Once now, to say so before the slow work, and once more right before
        # the rename: someone may write the file while the document is merged.
        still_unchanged()
    try:
        text = dumps(mf, matrix)
        data = (_UTF8_BOM if mf.bom else b"") + text.encode("utf-8")
        if len(data) > MAX_FILE_BYTES:
            raise MatrixFileError(
                target,
                f"cannot save: the file would be {megabytes(len(data), MAX_FILE_BYTES)}, and {size_limit()}; "
                "make some cells shorter (nothing was written)",
            )
        write_atomically(
            target,
            data,
            backup=backup,
            before_rename=None if overwrite else still_unchanged,
            only_new=not overwrite and expected is None,
        )
    except BaseException:
        # The document now holds edits that are not on disk; the next save
        # must merge into what the file really holds.
        mf.forget_document()
        raise
    mf.path = target
    mf.saved = matrix
    mf.source = text
    mf.fingerprint = hashlib.sha256(data).hexdigest()
    return mf


def write_atomically(
    path: Path,
    data: bytes,
    *,
    backup: bool = True,
    before_rename: Callable[[], None] | None = None,
    mode: int | None = None,
    only_new: bool = False,
) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never a mix.

    Writes through a symbolic link to its target, keeps the old file's
    permission bits, and keeps the previous version as ``path~`` (beside the
    link's target). Any failure is a ``MatrixFileError`` "cannot save: ...",
    and leaves the old file as it was. ``before_rename`` runs right before the
    file is replaced; a ``MatrixFileError`` it raises stops the save.
    ``mode`` gives the file that mode instead of the old file's. ``only_new``:
    a file that exists, or that someone makes meanwhile, is ``FileChangedError``.
    """
    try:
        _atomic().replace_file(
            path, data, backup=backup, before_rename=before_rename, mode=mode, only_new=only_new
        )
    except OSError as error:
        if only_new and isinstance(error, FileExistsError):
            raise FileChangedError(path, "already exists; not overwriting it") from None
        raise MatrixFileError(path, f"cannot save: {_save_reason(error, Path(path))}") from None


def new_document(matrix: Matrix) -> Any:
    """A fresh, commented tomlkit document for a matrix that has no file yet."""
    import tomlkit

    document = tomlkit.document()
    document.add(tomlkit.comment("Partner Value Matrix (Partnerwaarde-matrix), made with pvm."))
    document.add(tomlkit.comment("Plain TOML: edit it by hand if you like; `pvm check FILE` validates it."))
    document.add(tomlkit.nl())
    document["format"] = FORMAT_NAME
    document["version"] = FORMAT_VERSION
    document["language"] = matrix.language
    document["language"].comment("nl or en: the language of the labels")
    company = tomlkit.table()
    for name in COMPANY_FIELDS:
        value = getattr(matrix.company, name)
        if name == "date":
            if value is not None:
                company[name] = value
        else:
            company[name] = _string(value)
    document["company"] = company
    if matrix.partners:
        # An empty array of tables would come out as `partners = []` at the
        # top of the file, so the key is only added with its first partner.
        tables = tomlkit.aot()
        for partner in matrix.partners:
            table = tomlkit.table()
            merge_partner(table, None, partner)
            tables.append(table)
        document["partners"] = tables
    return document


def _merge(mf: MatrixFile, document: Any, matrix: Matrix) -> None:
    """Change in ``document`` exactly what differs between ``mf.saved`` and ``matrix``."""
    import tomlkit
    from tomlkit.items import Array

    old = mf.saved
    if matrix.language != old.language:
        document["language"] = matrix.language
    if matrix.company != old.company:
        if "company" not in document:
            document["company"] = tomlkit.table()
        merge_company(document["company"], old.company, matrix.company)
    old_keys = [partner.key for partner in old.partners]
    new_keys = [partner.key for partner in matrix.partners]
    if old_keys == new_keys:
        for was, now in zip(old.partners, matrix.partners, strict=True):
            if was is not now and was != now:
                merge_partner(mf._tables[now.key], was, now)
        return
    old_by_key = {partner.key: partner for partner in old.partners}
    # A hand-written `partners = [{...}, ...]` stays a list of inline tables.
    inline = isinstance(document.get("partners"), Array)
    tables = []
    for partner in matrix.partners:
        before: Partner | None = old_by_key.get(partner.key)
        table = mf._tables.get(partner.key)
        if before is None or table is None:
            # A partner the file does not hold now (new, or back after an
            # undo) gets a fresh table: one left over from an earlier save may
            # hold values the partner no longer has.
            table, before = (tomlkit.inline_table() if inline else tomlkit.table()), None
        merge_partner(table, before, partner)
        tables.append(table)
    mf._tables = {partner.key: table for partner, table in zip(matrix.partners, tables, strict=True)}
    _replace_partner_tables(document, tables)


def _replace_partner_tables(document: Any, tables: list[Any]) -> None:
    """Put ``tables`` in the document as its [[partners]], in this order, one blank line apart."""
    import tomlkit
    from tomlkit.items import AoT, Array

    current = document.get("partners")
    if isinstance(current, Array) and tables:
        for index in reversed(range(len(current))):
            del current[index]
        for table in tables:
            current.append(table)
        return
    in_place = isinstance(current, AoT) and len(current) > 0 and tables
    # The blank lines before a table belong to its place in the file, not to
    # the partner: the first place keeps its own, and every later table gets
    # one blank line before it. (Without this, moving partners about adds a
    # blank line with every save.)
    first_indent = current[0].trivia.indent if in_place else None
    for table in tables:
        table.trivia.indent = table.trivia.indent.lstrip("\r\n")
    if first_indent is not None:
        tables[0].trivia.indent = first_indent
    for previous, table in itertools.pairwise(tables):
        text = previous.as_string()
        if not text.endswith(("\n\n", "\n\r\n")):
            table.trivia.indent = ("\r\n" if text.endswith("\r\n") else "\n") + table.trivia.indent
    if in_place:
        # Changed in place: a new array of tables is laid out anew by tomlkit.
        for index in reversed(range(len(current))):
            del current[index]
        for table in tables:
            current.append(table)
        return
    if current is not None:
        del document["partners"]
    if tables:
        array = tomlkit.aot()
        for table in tables:
            array.append(table)
        document["partners"] = array


def merge_company(table: Any, before: Company, after: Company) -> None:
    for name in COMPANY_FIELDS:
        old_value, new_value = getattr(before, name), getattr(after, name)
        if old_value == new_value and (name in table or not new_value):
            continue
        if name == "date":
            if new_value is None:
                table.pop(name, None)
            else:
                table[name] = new_value
        else:
            _set_text(table, name, new_value, keep_empty=True)


def merge_partner(table: Any, before: Partner | None, after: Partner) -> None:
    """Write into ``table`` what differs between ``before`` and ``after``.

    A new table (``before`` is None) gets the whole layout: the name and both
    sides, even when empty, so that a person editing the file by hand sees
    where things go. An existing table is changed only where the partner did.
    """
    import tomlkit
    from tomlkit.items import InlineTable

    old = before if before is not None else Partner()
    if before is None or old.name != after.name:
        _set_text(table, "name", after.name, keep_empty=True)
    # The facts are written only when known: a file that never uses them never shows them.
    for fact in FACTS:
        was, now = old.fact_text(fact), after.fact_text(fact)
        if was != now or (before is None and now):
            if now and fact not in table:
                _insert_after_name(table, fact, _string(now))
            else:
                _set_text(table, fact, now, keep_empty=False)
    for side in SIDES:
        old_side, new_side = old.side(side), after.side(side)
        if old_side == new_side and before is not None:
            continue
        if side not in table:
            if isinstance(table, InlineTable):
                if not any(new_side.get(category) for category in CATEGORIES):
                    continue  # an inline table holds only what there is
                table[side] = tomlkit.inline_table()
            else:
                table[side] = tomlkit.table()
        for category in CATEGORIES:
            if old_side.get(category) != new_side.get(category):
                _set_text(table[side], category, new_side.get(category), keep_empty=False)


def _insert_after_name(table: Any, key: str, item: Any) -> None:
    """Add a fact to a partner's table on the line after its name (and the facts before it).

    Added at the end, a key would land after the comments that introduce
    the partner's [partners.brings] table (as in samples/blank.toml).
    tomlkit has no public way to insert after a key; its container's
    ``_insert_after`` is used where it exists (tests/test_partner_facts.py
    fails loudly if it goes), and the key is appended otherwise.
    """
    from tomlkit.items import InlineTable

    container = getattr(table, "value", None)
    before = ("name", *FACTS[: FACTS.index(key)])
    anchor = next((name for name in reversed(before) if name in table), None)
    insert = getattr(container, "_insert_after", None)
    if isinstance(table, InlineTable) or container is None or anchor is None or insert is None:
        table[key] = item
        return
    insert(anchor, key, item)
    dict.__setitem__(table, key, container[key])  # the table mirrors its container as a dict


def _set_text(table: Any, key: str, text: str, *, keep_empty: bool) -> None:
    if not text and not keep_empty:
        table.pop(key, None)
    else:
        table[key] = _string(text)


_TERMINAL_CODES = re.compile(f"[{C1_AND_BIDI}]")
"""What TOML may hold as it is (tomlkit escapes only C0 controls and DEL) but a terminal acts on
(U+009B is CSI), or shows in another order (bidirectional overrides), or breaks a line at unseen."""


def _string(text: str) -> Any:
    """A TOML string item: multi-line when the text has several lines, so diffs read line by line."""
    import tomlkit
    from tomlkit.items import String

    text = _encodable(text)
    # A carriage return inside a multi-line string may be normalised away by
    # other parsers, so such text stays on one line with escapes.
    item = tomlkit.string(text, multiline="\n" in text and "\r" not in text)
    if not _TERMINAL_CODES.search(text):
        return item
    # Escaped, the text is the same to every TOML reader, and `cat FILE` or `git diff` show it harmlessly.
    quotes = len(item.type.value)
    inside = item.as_string()[quotes:-quotes]
    written = _TERMINAL_CODES.sub(lambda found: f"\\u{ord(found.group()):04x}", inside)
    return String(item.type, text, written, item.trivia)


def _encodable(text: str) -> str:
    """``text`` with UTF-16 surrogates (which UTF-8 cannot hold) made real characters.

    A surrogate pair that reached the model (from a clipboard, say) becomes
    the character it stands for; a lone surrogate is no character at all and
    becomes U+FFFD, the replacement character, so that it stays visible.
    """
    if not _SURROGATES.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _check_unchanged(target: Path, fingerprint: str | None) -> None:
    try:
        data = read_bytes(target)
    except MatrixFileError as error:
        if not os.path.isfile(target):
            return  # nothing there (any more), or no file at all: the save says which
        raise MatrixFileError(
            target,
            f"cannot save: pvm cannot check what the file on disk holds ({error.message}); "
            "not overwriting it",
        ) from None
    if fingerprint is None:
        raise FileChangedError(target, "already exists; not overwriting it")
    if hashlib.sha256(data).hexdigest() != fingerprint:
        raise FileChangedError(target, "changed on disk since pvm read it; not overwriting it")


def _same_path(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).rstrip(".").lower()


def _save_reason(error: OSError, path: Path) -> str:
    """Why a save failed, in words that say what to do about it."""
    if isinstance(error, _atomic().SaveRefused):
        return str(error.strerror)
    folder = Path(os.path.realpath(path)).parent
    if isinstance(error, FileNotFoundError) and not folder.is_dir():
        return f"the folder {folder} does not exist"
    if isinstance(error, PermissionError) and not os.access(folder, os.W_OK):
        return f"no permission to write in the folder {folder}"
    if error.errno == errno.EROFS:
        return "the file system is read-only"
    return _os_reason(error)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column
