"""`pvm merge BASE OURS THEIRS [-o OUT]`: the merged file, what survives in it, and the exit status."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from conftest import SAMPLES

from pvm_tui import store
from pvm_tui.merge.output import merged_text
from pvm_tui.merge.three_way import merge
from pvm_tui.model import COLUMN_BY_KEY

RunPvm = Callable[..., subprocess.CompletedProcess[str]]
ORIGINAL = (SAMPLES / "tinnitracks.en.toml").read_text(encoding="utf-8")


def versions(tmp_path: Path, ours: str, theirs: str) -> tuple[Path, Path, Path]:
    paths = []
    for name, text in (("base", ORIGINAL), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1], paths[2]


OURS = ORIGINAL.replace('name = "Sennheiser"', '# ours: ask about the new model\nname = "Sennheiser GmbH"')
THEIRS = ORIGINAL.replace(
    'name = "Tinnitracks"', 'name = "Tinnitracks"\nwebsite = "tinnitracks.example"'
).replace('name = "Health insurers"', 'name = "Health insurance funds"  # theirs: the official term')


def test_a_clean_merge_writes_into_ours_with_both_sides_comments_and_unknown_keys(
    tmp_path: Path, run_pvm: RunPvm
) -> None:
    base, ours, theirs = versions(tmp_path, OURS, THEIRS)
    result = run_pvm("merge", str(base), str(ours), str(theirs))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    text = ours.read_text(encoding="utf-8")
    assert '# ours: ask about the new model\nname = "Sennheiser GmbH"' in text
    assert 'name = "Health insurance funds"  # theirs: the official term' in text
    assert 'website = "tinnitracks.example"' in text
    # Everything else is byte for byte as it was.
    assert text.replace("# ours: ask about the new model\n", "").replace(" GmbH", "") == THEIRS
    assert not (tmp_path / "ours.toml~").exists()  # no stray file beside git's %A


def test_the_other_sides_comments_survive_when_pvm_merges_its_own_changes(tmp_path: Path) -> None:
    """As in the editor: ours is the file pvm read plus unsaved edits; theirs was rewritten by hand."""
    base, _, theirs = versions(tmp_path, ORIGINAL, THEIRS)
    opened = store.load(base)
    mine = opened.saved.with_cell(3, COLUMN_BY_KEY["gets.other"], "referrals")
    result = merge(opened.saved, mine, store.load(theirs).saved)
    text = merged_text(result, store.load(base), opened, store.load(theirs))
    assert 'website = "tinnitracks.example"' in text
    assert "# theirs: the official term" in text
    assert store.parse(text)[0].partners[3].gets.other == "referrals"


def test_conflicts_exit_1_keep_valid_toml_and_are_listed(tmp_path: Path, run_pvm: RunPvm) -> None:
    mine = ORIGINAL.replace('"Return on their investment"', '"Return on their investment, in 5 years"')
    theirs_text = ORIGINAL.replace('"Return on their investment"', '"Dividend"')
    base, ours, theirs = versions(tmp_path, mine, theirs_text)
    result = run_pvm("merge", str(base), str(ours), str(theirs), "-o", str(tmp_path / "merged.toml"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"pvm merge: {tmp_path / 'merged.toml'}: 1 conflict",
        '  partner 3 "Funds (Innovationsfonds Hamburg & High-Tech Gründerfonds)" · '
        "What do they get out of it? · € (money)",
    ]
    merged = store.load(tmp_path / "merged.toml").saved
    assert merged.partners[2].gets.money == (
        "<<<<<<< mine\nReturn on their investment, in 5 years\n=======\nDividend\n>>>>>>> theirs"
    )
    assert ours.read_text(encoding="utf-8") == mine  # -o: OURS is left alone
    check = run_pvm("check", str(tmp_path / "merged.toml"))
    assert check.returncode == 1
    assert check.stdout.splitlines()[-5:] == [
        "conflicts still to resolve: 1",
        '  partner 3 "Funds (Innovationsfonds Hamburg & High-Tech Gründerfonds)" · '
        "What do they get out of it? · € (money)",
        "in each cell keep one version (or both) and remove the lines <<<<<<<, ======= and >>>>>>>",
        "",
        "Nothing to fix first: every partner is mutual.",
    ]
    resolved = (tmp_path / "merged.toml").read_text(encoding="utf-8")
    resolved = resolved.replace(merged.partners[2].gets.money, "Dividend").replace(
        '"""Dividend"""', '"Dividend"'
    )
    (tmp_path / "merged.toml").write_text(resolved, encoding="utf-8")
    assert run_pvm("check", str(tmp_path / "merged.toml")).returncode == 0


def test_an_unreadable_file_is_one_line_exit_2_and_nothing_is_written(
    tmp_path: Path, run_pvm: RunPvm
) -> None:
    base, ours, theirs = versions(tmp_path, OURS, 'format = "partnerwaarde-matrix"\n[company\n')
    result = run_pvm("merge", str(base), str(ours), str(theirs))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"pvm: {theirs}:2")
    assert "Traceback" not in result.stderr
    assert ours.read_text(encoding="utf-8") == OURS


def test_output_never_overwrites_another_file(tmp_path: Path, run_pvm: RunPvm) -> None:
    base, ours, theirs = versions(tmp_path, OURS, THEIRS)
    other = tmp_path / "notes.toml"
    other.write_text("mine", encoding="utf-8")
    result = run_pvm("merge", str(base), str(ours), str(theirs), "-o", str(other))
    assert result.returncode == 2 and "already exists; not overwriting it" in result.stderr
    assert other.read_text(encoding="utf-8") == "mine"


def test_output_to_standard_output(tmp_path: Path, run_pvm: RunPvm) -> None:
    base, ours, theirs = versions(tmp_path, OURS, THEIRS)
    result = run_pvm("merge", str(base), str(ours), str(theirs), "-o", "-")
    assert result.returncode == 0
    assert 'name = "Sennheiser GmbH"' in result.stdout and "website" in result.stdout
    assert ours.read_text(encoding="utf-8") == OURS


BOM = b"\xef\xbb\xbf"


def test_a_byte_order_mark_in_ours_is_kept_by_a_merge_into_it(tmp_path: Path, run_pvm: RunPvm) -> None:
    """An editor that writes UTF-8 with a byte order mark: only the merged lines change, not line 1."""
    base, ours, theirs = versions(tmp_path, OURS, THEIRS)
    for path in (base, ours):
        path.write_bytes(BOM + path.read_bytes())
    assert run_pvm("merge", str(base), str(ours), str(theirs)).returncode == 0
    data = ours.read_bytes()
    assert data.startswith(BOM) and not data[3:].startswith(BOM)
    assert 'name = "Health insurance funds"  # theirs: the official term' in data.decode("utf-8")


def test_a_byte_order_mark_in_ours_is_kept_when_the_files_are_merged_as_lines(
    tmp_path: Path, run_pvm: RunPvm
) -> None:
    base, ours, theirs = (tmp_path / f"{name}.toml" for name in ("base", "ours", "theirs"))
    base.write_bytes(BOM + b"[tool]\na = 1\n")
    ours.write_bytes(BOM + b"[tool]\na = 1\nb = 2\n")
    theirs.write_bytes(b"[project]\n[tool]\na = 1\n")
    assert run_pvm("merge", str(base), str(ours), str(theirs)).returncode == 0
    assert ours.read_bytes() == BOM + b"[project]\n[tool]\na = 1\nb = 2\n"
