"""`pvm --help`, `pvm COMMAND --help` and `pvm --version` say what a new user needs."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

from pvm_tui import __version__
from pvm_tui.cli import COMMANDS

RunPvm = Callable[..., subprocess.CompletedProcess[str]]


def test_pvm_help_lists_every_command_with_examples(run_pvm: RunPvm) -> None:
    result = run_pvm("--help")
    assert result.returncode == 0
    for name in COMMANDS:
        assert f"pvm {name}" in result.stdout
    assert "examples:" in result.stdout
    assert "pvm --example" in result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_help_has_an_example(run_pvm: RunPvm, name: str) -> None:
    result = run_pvm(name, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: pvm {name}")
    example = result.stdout.split("example:\n", 1)[1]
    assert example.strip().startswith(f"pvm {name}")


def test_version(run_pvm: RunPvm) -> None:
    result = run_pvm("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"pvm {__version__}"


def test_a_usage_error_is_short(run_pvm: RunPvm) -> None:
    result = run_pvm("export", "x.toml")
    assert result.returncode == 2
    assert "--format" in result.stderr and "Traceback" not in result.stderr


def test_export_help_explains_each_format_in_one_line(run_pvm: RunPvm) -> None:
    out = run_pvm("export", "--help").stdout
    section = out.split("formats:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split()[0] for line in section] == ["md", "csv", "json", "html", "svg"]
    for line in section:
        assert len(line) <= 80 and len(line.split()) >= 6  # a real sentence on one line
    assert "--theme" in out and "light" in out and "dark" in out
