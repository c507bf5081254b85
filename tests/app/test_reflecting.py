"""Reflecting in the editor: status, influence and agreements by key, undoable; jumping to partners
that are not mutual; the filter by balance, status and influence; the view by influence; what to fix first."""

from __future__ import annotations

from pathlib import Path

from pvm_tui.model import Influence, Status
from tests.app.conftest import editor, editor_of, read_toml, screen_text, session_of, type_text

MATRIX = """\
language = "en"

[[partners]]
name = "Mutual"
status = "current"
[partners.brings]
money = "investment"
[partners.gets]
other = "return"

[[partners]]
name = "Giver"
influence = "low"
[partners.brings]
resources = "knowledge"

[[partners]]
name = "Taker"
influence = "high"
[partners.gets]
channels = "our shop"

[[partners]]
name = "Nobody yet"
influence = "medium"
"""


def matrix_file(tmp_path: Path) -> Path:
    path = tmp_path / "partners.toml"
    path.write_text(MATRIX, encoding="utf-8")
    return path


def grid_names(app) -> list[str]:
    """The names the grid shows, top to bottom (after the balance marker, " ⇄M ")."""
    grid = editor_of(app).grid
    return [grid.get_cell_at((row, 0)).plain[4:].strip() for row in range(grid.row_count)]


def cursor(app) -> tuple[int, int]:
    """The partner index and column under the cursor."""
    place = editor_of(app).view.cursor_place()
    assert place is not None
    return place


async def test_s_steps_the_status_undoably_and_it_is_saved(tmp_path: Path) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "s")  # Giver: not known -> current
        assert session_of(app).matrix.partners[1].status is Status.CURRENT
        assert "Giver: status current" in screen_text(app)
        card = [line.split("│")[-1].strip() for line in screen_text(app).splitlines()]
        at = next(i for i, line in enumerate(card) if line.endswith("current · low"))  # under the balance
        assert card[at + 1].endswith("influence")
        assert "agreements  none yet (A writes them)" in screen_text(app)
        await pilot.press("s")
        assert session_of(app).matrix.partners[1].status is Status.POTENTIAL
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert read_toml(path)["partners"][1]["status"] == "potential"
        await pilot.press("s")  # potential -> not known: the key goes from the file
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "status" not in read_toml(path)["partners"][1]
        await pilot.press("ctrl+z", "ctrl+z")
        assert session_of(app).matrix.partners[1].status is Status.CURRENT
        assert "Undone: status, influence or agreements" in screen_text(app)


async def test_i_steps_the_influence_and_ctrl_z_takes_it_back(tmp_path: Path) -> None:
    path = matrix_file(tmp_path)
    app = editor(path, language="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")  # Mutual: onbekend -> veel
        assert session_of(app).matrix.partners[0].influence is Influence.HIGH
        assert "Mutual: invloed veel" in screen_text(app)
        await pilot.press("i", "i", "i")  # gemiddeld, weinig, onbekend
        assert session_of(app).matrix.partners[0].influence is None
        assert "Mutual: invloed onbekend" in screen_text(app)
        await pilot.press("ctrl+z")
        assert session_of(app).matrix.partners[0].influence is Influence.LOW
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert read_toml(path)["partners"][0]["influence"] == "low"
    assert path.read_text(encoding="utf-8").startswith('language = "en"\n\n[[partners]]\nname = "Mutual"\n')


async def test_shift_a_writes_the_agreements_in_a_dialog(tmp_path: Path) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "A")
        assert "Agreements with Taker" in screen_text(app)
        await type_text(pilot, "Shop in shop")
        await pilot.press("enter")
        await type_text(pilot, "from May")
        await pilot.press("escape")
        assert app.screen is app.editor
        assert session_of(app).matrix.partners[2].agreements == "Shop in shop\nfrom May"
        lines = [line.strip(" │") for line in screen_text(app).splitlines()]
        at = next(i for i, line in enumerate(lines) if line.endswith("agreements"))  # in the card
        assert "Shop in shop" in lines[at + 1] and "from May" in lines[at + 2]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert read_toml(path)["partners"][2]["agreements"] == "Shop in shop\nfrom May"
        await pilot.press("ctrl+z")
        assert session_of(app).matrix.partners[2].agreements == ""
        await pilot.press("A", "escape")  # opened and closed untouched: no change to undo
        assert session_of(app).matrix.partners[2].agreements == ""
        await pilot.press("ctrl+z")
        assert "Nothing to undo." in screen_text(app)


