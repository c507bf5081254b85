"""Two people on one file, each in their own pvm in a real pseudo-terminal, as on a shared server.

Each pvm notices the other's save within a second or two, by itself: no
key is pressed to make it look. Edits to different cells end up together
in the file; the same cell edited by both is a conflict, resolved in pvm.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLES

from tests.app.conftest import read_toml
from tests.app.terminal import Terminal

CTRL_S, CTRL_U, ESC = "\x13", "\x15", "\x1b"
SIZE = (160, 40)


def start(tmp_path: Path) -> Terminal:
    terminal = Terminal("partners.toml", "--lang", "en", cwd=tmp_path, size=SIZE)
    terminal.wait_for("What do they bring?")
    return terminal


def shared_file(tmp_path: Path) -> Path:
    path = tmp_path / "partners.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    return path


def to_funds_money(terminal: Terminal) -> None:
    """The cursor to the Funds' row, "What do they get out of it? · € (money)"."""
    terminal.type("j", "j", *["l"] * 7)


def edit(terminal: Terminal, text: str) -> None:
    terminal.type("e", CTRL_U, text, ESC)


def test_edits_to_different_cells_saved_in_turn_both_end_up_in_the_file(tmp_path: Path) -> None:
    path = shared_file(tmp_path)
    alice, bob = start(tmp_path), start(tmp_path)
    try:
        bob.type("j")  # Health insurers' name: unsaved while Alice saves
        edit(bob, "Health insurance funds")
        edit(alice, "Sennheiser GmbH")
        alice.type(CTRL_S)
        alice.wait_for("Saved")
        bob.wait_for("changed on disk; merged with your changes: 1 cell changed")
        bob.type(CTRL_S)
        bob.wait_for("Saved")
        # Alice had nothing unsaved: she simply gets Bob's version, cursor where it was.
        alice.wait_for("changed on disk and was reloaded: 1 cell changed")
        alice.wait_for("Health insurance")
        alice.type("q")
        bob.type("q")
        assert alice.finish() == 0 and bob.finish() == 0
    finally:
        for terminal in (alice, bob):
            if terminal.process.poll() is None:
                terminal.process.kill()
    saved = read_toml(path)
    assert saved["partners"][0]["name"] == "Sennheiser GmbH"
    assert saved["partners"][1]["name"] == "Health insurance funds"
    # Everything else as it was, comments included.
    assert "# column inferred from the extracted source" in path.read_text(encoding="utf-8")


def test_the_same_cell_edited_by_both_is_a_conflict_resolved_either_way(tmp_path: Path) -> None:
    path = shared_file(tmp_path)
    alice, bob = start(tmp_path), start(tmp_path)
    try:
        to_funds_money(alice)
        to_funds_money(bob)
        # Round one: Alice keeps hers.
        edit(alice, "Shares")
        edit(bob, "Dividend")
        bob.type(CTRL_S)
        bob.wait_for("Saved")
        alice.wait_for("Conflict 1 of 1")
        alice.wait_for("Dividend")
        assert "Shares" in alice.text()
        alice.type("m")
        alice.wait_for("All conflicts resolved.")
        alice.type(CTRL_S)
        alice.wait_for("Saved")
        assert read_toml(path)["partners"][2]["gets"]["money"] == "Shares"
        bob.wait_for("changed on disk and was reloaded: 1 cell changed")
        # Round two: Bob saves again over the same cell; this time Alice takes his.
        edit(alice, "Stock")
        edit(bob, "Bonds")
        bob.type(CTRL_S)
        bob.wait_for("Saved")
        alice.wait_for("Conflict 1 of 1")
        alice.type("t")
        alice.wait_for("All conflicts resolved.")
        alice.type(CTRL_S)
        alice.wait_for("Saved")
        alice.type("q")
        bob.type("q")
        assert alice.finish() == 0 and bob.finish() == 0
    finally:
        for terminal in (alice, bob):
            if terminal.process.poll() is None:
                terminal.process.kill()
    assert read_toml(path)["partners"][2]["gets"]["money"] == "Bonds"


def test_a_text_editors_plain_write_reaches_an_open_pvm(tmp_path: Path) -> None:
    path = shared_file(tmp_path)
    pvm = start(tmp_path)
    try:
        original = path.read_text(encoding="utf-8")
        path.write_text(
            original.replace("Custom sound technology", "Custom audio technology"), encoding="utf-8"
        )
        pvm.wait_for("changed on disk and was reloaded: 1 cell changed")
        edit(pvm, "Sennheiser GmbH")  # unsaved
        path.write_text(
            path.read_text(encoding="utf-8").replace('"Return on their investment"', '"Dividend"'),
            encoding="utf-8",
        )
        pvm.wait_for("changed on disk; merged with your changes: 1 cell changed")
        pvm.type(CTRL_S)
        pvm.wait_for("Saved")
        pvm.type("q")
        assert pvm.finish() == 0
    finally:
        if pvm.process.poll() is None:
            pvm.process.kill()
    saved = read_toml(path)
    assert saved["partners"][0]["name"] == "Sennheiser GmbH"
    assert saved["partners"][0]["brings"]["resources"].startswith("Custom audio technology")
    assert saved["partners"][2]["gets"]["money"] == "Dividend"
