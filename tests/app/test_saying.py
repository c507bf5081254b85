"""The editor says what it is doing: an open cell shows, undo says what it changed, messages do not linger."""

from __future__ import annotations

from pathlib import Path

from pvm_tui.widgets import status
from tests.app.conftest import editor, editor_of, read_toml, screen_text, session_of, type_text


def status_text(app) -> str:
    return editor_of(app).status.message


async def test_an_open_cell_is_marked_at_80x24_and_nothing_says_press_e_while_typing(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")  # a new partner, its empty name open
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert "(empty: press e" not in screen_text(app)
        marked = [line for line in lines if "█" in line]
        assert marked, "the open cell has a bar beside it"
        await type_text(pilot, "Bank")
        await pilot.press("escape")
        await pilot.pause()
        assert not [line for line in screen_text(app).splitlines() if "█" in line]
        for _ in range(2):  # opened again, the editor has its bar again; closed, it is gone
            await pilot.press("e")
            await pilot.pause()
            assert [line for line in screen_text(app).splitlines() if "█" in line]
            await pilot.press("escape")
            await pilot.pause()
            assert not [line for line in screen_text(app).splitlines() if "█" in line]


async def test_undo_and_redo_say_which_cell_they_changed(sample: Path) -> None:
    app = editor(sample, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "e")
        await type_text(pilot, " more")
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        assert status_text(app) == "Undone: Sennheiser · What do they bring? · resources"
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert status_text(app) == "Redone: Sennheiser · What do they bring? · resources"


async def test_undo_of_a_delete_names_the_partner_it_brings_back(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "d", "y", "ctrl+z")
        await pilot.pause()
        assert status_text(app) == "Undone: delete partner · Zorgverzekeringen"


async def test_a_message_goes_at_the_next_action(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert status_text(app).startswith("Saved")
        await pilot.press("down")
        await pilot.pause()
        assert status_text(app) == ""
        await pilot.press("ctrl+z")  # nothing to undo: that is the message now, not the save
        await pilot.pause()
        assert status_text(app) == "Nothing to undo."


async def test_a_message_goes_after_a_while(sample: Path, monkeypatch) -> None:
    monkeypatch.setattr(status, "MESSAGE_SECONDS", 0.05)
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")  # says "Saved ..." (the test above sees that)
        for _ in range(100):
            if not status_text(app):
                break
            await pilot.pause(0.02)
        assert status_text(app) == ""


async def test_unsaved_is_never_cut_off_at_80_columns(tmp_path: Path) -> None:
    company = "A company with a name much longer than the title line has room for"
    for language, word in (("en", "● unsaved"), ("nl", "● niet opgeslagen")):
        path = tmp_path / language / "a-very-long-file-name-for-the-partner-value-matrix-of-this-company.toml"
        path.parent.mkdir()
        path.write_text(f'[company]\nname = "{company}"\n\n[[partners]]\nname = "Acme"\n', encoding="utf-8")
        app = editor(path, language=language)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("e")
            await type_text(pilot, "!")
            await pilot.press("escape")
            await pilot.pause()
            title = screen_text(app).splitlines()[0]
            assert word in title, title


async def test_delete_and_backspace_clear_a_cell_undoably_and_say_so(sample: Path) -> None:
    app = editor(sample, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "delete")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].brings.resources == ""
        assert status_text(app).startswith("Cleared: Sennheiser · What do they bring? · resources")
        await pilot.press("right", "backspace")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].brings.channels == ""
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert session_of(app).matrix.partners[0].brings.channels != ""
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = read_toml(sample)["partners"][0]["brings"]
    assert saved.get("resources", "") == ""
    assert saved["channels"].startswith("Verkoop")


def _background_of(app, text: str):
    """The background colour the screen shows behind ``text`` (the first segment that holds it)."""
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            if text in segment.text and segment.style is not None:
                return segment.style.bgcolor
    raise AssertionError(f"{text!r} is not on screen")


