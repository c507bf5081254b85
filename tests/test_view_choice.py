"""The grid's row mode is remembered per user, in the state folder, and a bad file means compact rows."""

from __future__ import annotations

import stat

from pvm_tui import state, view_choice


def test_whole_text_is_remembered_in_a_private_file(clean_environment) -> None:
    assert view_choice.whole_text() is False
    view_choice.remember_whole_text(True)
    assert view_choice.whole_text() is True
    path = state.folder() / "view.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    view_choice.remember_whole_text(False)
    assert view_choice.whole_text() is False


def test_a_garbled_file_means_compact_rows(clean_environment) -> None:
    path = state.folder() / "view.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[not json", encoding="utf-8")
    assert view_choice.whole_text() is False
    path.write_text('["whole"]', encoding="utf-8")
    assert view_choice.whole_text() is False


def test_many_choices_in_a_row_keep_the_last(clean_environment) -> None:
    for turn in range(20):
        view_choice.remember_whole_text(turn % 2 == 0)
    assert view_choice.whole_text() is False, "the last choice (compact) is kept"


def test_an_older_choice_written_late_never_replaces_a_newer_one(clean_environment) -> None:
    writes = view_choice._Writes()
    path = state.folder() / "view.json"
    writes._write(2, path, b'{"rows": "whole"}')
    writes._write(1, path, b'{"rows": "compact"}')  # made first, its thread came last
    assert view_choice.whole_text() is True
