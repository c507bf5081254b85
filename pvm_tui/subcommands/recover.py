"""`pvm recover`: see every recovery copy, and restore or delete one.

``pvm recover`` (or ``--list``) lists every copy in the state folder,
newest first and numbered: its file, when it was written, and what it
holds against that file, also for a file that was moved or deleted since.
A copy that cannot be read is listed as damaged, with the reason.
``--restore N`` writes copy N back into its file (or with ``-o`` into a
new file) and deletes it; ``--delete N`` deletes it. N is the number in
the list, or the copy's file name. Nothing is ever written over a file
that changed after the copy was made.
"""

from __future__ import annotations

import argparse
import sys

from pvm_tui import copies, output_target
from pvm_tui.copies_words import CopyWords, copy_words
from pvm_tui.labels import language_from_locale
from pvm_tui.text import inline

EXIT_OK, EXIT_ERROR = 0, 2


def run(options: argparse.Namespace) -> int:
    words = copy_words(options.lang or language_from_locale())
    found = copies.every_copy()
    if options.restore is not None:
        return _restore(found, options.restore, options.output, words)
    if options.delete is not None:
        return _delete(found, options.delete, words)
    _list(found, words)
    return EXIT_OK


def _list(found: list[copies.Found], words: CopyWords) -> None:
    if not found:
        print(words.none)
        return
    lines = [words.heading]
    for number, each in enumerate(found, start=1):
        lead = f"{number:>2}  "
        if each.copy is None:
            lines.append(lead + inline(words.damaged.format(problem=each.problem)))
        else:
            lines.append(lead + inline(copies.home(each.copy.file)))
            lines.append("    " + inline(copies.summary(each, words)))
        lines.append("    " + inline(words.copy.format(path=copies.home(each.path))))
    lines += ["", words.hint]
    sys.stdout.write("".join(line + "\n" for line in lines))


def _chosen(found: list[copies.Found], which: str, words: CopyWords) -> copies.Found | None:
    each = copies.pick(found, which)
    if each is None:
        _fail(words.no_such_copy.format(which=which))
    return each


def _restore(found: list[copies.Found], which: str, output: str | None, words: CopyWords) -> int:
    each = _chosen(found, which, words)
    if each is None:
        return EXIT_ERROR
    if each.copy is None:
        _fail(words.refused_damaged.format(which=which, problem=each.problem))
        return EXIT_ERROR
    if output == "-":
        # Every other command reads `-o -` as standard output; here it would make a
        # file named "-" and delete the copy, so it is refused and the copy kept.
        _fail(words.refused_standard_output.format(path=copies.home(each.path)))
        return EXIT_ERROR
    try:
        written = copies.restore(each.copy, output_target.file_to_write(output) if output else None)
    except copies.RestoreRefused as refused:
        _fail(getattr(words, f"refused_{refused.reason}").format(**refused.details))
        return EXIT_ERROR
    print(inline(words.restored.format(path=written)))
    return EXIT_OK


def _delete(found: list[copies.Found], which: str, words: CopyWords) -> int:
    each = _chosen(found, which, words)
    if each is None:
        return EXIT_ERROR
    try:
        copies.delete(each)
    except copies.RestoreRefused as refused:
        _fail(getattr(words, f"refused_{refused.reason}").format(**refused.details))
        return EXIT_ERROR
    print(inline(words.deleted.format(path=copies.home(each.path))))
    return EXIT_OK


def _fail(message: str) -> None:
    print(inline(f"pvm recover: {message}"), file=sys.stderr)
