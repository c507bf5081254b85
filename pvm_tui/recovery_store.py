"""Recovery copies: unsaved changes kept in the user's state folder, as vim keeps swap files.

While the editor has unsaved changes it writes the whole matrix, a few
seconds after typing stops and again when it is killed (SIGHUP, SIGTERM) or
crashes, to ``<state folder>/recovery/<name>-<hash>.toml``: the file's name
to be readable, a hash of its absolute path to be unique. The next
`pvm FILE` finds the copy and offers it back.

A copy is a valid matrix file (`pvm show COPY` prints it) with one more
table, ``[recovery]``: the file it belongs to, when it was written, the
fingerprint of the file it was based on, and the process that wrote it.
It is written by hand here, not with tomlkit: a copy is written while a
person types, and after SIGHUP, and must be quick.

A session that finds a copy it is not to overwrite (the user kept it, or
another pvm is writing it) writes its own next to it: ``<name>-<hash>.2.toml``.
Nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import socket
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from pvm_tui import state, store
from pvm_tui.model import CATEGORIES, COMPANY_FIELDS, FACTS, SIDES, Matrix
from pvm_tui.text import C1_AND_BIDI

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FOLDER_NAME = "recovery"
MAX_COPY_BYTES = 4 * store.MAX_FILE_BYTES
"""A copy may be larger than a matrix file may: it keeps edits that made the
matrix too large to save, until they are made shorter. Larger copies are
neither written nor read, so that every copy written can be offered back."""
_COPIES = "recovery copies"
_LONGEST_SLUG = 40
_MOST_SLOTS = 100


def folder() -> Path:
    """Where recovery copies live: ``recovery`` in pvm's state folder."""
    return state.folder() / FOLDER_NAME


def absolute(file: Path | str) -> Path:
    """The path a copy is named after: absolute, links resolved (so every way to the file finds it)."""
    return Path(os.path.realpath(file))


def base_name(file: Path | str) -> str:
    """``partners.toml-1a2b3c4d5e6f``: the file's name, made safe, and a hash of its whole path."""
    real = absolute(file)
    digest = hashlib.sha256(os.fsencode(real)).hexdigest()[:12]
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", real.name).lstrip("._")[:_LONGEST_SLUG] or "matrix"
    return f"{slug}-{digest}"


def copy_path(file: Path | str, slot: int = 1) -> Path:
    """The path of a copy of ``file``; slot 1 is ``NAME-HASH.toml``, slot n ``NAME-HASH.n.toml``."""
    base = base_name(file)
    return folder() / (f"{base}.toml" if slot == 1 else f"{base}.{slot}.toml")


def free_path(file: Path | str) -> Path:
    """The first slot for a copy of ``file`` that holds no copy yet."""
    for slot in range(1, _MOST_SLOTS):
        path = copy_path(file, slot)
        if not os.path.lexists(path):
            return path
    return copy_path(file, _MOST_SLOTS)


def paths_for(file: Path | str) -> list[Path]:
    """Every copy of ``file`` on disk, in the order of their slots."""
    pattern = re.compile(re.escape(base_name(file)) + r"(?:\.([0-9]+))?\.toml\Z")
    found: list[tuple[int, Path]] = []
    try:
        with os.scandir(folder()) as entries:
            for entry in entries:
                match = pattern.match(entry.name)
                if match:
                    found.append((int(match.group(1) or 1), Path(entry.path)))
    except OSError:
        return []
    return [path for _, path in sorted(found)]


@dataclass(frozen=True)
class Recovery:
    """A recovery copy as read back: the unsaved matrix and where it came from."""

    path: Path
    file: Path
    written: dt.datetime
    based_on: str | None
    pid: int
    host: str
    matrix: Matrix

    def newer_than_file(self) -> bool:
        """True when the copy was written after the file last changed (or there is no file)."""
        try:
            changed = os.stat(self.file).st_mtime
        except OSError:
            return True
        return self.written.timestamp() > changed

    def maybe_running(self) -> bool:
        """True when the pvm that wrote the copy may still be running (and writing it)."""
        if self.host != socket.gethostname() or self.pid == os.getpid() or self.pid <= 0:
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            pass  # it exists, but belongs to someone else
        return _alive_since(self.pid, self.written.timestamp())


