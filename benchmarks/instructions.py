"""First paint counted in instructions: pvm against the floor app, under callgrind.

Wall-clock times of a 0.2 s start wander by 10 to 20 % from run to run on a
shared machine. The number of instructions a process executes up to its
first frame does not (callgrind counts them; the same run twice agrees to
within 0.1 %, whatever else the machine does), so this ratio is the steady
companion of the timed one in run.py. It is split in two: the imports (pvm's
own modules and what the floor imports) and the rest of the way to the first
frame. Instructions are not time (a cache miss costs more than an add), so
the budget stays on the timed ratio; this one says where the difference lies.

Needs valgrind; without it, says so and skips.
"""

from __future__ import annotations

import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST_FRAME = HERE / "first_frame.py"

FLOOR_IMPORTS = (
    "import tomllib; from rich.text import Text; "
    "from textual.app import App; from textual.widgets import DataTable"
)
"""What floor_app.py imports."""
PVM_IMPORTS = (
    "import gc; gc.disable(); import pvm_tui.cli, pvm_tui.launch, pvm_tui.app, pvm_tui.terminal_input"
)
"""What `pvm FILE` imports on the way to its first frame (with the garbage collector off, as pvm has it)."""


def counted(argv: list[str], *, terminal: bool) -> int:
    """The instructions ``argv`` executes, counted by callgrind (on a 120x40 pty if ``terminal``)."""
    with tempfile.TemporaryDirectory(prefix="pvm-bench-") as folder:
        out = Path(folder) / "callgrind.out"
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv]
        environment = dict(
            os.environ,
            PYTHONHASHSEED="0",  # the same hashes, so the same dict and set work, in every run
            TERM="xterm-256color",
            COLUMNS="120",
            LINES="40",
            XDG_STATE_HOME=str(Path(folder) / "state"),
        )
        if terminal:
            _run_on_pty(command, environment)
        else:
            subprocess.run(command, env=environment, capture_output=True, check=True)
        found = re.search(r"^totals: (\d+)", out.read_text(), re.MULTILINE)
        if found is None:
            raise RuntimeError(f"callgrind wrote no totals for {' '.join(argv)}")
        return int(found.group(1))


def _run_on_pty(command: list[str], environment: dict[str, str]) -> None:
    import fcntl
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: become the program
        os.execvpe(command[0], command, environment)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    try:
        while True:  # read what it writes until it ends, so that it never blocks on a full pty
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
    finally:
        os.waitpid(pid, 0)
        os.close(fd)


def paint_instructions(sample: Path, first_partner: str, pvm: list[str], floor_app: Path) -> None:
    print(f"\n1b. First paint in instructions (callgrind), until '{first_partner}' is written")
    if shutil.which("valgrind") is None:
        print("  skipped: valgrind is not installed")
        return
    python = sys.executable
    until_painted = [python, str(FIRST_FRAME), first_partner]
    whole = {
        "pvm": counted([*until_painted, *pvm[1:], str(sample)], terminal=True),
        "floor": counted([*until_painted, str(floor_app), str(sample)], terminal=True),
    }
    nothing = counted([python, "-c", "pass"], terminal=False)
    floor_imports = counted([python, "-c", FLOOR_IMPORTS], terminal=False)
    both_imports = counted([python, "-c", f"{FLOOR_IMPORTS}; {PVM_IMPORTS}"], terminal=False)
    imports = {"floor": floor_imports - nothing, "pvm": both_imports - floor_imports}
    for name in ("floor", "pvm"):
        print(f"  {name:<6} {whole[name] / 1e6:8.0f} M instructions")
    print(f"  ratio pvm / floor: {whole['pvm'] / whole['floor']:.3f}   (the timed budget is <= 1.00)")
    print(f"  the floor's imports (Textual, Rich, tomllib)   {imports['floor'] / 1e6:6.0f} M")
    print(f"  pvm's own modules, imported after those      + {imports['pvm'] / 1e6:6.0f} M")
    print(f"  pvm's whole difference from the floor        + {(whole['pvm'] - whole['floor']) / 1e6:6.0f} M")
