"""A conflict that `git merge` left through pvm's merge driver, resolved in the editor, checked, committed."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from test_git_merge import ORIGINAL, branch, git, repo  # noqa: F401 (repo is a fixture)

from pvm_tui import store
from tests.app.conftest import editor, editor_of, screen_text

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

RunPvm = Callable[..., subprocess.CompletedProcess[str]]


async def test_conflicts_from_git_are_resolved_in_pvm(repo: Path, run_pvm: RunPvm) -> None:  # noqa: F811
    branch(
        repo, "bob", "bob", **{"matrix.toml": ORIGINAL.replace('"Return on their investment"', '"Dividend"')}
    )
    branch(
        repo,
        "alice",
        "alice",
        **{"matrix.toml": ORIGINAL.replace('"Return on their investment"', '"Shares"')},
    )
    assert git(repo, "merge", "--no-edit", "bob").returncode == 1
    assert run_pvm("check", str(repo / "matrix.toml")).returncode == 1
    app = editor(repo / "matrix.toml")
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        assert editor_of(app).status.message == "1 conflict(s) left: ! to resolve them."
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "Conflict 1 of 1" in screen_text(app)
        await pilot.press("b", "ctrl+s")
        await pilot.pause()
    assert store.load(repo / "matrix.toml").saved.partners[2].gets.money == "Shares\nDividend"
    assert run_pvm("check", str(repo / "matrix.toml")).returncode == 0
    assert git(repo, "add", "matrix.toml").returncode == 0
    assert git(repo, "commit", "-q", "--no-edit").returncode == 0
    # Merged and committed; only pvm's backup of the conflicted version is left, untracked.
    assert git(repo, "status", "--porcelain").stdout == "?? matrix.toml~\n"
