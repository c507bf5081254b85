"""Snapshots of the editor (pytest-textual-snapshot): look at the SVGs in __snapshots__ when they change."""

from __future__ import annotations

from tests.app.conftest import SAMPLES, editor

DUTCH = SAMPLES / "tinnitracks.toml"
ENGLISH = SAMPLES / "tinnitracks.en.toml"


class TestMainScreen:
    def test_dutch_120x40(self, snap_compare) -> None:
        assert snap_compare(editor(DUTCH, language="nl"), terminal_size=(120, 40))

    def test_english_120x40(self, snap_compare) -> None:
        assert snap_compare(editor(ENGLISH, language="en"), terminal_size=(120, 40))

    def test_dutch_80x24(self, snap_compare) -> None:
        assert snap_compare(editor(DUTCH, language="nl"), terminal_size=(80, 24))

    def test_english_80x24(self, snap_compare) -> None:
        assert snap_compare(editor(ENGLISH, language="en"), terminal_size=(80, 24))

    def test_step_3_at_80x24(self, snap_compare) -> None:
        assert snap_compare(editor(ENGLISH, language="en"), press=["j", "3"], terminal_size=(80, 24))


class TestHelp:
    def test_help_english(self, snap_compare) -> None:
        app = editor(ENGLISH, language="en")
        assert snap_compare(app, press=["question_mark"], terminal_size=(120, 40))

    def test_help_dutch(self, snap_compare) -> None:
        app = editor(DUTCH, language="nl")
        assert snap_compare(app, press=["question_mark"], terminal_size=(80, 24))


class TestDialogs:
    def test_quit_dialog(self, snap_compare, tmp_path) -> None:
        path = tmp_path / "tinnitracks.toml"
        path.write_bytes(ENGLISH.read_bytes())
        app = editor(path, language="en")
        assert snap_compare(app, press=["e", "!", "escape", "q"], terminal_size=(120, 40))

    def test_quit_dialog_dutch_80x24(self, snap_compare, tmp_path) -> None:
        path = tmp_path / "tinnitracks.toml"
        path.write_bytes(DUTCH.read_bytes())
        app = editor(path, language="nl")
        assert snap_compare(app, press=["e", "!", "escape", "q"], terminal_size=(80, 24))


class TestPartnerCard:
    def test_card_at_200x50(self, snap_compare) -> None:
        assert snap_compare(editor(ENGLISH, language="en"), press=["j"], terminal_size=(200, 50))

    def test_editing_in_the_card_120x40(self, snap_compare) -> None:
        app = editor(ENGLISH, language="en")
        press = ["2", "e", *" and more, so that the editor grows"]
        assert snap_compare(
            app, press=[key if key != " " else "space" for key in press], terminal_size=(120, 40)
        )

    def test_step_3_shows_what_they_bring_120x40(self, snap_compare) -> None:
        assert snap_compare(editor(DUTCH, language="nl"), press=["j", "3"], terminal_size=(120, 40))


class TestWholeText:
    def test_whole_text_80x24(self, snap_compare) -> None:
        assert snap_compare(editor(ENGLISH, language="en"), press=["w"], terminal_size=(80, 24))

    def test_whole_text_120x40(self, snap_compare) -> None:
        assert snap_compare(editor(DUTCH, language="nl"), press=["w"], terminal_size=(120, 40))

    def test_whole_text_200x50(self, snap_compare) -> None:
        assert snap_compare(editor(ENGLISH, language="en"), press=["w"], terminal_size=(200, 50))
