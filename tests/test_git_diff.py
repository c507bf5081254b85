"""A real `git diff` of a matrix committed twice, with pvm as git's diff driver.

The repository is set up exactly as the README tells users to:
``*.toml diff=pvm`` in ``.gitattributes`` and ``diff.pvm.command`` running
``pvm diff`` (here: this checkout's ``python -m pvm_tui diff``).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PVM = f"{shlex.quote(sys.executable)} -m pvm_tui"


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ)
    environment.update(
        {
            "PYTHONPATH": str(REPO),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.invalid",
            "GIT_PAGER": "cat",
        }
    )
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the Tinnitracks example committed, then changed and committed again."""
    root = tmp_path / "repo"
    root.mkdir()
    assert git(root, "init", "-q").returncode == 0
    (root / ".gitattributes").write_text("*.toml diff=pvm\n", encoding="utf-8")
    matrix = root / "tinnitracks.toml"
    original = (SAMPLES / "tinnitracks.en.toml").read_text(encoding="utf-8")
    matrix.write_text(original, encoding="utf-8")
    (root / "pyproject.toml").write_text('[project]\nname = "before"\n', encoding="utf-8")
    git(root, "add", "-A")
    assert git(root, "commit", "-q", "-m", "first").returncode == 0
    changed = original.replace("Custom sound technology", "Custom audio technology").replace(
        'name = "Health insurers"', 'name = "Health insurance funds"'
    )
    matrix.write_text(changed, encoding="utf-8")
    (root / "pyproject.toml").write_text('[project]\nname = "after"\n', encoding="utf-8")
    git(root, "add", "-A")
    assert git(root, "commit", "-q", "-m", "second").returncode == 0
    return root


def test_git_diff_shows_which_partner_got_what_in_words(repo: Path) -> None:
    git(repo, "config", "diff.pvm.command", f"{PVM} diff")
    result = git(repo, "diff", "HEAD~1", "HEAD")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "tinnitracks.toml\n" in out
    assert '~ partner "Sennheiser" · row 1' in out
    assert "What do they bring? · resources: Custom [-sound-]{+audio+} technology and headphones" in out
    assert '~ partner "Health insurance funds" · row 2' in out
    assert "renamed: Health [-insurers-]{+insurance funds+}" in out
    # In words, not TOML lines.
    assert "resources = " not in out
    # Other TOML files go through the driver too, and still show their change.
    assert '-name = "before"' in out and '+name = "after"' in out


def test_git_log_uses_the_driver_with_ext_diff(repo: Path) -> None:
    git(repo, "config", "diff.pvm.command", f"{PVM} diff")
    result = git(repo, "log", "-p", "--ext-diff", "-1")
    assert result.returncode == 0, result.stderr
    assert "Custom [-sound-]{+audio+} technology" in result.stdout


def test_a_new_matrix_is_all_added(repo: Path) -> None:
    git(repo, "config", "diff.pvm.command", f"{PVM} diff")
    shutil.copy(SAMPLES / "tinnitracks.toml", repo / "nl.toml")
    git(repo, "add", "nl.toml")
    result = git(repo, "diff", "--cached")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["nl.toml", "nieuwe matrix"]
    assert '+ partner "Sennheiser" · toegevoegd (rij 1)' in result.stdout


def test_a_file_name_cannot_print_a_fake_line_through_the_driver(repo: Path) -> None:
    git(repo, "config", "diff.pvm.command", f"{PVM} diff")
    evil = repo / 'evil\n+ partner "Injected" · added.toml'
    evil.write_text('[project]\nname = "x"\n', encoding="utf-8")
    git(repo, "add", "-A")
    assert git(repo, "commit", "-q", "-m", "evil").returncode == 0
    evil.write_text('[project]\nname = "y"\n', encoding="utf-8")
    result = git(repo, "diff")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == 'evil␊+ partner "Injected" · added.toml'
    assert not any(line.startswith("+ partner") for line in lines)


def test_git_stops_when_a_driver_fails_so_pvm_never_does(repo: Path) -> None:
    """Why `pvm diff` exits 0 for git: any other status aborts the whole diff."""
    git(repo, "config", "diff.pvm.command", "false")
    result = git(repo, "diff", "HEAD~1", "HEAD")
    assert result.returncode != 0 and "external diff died" in result.stderr


def readme_textconv() -> str:
    """The textconv command exactly as the README tells users to configure it, run from this checkout."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r'^git config diff\.pvm\.textconv "pvm (.+)"$', readme, re.MULTILINE)
    assert found, "the README's git setup names the textconv"
    return f"{PVM} {found.group(1)}"


def test_textconv_as_the_readme_sets_it_up(repo: Path) -> None:
    git(repo, "config", "diff.pvm.textconv", readme_textconv())
    result = git(repo, "diff", "HEAD~1", "HEAD", "--", "tinnitracks.toml")
    assert result.returncode == 0, result.stderr
    removed = [
        line for line in result.stdout.splitlines() if line.startswith("-") and not line.startswith("---")
    ]
    added = [
        line for line in result.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")
    ]
    assert any("Custom sound technology" in line for line in removed)
    assert any("Custom audio technology" in line for line in added)
    assert any("Health insurance funds" in line for line in added)


def test_git_log_p_passes_other_toml_files_and_broken_matrices_through_the_textconv(repo: Path) -> None:
    git(repo, "config", "diff.pvm.textconv", readme_textconv())
    broken = repo / "broken.toml"
    broken.write_text('[[partners]]\nname = "Acme"\n<<<<<<< HEAD\n', encoding="utf-8")
    git(repo, "add", "-A")
    assert git(repo, "commit", "-q", "-m", "a broken matrix").returncode == 0
    broken.write_text('[[partners]]\nname = "Acme"\n', encoding="utf-8")
    git(repo, "add", "-A")
    assert git(repo, "commit", "-q", "-m", "fixed").returncode == 0
    result = git(repo, "log", "-p")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    # pyproject.toml, byte for byte as its own text; it is in the first and the second commit.
    assert '-name = "before"' in lines and '+name = "after"' in lines
    assert "+[project]" in lines
    # the broken matrix as its text, then fixed.
    assert "-<<<<<<< HEAD" in lines
    # and the matrices as pvm shows them, down to the first commit.
    assert sum("Sennheiser" in line for line in lines) >= 2
    assert not any(line.startswith(("+name = ", "-name = ")) and "Sennheiser" in line for line in lines)
