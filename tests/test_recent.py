"""The list of recent matrices in the user's state folder."""

from __future__ import annotations

from pathlib import Path

from pvm_tui import recent


def test_remember_puts_a_file_first_once(tmp_path: Path, clean_environment: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text("", encoding="utf-8")
    second.write_text("", encoding="utf-8")
    recent.remember(first)
    recent.remember(second)
    recent.remember(first)
    assert recent.load() == [first, second]
    assert str(recent.state_folder()).startswith(str(clean_environment))


def test_missing_files_and_a_garbled_list_are_left_out(tmp_path: Path) -> None:
    gone = tmp_path / "gone.toml"
    gone.write_text("", encoding="utf-8")
    recent.remember(gone)
    gone.unlink()
    assert recent.load() == []
    listing = recent.state_folder() / "recent.json"
    listing.write_text("{not json", encoding="utf-8")
    assert recent.load() == []
    listing.write_text('{"a": 1}', encoding="utf-8")
    assert recent.load() == []


def test_the_list_is_short(tmp_path: Path) -> None:
    for number in range(recent.LIMIT + 5):
        path = tmp_path / f"{number}.toml"
        path.write_text("", encoding="utf-8")
        recent.remember(path)
    assert len(recent.load()) == recent.LIMIT
    assert recent.load()[0] == tmp_path / f"{recent.LIMIT + 4}.toml"
