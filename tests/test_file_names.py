"""Every file name pvm prints is shown as cell text is: terminal codes made visible, on one line.

A file's name is text someone else may have chosen (a shared folder, a
cloned repository); it must not retitle the terminal or start a new line
that reads like pvm's own output.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

RunPvm = Callable[..., subprocess.CompletedProcess[str]]

EVIL = "e\x1b]0;T\x07\nx.toml"
SHOWN = "e␛]0;T␇␊x.toml"


def assert_harmless(result: subprocess.CompletedProcess[str]) -> None:
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x07" not in stream


def test_new_names_the_file_it_wrote_harmlessly(run_pvm: RunPvm, tmp_path: Path) -> None:
    result = run_pvm("new", EVIL, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / EVIL).exists()
    assert_harmless(result)
    assert result.stdout.count("\n") == 1
    assert result.stdout.startswith(f"pvm: wrote a blank matrix to {SHOWN}; open it with `pvm '{SHOWN}'`")
    again = run_pvm("new", EVIL, cwd=tmp_path)
    assert again.returncode == 2
    assert_harmless(again)
    assert again.stderr.count("\n") == 1 and SHOWN in again.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ("show", EVIL),
        ("check", EVIL),
        ("export", EVIL, "-f", "csv"),
        ("export", "m.toml", "-f", "csv", "-o", f"{EVIL}/out.csv"),
        ("diff", EVIL, "m.toml"),
        ("template", "-o", f"{EVIL}/out.html"),
        ("show", "m.toml", EVIL),  # a stray argument, quoted back by the usage error
    ],
)
def test_every_command_names_a_file_it_cannot_use_harmlessly(
    run_pvm: RunPvm, tmp_path: Path, arguments: tuple[str, ...]
) -> None:
    (tmp_path / "m.toml").write_text('[[partners]]\nname = "A"\n', encoding="utf-8")
    result = run_pvm(*arguments, cwd=tmp_path)
    assert result.returncode == 2
    assert_harmless(result)
    assert "␛]0;T␇␊x.toml" in result.stderr
    assert result.stdout == ""


def test_merge_names_the_file_with_conflicts_harmlessly(run_pvm: RunPvm, tmp_path: Path) -> None:
    base, theirs = tmp_path / "base.toml", tmp_path / "theirs.toml"
    ours = tmp_path / EVIL
    base.write_text('[project]\nname = "a"\n', encoding="utf-8")
    ours.write_text('[project]\nname = "b"\n', encoding="utf-8")
    theirs.write_text('[project]\nname = "c"\n', encoding="utf-8")
    result = run_pvm("merge", str(base), EVIL, str(theirs), cwd=tmp_path)
    assert result.returncode == 1
    assert_harmless(result)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"pvm merge: {SHOWN}: ")


def test_merge_to_dev_stdout_writes_to_standard_output(run_pvm: RunPvm, tmp_path: Path) -> None:
    paths = []
    for name, value in (("base", "a"), ("ours", "b"), ("theirs", "a")):
        path = tmp_path / f"{name}.toml"
        path.write_text(f'[[partners]]\nname = "{value}"\n', encoding="utf-8")
        paths.append(str(path))
    result = run_pvm("merge", *paths, "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert 'name = "b"' in result.stdout
    assert (tmp_path / "ours.toml").read_text(encoding="utf-8") == '[[partners]]\nname = "b"\n'
