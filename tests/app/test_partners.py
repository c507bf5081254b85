"""Adding, deleting and moving partners, with undo and redo; names that look like markup."""

from __future__ import annotations

from pathlib import Path

from pvm_tui.cli import main
from pvm_tui.text import one_line, shorten
from pvm_tui.widgets.grid import CELL_WIDTH, NAME_WIDTH
from tests.app.conftest import editor, editor_of, read_toml, screen_text, session_of, type_text


def names(app) -> list[str]:
    return [partner.name for partner in session_of(app).matrix.partners]


def shown_names(app) -> list[str]:
    """The names as the grid should show them: one line, shortened."""
    return [shorten(one_line(name), NAME_WIDTH - 5) for name in names(app)]


def grid_names(app) -> list[str]:
    """The names as the grid shows them, top to bottom (after the balance marker, " ⇄W ")."""
    grid = editor_of(app).grid
    return [grid.get_cell_at((row, 0)).plain[4:].strip() for row in range(grid.row_count)]


async def test_add_a_partner_below_the_current_one_and_type_its_name(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "a")
        assert editor_of(app).context() == "editor"
        await type_text(pilot, "Spotify")
        await pilot.press("escape")
        assert names(app)[:3] == ["Sennheiser", "Zorgverzekeringen", "Spotify"]
        assert grid_names(app)[2] == "Spotify"
        assert editor_of(app).grid.cursor_coordinate == (2, 0)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [table["name"] for table in read_toml(sample)["partners"]][2] == "Spotify"


async def test_add_to_an_empty_matrix(tmp_path: Path) -> None:
    app = editor(tmp_path / "new.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No partners yet" in screen_text(app)
        await pilot.press("a")
        await type_text(pilot, "Bank")
        await pilot.press("escape")
        assert names(app) == ["Bank"]
        assert grid_names(app) == ["Bank"]


async def test_step_1_on_a_file_from_pvm_new_leaves_no_nameless_partner(tmp_path: Path) -> None:
    """`pvm new` writes one blank partner; `a` names it rather than add a second below it."""
    path = tmp_path / "bakkerij.toml"
    assert main(["new", str(path), "--name", "Bakkerij", "--lang", "en"]) == 0
    app = editor(path)
    async with app.run_test(size=(80, 24)) as pilot:
        for name in ("Molen", "Bank"):
            await pilot.press("a")
            await type_text(pilot, name)
            await pilot.press("escape")
        assert grid_names(app) == ["Molen", "Bank"]
        await pilot.press("a", "escape")  # on a named partner, `a` still adds one below it
        assert names(app) == ["Molen", "Bank", ""]
        await pilot.press("a")  # and on that blank one, names it
        await type_text(pilot, "Klant")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    assert [table["name"] for table in read_toml(path)["partners"]] == ["Molen", "Bank", "Klant"]


async def test_delete_asks_first_and_y_deletes(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "d")
        assert app.screen is app.editor  # asked in the status line, not in a dialog
        assert "Delete the partner “Zorgverzekeringen”" in screen_text(app)
        await pilot.press("n")
        assert len(session_of(app).matrix.partners) == 5
        await pilot.press("d", "escape")
        assert len(session_of(app).matrix.partners) == 5
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Zorgverzekeringen" not in names(app)
        assert "Zorgverzekeringen" not in grid_names(app)
        assert grid_names(app) == shown_names(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = [table["name"] for table in read_toml(sample)["partners"]]
    assert saved == ["Sennheiser", names(app)[1], names(app)[2], names(app)[3]]
    assert "Zorgverzekeringen" not in sample.read_text(encoding="utf-8")


async def test_move_partners_up_and_down(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        before = names(app)
        await pilot.press("shift+down")
        assert names(app)[:2] == [before[1], before[0]]
        assert grid_names(app) == shown_names(app)
        assert editor_of(app).grid.cursor_coordinate.row == 1
        await pilot.press("shift+down", "shift+down", "shift+down", "shift+down")
        assert names(app)[-1] == "Sennheiser"
        assert grid_names(app) == shown_names(app)
        await pilot.press("shift+up")
        assert names(app)[-2] == "Sennheiser"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [table["name"] for table in read_toml(sample)["partners"]] == names(app)


async def test_undo_and_redo_every_kind_of_change(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        original = session_of(app).matrix
        await pilot.press("e")
        await type_text(pilot, "!")
        await pilot.press("escape")  # cell
        await pilot.press("a")
        await type_text(pilot, "New")
        await pilot.press("escape")  # add, then its name
        await pilot.press("shift+down")  # move
        await pilot.press("k", "k", "d", "y")  # delete
        await pilot.pause()
        changed = session_of(app).matrix
        assert len(changed.partners) == 5
        for _ in range(5):
            await pilot.press("ctrl+z")
        assert session_of(app).matrix == original
        assert grid_names(app) == shown_names(app)
        assert not session_of(app).dirty
        await pilot.press("ctrl+z")
        assert "Nothing to undo" in editor_of(app).status.message
        for _ in range(5):
            await pilot.press("ctrl+y")
        assert session_of(app).matrix == changed
        assert grid_names(app) == shown_names(app)


async def test_names_that_look_like_markup_or_terminal_codes_are_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "odd.toml"
    path.write_text(
        'format = "partnerwaarde-matrix"\n'
        "version = 1\n"
        'language = "en"\n'
        "[[partners]]\n"
        'name = "[/]"\n'
        "[[partners]]\n"
        'name = "[bold]x"\n'
        "[[partners]]\n"
        'name = "\\u001b[31mred\\u001b]0;title\\u0007"\n'
        "[partners.brings]\n"
        'resources = "[link=http://example.com]click[/link]"\n',
        encoding="utf-8",
    )
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "[/]" in shown
        assert "[bold]x" in shown
        assert "\x1b" not in shown
        assert "␛[31mred" in shown
        await pilot.press("j", "j", "l")
        await pilot.pause()
        assert shorten("[link=http://example.com]click[/link]", CELL_WIDTH - 3) in screen_text(app)
        assert editor_of(app).view.card.cell_text(1) == "[link=http://example.com]click[/link]", (
            "the card shows it whole"
        )
        # editing one of them and saving keeps the others exactly
        await pilot.press("k", "k", "h", "a")
        await type_text(pilot, "[i]new")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    saved = read_toml(path)["partners"]
    assert [table["name"] for table in saved] == ["[/]", "[i]new", "[bold]x", "\x1b[31mred\x1b]0;title\x07"]


async def test_deleting_the_last_partner_leaves_an_empty_matrix_and_undo_brings_it_back(
    tmp_path: Path,
) -> None:
    path = tmp_path / "one.toml"
    path.write_text('format = "partnerwaarde-matrix"\n[[partners]]\nname = "Only"\n', encoding="utf-8")
    app = editor(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "y")
        await pilot.pause()
        assert session_of(app).matrix.partners == ()
        assert editor_of(app).grid.row_count == 0
        assert "No partners yet" in screen_text(app)
        await pilot.press("e", "d", "shift+up", "n")  # nothing to edit, delete or move; n adds one
        assert len(session_of(app).matrix.partners) == 1
        await pilot.press("escape", "ctrl+z", "ctrl+z")
        assert names(app) == ["Only"]
        assert grid_names(app) == ["Only"]
