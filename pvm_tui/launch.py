"""Opens the editor for `pvm [FILE]`; the only module of the CLI that imports Textual.

The file is opened (and checked) before Textual starts, so an unusable file
is one line on stderr and exit status 2, not a screen that flashes and goes.
"""

from __future__ import annotations

import argparse

from pvm_tui.document import Document, open_example, open_path
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
        document = open_path(
            options.file,
            language=options.lang or language_from_locale(),
            read_only=options.read_only,
            backup=backup,
        )
    language = choose_language(options.lang, document)

    from pvm_tui.app import PvmApp

    # The App adds the file to the recent list once it is on screen.
    app = PvmApp(document, language)
    app.run()
    return app.return_code or 0
