"""The `pvm` command: argument parsing and dispatch.

Each subcommand lives in ``pvm_tui.subcommands.<name>`` and is imported only
when it runs; the editor (and so Textual) is imported only by ``pvm FILE``,
``pvm --example`` and plain ``pvm``. Every error the user can cause ends as
one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from pvm_tui import __version__

EXIT_OK, EXIT_DIFFERENT, EXIT_ERROR = 0, 1, 2

COMMANDS: dict[str, str] = {
    "new": "write a blank matrix to a new file",
    "show": "print a matrix in the terminal",
    "check": "check a file: each partner's balance, what to fix first",
    "export": "write a matrix as Markdown, CSV, JSON, HTML or SVG",
    "template": "write the blank template for printing (HTML)",
    "diff": "show what changed between two matrices",
    "merge": "merge two changed versions of a matrix, cell by cell (also git's merge driver)",
    "recover": "list, restore or delete the recovery copies of unsaved changes",
}

EDITOR_EPILOG = """\
commands:
  pvm new FILE         write a blank matrix to a new file
  pvm show FILE        print a matrix in the terminal
  pvm check FILE       check a file: each partner's balance, what to fix first
  pvm export FILE      write a matrix as Markdown, CSV, JSON, HTML or SVG
  pvm template         write the blank template for printing (HTML)
  pvm diff OLD NEW     show what changed between two matrices
  pvm merge BASE OURS THEIRS
                       merge two changed versions of a matrix, cell by cell
  pvm recover          list, restore or delete the recovery copies of unsaved changes

  Run `pvm COMMAND --help` for the options of one command.

examples:
  pvm --example                 open a copy of the Tinnitracks example
  pvm partners.toml             open (or start) your own matrix
  pvm new partners.toml --name "Acme"
  pvm show samples/tinnitracks.toml
  pvm check partners.toml --strict
  pvm export partners.toml --format csv -o partners.csv

A file literally named like a command is opened with a path: pvm ./show
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit status 2, said the pvm way."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from pvm_tui.text import inline

        # argparse quotes what it did not understand as typed: terminal codes included.
        self.exit(EXIT_ERROR, f"{inline(f'{self.prog}: {message}')}\n(see `{self.prog} --help`)\n")


def _add_language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        help="language of the labels (default: the file's `language`, else your locale)",
    )


