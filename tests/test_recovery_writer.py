"""The recovery copy written from a thread: an older snapshot never overwrites a newer one (issue 14 §16).

The editor writes the copy of a big matrix in a thread; a signal writes
the last copy on the spot, with the text still open in a cell. Whatever
order the two end in, the copy on disk is the newest.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from pvm_tui import recovery_store
from pvm_tui.document import open_path
from pvm_tui.session import OpenCell, Session

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "tinnitracks.en.toml"


@pytest.fixture
def session(tmp_path: Path) -> Session:
    target = tmp_path / "partners.toml"
    shutil.copy(SAMPLE, target)
    return Session(open_path(target, language="en"))


def typing(session: Session, text: str) -> None:
    """The cell editor open on the first name, holding ``text``."""
    session.open_cell = OpenCell(session.matrix.partners[0].key, 0, lambda: text)


def name_in_copy(session: Session) -> str:
    assert session.recovery_path is not None
    return recovery_store.read(session.recovery_path).matrix.partners[0].name


def test_an_older_snapshot_written_last_leaves_the_newer_copy(session: Session) -> None:
    typing(session, "Older")
    older = session.copy_write()
    typing(session, "Newer")
    newer = session.copy_write()
    assert older is not None and newer is not None
    assert newer() == session.recovery_path
    assert older() is None, "the older snapshot is not written over the newer one"
    assert name_in_copy(session) == "Newer"


def test_the_last_copy_waits_for_a_write_under_way_and_is_the_one_kept(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = recovery_store.write
    inside, release = threading.Event(), threading.Event()

    def held_write(*args, **kwargs):
        if not release.is_set():
            inside.set()
            release.wait(timeout=20)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(recovery_store, "write", held_write)
    typing(session, "Written in the thread")
    in_thread = session.copy_write()
    assert in_thread is not None
    thread = threading.Thread(target=in_thread)
    thread.start()
    assert inside.wait(timeout=20)
    typing(session, "Typed before the signal")
    last = threading.Thread(target=session.keep_copy)  # as the signal handler calls it
    last.start()
    release.set()
    thread.join(timeout=20)
    last.join(timeout=20)
    assert name_in_copy(session) == "Typed before the signal"


def test_a_removal_is_not_undone_by_a_write_still_waiting(session: Session) -> None:
    typing(session, "Unsaved")
    waiting = session.copy_write()
    assert waiting is not None
    path = session.recovery_path
    session.open_cell = None  # Esc with nothing changed: nothing is unsaved any more
    assert session.copy_write() is None
    assert waiting() is None
    assert path is not None and not path.exists()
