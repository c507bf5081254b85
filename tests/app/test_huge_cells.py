"""A cell of 100 KB in the editor: the grid and the card show its start and say how much more there is.

Wrapping such a cell took seconds (the whole-text grid re-measured the rest
of a long word after every cut); now the grid and the card wrap only the
start they show, every line of the screen stays as wide as the screen, and
what is shown is the cell's own text from its beginning. Saving after an
edit elsewhere keeps the cell byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.text import Lines, Text
from textual import events
from textual.geometry import Region
from textual.widgets import Static

from pvm_tui import recovery_store, store
from pvm_tui import text as text_module
from pvm_tui.document import open_path
from pvm_tui.model import COLUMN_BY_KEY, Company, Matrix, Partner, Side
from pvm_tui.screens.conflict_dialog import ConflictDialog
from pvm_tui.screens.recovery_dialog import RecoveryDialog
from tests.app.conftest import editor, editor_of, read_toml, region_text, screen_text, type_text, until

SIZE = 100_000
WORD = "".join(f"w{index:05d}" for index in range(SIZE // 6))
"""One word of 100 KB, numbered so that a piece shown out of order or twice would show."""
HUGE = {
    "one word": WORD,
    "emoji": "👩\u200d💻" * (SIZE // 11),
    "many lines": "\n".join(f"line{index:05d}" for index in range(SIZE // 10)),
}
PIECES = {"one word": r"[w0-9]{4,}", "emoji": "(?:👩\u200d💻)+", "many lines": r"line\d{5}"}
COLUMN = COLUMN_BY_KEY["brings.resources"]


def matrix_file(path: Path, huge: str) -> Path:
    partners = (
        Partner(name="Short", brings=Side(resources="a few words")),
        Partner(name="Huge", brings=Side(resources=huge), gets=Side(money="money")),
    )
    matrix = Matrix(company=Company(name="c"), partners=partners, language="en")
    path.write_text(store.dumps(store.new_file(path, matrix), matrix), encoding="utf-8")
    return path


def _drawn(widget: Static) -> str:
    """All the lines ``widget`` draws, also those scrolled out of view."""
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, 100, 200)))


def shown_start(text: str, pattern: str, joined: str) -> str:
    """The pieces of ``pattern`` in ``text``, top to bottom, joined by ``joined``."""
    return joined.join(re.findall(pattern, text))


@pytest.mark.parametrize("kind", list(HUGE))
async def test_the_grid_and_the_card_show_the_start_of_a_huge_cell(tmp_path: Path, kind: str) -> None:
    huge = HUGE[kind]
    path = matrix_file(tmp_path / "m.toml", huge)
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "j", "l")  # whole text; the huge partner's first brings cell
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert [cell_len(line) for line in lines] == [120] * 40, lines
        screen = editor_of(app)
        joined = "\n" if kind == "many lines" else ""
        for widget in (screen.grid, screen.view.card):
            text = region_text(app, widget)
            start = shown_start(text, PIECES[kind], joined)
            assert len(start) > 50, text
            # The card shows the cell from its start; the grid scrolls its tall row into
            # view, so its lines are the end of the start shown.
            assert huge.startswith(start) if widget is screen.view.card else start in huge[:5000], text
            if widget is screen.view.card:  # the note closes the cell, further down the card
                text = "\n".join(strip.text for strip in screen.view.card._lines().lines)
            words = " ".join(text.replace("│", " ").split())
            assert re.search(r"… \(\d+ KB more: e to read it all\)", words), text


async def test_moving_about_a_huge_cell_flattens_it_for_the_grid_and_the_card_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grid and the card asked for the same huge cell made harmless and flat again at every
    move and change: 10 ms each time, nine times as a conflict was kept both ways."""
    made: list[tuple[str, int]] = []
    text_module._kept_aligned.cache_clear()  # an earlier test may have shown the same text
    text_module._kept_one_line.cache_clear()
    for name in ("_aligned", "_one_line"):
        work = getattr(text_module, name)

        def counted(text: str, work: Callable[[str], str] = work, name: str = name) -> str:
            if len(text) >= len(HUGE["emoji"]):
                made.append((name, len(text)))
            return work(text)

        monkeypatch.setattr(text_module, name, counted)
    path = matrix_file(tmp_path / "m.toml", HUGE["emoji"])
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "l", "l", "h", "k", "j", "w", "j", "k", "w")
        await pilot.pause()
        cell = region_text(app, editor_of(app).grid)
    assert "👩" in cell
    assert made and sorted(made) == sorted(set(made)), f"{len(made)} times for {len(set(made))} texts"


