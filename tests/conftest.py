"""Shared test fixtures: a clean environment per test and a way to run the real `pvm`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


@pytest.fixture(autouse=True)
def clean_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the developer's own locale, state folder and editor out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "NO_COLOR", "EDITOR", "VISUAL", "COLUMNS", "LINES"):
        monkeypatch.delenv(variable, raising=False)
    return home


RunPvm = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_pvm() -> RunPvm:
    """Run `python -m pvm_tui ARGS` as a user would, from this checkout; returns the finished process."""

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None):
        environment = dict(os.environ)
        environment["PYTHONPATH"] = str(REPO) + os.pathsep + environment.get("PYTHONPATH", "")
        environment.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "pvm_tui", *args],
            cwd=cwd,
            env=environment,
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )

    return run