def editor_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pvm",
        description="A keyboard-first editor for the Partner Value Matrix (Partnerwaarde-matrix).",
        epilog=EDITOR_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", nargs="?", help="the matrix to open; created on first save if it does not exist"
    )
    parser.add_argument(
        "--example", action="store_true", help="open a copy of the bundled Tinnitracks example"
    )
    parser.add_argument("--read-only", action="store_true", help="open for review: nothing can be changed")
    parser.add_argument("--no-backup", action="store_true", help="do not keep the previous version as FILE~")
    _add_language(parser)
    parser.add_argument("--version", action="version", version=f"pvm {__version__}")
    return parser


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one subcommand, with its example in the help."""
    builders = {
        "new": _new_parser,
        "show": _show_parser,
        "check": _check_parser,
        "export": _export_parser,
        "template": _template_parser,
        "diff": _diff_parser,
        "merge": _merge_parser,
        "recover": _recover_parser,
    }
    return builders[name]()


def _command(name: str, usage_example: str) -> argparse.ArgumentParser:
    return _Parser(
        prog=f"pvm {name}",
        description=COMMANDS[name][0].upper() + COMMANDS[name][1:] + ".",
        epilog=f"example:\n  {usage_example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _new_parser() -> argparse.ArgumentParser:
    parser = _command("new", 'pvm new partners.toml --name "Acme" --lang nl')
    parser.add_argument("file", help="the file to write; an existing file is never overwritten")
    parser.add_argument("--name", default="", help="the company's name")
    _add_language(parser)
    return parser


def _show_parser() -> argparse.ArgumentParser:
    parser = _command("show", "pvm show samples/tinnitracks.toml")
    parser.add_argument("file", help="the matrix to print")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="plain text with every cell's full text",
    )
    parser.add_argument(
        "--textconv",
        action="store_true",
        help="for git's textconv: as --plain, and a file that is not a matrix is printed as it is",
    )
    parser.add_argument(
        "--width",
        type=_width,
        help=f"the width to lay out for, at least {MIN_WIDTH} (default: the terminal's, or 80 when piped)",
    )
    _add_language(parser)
    return parser


MIN_WIDTH = 20


def _width(value: str) -> int:
    """A layout width: a whole number a matrix can still be read at."""
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {value!r}") from None
    if width < MIN_WIDTH:
        raise argparse.ArgumentTypeError(f"{width} is too narrow; use at least {MIN_WIDTH}")
    return width


def _check_parser() -> argparse.ArgumentParser:
    parser = _command("check", "pvm check partners.toml --strict")
    parser.add_argument("file", help="the matrix to check")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a partner is one-sided or empty")
    _add_language(parser)
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = _command("export", "pvm export samples/tinnitracks.toml --format md -o tinnitracks.md")
    parser.add_argument("file", help="the matrix to export")
    parser.add_argument(
        "--format",
        "-f",
        required=True,
        choices=("md", "csv", "json", "html", "svg"),
        help="the output format",
    )
    parser.add_argument(
        "-o",
        "--output",
        help="the file to write (default, - or /dev/stdout: standard output); never over a .toml file",
    )
    parser.add_argument(
        "--paper",
        default="A3",
        choices=("A4", "A3", "A2", "A1", "A0"),
        help="paper size for html (default A3)",
    )
    parser.add_argument("--no-balance", action="store_true", help="leave out the balance markers (html)")
    parser.add_argument(
        "--theme", default="light", choices=("light", "dark"), help="colours of the svg (default light)"
    )
    _add_language(parser)
    from pvm_tui.export import FORMATS

    formats = "".join(f"  {name:<6}{summary}\n" for name, summary in FORMATS.items())
    parser.epilog = f"formats:\n{formats}\n{parser.epilog}"
    return parser


def _template_parser() -> argparse.ArgumentParser:
    parser = _command("template", "pvm template --lang nl --partners 8 --paper A1 -o template.html")
    parser.add_argument("--partners", type=int, default=6, help="number of empty partner rows (default 6)")
    parser.add_argument(
        "--paper", default="A3", choices=("A4", "A3", "A2", "A1", "A0"), help="paper size (default A3)"
    )
    parser.add_argument(
        "-o", "--output", help="the file to write (default, - or /dev/stdout: standard output)"
    )
    _add_language(parser)
    return parser


def _diff_parser() -> argparse.ArgumentParser:
    parser = _command("diff", "pvm diff old.toml new.toml")
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="FILE",
        help="OLD NEW, or the seven arguments git passes to an external diff driver",
    )
    _add_language(parser)
    return parser


def _merge_parser() -> argparse.ArgumentParser:
    parser = _command("merge", "pvm merge base.toml mine.toml theirs.toml -o merged.toml")
    parser.add_argument("base", metavar="BASE", help="the version both sides started from (git: %%O)")
    parser.add_argument(
        "ours", metavar="OURS", help="one changed version; the result is written here (git: %%A)"
    )
    parser.add_argument("theirs", metavar="THEIRS", help="the other changed version (git: %%B)")
    parser.add_argument(
        "-o",
        "--output",
        help="write the result to this new file instead of OURS (- or /dev/stdout: standard output)",
    )
    _add_language(parser)
    return parser


def _recover_parser() -> argparse.ArgumentParser:
    parser = _command("recover", "pvm recover --restore 1")
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--list",
        action="store_true",
        help="list every recovery copy, numbered (what plain `pvm recover` does)",
    )
    action.add_argument(
        "--restore",
        metavar="N",
        help="write copy N (its number in the list, or its file name) back into its file, then delete it",
    )
    action.add_argument("--delete", metavar="N", help="delete copy N, also a damaged one")
    parser.add_argument(
        "-o", "--output", help="with --restore: write into this new file instead (never over an existing one)"
    )
    _add_language(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run pvm with ``argv`` (default: the process's arguments); returns the exit status."""
    # pvm makes many objects that live until it ends, and the garbage
    # collector's passes over them took 15 ms of every start (45 ms with
    # 5,000 partners): it is off for a command, and for the editor until it
    # is on screen (see collector.py).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(argv)
    finally:
        if enabled:
            gc.enable()


def _run(argv: Sequence[str] | None) -> int:
    from pvm_tui.store import MatrixFileError

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            if sys.stdout is None:  # closed before pvm started: see closed_output.py
                from pvm_tui.closed_output import ClosedOutput

                sys.stdout = ClosedOutput()
            elif hasattr(sys.stdout, "reconfigure"):
                # An output whose encoding lacks a character (⇄ in Latin-1 or ASCII) gets "?"
                # for it, as `pvm show` did already, rather than a traceback halfway through.
                sys.stdout.reconfigure(errors="replace")
            name = args[0]
            options = command_parser(name).parse_args(args[1:])
            module = importlib.import_module(f"pvm_tui.subcommands.{name}")
            status = int(module.run(options))
            # Text still in the buffer fails here, where it can be said in one line,
            # rather than at exit as a traceback Python prints itself.
            sys.stdout.flush()
            return status
        options = editor_parser().parse_args(args)
        from pvm_tui.launch import run_editor

        return run_editor(options)
    except MatrixFileError as error:
        print(f"pvm: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `pvm show FILE | head`: the reader left; that is not an error.
        _silence_stdout()
        return EXIT_OK
    except OSError as error:
        # What is left after the commands' own file errors: standard output that
        # cannot take the text (`pvm show FILE > /dev/full`, a full disk, a closed
        # terminal). No file of the user's is touched by that; one line says so.
        if not (args and args[0] in COMMANDS):
            raise  # not a command's output: the editor's, not to be called a write error
        _silence_stdout()
        print(f"pvm: {_unwritable(error)}", file=sys.stderr)
        return EXIT_ERROR


def _unwritable(error: OSError) -> str:
    """One harmless line for an OSError no command turned into words (the file, if known, and why)."""
    import os

    from pvm_tui.text import inline

    reason = (error.strerror or str(error)).lower()
    if error.filename is None:
        return f"cannot write to standard output: {reason}"
    return inline(f"{os.fsdecode(error.filename)}: {reason}")


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
