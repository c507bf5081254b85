"""`Esc` and the key after it, at every gap between them, through a real pseudo-terminal.

Over SSH `Esc` and the next key arrive together or apart at any interval.
Textual used to read ``Esc n`` as one unknown sequence and type it back as
``^n``. Each run here sends `Esc` and then a key after a gap of 0 to 300 ms
(Textual's escape delay is 100 ms) and checks what a user would: the text
typed before `Esc` is kept, the key after it did its own job, and no
character the user did not type is in the saved file.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from tests.app.conftest import SAMPLES, read_toml
from tests.app.terminal import Terminal

ESC, CTRL_S, ENTER, TAB, DOWN = "\x1b", "\x13", "\r", "\t", "\x1b[B"
GAPS_MS = (0, 5, 20, 50, 80, 120, 300)


def escape_then(terminal: Terminal, key: str, gap_ms: int) -> None:
    """`Esc`, then ``key`` ``gap_ms`` later (in the same write when the gap is 0)."""
    assert terminal.master is not None
    if gap_ms == 0:
        os.write(terminal.master, (ESC + key).encode())
    else:
        os.write(terminal.master, ESC.encode())
        time.sleep(gap_ms / 1000)
        os.write(terminal.master, key.encode())
    terminal._read(0.3)


def save_and_quit(terminal: Terminal) -> None:
    terminal.type(CTRL_S)
    terminal.wait_for("Saved")
    terminal.type("q")
    assert terminal.finish() == 0


def all_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("gap_ms", GAPS_MS)
def test_esc_then_a_key_leaves_the_editor_keeping_the_text_and_the_key_does_its_job(
    tmp_path: Path, gap_ms: int
) -> None:
    path = tmp_path / "partners.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    before = read_toml(path)
    terminal = Terminal(path.name, cwd=tmp_path)
    terminal.wait_for("What do they bring?")
    # A printable key: `a` adds a partner below and opens its name.
    terminal.type("e", " one")
    escape_then(terminal, "a", gap_ms)
    terminal.type("Two")
    # An arrow: the cursor moves down in the grid (onto Health insurers).
    escape_then(terminal, DOWN, gap_ms)
    terminal.type("e", " three")
    # Enter: edits the cell under the cursor again.
    escape_then(terminal, ENTER, gap_ms)
    terminal.type(" four")
    # Tab: the grid's cursor goes to the next cell (what they bring: resources).
    escape_then(terminal, TAB, gap_ms)
    terminal.type("e", " five")
    # The filter: Esc leaves it keeping the filter, and the key after it works in the grid.
    escape_then(terminal, "/", gap_ms)
    terminal.type("insurers")
    escape_then(terminal, "a", gap_ms)
    terminal.type("Six", ESC)
    save_and_quit(terminal)

    after = read_toml(path)
    names = [partner["name"] for partner in after["partners"]]
    assert names[:4] == ["Sennheiser one", "Two", "Health insurers three four", "Six"]
    assert names[4:] == [partner["name"] for partner in before["partners"][2:]]
    resources = after["partners"][2]["brings"]["resources"]
    assert resources == before["partners"][1]["brings"]["resources"] + " five"
    assert "^" not in all_text(path)


@pytest.mark.parametrize("gap_ms", GAPS_MS)
def test_esc_then_a_key_in_the_company_form_puts_no_stray_character_anywhere(
    tmp_path: Path, gap_ms: int
) -> None:
    path = tmp_path / "partners.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    before = read_toml(path)
    terminal = Terminal(path.name, cwd=tmp_path)
    terminal.wait_for("What do they bring?")
    terminal.type("p")
    terminal.wait_for("The company")
    terminal.type("Q")
    # Esc leaves the form; `a` then adds a partner in the grid.
    escape_then(terminal, "a", gap_ms)
    terminal.type("New", ESC)
    save_and_quit(terminal)

    after = read_toml(path)
    assert after["company"]["name"] in (before["company"]["name"], before["company"]["name"] + "Q")
    for field, value in after["company"].items():
        if field != "name":
            assert value == before["company"][field], field
    names = [partner["name"] for partner in after["partners"]]
    assert names == [before["partners"][0]["name"], "New"] + [p["name"] for p in before["partners"][1:]]


def test_esc_n_esc_n_fifty_ms_apart_types_nothing_into_the_cells(tmp_path: Path, run_pvm) -> None:
    """The issue's first reproduction: `n` opens the next empty cell, `Esc` leaves it empty."""
    assert run_pvm("new", "esc.toml", "--name", "X", "--lang", "en", cwd=tmp_path).returncode == 0
    path = tmp_path / "esc.toml"
    terminal = Terminal(path.name, cwd=tmp_path)
    terminal.wait_for("What do they bring?")
    terminal.type(ENTER, "P", ESC)
    assert terminal.master is not None
    for key in ("n", ESC, "n", ESC, "n", ESC):
        os.write(terminal.master, key.encode())
        terminal._read(0.05)
    terminal._read(0.5)
    save_and_quit(terminal)
    (partner,) = read_toml(path)["partners"]
    assert partner["name"] == "P"
    texts = [text for side in ("brings", "gets") for text in partner.get(side, {}).values()]
    assert not any(texts), texts


def test_a_burst_of_names_with_esc_between_gives_one_partner_each(tmp_path: Path, run_pvm) -> None:
    """The issue's second reproduction: `a One Esc a Two Esc a Three Esc` in one burst."""
    assert run_pvm("new", "esc.toml", "--name", "X", "--lang", "en", cwd=tmp_path).returncode == 0
    path = tmp_path / "esc.toml"
    terminal = Terminal(path.name, cwd=tmp_path)
    terminal.wait_for("What do they bring?")
    terminal._read(0.5)
    assert terminal.master is not None
    os.write(terminal.master, b"aOne\x1baTwo\x1baThree\x1b")
    terminal.wait_for("Three")
    save_and_quit(terminal)
    names = [partner["name"] for partner in read_toml(path)["partners"]]
    # The first `a` names the blank partner `pvm new` wrote; each later one adds a partner.
    assert names == ["One", "Two", "Three"]


def test_a_pasted_escape_sequence_never_reaches_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    terminal = Terminal(path.name, cwd=tmp_path)
    terminal.wait_for("What do they bring?")
    terminal.type("e")
    written = len(terminal.output)
    assert terminal.master is not None
    os.write(terminal.master, b"\x1b[200~A\x1b]0;PWNED\x07B\x1b[201~")
    terminal.wait_for("SennheiserA␛]0;PWNED␇B")
    terminal.type(ESC)
    save_and_quit(terminal)
    assert b"]0;PWNED\x07" not in terminal.output[written:], "the window title was not changed"
    assert read_toml(path)["partners"][0]["name"] == "SennheiserA␛]0;PWNED␇B"
