"""Noticing a change on disk: only once it holds still, and not for pvm's own writes."""

from __future__ import annotations

import os
from pathlib import Path

from pvm_tui.file_watch import Watch


def test_a_change_is_seen_once_it_holds_still(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text("a", encoding="utf-8")
    watch = Watch(path)
    assert watch.look() == "same"
    path.write_text("ab", encoding="utf-8")
    assert watch.look() == "moving"
    assert watch.look() == "changed"
    assert watch.look() == "changed"  # until it is taken
    watch.settled()
    assert watch.look() == "same"


def test_a_file_replaced_by_rename_or_removed_is_a_change(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text("a", encoding="utf-8")
    watch = Watch(path)
    other = tmp_path / "new"
    other.write_text("a", encoding="utf-8")
    os.replace(other, path)  # same size, same text: another file all the same
    assert watch.look() == "moving" and watch.look() == "changed"
    watch.settled()
    path.unlink()
    assert watch.look() == "moving" and watch.look() == "changed"