def _alive_since(pid: int, written: float) -> bool:
    """False when process ``pid`` has ended but is not yet reaped (a zombie), or is a newer
    process that got the number after the copy was written; True when /proc cannot tell."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text(encoding="ascii").splitlines()
            if line.startswith("btime ")
        )
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, StopIteration):
        return True  # no /proc here (macOS): the process exists, which is all we know
    fields = stat.rsplit(")", 1)[-1].split()  # after the name, which may hold spaces
    if len(fields) < 20 or fields[0] in ("Z", "X"):
        return False
    started = boot + int(fields[19]) / ticks
    # Start times are rounded to the clock tick and boot time to the second.
    return started <= written + 2


def dumps(matrix: Matrix, file: Path | str, based_on: str | None, *, now: dt.datetime | None = None) -> str:
    """The text of a recovery copy of ``matrix``, unsaved changes to ``file``."""
    written = (now or dt.datetime.now()).astimezone()
    real = absolute(file)
    lines = [
        "# pvm recovery copy: changes to a matrix that were not saved.",
        f"# `pvm {_comment(str(real))}` offers them back; `pvm show` prints this file.",
        "",
        'format = "partnerwaarde-matrix"',
        f"version = {store.FORMAT_VERSION}",
        f"language = {_string(matrix.language)}",
        "",
        "[recovery]",
        f"file = {_string(str(real))}",
        f"written = {written.isoformat()}",
    ]
    if based_on is not None:
        lines.append(f"based_on = {_string(based_on)}")
    lines += [f"pid = {os.getpid()}", f"host = {_string(socket.gethostname())}", "", "[company]"]
    for name in COMPANY_FIELDS:
        value = getattr(matrix.company, name)
        if name == "date":
            if value is not None:
                lines.append(f"date = {value.isoformat()}")
        elif value:
            lines.append(f"{name} = {_string(value)}")
    for partner in matrix.partners:
        lines += ["", "[[partners]]", f"name = {_string(partner.name)}"]
        for fact in FACTS:
            if partner.fact_text(fact):
                lines.append(f"{fact} = {_string(partner.fact_text(fact))}")
        for side in SIDES:
            for category in CATEGORIES:
                text = partner.side(side).get(category)
                if text:
                    lines.append(f"{side}.{category} = {_string(text)}")
    return "\n".join(lines) + "\n"


def write(path: Path, matrix: Matrix, file: Path | str, based_on: str | None) -> None:
    """Write a copy atomically (a crash leaves the old copy or the new one), private (0600, folder 0700).

    Raises ``store.MatrixFileError`` when it cannot be written.
    """
    try:
        state.private_folder(path.parent)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        where = error.filename or path.parent
        raise store.MatrixFileError(where, f"cannot keep recovery copies in this folder: {reason}") from None
    if len(matrix.partners) > store.MAX_PARTNERS:
        raise store.MatrixFileError(
            path, f"cannot keep a recovery copy: it would have {store.partner_limit(len(matrix.partners))}"
        )
    data = dumps(matrix, file, based_on).encode("utf-8")
    if len(data) > MAX_COPY_BYTES:
        raise store.MatrixFileError(
            path,
            f"cannot keep a recovery copy: it would be {store.megabytes(len(data), MAX_COPY_BYTES)}, "
            f"and {store.size_limit(MAX_COPY_BYTES, _COPIES)}",
        )
    store.write_atomically(path, data, backup=False, mode=state.FILE_MODE)


def read(path: Path) -> Recovery:
    """Read a copy back; ``store.MatrixFileError`` when it is not one (or not readable)."""
    if not state.own_file(path):
        # Restoring a copy writes its text into the file it names: only a copy this user wrote may.
        raise store.MatrixFileError(path, "is not a recovery copy of yours (a link, or another user's file)")
    text = store.decode(path, store.read_bytes(path, limit=MAX_COPY_BYTES, what=_COPIES))
    matrix, data = store.parse_with_data(text, path)
    table = data.get("recovery")
    if not isinstance(table, dict):
        raise store.MatrixFileError(path, "is not a pvm recovery copy (it has no [recovery] table)")
    file, written = table.get("file"), table.get("written")
    based_on, pid, host = table.get("based_on"), table.get("pid", 0), table.get("host", "")
    if not isinstance(file, str) or not isinstance(written, dt.datetime):
        raise store.MatrixFileError(path, "is not a pvm recovery copy (its [recovery] table is incomplete)")
    if written.tzinfo is None:
        written = written.astimezone()
    return Recovery(
        path=path,
        file=Path(file),
        written=written,
        based_on=based_on if isinstance(based_on, str) else None,
        pid=pid if isinstance(pid, int) else 0,
        host=host if isinstance(host, str) else "",
        matrix=matrix,
    )


def copies_for(file: Path | str) -> list[Recovery]:
    """The readable copies of ``file``, newest first.

    One that cannot be read is left on disk; ``copies.damaged_for`` and
    `pvm recover` report it, so that the person can delete it.
    """
    found = []
    for path in paths_for(file):
        try:
            found.append(read(path))
        except (store.MatrixFileError, tomllib.TOMLDecodeError, ValueError):
            continue
    return sorted(found, key=lambda copy: copy.written, reverse=True)


def with_keys_of(current: Matrix, recovered: Matrix) -> Matrix:
    """``recovered`` with each partner that is one of ``current``'s given that partner's key.

    The key is how saving finds a partner's table in the file, so a restored
    matrix that is then saved keeps the comments and layout of the file.
    """
    from pvm_tui.diff.match import pair

    keys = {new: current.partners[old].key for old, new in pair(current.partners, recovered.partners).items()}
    partners = tuple(
        replace(partner, key=keys[index]) if index in keys else partner
        for index, partner in enumerate(recovered.partners)
    )
    return replace(recovered, partners=partners)


def remove(path: Path) -> None:
    """Remove a copy; one that is already gone is fine."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def remove_all(file: Path | str) -> None:
    """Remove every copy of ``file`` but those another running pvm may still be writing."""
    for path in paths_for(file):
        try:
            copy = read(path)
        except (store.MatrixFileError, tomllib.TOMLDecodeError, ValueError):
            continue  # not ours to judge: leave what cannot be read
        if not copy.maybe_running():
            remove(path)


