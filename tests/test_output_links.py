"""`pvm export -o` and `pvm template -o` never write over a matrix, also not through a link.

A write follows links, so "never over a .toml file" and "never over the
matrix being read" hold for every name on the way: the name given, each
link (links to links too), and the file at the end.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

RunPvm = Callable[..., subprocess.CompletedProcess[str]]
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "tinnitracks.en.toml"


@pytest.fixture
def matrices(tmp_path: Path) -> tuple[Path, Path]:
    source, other = tmp_path / "m.toml", tmp_path / "other.toml"
    source.write_bytes(SAMPLE.read_bytes())
    other.write_bytes(SAMPLE.read_bytes().replace(b"Tinnitracks", b"Other company"))
    return source, other


def export(run_pvm: RunPvm, source: Path, target: Path) -> subprocess.CompletedProcess[str]:
    return run_pvm("export", str(source), "-f", "csv", "-o", str(target))


def assert_refused(
    result: subprocess.CompletedProcess[str], target: Path, *untouched: tuple[Path, bytes]
) -> None:
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"pvm: {target}: ")
    assert "Traceback" not in result.stderr
    for path, before in untouched:
        assert path.read_bytes() == before
    assert not list(target.parent.glob("*~"))  # nothing was moved aside either


def test_a_link_to_another_matrix_is_refused(run_pvm: RunPvm, matrices, tmp_path: Path) -> None:
    source, other = matrices
    before = other.read_bytes()
    (tmp_path / "out.csv").symlink_to("other.toml")
    result = export(run_pvm, source, tmp_path / "out.csv")
    assert_refused(result, tmp_path / "out.csv", (other, before))
    assert f"is a link to {tmp_path / 'other.toml'}, a .toml file that may be a matrix" in result.stderr


def test_a_link_to_a_link_to_another_matrix_is_refused(run_pvm: RunPvm, matrices, tmp_path: Path) -> None:
    source, other = matrices
    before = other.read_bytes()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "middle.csv").symlink_to(other)
    (tmp_path / "out.csv").symlink_to("sub/middle.csv")
    assert_refused(export(run_pvm, source, tmp_path / "out.csv"), tmp_path / "out.csv", (other, before))


def test_a_link_to_a_matrix_with_another_ending_is_refused(run_pvm: RunPvm, matrices, tmp_path: Path) -> None:
    # The chain passes through a .toml name: the file at its end may well be a matrix.
    source, _other = matrices
    kept = tmp_path / "kept.txt"
    kept.write_bytes(SAMPLE.read_bytes())
    (tmp_path / "alias.toml").symlink_to(kept)
    (tmp_path / "out.csv").symlink_to("alias.toml")
    assert_refused(
        export(run_pvm, source, tmp_path / "out.csv"), tmp_path / "out.csv", (kept, SAMPLE.read_bytes())
    )


def test_a_link_or_hard_link_to_the_source_is_refused(run_pvm: RunPvm, matrices, tmp_path: Path) -> None:
    source, _other = matrices
    before = source.read_bytes()
    (tmp_path / "soft.csv").symlink_to(source)
    (tmp_path / "hard.csv").hardlink_to(source)
    for target in (tmp_path / "soft.csv", tmp_path / "hard.csv"):
        result = export(run_pvm, source, target)
        assert_refused(result, target, (source, before))
        assert "is the matrix being exported" in result.stderr


def test_a_link_to_an_ordinary_file_is_written_through(run_pvm: RunPvm, matrices, tmp_path: Path) -> None:
    source, _other = matrices
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "real.csv").write_text("old\n", encoding="utf-8")
    (tmp_path / "out.csv").symlink_to("data/real.csv")
    result = export(run_pvm, source, tmp_path / "out.csv")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.csv").is_symlink()
    assert "Tinnitracks" in (tmp_path / "data" / "real.csv").read_text(encoding="utf-8-sig")


def test_the_template_page_is_not_written_through_a_link_onto_a_matrix(
    run_pvm: RunPvm, matrices, tmp_path: Path
) -> None:
    _source, other = matrices
    before = other.read_bytes()
    (tmp_path / "page.html").symlink_to("other.toml")
    result = run_pvm("template", "-o", str(tmp_path / "page.html"))
    assert_refused(result, tmp_path / "page.html", (other, before))
