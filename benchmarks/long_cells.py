"""Comparing long cells: a word diff, `pvm diff` and the recovery dialog's comparison.

A cell of 100 KB (a pasted report, say) must compare in under a second,
however it was changed. The texts are built from a vocabulary with a few
very common words, as prose has, and changed in three ways: one word added
in the middle, one word in fifty replaced throughout, and written anew.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

CELL_BYTES = 100_000
BUDGET_SECONDS = 1.0


def prose(size: int, seed: int) -> str:
    """About ``size`` characters of word salad whose word counts fall off as in real text."""
    generator = random.Random(seed)
    vocabulary = [f"woord{index}" for index in range(3000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    words: list[str] = []
    length = 0
    while length < size:
        sentence = generator.choices(vocabulary, weights, k=generator.randint(6, 20))
        words.append(" ".join(sentence) + ".")
        length += len(words[-1]) + 1
    return " ".join(words)


def changes(size: int = CELL_BYTES) -> dict[str, tuple[str, str]]:
    """Pairs of (old, new) texts, named by how the new one was made."""
    old = prose(size, seed=1)
    middle = old.index(" ", len(old) // 2)
    words = old.split(" ")
    return {
        "one word added": (old, old[:middle] + " toegevoegd" + old[middle:]),
        "1 word in 50 replaced": (old, " ".join("ANDERS" if i % 50 == 0 else w for i, w in enumerate(words))),
        "written anew": (old, prose(size, seed=2)),
    }


def median_seconds(job: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def _matrix_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(f'[[partners]]\nname = "Lang"\n\n[partners.brings]\nother = "{body}"\n', encoding="utf-8")
    return path


def long_cells(runs: int) -> None:
    from pvm_tui.diff.marks import word_diff
    from pvm_tui.labels import labels_for
    from pvm_tui.model import COLUMN_BY_KEY, Matrix, Partner
    from pvm_tui.screens.recovery_dialog import changes_text
    from pvm_tui.ui_text import ui_text

    print(
        f"\n4. Comparing a {CELL_BYTES // 1000} KB cell, {runs} runs each (budget < {BUDGET_SECONDS:.0f} s)"
    )
    column = COLUMN_BY_KEY["brings.other"]
    labels = labels_for("nl")
    for name, (old, new) in changes().items():
        words = median_seconds(lambda old=old, new=new: word_diff(old, new), runs)
        before = Matrix(partners=(Partner(name="Lang"),)).with_cell(0, column, old)
        after = before.with_cell(0, column, new)
        dialog = median_seconds(
            lambda before=before, after=after: changes_text(before, after, labels, ui_text("nl")), runs
        )
        with tempfile.TemporaryDirectory() as folder:
            old_file = _matrix_file(Path(folder), "old.toml", old)
            new_file = _matrix_file(Path(folder), "new.toml", new)
            argv = [sys.executable, "-m", "pvm_tui", "diff", str(old_file), str(new_file)]
            command = median_seconds(lambda argv=argv: subprocess.run(argv, stdout=subprocess.DEVNULL), runs)
        print(
            f"  {name:<24} word diff {words * 1000:7.1f} ms   recovery dialog {dialog * 1000:7.1f} ms"
            f"   pvm diff (whole command) {command * 1000:7.1f} ms"
        )


if __name__ == "__main__":
    long_cells(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
