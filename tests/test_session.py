"""The editing session without a screen: changes, undo and redo, dirty, save, reload, the recovery copy."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from pvm_tui import recent, recovery_store, store
from pvm_tui.document import open_path
from pvm_tui.history import Place
from pvm_tui.model import COLUMNS
from pvm_tui.session import OpenCell, Session

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "tinnitracks.en.toml"
NAME = COLUMNS[0]


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    target = tmp_path / "partners.toml"
    shutil.copy(SAMPLE, target)
    return target


def session_for(path: Path, *, read_only: bool = False) -> Session:
    return Session(open_path(path, language="en", read_only=read_only))


def renamed(session: Session, index: int, name: str) -> None:
    here = Place(index, 0)
    session.change(session.matrix.with_cell(index, NAME, name), "cell", here, here)


def test_a_change_is_dirty_until_undone_and_redo_brings_it_back(sample: Path) -> None:
    session = session_for(sample)
    assert not session.dirty
    renamed(session, 0, "Bank")
    assert session.dirty
    assert session.matrix.partners[0].name == "Bank"
    step = session.undo()
    assert step is not None and step.what == "cell" and step.before == Place(0, 0)
    assert session.matrix.partners[0].name == "Sennheiser"
    assert not session.dirty
    assert session.redo() is not None
    assert session.matrix.partners[0].name == "Bank"
    assert session.redo() is None


def test_save_writes_the_file_through_the_store_and_is_clean_after(sample: Path) -> None:
    session = session_for(sample)
    renamed(session, 0, "Bank")
    session.save()
    assert tomllib.loads(sample.read_text(encoding="utf-8"))["partners"][0]["name"] == "Bank"
    assert not session.dirty
    assert recent.load()[0] == sample


def test_save_refuses_a_file_changed_on_disk(sample: Path) -> None:
    session = session_for(sample)
    renamed(session, 0, "Bank")
    sample.write_text(sample.read_text(encoding="utf-8") + "\n# someone else\n", encoding="utf-8")
    with pytest.raises(store.FileChangedError):
        session.save()
    assert "# someone else" in sample.read_text(encoding="utf-8")
    assert session.dirty


def test_the_recovery_copy_holds_the_text_still_open_in_a_cell(sample: Path) -> None:
    session = session_for(sample)
    key = session.matrix.partners[1].key
    session.open_cell = OpenCell(key, 0, lambda: "Typed, not yet kept")
    copy = session.keep_copy()
    assert copy is not None and copy == session.recovery_path
    assert recovery_store.read(copy).matrix.partners[1].name == "Typed, not yet kept"
    assert session.matrix.partners[1].name != "Typed, not yet kept"  # not a change until Esc


def test_no_copy_without_unsaved_changes_and_undoing_everything_removes_it(sample: Path) -> None:
    session = session_for(sample)
    assert session.keep_copy() is None
    renamed(session, 0, "Bank")
    copy = session.keep_copy()
    assert copy is not None and copy.exists()
    session.undo()
    assert session.keep_copy() is None
    assert not copy.exists()


def test_save_and_discard_remove_the_copy(sample: Path) -> None:
    session = session_for(sample)
    renamed(session, 0, "Bank")
    copy = session.keep_copy()
    assert copy is not None
    session.save()
    assert not copy.exists()
    renamed(session, 0, "Bank 2")
    copy = session.keep_copy()
    assert copy is not None
    session.discard()
    assert not copy.exists()
    assert session.keep_copy() is None  # thrown away on purpose: no new copy either


def test_a_copy_is_offered_and_restored_undoably_at_its_first_change(sample: Path) -> None:
    earlier = session_for(sample)
    here = Place(2, 3)
    earlier.change(earlier.matrix.with_cell(2, COLUMNS[3], "recovered text"), "cell", here, here)
    earlier.keep_copy()
    session = session_for(sample)
    offers = session.copies_to_offer()
    assert len(offers) == 1
    after = session.restore(offers[0], Place(0, 0))
    assert after == Place(2, 3)
    assert session.matrix.partners[2].cell(COLUMNS[3]) == "recovered text"
    session.undo()
    assert not session.dirty


def test_reload_reads_the_file_again_undoably(sample: Path) -> None:
    session = session_for(sample)
    renamed(session, 0, "Mine")
    text = sample.read_text(encoding="utf-8").replace('"Sennheiser"', '"Theirs"', 1)
    sample.write_text(text, encoding="utf-8")
    session.reload(Place(0, 0))
    assert session.matrix.partners[0].name == "Theirs"
    assert not session.dirty
    session.undo()
    assert session.matrix.partners[0].name == "Mine"


def test_a_read_only_session_keeps_no_copy_and_offers_none(sample: Path) -> None:
    writer = session_for(sample)
    renamed(writer, 0, "Bank")
    writer.keep_copy()
    session = session_for(sample, read_only=True)
    assert session.read_only
    assert session.copies_to_offer() == []
    renamed(session, 0, "Other")
    assert session.keep_copy() is None


def test_a_reload_keeps_each_unchanged_partner_as_it_was(sample: Path) -> None:
    """The grid redraws only the rows that changed (a reload of 15,000 new rows took minutes)."""
    session = session_for(sample)
    before = session.matrix.partners
    text = sample.read_text(encoding="utf-8").replace('"Sennheiser"', '"Theirs"', 1)
    sample.write_text(text, encoding="utf-8")
    session.reload(Place(0, 0))
    after = session.matrix.partners
    assert after[0].name == "Theirs" and after[0].key == before[0].key
    assert all(new is old for new, old in zip(after[1:], before[1:], strict=True))
    renamed(session, 1, "Saved after the reload")
    session.save()
    saved = tomllib.loads(sample.read_text(encoding="utf-8"))
    assert saved["partners"][1]["name"] == "Saved after the reload"
