"""`-o -` and `-o /dev/stdout` both mean standard output, for `pvm export` and `pvm template`.

Standard output may be a pipe or a file it was redirected to; either way
the bytes go down the stream, exactly as without ``-o``, and a redirected
file is written to, not replaced. Standard output that cannot take the text
(a full disk) or that is closed is one line and exit status 2, for every
command that prints.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NL = REPO / "samples" / "tinnitracks.toml"

COMMANDS = {
    "export csv": ("export", str(NL), "-f", "csv"),
    "export md": ("export", str(NL), "-f", "md"),
    "export html": ("export", str(NL), "-f", "html"),
    "template": ("template", "--lang", "en"),
}


def pvm(*arguments: str, stdout: int | object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "pvm_tui", *arguments],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )


@pytest.mark.parametrize("target", ["-", "/dev/stdout", "/dev/fd/1"])
@pytest.mark.parametrize("command", COMMANDS)
def test_naming_standard_output_writes_to_the_pipe(command: str, target: str) -> None:
    expected = pvm(*COMMANDS[command]).stdout
    assert expected
    result = pvm(*COMMANDS[command], "-o", target)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == expected


@pytest.mark.parametrize("command", COMMANDS)
def test_dev_stdout_redirected_to_a_file_writes_into_that_file(command: str, tmp_path: Path) -> None:
    expected = pvm(*COMMANDS[command]).stdout
    out = tmp_path / "out"
    with out.open("wb") as handle:
        handle.write(b"before\n")
        handle.flush()
        inode = os.fstat(handle.fileno()).st_ino
        result = pvm(*COMMANDS[command], "-o", "/dev/stdout", stdout=handle)
    assert (result.returncode, result.stderr) == (0, b"")
    assert out.stat().st_ino == inode  # the same file, written to rather than replaced
    assert out.read_bytes() == b"before\n" + expected


PRINTING = {
    "show": ("show", str(NL), "--plain"),
    "show short": ("show", str(NL), "--plain", "--width", "20"),
    "check": ("check", str(NL)),
    "diff": ("diff", str(NL), str(REPO / "samples" / "tinnitracks.en.toml")),
    "export json": ("export", str(NL), "-f", "json"),
    "template": ("template",),
    "recover": ("recover",),
    "merge": ("merge", str(NL), str(NL), str(NL), "-o", "-"),
}


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("command", PRINTING)
def test_a_full_standard_output_is_one_line_and_exit_status_2(command: str, tmp_path: Path) -> None:
    # /dev/full answers every write with "no space left on device", as a full disk does.
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "pvm_tui", *PRINTING[command]],
            stdout=full,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(REPO), "XDG_STATE_HOME": str(tmp_path)},
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.decode() == "pvm: cannot write to standard output: no space left on device\n"


@pytest.mark.parametrize("command", PRINTING)
def test_a_closed_standard_output_is_one_line_and_exit_status_2(command: str, tmp_path: Path) -> None:
    # `pvm check FILE >&-`: Python starts with no sys.stdout at all.
    result = subprocess.run(
        [sys.executable, "-m", "pvm_tui", *PRINTING[command]],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO), "XDG_STATE_HOME": str(tmp_path)},
        preexec_fn=lambda: os.close(1),
        timeout=60,
    )
    assert (result.returncode, result.stderr.decode()) == (
        2,
        "pvm: cannot write to standard output: it is closed\n",
    )


def test_with_standard_output_closed_an_export_to_a_file_still_works(tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    result = subprocess.run(
        [sys.executable, "-m", "pvm_tui", "export", str(NL), "-f", "csv", "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        preexec_fn=lambda: os.close(1),
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert out.read_bytes() == pvm("export", str(NL), "-f", "csv").stdout


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_output_encoding_without_pvms_characters_gets_stand_ins_not_a_traceback(
    encoding: str, tmp_path: Path
) -> None:
    """`pvm check` in a Latin-1 terminal stopped at the first ⇄ with a UnicodeEncodeError."""
    environment = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": encoding}
    checked = subprocess.run(
        [sys.executable, "-m", "pvm_tui", "check", str(NL)], capture_output=True, env=environment, timeout=60
    )
    assert (checked.returncode, checked.stderr) == (0, b"")
    assert checked.stdout.startswith(b"1. Sennheiser: ? wederzijds ")  # ⇄ is in neither
    made = subprocess.run(
        [sys.executable, "-m", "pvm_tui", "new", "m\u21c4.toml"],
        capture_output=True,
        env=environment,
        cwd=tmp_path,
        timeout=60,
    )
    assert (made.returncode, made.stderr) == (0, b"")
    assert (tmp_path / "m\u21c4.toml").exists()