async def test_an_edit_elsewhere_saves_the_huge_cell_byte_for_byte(tmp_path: Path) -> None:
    path = matrix_file(tmp_path / "m.toml", HUGE["emoji"])
    [cell_line] = [line for line in path.read_text(encoding="utf-8").splitlines() if "👩" in line]
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "l", "e")  # the short partner's first brings cell
        await type_text(pilot, " more")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    saved = read_toml(path)
    assert saved["partners"][0]["brings"]["resources"] == "a few words more"
    assert saved["partners"][1]["brings"]["resources"] == HUGE["emoji"]
    assert cell_line in path.read_text(encoding="utf-8").splitlines()


async def test_the_card_shows_the_start_of_a_huge_company_description(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    matrix = Matrix(company=Company(name="c", description=WORD), partners=(Partner(name="P"),), language="en")
    path.write_text(store.dumps(store.new_file(path, matrix), matrix), encoding="utf-8")
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        card = "\n".join(strip.text for strip in editor_of(app).view.card._lines().lines)
    start = shown_start(card, PIECES["one word"], "")
    assert len(start) > 50 and WORD.startswith(start), card
    assert re.search(r"… \(\d+ KB more: p to read it all\)", " ".join(card.split())), card


@pytest.mark.parametrize("kind", ["one word", "emoji"])
async def test_the_cell_editor_shows_a_huge_word_where_it_wraps_and_keeps_it_byte_for_byte(
    tmp_path: Path, kind: str
) -> None:
    huge = HUGE[kind]
    path = matrix_file(tmp_path / "m.toml", huge)
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "l", "enter")  # the huge partner's first brings cell, open
        await pilot.pause()
        cell_editor = editor_of(app).cells.editor
        assert cell_editor is not None and cell_editor.text == huge
        width = cell_editor.wrap_width

        def rows() -> list[str]:
            strips = cell_editor.render_lines(Region(0, 0, *cell_editor.size))
            return [strip.text.strip() for strip in strips]

        shown = rows()
        assert len(shown) >= 10
        # The cursor is at the end: the rows are the word's last pieces, one after the other.
        assert huge.endswith("".join(shown)), shown
        assert all(0 < cell_len(row) <= width for row in shown), (width, shown)
        if kind == "one word":  # cut where the editor ends
            assert {len(row) for row in shown[:-1]} == {width}, (width, shown)
        await pilot.press(*["up"] * 40)
        row, column = cell_editor.cursor_location
        assert row == 0 and column < len(huge) - 300, "forty rows up"
        await type_text(pilot, "Q")
        shown = rows()
        assert any("Q" in line for line in shown), shown
        assert "".join(shown) in huge[:column] + "Q" + huge[column:], shown
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    assert read_toml(path)["partners"][1]["brings"]["resources"] == huge[:column] + "Q" + huge[column:]


@pytest.mark.parametrize("kind", ["many lines", "one word"])
async def test_the_recovery_dialog_shows_a_page_of_a_huge_copy_and_r_restores_every_byte(
    tmp_path: Path, kind: str
) -> None:
    huge = HUGE[kind]
    path = matrix_file(tmp_path / "m.toml", "short")
    saved = open_path(path, language="en").file.saved
    recovered = huge[:5000] + " new " + huge[5000:]
    recovery_store.write(recovery_store.copy_path(path), saved.with_cell(1, COLUMN, recovered), path, None)
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, RecoveryDialog))
        await pilot.pause()
        changes = app.screen.query_one("#recovery-changes")
        shown = "\n".join(
            strip.text for strip in changes.query_one(Static).render_lines(Region(0, 0, 110, 400))
        )
        assert re.search(r"… \(\d+ KB more: r restores it all, e in the editor reads it\)", shown), shown
        pieces = shown_start(shown, PIECES[kind], "\n" if kind == "many lines" else "")
        assert len(pieces) > 500 and huge.startswith(pieces), shown
        assert len(pieces) < 5000, "a page, not the whole text"
        await pilot.press("r")
        await until(pilot, lambda: app.screen is app.editor)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert read_toml(path)["partners"][1]["brings"]["resources"] == recovered


