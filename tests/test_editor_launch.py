"""`pvm FILE` refuses an unusable file before the editor starts: one line, exit status 2."""

from __future__ import annotations

from pathlib import Path


def test_a_broken_file_is_one_line_and_status_2(run_pvm, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("partners = 3\n[[\n", encoding="utf-8")
    result = run_pvm(str(bad))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"pvm: {bad}")
    assert "Traceback" not in result.stderr


def test_a_file_in_a_missing_folder_is_refused(run_pvm, tmp_path: Path) -> None:
    result = run_pvm(str(tmp_path / "nowhere" / "x.toml"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_read_only_needs_an_existing_file(run_pvm, tmp_path: Path) -> None:
    result = run_pvm(str(tmp_path / "new.toml"), "--read-only")
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_the_cli_commands_do_not_import_the_editor() -> None:
    import subprocess
    import sys

    code = "import sys, pvm_tui.document, pvm_tui.keys, pvm_tui.history, pvm_tui.navigation, pvm_tui.recent; "
    code += "print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert out.stdout.strip() == "False"


def test_without_a_terminal_for_its_keys_the_editor_is_one_line_and_status_2(run_pvm, tmp_path: Path) -> None:
    """`pvm FILE < /dev/null`, `echo q | pvm FILE`: a traceback, or a terminal left in full-screen mode."""
    import shutil

    from conftest import SAMPLES

    path = tmp_path / "m.toml"
    shutil.copy(SAMPLES / "tinnitracks.en.toml", path)
    before = path.read_bytes()
    for arguments in ([str(path)], ["--example"], []):
        result = run_pvm(*arguments, input="q\n")  # a pipe, not a terminal
        said = "pvm: the editor needs a terminal, and standard input is not one; "
        said += "`pvm show FILE` prints a matrix"
        assert (result.returncode, result.stderr) == (2, said + "\n")
        assert result.stdout == ""
    assert path.read_bytes() == before
