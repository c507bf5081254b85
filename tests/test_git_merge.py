"""A real `git merge` of two branches that both changed one matrix, with pvm as git's merge driver.

The repository is set up as the README tells users to: ``*.toml merge=pvm``
in ``.gitattributes`` and ``merge.pvm.driver`` running ``pvm merge %O %A %B``
(here: this checkout's ``python -m pvm_tui merge``).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from test_git_diff import PVM, SAMPLES, git

from pvm_tui import store

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

RunPvm = Callable[..., subprocess.CompletedProcess[str]]
ORIGINAL = (SAMPLES / "tinnitracks.en.toml").read_text(encoding="utf-8")


def commit(repo: Path, message: str, **files: str) -> None:
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    assert git(repo, "add", "-A").returncode == 0
    assert git(repo, "commit", "-q", "-m", message).returncode == 0


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The example committed on main, with the three setup lines from the README."""
    root = tmp_path / "repo"
    root.mkdir()
    assert git(root, "init", "-q", "-b", "main").returncode == 0
    git(root, "config", "merge.pvm.name", "pvm: a Partner Value Matrix, cell by cell")
    git(root, "config", "merge.pvm.driver", f"{PVM} merge %O %A %B")
    commit(
        root,
        "first",
        **{
            ".gitattributes": "*.toml merge=pvm\n",
            "matrix.toml": ORIGINAL,
            "pyproject.toml": '[project]\nname = "demo"\nversion = "1"\n\n# tools\n',
        },
    )
    return root


def branch(repo: Path, name: str, message: str, **files: str) -> None:
    assert git(repo, "checkout", "-q", "-b", name, "main").returncode == 0
    commit(repo, message, **files)


def test_edits_to_different_partners_merge_cleanly(repo: Path, run_pvm: RunPvm) -> None:
    alice = ORIGINAL.replace("Custom sound technology", "Custom audio technology").replace(
        'name = "Sennheiser"', '# Alice: call them in May\nname = "Sennheiser"'
    )
    # The next line: git's own line merge would call this a conflict.
    bob = ORIGINAL.replace("Sennheiser's sales channels", "Sennheiser's shops").replace(
        '"Return on their investment"', '"Dividend"'
    )
    branch(
        repo,
        "bob",
        "bob",
        **{
            "matrix.toml": bob,
            "pyproject.toml": '[project]\nname = "demo"\nversion = "1"\n\n# tools\n[tool.x]\n',
        },
    )
    branch(
        repo,
        "alice",
        "alice",
        **{"matrix.toml": alice, "pyproject.toml": '[project]\nname = "demo"\nversion = "2"\n\n# tools\n'},
    )
    result = git(repo, "merge", "--no-edit", "bob")
    assert result.returncode == 0, result.stdout + result.stderr
    merged = store.load(repo / "matrix.toml").saved
    assert merged.partners[0].brings.resources.startswith("Custom audio technology")
    assert merged.partners[0].brings.channels.endswith("Sennheiser's shops")
    assert merged.partners[2].gets.money == "Dividend"
    assert "# Alice: call them in May" in (repo / "matrix.toml").read_text(encoding="utf-8")
    # Another TOML file goes through the driver too, and is merged as text.
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == (
        '[project]\nname = "demo"\nversion = "2"\n\n# tools\n[tool.x]\n'
    )
    assert git(repo, "status", "--porcelain").stdout == ""
    assert run_pvm("check", str(repo / "matrix.toml")).returncode == 0


def test_the_same_cell_edited_on_both_branches_is_a_conflict_that_pvm_check_lists(
    repo: Path, run_pvm: RunPvm
) -> None:
    branch(
        repo, "bob", "bob", **{"matrix.toml": ORIGINAL.replace('"Return on their investment"', '"Dividend"')}
    )
    alice = ORIGINAL.replace('"Return on their investment"', '"Shares"')
    branch(repo, "alice", "alice", **{"matrix.toml": alice})
    result = git(repo, "merge", "--no-edit", "bob")
    assert result.returncode == 1
    assert "CONFLICT (content): Merge conflict in matrix.toml" in result.stdout
    assert "1 conflict" in result.stderr
    # Still a valid matrix: both versions are inside the one cell.
    merged = store.load(repo / "matrix.toml").saved
    assert merged.partners[2].gets.money == "<<<<<<< mine\nShares\n=======\nDividend\n>>>>>>> theirs"
    check = run_pvm("check", str(repo / "matrix.toml"))
    assert check.returncode == 1
    assert "conflicts still to resolve: 1" in check.stdout
    assert "What do they get out of it? · € (money)" in check.stdout
    # Resolved (both kept, joined), checked, committed.
    text = (repo / "matrix.toml").read_text(encoding="utf-8")
    start, end = text.index('money = """<<<<<<<'), text.index('>>>>>>> theirs"""') + len('>>>>>>> theirs"""')
    (repo / "matrix.toml").write_text(
        text[:start] + 'money = "Shares and dividend"' + text[end:], encoding="utf-8"
    )
    assert run_pvm("check", str(repo / "matrix.toml")).returncode == 0
    assert (repo / "matrix.toml").read_text(encoding="utf-8") == alice.replace(
        '"Shares"', '"Shares and dividend"'
    )
    commit(repo, "merged")
    assert git(repo, "log", "--oneline").stdout.count("\n") == 4