# -- writing TOML by hand ------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
# Control characters, and also C1 controls, bidirectional overrides and the invisible line
# breaks (which TOML allows as they are): a copy is shown with `pvm show`, and perhaps `cat`.
_ONE_LINE = re.compile(f'[\x00-\x1f\x7f{C1_AND_BIDI}"\\\\]')
_MANY_LINES = re.compile(f'[\x00-\x08\x0b-\x1f\x7f{C1_AND_BIDI}"\\\\]')
_SURROGATES = re.compile("[\ud800-\udfff]")


def _escape(found: re.Match[str]) -> str:
    character = found.group()
    return _ESCAPES.get(character) or f"\\u{ord(character):04X}"


def _string(text: str) -> str:
    """A TOML basic string; text of several lines is written as lines, to be read by a person."""
    if _SURROGATES.search(text):
        # UTF-8 cannot hold UTF-16 halves: a pair becomes its character, a lone half U+FFFD.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if "\n" in text and "\r" not in text:
        return '"""\n' + _MANY_LINES.sub(_escape, text) + '"""'
    return '"' + _ONE_LINE.sub(_escape, text) + '"'


def _comment(text: str) -> str:
    """Text for a comment line: no line breaks or control characters."""
    return re.sub("[\x00-\x1f\x7f\u2028\u2029\ud800-\udfff]", "?", text)
