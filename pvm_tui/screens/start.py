"""The start screen of plain `pvm`: recent matrices, recovery copies, a new matrix, the example.

Every recovery copy is listed (also one whose file was moved, renamed or
deleted, and a damaged one with its reason); choosing one asks whether to
open its file with the changes restored, or to delete the copy.

A big file is read in a thread (``SlowWork``): the key hint says how long
it has been reading, Esc gives the reading up, and `q` and `?` still answer.
Big recovery copies are read in a thread too, and listed once they are read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from pvm_tui import copies
from pvm_tui.copies_words import CopyWords, copy_words
from pvm_tui.document import READ_FROM, Document, new_matrix, open_example, open_path
from pvm_tui.labels import Labels, language_field
from pvm_tui.model import Matrix
from pvm_tui.screens.choice import ChoiceDialog
from pvm_tui.screens.save_as import names_a_folder
from pvm_tui.screens.slow_work import SlowWork
from pvm_tui.store import MatrixFileError
from pvm_tui.text import inline
from pvm_tui.ui_text import UiText
from pvm_tui.widgets.local_keys import OrderedInput
from pvm_tui.widgets.settle import settle

# The box's padding, title, about text, headings, margins and hint; the list has the rest.
_ROWS_AROUND_THE_LIST = 12
_MOST_LIST_ROWS = 16


class StartScreen(Screen[None]):
    """Choose what to open; the App then shows it in the editor (``Chosen``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", show=False),
        Binding("escape", "stop_opening", show=False),
        Binding("question_mark", "help", show=False),
    ]

    def __init__(
        self, labels: Labels, words: UiText, recent: list[Path], found: list[copies.Found] | None = None
    ) -> None:
        super().__init__(id="start")
        self.labels = labels
        self.words = words
        self.recent = recent
        self.copy_words = copy_words(labels.code)
        self.opening = SlowWork(self, self._hint)
        """A big file is read in a thread, the keys working meanwhile."""
        self.looking = SlowWork(self, self._hint)
        """Big recovery copies are read in a thread; the list shows them once they are read."""
        self._to_look = found is None and copies.total_size() >= READ_FROM
        self.found = found if found is not None else [] if self._to_look else copies.every_copy()

    def compose(self) -> ComposeResult:
        words = self.words
        options: list[Option | None] = []
        for index, path in enumerate(self.recent):
            options.append(Option(_recent_line(path), id=f"recent-{index}"))
        if not self.recent:
            options.append(Option(Text(words.start_no_recent, style="dim"), id="no-recent", disabled=True))
        if self.found:
            options.append(None)
            heading = Text(self.copy_words.start_heading, style="bold")
            options.append(Option(heading, id="copies-heading", disabled=True))
            for index, each in enumerate(self.found):
                options.append(Option(_copy_line(each, self.copy_words), id=f"copy-{index}"))
        options.append(None)
        options.append(Option(Text(words.start_new), id="new"))
        options.append(Option(Text(words.start_open), id="open"))
        options.append(Option(Text(words.start_example), id="example"))
        options.append(Option(Text(words.start_quit), id="quit"))
        with Vertical(id="start-box"):
            yield Static(Text(f"pvm · {self.labels.method}", style="bold"), id="start-title")
            yield Static(Text(self.labels.about), id="start-about")
            yield Static(Text(words.start_recent, style="bold"), id="start-recent")
            yield OptionList(*options, id="start-options")
            yield Static(Text(words.start_hint, style="dim"), id="start-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        options.highlighted = 0 if self.recent else options.get_option_index("new")
        if self._to_look:
            self._to_look = False
            found: list[list[copies.Found]] = []

            def done(error: Exception | None) -> None:
                if error is not None:
                    raise error  # a bug: a copy that cannot be read is listed with its reason
                self.found = found[0]
                self.call_later(self._show_copies)

            self.looking.start(lambda: found.append(copies.every_copy()), self.words.reading_all_copies, done)

    async def _show_copies(self) -> None:
        """The list again, with the copies as ``self.found`` holds them now."""
        await self.recompose()
        self.on_mount()

    def _hint(self, text: str | None = None) -> None:
        """Say ``text`` where the key hint is (the hint again when None)."""
        shown = self.words.start_hint if text is None else text
        self.query_one("#start-hint", Static).update(Text(shown, style="dim"))

    def action_stop_opening(self) -> None:
        """Esc: give up reading the file (it opens nothing)."""
        if self.opening.cancel():
            self._hint()

    def action_help(self) -> None:
        from pvm_tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.labels, self.words))

    def on_resize(self, event: events.Resize) -> None:
        # CSS has no "what is left of the height": on a short terminal the list gives up
        # rows so the key hint below it stays on screen (the list scrolls instead).
        room = event.size.height - _ROWS_AROUND_THE_LIST
        self.query_one(OptionList).styles.max_height = max(3, min(_MOST_LIST_ROWS, room))

    class Chosen(Message):
        """A matrix to open in the editor: a recent file, a new matrix, the example.

        ``language`` is the language the chosen file names for its labels, if any.
        """

        def __init__(
            self, document: Document, matrix: Matrix | None = None, language: str | None = None
        ) -> None:
            super().__init__()
            self.document = document
            self.matrix = matrix
            self.language = language

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id or ""
        language = self.labels.code
        if self.opening.busy and choice != "quit":
            return  # one file at a time: Esc gives up the one being read
        if choice.startswith("recent-"):
            self._open(self.recent[int(choice.removeprefix("recent-"))])
        elif choice == "open":
            from pvm_tui.screens.open_file import OpenFileScreen

            self.app.push_screen(OpenFileScreen(self.words), self._open)
        elif choice.startswith("copy-"):
            self.ask_about(self.found[int(choice.removeprefix("copy-"))])
        elif choice == "new":
            self.app.push_screen(NewMatrixScreen(self.words, self.labels.code), self._create)
        elif choice == "example":
            self.post_message(self.Chosen(open_example(language)))
        elif choice == "quit":
            self.app.exit()

    def _open(self, path: Path | None) -> None:
        if path is None or self.opening.busy:
            return
        language = self.labels.code
        if _size(path) < READ_FROM:
            try:
                document = open_path(path, language=language)
            except MatrixFileError as error:
                self.app.notify(str(error), severity="error", markup=False)
                return
            self.post_message(self.Chosen(document, language=self._language_of(document)))
            return
        opened: list[Document] = []

        def read() -> None:
            opened.append(open_path(path, language=language))

        def done(error: Exception | None) -> None:
            self._hint()
            if isinstance(error, MatrixFileError):
                self.app.notify(str(error), severity="error", markup=False)
            elif error is not None:
                raise error  # a bug: the App's crash handling says where
            else:
                self.post_message(self.Chosen(opened[0], language=self._language_of(opened[0])))

        self.opening.start(read, self.words.opening.replace("{name}", inline(path.name)), done)

    @staticmethod
    def _language_of(document: Document) -> str | None:
        """The language a file opened here names for its labels, if it names one (the App decides)."""
        file = document.file
        return file.saved.language if file.exists and file.has_language else None

    def _create(self, answer: tuple[Path, str, str] | None) -> None:
        if answer is not None:
            document, matrix = new_matrix(*answer)
            self.post_message(self.Chosen(document, matrix))

    def ask_about(self, each: copies.Found) -> None:
        """Restore (open its file, where the editor offers the copy back) or delete a copy.

        The dialog says what the copy holds against its file; a big file is read for that in a
        thread first."""
        if each.copy is None or _size(each.copy.file) < READ_FROM:
            self._ask_about(each, None if each.copy is None else copies.summary(each, self.copy_words))
            return
        summary: list[str] = []

        def done(error: Exception | None) -> None:
            self._hint()
            if error is not None:
                raise error  # a bug: a file that cannot be read is a state in the summary
            self._ask_about(each, summary[0])

        message = self.words.opening.replace("{name}", inline(each.copy.file.name))
        self.opening.start(lambda: summary.append(copies.summary(each, self.copy_words)), message, done)

    def _ask_about(self, each: copies.Found, summary: str | None) -> None:
        words = self.copy_words
        copy_line = words.copy.format(path=copies.home(each.path))
        if each.copy is None:
            title = words.start_damaged_title
            question = f"{words.damaged.format(problem=each.problem)}\n{copy_line}"
            choices = [("x", "delete", words.start_delete), ("escape", None, words.start_cancel)]
        else:
            title = words.start_title
            question = f"{copies.home(each.copy.file)}\n{summary}\n{copy_line}"
            choices = [
                ("r", "restore", words.start_restore),
                ("x", "delete", words.start_delete),
                ("escape", None, words.start_cancel),
            ]

        async def answered(answer: str | None) -> None:
            if answer == "restore" and each.copy is not None:
                folder = each.copy.file.parent
                if not folder.is_dir():
                    # No file can be made there: the command line restores it elsewhere.
                    number = self.found.index(each) + 1
                    message = words.start_folder_gone.format(folder=folder, number=number)
                    self.app.notify(inline(message), severity="error", markup=False)
                    return
                # The editor offers the copy back as it does for any file opened.
                self._open(each.copy.file)
            elif answer == "delete":
                try:
                    copies.delete(each)
                except copies.RestoreRefused as refused:
                    message = getattr(words, f"refused_{refused.reason}").format(**refused.details)
                    self.app.notify(inline(message), severity="error", markup=False)
                    return
                self.found = [other for other in self.found if other is not each]
                await self._show_copies()

        self.app.push_screen(ChoiceDialog(title, question, choices, id="copy-dialog"), answered)


