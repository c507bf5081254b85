"""Hostile and broken files: each gives one clear line, exit status 2, and is left as it was.

The committed corpus is tests/data/bad/ with the message each file must
give in tests/data/bad/expected.toml. Cases that cannot be committed (a
20 MB file, a folder, a pipe, a missing folder, a file nobody may read) are
made here in a temporary folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, RunPvm
from safety_helpers import IS_ROOT, nobody, public_folder, unprivileged

from pvm_tui import store

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

BAD = Path(__file__).parent / "data" / "bad"
EXPECTED: dict[str, str] = tomllib.loads((BAD / "expected.toml").read_text(encoding="utf-8"))
CORPUS = sorted(
    path.name for path in BAD.iterdir() if path.name != "expected.toml" and not path.name.startswith(".")
)
CHECK_MERGED = (REPO / "pvm_tui" / "subcommands" / "check.py").exists()

HEAD = 'format = "partnerwaarde-matrix"\nversion = 1\n'


@dataclass
class Case:
    """A bad file in place, and the line it must give (``message`` is what follows "PATH:")."""

    path: Path
    message: str
    as_nobody: bool = False

    @property
    def line(self) -> str:
        separator = ":" if self.message[:1].isdigit() else ": "
        return f"{self.path}{separator}{self.message}"


def _twenty_megabytes(folder: Path) -> Case:
    path = folder / "huge.toml"
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(HEAD + '[company]\ndescription = "')
        for _ in range(20):
            stream.write("x" * 1_000_000)
        stream.write('"\n')
    return Case(path, "is 20.0 MB; pvm reads matrix files up to 16 MB")


def _folder(folder: Path) -> Case:
    path = folder / "partners.toml"
    path.mkdir()
    return Case(path, "is a folder, not a matrix file")


def _fifo(folder: Path) -> Case:
    path = folder / "partners.toml"
    os.mkfifo(path)
    return Case(path, "is not a regular file (a pipe, socket or device?)")


def _device(folder: Path) -> Case:
    return Case(Path(os.devnull), "is not a regular file (a pipe, socket or device?)")


def _missing_folder(folder: Path) -> Case:
    path = folder / "no-such-folder" / "partners.toml"
    return Case(path, f"no such file, and the folder {path.parent} does not exist")


def _missing_file(folder: Path) -> Case:
    return Case(folder / "partners.toml", "no such file")


def _dangling_link(folder: Path) -> Case:
    path = folder / "partners.toml"
    path.symlink_to("moved-away.toml")
    return Case(path, "is a link to moved-away.toml, which does not exist")


def _link_loop(folder: Path) -> Case:
    path = folder / "partners.toml"
    path.symlink_to("other.toml")
    (folder / "other.toml").symlink_to("partners.toml")
    return Case(path, "cannot read it: too many levels of symbolic links")


def _unreadable(folder: Path) -> Case:
    path = folder / "partners.toml"
    path.write_text(HEAD, encoding="utf-8")
    path.chmod(0o200)
    return Case(path, "cannot read it: permission denied", as_nobody=True)


GENERATED: dict[str, Callable[[Path], Case]] = {
    "twenty-megabytes": _twenty_megabytes,
    "a-folder": _folder,
    "a-fifo": _fifo,
    "a-device": _device,
    "missing-file-in-missing-folder": _missing_folder,
    "missing-file": _missing_file,
    "dangling-link": _dangling_link,
    "link-loop": _link_loop,
    "permission-denied": _unreadable,
}


@pytest.fixture(params=CORPUS + sorted(GENERATED))
def bad(request: pytest.FixtureRequest) -> Iterator[Case]:
    name = request.param
    if name in EXPECTED:
        yield Case(BAD / name, EXPECTED[name])
        return
    # A folder the user nobody can reach, for the case that reads as nobody.
    with public_folder() as folder:
        yield GENERATED[name](folder)


def snapshot(path: Path) -> object:
    """What a file is now, to show that reading it changed nothing."""
    if path.is_file() and os.access(path, os.R_OK):
        return path.read_bytes(), path.stat().st_mtime_ns
    return os.path.lexists(path), sorted(os.listdir(path)) if path.is_dir() else None


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail instead of hanging for ever if reading blocks (on a pipe, say)."""

    def too_slow(signum: int, frame: object) -> None:
        raise TimeoutError("reading the file blocked")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_the_corpus_is_complete() -> None:
    """Every bad file has its message and every message its file; at least 50 of them."""
    assert sorted(EXPECTED) == CORPUS
    assert len(CORPUS) >= 50


def _load_error(path: Path) -> str:
    try:
        store.load(path)
    except store.MatrixFileError as error:
        return str(error)
    return "loaded without an error"


def test_loading_gives_the_expected_line(bad: Case, no_hang: None) -> None:
    before = snapshot(bad.path)
    message = unprivileged(lambda: _load_error(bad.path)) if bad.as_nobody else _load_error(bad.path)
    assert message == bad.line
    assert snapshot(bad.path) == before


@pytest.mark.skipif(not CHECK_MERGED, reason="pvm check not merged yet")
def test_pvm_check_gives_one_line_and_exit_status_2(bad: Case, run_pvm: RunPvm) -> None:
    before = snapshot(bad.path)
    if bad.as_nobody and IS_ROOT:
        result = _run_as_nobody("check", str(bad.path))
    else:
        result = run_pvm("check", str(bad.path))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert bad.line in lines[0]
    assert snapshot(bad.path) == before


def _run_as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
    """``pvm ARGS`` as the user nobody: pvm's own main() in a forked child that dropped root.

    (A new interpreter may not be startable as nobody: it can live in root's
    private home.) Standard output and error are captured through pipes.
    """
    uid, gid = nobody()
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 70
        try:
            os.dup2(out_write, 1)
            os.dup2(err_write, 2)
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
            from pvm_tui.cli import main

            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            status = main(list(args))
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            import traceback

            traceback.print_exc()
            sys.stderr.flush()
        finally:
            os._exit(status)
    os.close(out_write)
    os.close(err_write)
    with os.fdopen(out_read, "rb") as out, os.fdopen(err_read, "rb") as err:
        stdout, stderr = out.read().decode(), err.read().decode()
    _, status = os.waitpid(pid, 0)
    return subprocess.CompletedProcess(["pvm", *args], os.waitstatus_to_exitcode(status), stdout, stderr)
