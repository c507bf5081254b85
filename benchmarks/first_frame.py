"""Run a Textual program until a text reaches the terminal, then end at once.

    python first_frame.py TEXT PROGRAM.py ARGS...
    python first_frame.py TEXT -m MODULE ARGS...

For counting the work up to the first frame (instructions.py runs this under
callgrind): the program runs in this process as ``python`` would run it, and
the moment Textual's writer thread is handed output that contains TEXT, that
output is written to the terminal and the process exits.

Textual is patched as it loads, not imported beforehand, so that the program
imports everything in its own order and with its own settings (pvm turns the
garbage collector off before it imports Textual; importing Textual here first
would take that from it).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import runpy
import sys
from types import ModuleType

WRITER = "textual.drivers._writer_thread"


def stop_at(text: str, module: ModuleType) -> None:
    """Make ``module``'s writer end the process once it is handed ``text``."""
    writer = module.WriterThread
    write = writer.write

    def write_then_stop(self: object, output: str) -> None:
        if text not in output:
            write(self, output)
            return
        # Straight to the terminal: the writer thread would write it later, or never.
        os.write(sys.__stdout__.fileno(), output.encode("utf-8"))
        os._exit(0)

    writer.write = write_then_stop


class _PatchWhenLoaded(importlib.abc.MetaPathFinder):
    """Finds nothing itself; wraps the real loader of Textual's writer module to patch it."""

    def __init__(self, text: str) -> None:
        self.text = text

    def find_spec(
        self, name: str, path: object, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != WRITER:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)  # type: ignore[arg-type]
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        execute = loader.exec_module
        text = self.text

        def exec_then_patch(module: ModuleType) -> None:
            execute(module)
            stop_at(text, module)

        loader.exec_module = exec_then_patch  # type: ignore[method-assign]
        return spec


def main() -> None:
    text, *program = sys.argv[1:]
    sys.meta_path.insert(0, _PatchWhenLoaded(text))
    if program[0] == "-m":
        sys.argv = [program[1], *program[2:]]
        sys.path[0] = os.getcwd()  # as `python -m` has it
        runpy.run_module(program[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = program
        sys.path[0] = os.path.dirname(os.path.abspath(program[0]))
        runpy.run_path(program[0], run_name="__main__")


if __name__ == "__main__":
    main()