async def test_the_open_cell_stands_out_in_the_grid_even_where_the_panel_has_no_room(sample: Path) -> None:
    app = editor(sample, language="en")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        focused = _background_of(app, "Aangepaste")
        await pilot.press("slash")  # the filter has the keys: the grid's cursor is dimmed
        await pilot.pause()
        dimmed = _background_of(app, "Aangepaste")
        await pilot.press("escape", "e")
        await pilot.pause()
        assert editor_of(app).context() == "editor"
        assert _background_of(app, "Aangepaste") not in (dimmed, focused)
        await pilot.press("escape")
        await pilot.pause()
        assert _background_of(app, "Aangepaste") == focused, "the cell closed: the grid's own cursor again"


async def test_at_80_columns_an_undo_says_its_whole_cell_and_the_counts_come_back(sample: Path) -> None:
    """The counts took 46 of 80 columns, so an undo said "Undone: Sennheiser · Wh…"."""
    app = editor(sample, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "e")
        await type_text(pilot, " more")
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        last = screen_text(app).splitlines()[-2]
        assert last.strip() == "Undone: Sennheiser · What do they bring? · resources"
        editor_of(app).status.clear()
        await pilot.pause()
        assert screen_text(app).splitlines()[-2].strip() == "5 partners: 5 mutual, 0 one-sided, 0 empty"


async def test_a_message_with_emoji_leaves_the_counts_whole_at_the_right_edge(sample: Path) -> None:
    """The line was padded by characters, not by cells: each emoji pushed the counts one cell off."""
    text = sample.read_text(encoding="utf-8")
    sample.write_text(text.replace("Sennheiser", "☕☕ Koffie"), encoding="utf-8")
    app = editor(sample, language="en")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("2", "delete")
        await pilot.pause()
        last = screen_text(app).splitlines()[-2]
        cleared = "Cleared: ☕☕ Koffie · What do they bring? · resources (ctrl+z brings it back)"
        assert last.startswith(f" {cleared}")
        assert last.endswith("5 partners: 5 mutual, 0 one-sided, 0 empty ")


async def test_at_80_columns_unsaved_the_file_name_stays_whole_and_the_method_name_gives_way(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bakkerij.toml"
    path.write_text('language = "nl"\n[company]\nname = "Bakkerij De Korenbloem"\n', encoding="utf-8")
    app = editor(path, language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        title = screen_text(app).splitlines()[0]
        assert title.startswith(" Partnerwaarde-matrix  Bakkerij De Korenbloem  bakkerij.toml")
        await pilot.press("a")
        await type_text(pilot, "Molen")
        await pilot.press("escape")
        await pilot.pause()
        title = screen_text(app).splitlines()[0]
        assert title.startswith(" Bakkerij De Korenbloem  bakkerij.toml ")  # it was "bakkerij.to…"
        assert title.rstrip().endswith("● niet opgeslagen")


async def test_in_a_20_column_window_the_unsaved_marker_is_cut_with_an_ellipsis(sample: Path) -> None:
    """Cropped at the window's edge, "● niet opgeslagen" said "● niet" ("not")."""
    app = editor(sample, language="nl")
    async with app.run_test(size=(20, 8)) as pilot:
        await pilot.press("e", "!", "escape")
        await pilot.pause()
        title = screen_text(app).splitlines()[0]
        assert title == "   ● niet opgeslag… "


async def test_a_deleted_partner_is_named_with_the_way_back(sample: Path) -> None:
    """A delete said nothing, where a cleared cell says "(ctrl+z brings it back)"."""
    app = editor(sample, language="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "d", "y")
        await pilot.pause()
        assert screen_text(app).splitlines()[-2].strip() == (
            "Verwijderd: Zorgverzekeringen (ctrl+z haalt de partner terug)"
        )
        assert "Zorgverzekeringen" not in [partner.name for partner in session_of(app).matrix.partners]
