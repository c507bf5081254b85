"""`pvm new`: a blank matrix in a new file, never over an existing one."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pvm_tui import store
from pvm_tui.model import Balance

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

RunPvm = Callable[..., subprocess.CompletedProcess[str]]


def test_new_writes_a_loadable_blank_matrix(run_pvm: RunPvm, tmp_path: Path) -> None:
    path = tmp_path / "partners.toml"
    result = run_pvm("new", str(path), "--name", "Acme", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert str(path) in result.stdout
    matrix = store.load(path).saved
    assert matrix.company.name == "Acme"
    assert matrix.language == "nl"
    assert [p.balance for p in matrix.partners] == [Balance.EMPTY]  # one empty partner shows the shape
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "partnerwaarde-matrix" and data["version"] == 1
    assert data["partners"] == [{"name": "", "brings": {}, "gets": {}}]
    assert not (tmp_path / "partners.toml~").exists()
    assert run_pvm("check", str(path)).returncode == 0


def test_new_in_english_and_a_name_with_quotes(run_pvm: RunPvm, tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    assert run_pvm("new", str(path), "--name", 'Acme "Tools" \\ B.V.', "--lang", "en").returncode == 0
    matrix = store.load(path).saved
    assert (matrix.company.name, matrix.language) == ('Acme "Tools" \\ B.V.', "en")


@pytest.mark.parametrize(
    ("locale", "language"), [("nl_NL.UTF-8", "nl"), ("nl_BE", "nl"), ("en_GB.UTF-8", "en"), ("C", "en")]
)
def test_the_language_defaults_to_the_locale(
    run_pvm: RunPvm, tmp_path: Path, locale: str, language: str
) -> None:
    path = tmp_path / "m.toml"
    assert run_pvm("new", str(path), env={"LANG": locale}).returncode == 0
    assert store.load(path).saved.language == language


def test_new_never_overwrites(run_pvm: RunPvm, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("# my own work\n", encoding="utf-8")
    result = run_pvm("new", str(path), "--name", "Other")
    assert result.returncode == 2
    assert (
        result.stderr
        == f"pvm: {path}: already exists; pvm new never overwrites a file (open it with `pvm {path}`)\n"
    )
    assert path.read_text(encoding="utf-8") == "# my own work\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.toml"]


def test_new_in_a_missing_folder_or_on_a_folder(run_pvm: RunPvm, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "m.toml"
    missing = run_pvm("new", str(target))
    assert missing.returncode == 2
    assert missing.stderr == f"pvm: {target}: the folder {target.parent} does not exist; create it first\n"
    assert not (tmp_path / "nowhere").exists()
    folder = run_pvm("new", str(tmp_path))
    assert folder.returncode == 2 and "is a folder" in folder.stderr and "Traceback" not in folder.stderr


def test_new_in_the_current_folder(run_pvm: RunPvm, tmp_path: Path) -> None:
    assert run_pvm("new", "here.toml", cwd=tmp_path).returncode == 0
    assert store.load(tmp_path / "here.toml").saved.company.name == ""
