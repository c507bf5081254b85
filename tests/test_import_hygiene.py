"""The commands that do not open the editor never import Textual, so they start fast.

Each command runs in a fresh Python exactly as `python -m pvm_tui` runs it,
and reports every module in ``sys.modules`` as it exits. (``-X importtime``
would miss modules loaded with ``importlib.import_module``, which is how the
CLI loads its commands.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NL = REPO / "samples" / "tinnitracks.toml"

MARK = "loaded modules:"
RUNNER = f"""\
import atexit, runpy, sys
atexit.register(lambda: sys.stderr.write({MARK!r} + " ".join(sorted(sys.modules)) + "\\n"))
module = sys.argv.pop(1)
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def loaded_modules(module: str, args: list[str], cwd: Path) -> set[str]:
    """Every module loaded by `python -m MODULE ARGS` by the time it exits."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(cwd)]))
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, module, *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = [line for line in result.stderr.splitlines() if line.startswith(MARK)]
    assert len(report) == 1, result.stderr[-2000:]
    return set(report[0][len(MARK) :].split())


def textual_modules(modules: set[str]) -> set[str]:
    return {name for name in modules if name == "textual" or name.startswith("textual.")}


def test_the_check_itself_sees_textual_when_it_is_imported(tmp_path: Path) -> None:
    (tmp_path / "uses_textual.py").write_text("import importlib\nimportlib.import_module('textual.app')\n")
    assert "textual.app" in textual_modules(loaded_modules("uses_textual", [], tmp_path))


@pytest.mark.parametrize(
    "command",
    [
        ["show", str(NL)],
        ["show", str(NL), "--width", "160"],
        ["check", str(NL), "--strict"],
        ["new", "fresh.toml", "--name", "Acme"],
        ["export", str(NL), "--format", "md"],
        ["export", str(NL), "--format", "csv"],
        ["export", str(NL), "--format", "json"],
        ["merge", str(NL), str(NL), str(NL), "-o", "merged.toml"],
    ],
    ids=lambda args: " ".join(a if "/" not in a else Path(a).name for a in args),
)
def test_commands_without_the_editor_never_import_textual(tmp_path: Path, command: list[str]) -> None:
    modules = loaded_modules("pvm_tui", command, tmp_path)
    assert f"pvm_tui.subcommands.{command[0]}" in modules  # the real command ran
    assert textual_modules(modules) == set()


@pytest.mark.parametrize(
    "module",
    [
        "pvm_tui.session",
        "pvm_tui.crash",
        "pvm_tui.model",
        "pvm_tui.store",
        "pvm_tui.labels",
        "pvm_tui.render",
    ],
)
def test_the_editing_session_and_the_model_never_import_textual(tmp_path: Path, module: str) -> None:
    (tmp_path / "load_it.py").write_text(f"import {module}\n", encoding="utf-8")
    modules = loaded_modules("load_it", [], tmp_path)
    assert module in modules
    assert textual_modules(modules) == set()