def _size(path: Path) -> int:
    """The file's size in bytes; 0 when it cannot be looked at (reading it then says why, at once)."""
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0


def _copy_line(each: copies.Found, words: CopyWords, width: int = 66) -> Text:
    """A recovery copy as 'name  folder' and what it holds; a damaged one with its reason."""
    if each.copy is None:
        return Text(inline(words.damaged.format(problem=each.problem)), style="red")
    line = _recent_line(each.copy.file, width)
    line.append("\n  " + inline(copies.summary(each, words, against_file=False)), style="dim")
    return line


def _recent_line(path: Path, width: int = 66) -> Text:
    """A recent file as 'name  folder', the folder with ~ for home and cut from the left to fit."""
    home = str(Path.home())
    folder = str(path.parent)
    if folder == home or folder.startswith(home + os.sep):
        folder = "~" + folder[len(home) :]
    name = inline(path.name)
    room = max(width - len(name) - 2, 8)
    if len(folder) > room:
        folder = "…" + folder[-(room - 1) :]
    return Text.assemble((name, "bold"), "  ", (inline(folder), "dim"))


class NewMatrixScreen(ModalScreen[tuple[Path, str, str] | None]):
    """File name, company name and the file's language (nl or en) of a new matrix.

    Enter on the file name moves on to the company; Enter there (or on the
    language, which Tab reaches) creates the matrix.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: in key order, so the key right after Esc goes to the screen below.
        Binding("escape", "cancel", show=False, priority=True),
        # A priority binding runs in key order on the App's queue, and the focus
        # moves at once: what is typed right after Enter lands in the next field.
        Binding("enter", "enter", show=False, priority=True),
    ]

    def __init__(self, words: UiText, language: str) -> None:
        super().__init__(classes="dialog", id="new-matrix")
        self.words = words
        self.language = language

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Text(self.words.new_title, style="bold"), classes="dialog-title")
            yield Static(Text(self.words.new_file_prompt))
            yield OrderedInput(value="partners.toml", id="new-file")
            yield Static(Text(self.words.new_company_prompt))
            yield OrderedInput(id="new-company")
            yield Static(Text(self.words.new_language_prompt))
            yield OrderedInput(value=self.language, id="new-language", placeholder="nl / en")
            yield Static(Text(""), id="new-problem", classes="problem")
            yield Static(Text(self.words.new_hint, style="dim"))

    def on_mount(self) -> None:
        self.query_one("#new-file", Input).focus()

    async def action_enter(self) -> None:
        focused = self.focused
        if isinstance(focused, Input):
            await settle(focused)
        file_input = self.query_one("#new-file", Input)
        if focused is file_input:
            self.set_focus(self.query_one("#new-company", Input))
            return
        name = file_input.value.strip()
        if not name:
            self.set_focus(file_input)
            return
        path = Path(os.path.expanduser(name))
        problem = self.query_one("#new-problem", Static)
        language = language_field(self.query_one("#new-language", Input).value)
        if language is None:
            problem.update(Text(self.words.bad_language, style="bold red"))
            self.set_focus(self.query_one("#new-language", Input))
            return
        folder_named = names_a_folder(name, path, self.words)
        if folder_named:
            problem.update(Text(folder_named, style="bold red"))
            return
        if path.exists():
            problem.update(Text(inline(self.words.new_exists.format(path=path)), style="bold red"))
            return
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            problem.update(Text(inline(self.words.save_as_no_folder.format(folder=folder)), style="bold red"))
            return
        self.dismiss((path, self.query_one("#new-company", Input).value.strip(), language))

    def action_cancel(self) -> None:
        self.dismiss(None)
