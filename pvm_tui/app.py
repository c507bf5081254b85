"""The App: the start screen or the editor, signals and crashes, and the command palette's provider.

Everything about the open matrix lives in the editor screen
(``screens/editor.py``) and its session (``session.py``). The App chooses
which screen to show, handles each key as one batch (what it changes
appears in one frame), keeps the user's unsaved changes when a signal or an
uncaught error ends it (``crash.py``), and gives the palette the editor's
commands (``palette.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.screen import Screen

from pvm_tui import crash, recent
from pvm_tui.collector import QUIET, IdleCollector
from pvm_tui.document import Document
from pvm_tui.labels import labels_for
from pvm_tui.model import Matrix
from pvm_tui.palette import EditorCommands
from pvm_tui.screens.editor import EditorScreen
from pvm_tui.session import Session
from pvm_tui.text import inline
from pvm_tui.textual_internals import CrashHook
from pvm_tui.ui_text import ui_text
from pvm_tui.widgets.settle import settle

if TYPE_CHECKING:
    from pvm_tui.screens.start import StartScreen


class PvmApp(CrashHook):
    """pvm: the editor of one matrix, or the start screen when there is none yet."""

    CSS_PATH = "pvm.tcss"

    TITLE = "pvm"

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (as Textual declares it)

    COMMANDS: ClassVar = App.COMMANDS | {EditorCommands}

    def __init__(
        self,
        document: Document | None,
        language: str,
        matrix: Matrix | None = None,
        *,
        recovery_delay: float = 2.0,
        handle_signals: bool = False,
        language_given: bool = False,
    ) -> None:
        """``handle_signals`` only for a real run: it installs SIGHUP and SIGTERM handlers.

        ``language_given``: whether ``language`` is the user's ``--lang`` (then a file
        opened from the start screen keeps it) or the locale's (then such a file shows
        its own language, as ``pvm FILE`` does).
        """
        super().__init__()
        self.language = language
        self.language_given = language_given
        self.document = document
        self.first_matrix = matrix
        self.recovery_delay = recovery_delay
        self.handle_signals = handle_signals
        self.crash: crash.Crash | None = None
        self.session: Session | None = None
        """The open matrix's session, once there is one (it outlives the screen, for the last copy)."""
        self.collector = IdleCollector()

    @property
    def editor(self) -> EditorScreen | None:
        """The editor screen, when a matrix is open (there may be a dialog over it)."""
        for screen in self.screen_stack:
            if isinstance(screen, EditorScreen):
                return screen
        return None

    def _editor_for(self, document: Document, matrix: Matrix | None) -> EditorScreen:
        session = self.session = Session(document, matrix)
        return EditorScreen(session, self.language, recovery_delay=self.recovery_delay)

    def get_default_screen(self) -> Screen[None]:
        if self.document is None:
            # The start screen is pushed over a blank one so that it can be switched for the editor.
            return Screen()
        return self._editor_for(self.document, self.first_matrix)

    def on_mount(self) -> None:
        self.set_interval(QUIET, self.collector.tick)
        self.call_after_refresh(self.collector.start)
        if self.document is None:
            from pvm_tui.screens.start import StartScreen  # not on the way to the editor

            self.push_screen(StartScreen(labels_for(self.language), ui_text(self.language), recent.load()))
        # Back from a suspend (SIGTSTP, then `fg`): the terminal's screen was the shell's meanwhile.
        self.app_resume_signal.subscribe(self, self._draw_again)
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for signum in crash.SIGNALS:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(signum, self.hang_up, signum)

    def _draw_again(self, _app: App[int]) -> None:
        """Paint the whole screen again, not only what changed since the last frame."""
        self.refresh(repaint=True, layout=True)

    def on_start_screen_chosen(self, message: StartScreen.Chosen) -> None:
        """Leave the start screen for the editor of the matrix chosen there.

        A file that names its language opens in it, as ``pvm FILE`` does, unless
        ``--lang`` chose the labels (a Dutch file opened here on a server with an
        English locale showed English labels).
        """
        self.document = message.document
        if message.language is not None and not self.language_given:
            self.language = message.language
        self.switch_screen(self._editor_for(message.document, message.matrix))

    def on_unmount(self) -> None:
        self.collector.stop()
        # However the app ends (a panic included), unsaved changes are left in a copy.
        with contextlib.suppress(Exception):
            self.keep_copy()
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for signum in crash.SIGNALS:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.remove_signal_handler(signum)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit":
            # ctrl+q quits from the start screen; the editor asks first, and not from under a dialog.
            return self.editor is None
        return True

    async def action_quit(self) -> None:
        """Quit (ctrl+q, the palette); the editor asks first when there are unsaved changes."""
        editor = self.editor
        if editor is None:
            self.exit(0)
        else:
            await editor.action_quit()

    def _language_now(self) -> str:
        """The labels' language now: the editor's (``L`` switches it), else the start screen's."""
        editor = self.editor
        return editor.language if editor is not None else self.language

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands that pvm keeps, in the labels' language.

        The editor's quit (``palette.py``), which asks first, replaces theirs.
        Left out: Textual's "Keys" panel, whose words are Textual's English
        (pvm's help, ``?``, lists the keys in both languages), and its
        "Screenshot", which says only in English where it went, saves on the
        machine pvm runs on (over SSH not the user's) and fails where there is
        no Downloads folder; ``pvm export --format svg`` is the picture to use.
        """
        names = ui_text(self._language_now()).textual_commands
        for command in super().get_system_commands(screen):
            if self.editor is not None and command.callback == self.action_quit:
                continue
            if command.title in names:
                title, help_text = names[command.title]
                yield SystemCommand(title, help_text, command.callback, command.discover)

    def action_command_palette(self) -> None:
        """The command palette, its prompt in the labels' language."""
        from textual.command import CommandPalette  # loaded already, by the palette's provider

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            prompt = ui_text(self._language_now()).palette_placeholder
            self.push_screen(CommandPalette(placeholder=prompt, id="--command-palette"))

    def action_help_quit(self) -> None:
        """ctrl+c, pressed by reflex to quit: say which key quits, in the labels' language."""
        words = ui_text(self._language_now())
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(words.how_to_quit.format(key=key), title=words.how_to_quit_title, markup=False)
                return

    def search_themes(self) -> None:
        """Textual's list of themes (the palette's Theme), its prompt in the labels' language."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider  # loaded already, by Textual's App

        prompt = ui_text(self._language_now()).theme_placeholder
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=prompt))

    async def on_event(self, event: events.Event) -> None:
        """Handle each key as one batch: what it changes appears in one frame.

        The screen is not drawn while an action waits (for the cell editor
        to take its last keys) or while the widgets restyle for a change of
        focus; each of those would otherwise cost a frame of its own.
        """
        if not isinstance(event, events.Key):
            await super().on_event(event)
            return
        self.collector.key()
        screen = self.screen
        focused = screen.focused
        with self.batch_update():
            key: events.Key | None = event
            if isinstance(screen, EditorScreen):
                key = await screen.key_arrived(event)
            if key is not None:
                await super().on_event(key)
            if screen.focused is not focused:
                # The widgets restyle for the focus change in their own time;
                # the frame waits for that rather than come twice.
                for widget in (focused, screen.focused):
                    if widget is not None:
                        await settle(widget)
        # Textual's batch wakes the App, not the screen that waits to draw.
        self.screen.check_idle()

    # -- signals and crashes ------------------------------------------------------------

    def keep_copy(self) -> Path | None:
        """Write the open matrix's recovery copy now, if it has unsaved changes; the copy written."""
        session = self.session
        return session.keep_copy() if session is not None else None

    def hang_up(self, signum: int) -> None:
        """SIGHUP (the terminal is gone) or SIGTERM: keep the unsaved changes first, then leave."""
        with contextlib.suppress(Exception):
            self.keep_copy()
        if self.handle_signals:
            if not crash.terminal_answers():
                crash.let_go_of_terminal()
            crash.end_process_after(crash.EXIT_GRACE, 128 + signum)
        self.exit(return_code=128 + signum)

    def crashed(self, error: Exception) -> None:
        """An uncaught error: keep the unsaved changes and log the traceback (the user gets one line)."""
        if self.crash is None:
            copy = None
            with contextlib.suppress(Exception):
                copy = self.keep_copy()
            summary = inline(f"{type(error).__name__}: {error}")[:200]
            self.crash = crash.Crash(summary, copy, crash.write_log(error))
