"""A save killed at any moment leaves the old matrix or the new one, never a mix.

A child process saves two large matrices, A and B, in turn, as fast as it
can; the test kills it with SIGKILL after a random short time, hundreds of
times, and after every kill reads what is on disk. The only things a killed
save may leave behind are its own temporary files, and the next save removes
those.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pvm_tui import store
from pvm_tui.model import Company, Matrix, Partner, Side

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork to start saves in a child")


def big_matrix(tag: str, partners: int) -> Matrix:
    """A matrix whose every partner carries multi-line text marked with ``tag``."""
    return Matrix(
        company=Company(name=f"Company {tag}", description=f"{tag}: first line\nsecond line\nthird line"),
        partners=tuple(
            Partner(
                name=f"{tag} partner {number}",
                brings=Side(
                    resources=f"{tag} resources of {number}\nmore resources\n\"quoted\" and 'quoted'",
                    money=f"€ {number * 1000} ({tag})",
                ),
                gets=Side(
                    channels=f"{tag} channel {number}",
                    other=f"{tag} other {number}\n  indented line\nlast line",
                ),
            )
            for number in range(1, partners + 1)
        ),
    )


def kill_while(work: Callable[[], None], delay: float) -> None:
    """Run ``work`` over and over in a forked child; SIGKILL it after ``delay`` seconds."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            while True:
                work()
        finally:
            os._exit(3)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    # A child that stopped by itself failed to save: that must not pass for a kill.
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
        f"the saving child died: {status}"
    )


def stray_files(folder: Path, name: str) -> list[str]:
    """What is in ``folder`` besides the matrix file and its backup."""
    return sorted(entry for entry in os.listdir(folder) if entry not in (name, name + "~"))


def check_after_kill(path: Path, versions: dict[bytes, str], seed: int, kill: int) -> None:
    where = f"(kill {kill}, seed {seed})"
    data = path.read_bytes()
    assert data in versions, f"the file is neither A nor B after a kill {where}"
    tomllib.loads(data.decode("utf-8"))  # every file on disk parses with the standard parser
    backup = path.with_name(path.name + "~")
    if backup.exists():
        assert backup.read_bytes() in versions, f"the backup is neither A nor B {where}"
    strays = stray_files(path.parent, path.name)
    temporaries = [
        name for name in strays if re.fullmatch(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp", name)
    ]
    staging = [
        name for name in strays if re.fullmatch(rf"\.{re.escape(path.name)}~\.[a-z0-9_]{{8}}\.tmp", name)
    ]
    # A killed save may leave its one temporary file (and the link it makes
    # for the backup); the next save removes them, so they never pile up.
    assert sorted(temporaries + staging) == strays, f"unexpected files {strays} {where}"
    assert len(temporaries) <= 1 and len(staging) <= 1, f"leftovers pile up: {strays} {where}"


def two_versions(path: Path, partners: int) -> tuple[Matrix, Matrix, bytes, bytes]:
    """Matrices A and B and the bytes pvm saves for each; ``path`` is left holding A."""
    matrix_a, matrix_b = big_matrix("A", partners), big_matrix("B", partners)
    mf = store.save(store.new_file(path, matrix_a), matrix_a)
    data_a = path.read_bytes()
    store.save(mf, matrix_b)
    data_b = path.read_bytes()
    assert store.load(path).saved == matrix_b
    store.save(mf, matrix_a)
    assert path.read_bytes() == data_a  # saving A again gives A's bytes exactly
    assert store.load(path).saved == matrix_a
    return matrix_a, matrix_b, data_a, data_b


@pytest.fixture
def seed() -> int:
    return random.SystemRandom().randrange(2**32)


def test_killed_writes_leave_the_old_or_the_new_file(tmp_path: Path, seed: int) -> None:
    """200 kills of a child that writes the bytes of two 1,000-partner matrices in turn."""
    path = tmp_path / "partners.toml"
    _matrix_a, matrix_b, data_a, data_b = two_versions(path, 1000)
    assert len(data_a) > 100_000
    versions = {data_a: "A", data_b: "B"}

    def save_both() -> None:
        store.write_atomically(path, data_b)
        store.write_atomically(path, data_a)

    rng = random.Random(seed)
    seen = set()
    for kill in range(200):
        # Up to a few dozen saves' time: kills land in every phase of a save.
        kill_while(save_both, rng.uniform(0.0, 0.03))
        check_after_kill(path, versions, seed, kill)
        seen.add(versions[path.read_bytes()])
    # The child did get to save: both versions were found on disk at some kill.
    assert seen == {"A", "B"}, f"only {seen} seen (seed {seed})"
    # One more save, not killed, cleans up after the last kill.
    store.write_atomically(path, data_b)
    assert stray_files(tmp_path, path.name) == []
    assert store.load(path).saved == matrix_b


def test_killed_saves_leave_the_old_or_the_new_matrix(tmp_path: Path, seed: int) -> None:
    """The whole save (merge into the document, backup, rename) killed at random moments."""
    path = tmp_path / "partners.toml"
    matrix_a, matrix_b, data_a, data_b = two_versions(path, 150)
    versions = {data_a: "A", data_b: "B"}

    def save_both() -> None:
        # What the editor does: load once, then save edits to that file.
        loaded = store.load(path)
        other = matrix_b if loaded.saved == matrix_a else matrix_a
        for matrix in (other, loaded.saved, other):
            store.save(loaded, matrix)

    # How long one round takes here, so that kills spread over all of it.
    started = time.perf_counter()
    save_both()
    round_time = time.perf_counter() - started

    rng = random.Random(seed)
    for kill in range(40):
        kill_while(save_both, rng.uniform(0.0, round_time))
        check_after_kill(path, versions, seed, kill)
        assert store.load(path).saved in (matrix_a, matrix_b)
    store.save(store.load(path), matrix_b)
    assert stray_files(tmp_path, path.name) == []