@pytest.mark.parametrize("where", ["agreements", "company description"])
async def test_a_huge_word_in_the_agreements_or_the_company_is_drawn_uncut_and_kept_byte_for_byte(
    tmp_path: Path, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """These dialogs write the text in a TextArea too: a key cut its line again for each row (0.3 s).

    Now each row is drawn from its own piece of the line, which is never cut whole.
    """
    cuts: list[int] = []
    divide = Text.divide

    def counted(self: Text, offsets: object) -> Lines:
        if len(self) > SIZE // 2:
            cuts.append(len(self))
        return divide(self, offsets)  # type: ignore[arg-type]

    monkeypatch.setattr(Text, "divide", counted)
    path = tmp_path / "m.toml"
    company = Company(name="c", description=WORD if where != "agreements" else "d")
    partner = Partner(name="P", agreements=WORD if where == "agreements" else "")
    matrix = Matrix(company=company, partners=(partner,), language="en")
    path.write_text(store.dumps(store.new_file(path, matrix), matrix), encoding="utf-8")
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("A" if where == "agreements" else "p")
        await pilot.pause()
        area = app.screen.query_one("#agreements-text" if where == "agreements" else "#company-description")
        area.focus()
        await pilot.pause()
        cuts.clear()
        await pilot.press("left" if where == "agreements" else "right")  # beside the last or first letter
        assert not cuts, f"{len(cuts)} cuts of the whole line to draw one key"
        await type_text(pilot, "Q")
        shown = "".join(strip.text.strip() for strip in area.render_lines(Region(0, 0, *area.size)))
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    saved = read_toml(path)
    if where == "agreements":
        assert saved["partners"][0]["agreements"] == WORD[:-1] + "Q" + WORD[-1]
        assert shown and (WORD[:-1] + "Q" + WORD[-1]).endswith(shown)
    else:
        assert saved["company"]["description"] == WORD[0] + "Q" + WORD[1:]
        assert shown and (WORD[0] + "Q" + WORD[1:]).startswith(shown)


async def test_a_conflict_over_a_huge_cell_shows_a_page_of_each_side_and_m_keeps_mine_byte_for_byte(
    tmp_path: Path,
) -> None:
    path = matrix_file(tmp_path / "m.toml", "short")
    mine, theirs = HUGE["many lines"] + "\nmine", "theirs\n" + HUGE["many lines"]
    app = editor(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "l", "enter", "ctrl+u")
        app.post_message(events.Paste(mine))  # as a terminal's bracketed paste arrives
        await pilot.pause()
        await pilot.press("escape")
        changed = open_path(path, language="en").file.saved.with_cell(1, COLUMN, theirs)
        path.write_text(store.dumps(store.new_file(path, changed), changed), encoding="utf-8")
        await editor_of(app).look_at_file()  # as its timer looks, twice: the change has held still
        await editor_of(app).look_at_file()
        await until(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await pilot.pause()
        sides = [_drawn(side) for side in app.screen.query(".conflict-text").results(Static)]
        assert len(sides) == 2
        for text, whole in zip(sides, (mine, theirs), strict=True):
            start = text.split("\n…")[0]
            assert 500 < len(start) < 5000 and whole.startswith(start), text
            assert re.search(r"… \(\d+ KB more: e keeps both and shows it all in the editor\)", text), text
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert read_toml(path)["partners"][1]["brings"]["resources"] == mine
