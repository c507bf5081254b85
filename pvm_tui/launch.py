"""Opens the editor for `pvm [FILE]`; the only module of the CLI that imports Textual.

The file is opened (and checked) before Textual starts, so an unusable file
is one line on stderr and exit status 2, not a screen that flashes and goes.
A terminal that cannot run a full-screen app (``TERM=dumb``: an Emacs shell,
some CI logs) gets one line saying so and the matrix as `pvm show` prints it.
An unexpected error ends in one line that says where the unsaved changes are.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from pvm_tui.document import READ_FROM, Document, open_example, open_path
from pvm_tui.labels import language_from_locale


def choose_language(option: str | None, document: Document | None) -> str:
    """--lang, else the language the file names, else the locale's."""
    if option:
        return option
    if document is not None and document.file.exists and document.file.has_language:
        return document.file.saved.language
    return language_from_locale()


def run_editor(options: argparse.Namespace) -> int:
    """Start the editor as the options say; returns the exit status."""
    backup = not options.no_backup
    document: Document | None = None
    if options.example:
        document = open_example(
            options.lang or language_from_locale(), read_only=options.read_only, backup=backup
        )
    elif options.file:
        _say_reading(options.file)
        document = open_path(
            options.file,
            language=options.lang or language_from_locale(),
            read_only=options.read_only,
            backup=backup,
        )
    language = choose_language(options.lang, document)
    if os.environ.get("TERM") == "dumb":
        return _show_instead(document, options)
    not_a_terminal = _not_a_terminal()
    if not_a_terminal:
        # Textual reads keys from standard input and draws on standard error: without a
        # terminal there it ended in a traceback, or left the terminal in its full-screen mode.
        print(
            f"pvm: the editor needs a terminal, and {not_a_terminal} is not one; "
            "`pvm show FILE` prints a matrix",
            file=sys.stderr,
        )
        return 2

    from pvm_tui.app import PvmApp

    # The App adds the file to the recent list once it is on screen.
    app = PvmApp(document, language, handle_signals=True, language_given=bool(options.lang))
    if sys.platform != "win32":
        from pvm_tui.terminal_input import TerminalDriver

        app.driver_class = TerminalDriver
    try:
        app.run()
    finally:
        # Whatever ended the app, unsaved changes are left in a recovery copy.
        with contextlib.suppress(Exception):
            app.keep_copy()
    if app.crash is not None:
        print(app.crash.message(), file=sys.stderr)
        return 1
    return app.return_code or 0


def _not_a_terminal() -> str | None:
    """The name of the stream the editor needs that is not a terminal (closed, a pipe, a file), or None."""
    for name, stream in (("standard input", sys.__stdin__), ("standard error", sys.__stderr__)):
        try:
            if stream is None or not stream.isatty():
                return name
        except ValueError:  # closed
            return name
    return None


def _say_reading(file: str) -> None:
    """A big file takes a second and more to read, before the editor can draw anything: say so
    on the terminal, rather than leave it blank and still."""
    try:
        size = os.stat(file).st_size
    except (OSError, ValueError):
        return  # reading it says what is wrong
    if size >= READ_FROM and sys.stderr.isatty():
        from pvm_tui.text import inline

        name = inline(os.path.basename(file) or file)
        print(f"pvm: reading {name} ({size / 1_000_000:.1f} MB)…", file=sys.stderr, flush=True)


def _show_instead(document: Document | None, options: argparse.Namespace) -> int:
    """``TERM=dumb``: say why there is no editor, and print the matrix as `pvm show --plain` does."""
    from pvm_tui import copies, recovery_store
    from pvm_tui.subcommands import show
    from pvm_tui.text import inline

    cannot = "pvm: this terminal (TERM=dumb) cannot run the editor"
    if document is None or not (document.file.exists or document.needs_name):
        print(f"{cannot}; `pvm show FILE` prints a matrix in any terminal", file=sys.stderr)
        return 2
    print(f"{cannot}; here is the matrix as `pvm show` prints it", file=sys.stderr)
    for copy in recovery_store.copies_for(document.path):
        print(inline(f"pvm: unsaved changes from an earlier session are in {copy.path}"), file=sys.stderr)
    for damaged in copies.damaged_for(document.path):
        problem = f"pvm: a recovery copy cannot be read ({damaged.problem}); `pvm recover` lists it"
        print(inline(f"{problem}: {damaged.path}"), file=sys.stderr)

    show_options = argparse.Namespace(file=document.path, plain=True, width=None, lang=options.lang)
    return show.run(show_options)