async def test_brackets_jump_to_the_next_and_previous_partner_not_mutual_on_its_empty_side(
    tmp_path: Path,
) -> None:
    app = editor(matrix_file(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket")
        assert cursor(app) == (1, 5)  # Giver only brings: what it gets, first category
        await pilot.press("right_square_bracket")
        assert cursor(app) == (2, 1)  # Taker only gets: what it brings
        await pilot.press("right_square_bracket")
        assert cursor(app) == (3, 1)  # Nobody yet: both empty, what it brings first
        await pilot.press("right_square_bracket")
        assert cursor(app) == (1, 5)  # round again, past the mutual one
        await pilot.press("left_square_bracket")
        assert cursor(app) == (3, 1)


async def test_the_filter_selects_by_balance_status_and_influence(tmp_path: Path) -> None:
    app = editor(matrix_file(tmp_path), language="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "balans:eenzijdig")
        await pilot.press("enter")
        assert grid_names(app) == ["Giver", "Taker"]
        assert "2 van 4 partners" in screen_text(app)
        await pilot.press("slash", "ctrl+u")
        await type_text(pilot, "invloed:veel,gemiddeld")
        await pilot.press("enter")
        assert grid_names(app) == ["Taker", "Nobody yet"]
        await pilot.press("slash", "ctrl+u")
        await type_text(pilot, "status:huidig")
        await pilot.press("enter")
        assert grid_names(app) == ["Mutual"]
        await pilot.press("slash", "ctrl+u")
        await type_text(pilot, "invloed:enorm")
        await pilot.press("enter")
        assert grid_names(app) == []
        assert "invloed:enorm: niet begrepen, gezocht als tekst" in screen_text(app)
        await pilot.press("escape")
        assert grid_names(app) == ["Mutual", "Giver", "Taker", "Nobody yet"]


async def test_o_shows_the_partners_by_influence_and_the_file_keeps_its_order(tmp_path: Path) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        assert grid_names(app) == ["Taker", "Nobody yet", "Giver", "Mutual"]
        assert "By influence, high first" in screen_text(app)
        assert cursor(app) == (0, 0)  # the cursor stays on the partner it was on
        # A new influence moves the row in the view; the file's order stays.
        await pilot.press("i")  # Mutual: high
        assert grid_names(app) == ["Mutual", "Taker", "Nobody yet", "Giver"]
        assert cursor(app) == (0, 0)
        await pilot.press("ctrl+s")
        await pilot.pause()
        names = [table["name"] for table in read_toml(path)["partners"]]
        assert names == ["Mutual", "Giver", "Taker", "Nobody yet"]
        # Moving a partner is what changes the file's order: past its neighbour in view.
        await pilot.press("j", "shift+up")  # Taker above Mutual, both high
        assert grid_names(app) == ["Taker", "Mutual", "Nobody yet", "Giver"]
        assert [partner.name for partner in session_of(app).matrix.partners] == [
            "Taker",
            "Mutual",
            "Giver",
            "Nobody yet",
        ]
        await pilot.press("o")
        assert grid_names(app) == ["Taker", "Mutual", "Giver", "Nobody yet"]
        assert "In the file's order." in screen_text(app)


async def test_r_lists_what_to_fix_first_and_enter_opens_the_cell_to_fill_in(tmp_path: Path) -> None:
    path = matrix_file(tmp_path)
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        text = screen_text(app)
        assert "Fix first" in text
        lines = [line.strip(" │▌▐█") for line in text.splitlines()]
        order = [
            next(i for i, line in enumerate(lines) if "Taker · high influence" in line),
            next(i for i, line in enumerate(lines) if "Nobody yet · medium influence" in line),
            next(i for i, line in enumerate(lines) if "Giver · low influence" in line),
        ]
        assert order == sorted(order)
        assert "What does Taker bring?" in text and "What does Giver get out of it?" in text
        await pilot.press("down", "down", "enter")  # Giver
        assert app.screen is app.editor
        assert cursor(app) == (1, 5)
        assert editor_of(app).context() == "editor"
        await type_text(pilot, "advice")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    assert read_toml(path)["partners"][1]["gets"]["resources"] == "advice"


async def test_r_on_a_mutual_matrix_says_so_and_esc_closes(sample: Path) -> None:
    app = editor(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        assert "Nothing to fix first: every partner is mutual." in screen_text(app)
        await pilot.press("escape")
        assert app.screen is app.editor
        await pilot.press("right_square_bracket")
        assert "Every partner shown is mutual." in screen_text(app)


async def test_the_facts_keys_do_nothing_read_only(tmp_path: Path) -> None:
    path = matrix_file(tmp_path)
    app = editor(path, read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s", "i", "A")
        assert app.screen is app.editor
        assert session_of(app).matrix.partners[0].status is Status.CURRENT
        assert session_of(app).matrix.partners[0].influence is None


async def test_agreements_changed_on_both_sides_are_walked_through_like_a_cell(tmp_path: Path) -> None:
    from tests.app.test_follow import ORIGINAL, look_twice, status, write_outside

    for key, expected in (("t", "Mail first"), ("e", "Call in May\nMail first")):
        path = tmp_path / "tinnitracks.en.toml"
        path.write_text(ORIGINAL, encoding="utf-8")
        app = editor(path)
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.press("A")
            await type_text(pilot, "Call in May")
            await pilot.press("escape")
            outside = ORIGINAL.replace(
                'name = "Sennheiser"\n', 'name = "Sennheiser"\nagreements = "Mail first"\n'
            )
            write_outside(path, outside)
            await look_twice(app, pilot)
            text = screen_text(app)
            assert "Conflict 1 of 1" in text and "agreements" in text
            await pilot.press(key)
            await pilot.pause()
            if key == "e":  # both kept, and the agreements open to make one text of them
                assert "Agreements with Sennheiser" in screen_text(app)
                await pilot.press("escape")
            else:
                assert status(app) == "All conflicts resolved."
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert read_toml(path)["partners"][0]["agreements"] == expected


async def test_at_80_columns_o_says_whole_how_to_get_the_files_order_back(tmp_path: Path) -> None:
    """It was cut at "…; o…", in Dutch before it said what the view is."""
    for language, ending in (("en", "o: the file's order)"), ("nl", "o: terug)")):
        app = editor(matrix_file(tmp_path), language=language)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("o")
            await pilot.pause()
            assert screen_text(app).splitlines()[-2].rstrip().endswith(ending)
