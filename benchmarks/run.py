"""pvm's benchmark: every figure side by side with its floor, as ratios.

Run from a checkout with the test extra installed:

    python benchmarks/run.py [--quick]

1. time to first paint over a real pseudo-terminal, pvm against the smallest
   Textual app that shows the same file (floor_app.py);
2. the commands that do not open the editor against importing tomlkit and rich;
3. scale: 5, 20, 100 and 1,000 generated partners: first paint, peak memory, save, and
   the p50/p95 latency of cursor moves, cell edits, adding, deleting and moving a
   partner, and switching rows between compact and whole text (`w`);
4. comparing a 100 KB cell: the word diff, the recovery dialog, `pvm diff`
   (long_cells.py);
5. showing a 100 KB cell: the grid, whole text, the card, `pvm show`, the
   filter (huge_cells.py), in the long-cells part;
6. the editor with a 100 KB cell, key by key through Pilot: opening it, typing,
   the cursor, undo, Esc, `w`, ctrl+o, the recovery dialog (huge_cells.py), in
   the long-cells part;
7. a big matrix, 15,000 and 20,000 partners, key by key through Pilot: the
   longest each key that touches every row holds the UI thread (big_matrix.py),
   only with ``--big`` (a few minutes).

1b. with 1: the same first paint counted in instructions under callgrind, which
   do not wander as times do on a shared machine (instructions.py; skipped
   without valgrind).

``--only NAME`` runs one of them (paint, instructions, commands, scale, long-cells, big).

Absolute times drift on shared machines; ratios measured in one run do not.
Nothing here is asserted: the budgets live in the README's table.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]

from big_matrix import big_matrix  # noqa: E402
from generate import write_matrix  # noqa: E402
from huge_cells import huge_cell_keys, huge_cells  # noqa: E402
from instructions import paint_instructions  # noqa: E402
from long_cells import long_cells  # noqa: E402
from pty_paint import time_to_text  # noqa: E402

SAMPLE = REPO / "samples" / "tinnitracks.toml"
FIRST_PARTNER = "Sennheiser"
PVM = [sys.executable, "-m", "pvm_tui"]
FLOOR_APP = [sys.executable, str(HERE / "floor_app.py")]
SIZES = (5, 20, 100, 1000)
"""Realistic sizes (5, 20, 100 partners) and a stress size (1,000)."""
BUDGET_MS = {5: 30, 20: 30, 100: 30, 1000: 100}
"""The p95 budget of each interaction at each size."""


def spread(values: list[float]) -> tuple[float, float, float]:
    return min(values), statistics.median(values), max(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def line(label: str, values: list[float]) -> float:
    low, middle, high = spread(values)
    print(f"  {label:<34} min {ms(low)}  median {ms(middle)}  max {ms(high)}")
    return middle


def paint_times(argv: list[str], text: str, runs: int) -> tuple[list[float], list[int]]:
    times, memory = [], []
    for _ in range(runs):
        paint = time_to_text(argv, text)
        times.append(paint.seconds)
        memory.append(paint.peak_memory_kib)
    return times, memory


def first_paint(runs: int) -> float:
    print(f"\n1. Time to first paint over a pty (120x40), {runs} runs each, until '{FIRST_PARTNER}' shows")
    # Alternate the two so that drift on a shared machine hits both alike.
    pvm, floor = [], []
    for _ in range(runs):
        pvm += paint_times([*PVM, str(SAMPLE)], FIRST_PARTNER, 1)[0]
        floor += paint_times([*FLOOR_APP, str(SAMPLE)], FIRST_PARTNER, 1)[0]
    pvm_median = line("pvm samples/tinnitracks.toml", pvm)
    floor_median = line("floor app (tomllib + DataTable)", floor)
    print(f"  ratio pvm / floor: {pvm_median / floor_median:.2f}   (budget <= 1.00)")
    return pvm_median


def run_times(argv: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return times


def commands(runs: int) -> None:
    print(f"\n2. Commands that do not open the editor, {runs} runs each")
    floor = line(
        "floor: import tomlkit, rich.console",
        run_times([sys.executable, "-c", "import tomlkit, rich.console"], runs),
    )
    for name, argv in (
        ("pvm show", [*PVM, "show", str(SAMPLE)]),
        ("pvm check", [*PVM, "check", str(SAMPLE)]),
        ("pvm export --format csv", [*PVM, "export", str(SAMPLE), "--format", "csv"]),
    ):
        median = line(name, run_times(argv, runs))
        print(f"  {'':<34} ratio {median / floor:.2f}   (budget <= 1.30)")


def save_times(path: Path, runs: int) -> tuple[float, list[float]]:
    """The first save of a session (one cell changed: its partner's table is rewritten) and later saves."""
    from pvm_tui import store
    from pvm_tui.model import COLUMN_BY_KEY

    column = COLUMN_BY_KEY["brings.money"]
    matrix_file = store.load(path)
    matrix = matrix_file.saved
    start = time.perf_counter()
    store.save(matrix_file, matrix.with_cell(0, column, "eerste"), backup=True)
    first = time.perf_counter() - start
    later = []
    for run in range(runs):
        matrix = matrix_file.saved.with_cell(run % len(matrix), column, f"wijziging {run}\nregel twee")
        start = time.perf_counter()
        store.save(matrix_file, matrix, backup=True)
        later.append(time.perf_counter() - start)
    return first, later


def scale(runs: int, sizes: tuple[int, ...], sample_paint: float) -> None:
    print(f"\n3. Scale: generated matrices, multi-line text in every cell, {runs} runs each")
    from interactions import measure_interactions, percentiles

    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = write_matrix(Path(folder), size)
            print(f"\n  {size} partners ({path.stat().st_size / 1000:.0f} kB)")
            paint, memory = paint_times([*PVM, str(path)], "Partner 00000", runs)
            floor_paint, floor_memory = paint_times([*FLOOR_APP, str(path)], "Partner 00000", runs)
            row = {"paint": line("first paint", paint)}
            line("floor app first paint", floor_paint)
            row["paint_vs_sample"] = row["paint"] / sample_paint
            print(
                f"  {'':<34} ratio to pvm on the sample {row['paint_vs_sample']:.2f}"
                "   (budget <= 1.5 at 1,000)"
            )
            row["memory"] = statistics.median(memory) / 1024
            floor_mib = statistics.median(floor_memory) / 1024
            print(
                f"  {'peak memory':<34} {row['memory']:8.1f} MiB, floor app {floor_mib:.1f} MiB, "
                f"ratio {row['memory'] / floor_mib:.2f}   (budget <= 1.5 at 1,000)"
            )
            first, later = save_times(path, runs)
            print(f"  {'first save of a session':<34} {ms(first)}")
            row["save"] = line("save", later)
            for name, samples in measure_interactions(path).items():
                p50, p95 = percentiles(samples)
                row[name] = p95
                print(f"  {name:<34} p50 {ms(p50)}  p95 {ms(p95)}   (budget p95 <= {BUDGET_MS[size]} ms)")
                if name == "switch rows (w)":
                    # The first switch to whole text wraps every cell; later ones reuse that.
                    print(f"  {'  the first switch':<34} {ms(samples[0])}")
            results[size] = row
    if 100 in results and 1000 in results:
        print("\n  growth from 100 to 1,000 partners:")
        for key, value in results[1000].items():
            if key not in ("paint_vs_sample",):
                print(f"    {key:<32} {value / results[100][key]:6.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (default 7)")
    parser.add_argument("--quick", action="store_true", help="3 runs, and sizes up to 100 partners")
    parser.add_argument(
        "--only",
        choices=("paint", "instructions", "commands", "scale", "long-cells", "big"),
        help="run only this part",
    )
    parser.add_argument("--big", action="store_true", help="also the big matrix (15,000 and 20,000 partners)")
    options = parser.parse_args()
    runs = 3 if options.quick else options.runs
    sizes = SIZES[:3] if options.quick else SIZES
    print(f"pvm benchmark, Python {sys.version.split()[0]}, {runs} runs per figure")
    # Measure pvm as installed: pip compiles an installed package's bytecode (and the floor's
    # libraries have theirs), but an editable checkout run with PYTHONDONTWRITEBYTECODE=1 would
    # compile every module from source on every run.
    compileall.compile_dir(REPO / "pvm_tui", quiet=1)
    if options.only == "commands":
        commands(runs * 2)
    elif options.only == "instructions":
        paint_instructions(SAMPLE, FIRST_PARTNER, PVM, HERE / "floor_app.py")
    elif options.only == "long-cells":
        long_cells(runs)
        huge_cells(runs)
        huge_cell_keys(runs)
    elif options.only == "big":
        big_matrices()
    elif options.only is not None:
        sample_paint = first_paint(runs)
        if options.only == "scale":
            scale(runs, sizes, sample_paint)
    else:
        sample_paint = first_paint(runs)
        paint_instructions(SAMPLE, FIRST_PARTNER, PVM, HERE / "floor_app.py")
        commands(runs * 2)
        scale(runs, sizes, sample_paint)
        long_cells(runs)
        huge_cells(runs)
        huge_cell_keys(runs)
        if options.big:
            big_matrices()


def big_matrices() -> None:
    for partners in (15_000, 20_000):
        big_matrix(partners)


if __name__ == "__main__":
    main()
