"""Make docs/screenshot.svg: the editor on the Tinnitracks example at 120x40, by Textual's own export.

Run from the repository root:  python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = ROOT / "docs" / "screenshot.svg"


async def screenshot() -> str:
    """The SVG of the English example in step 3: the card shows what a partner brings beside what it gets."""
    from pvm_tui.app import PvmApp
    from pvm_tui.document import open_example

    app = PvmApp(open_example("en"), "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "3")
        await pilot.pause()
        return app.export_screenshot(title="pvm --example")


def main() -> None:
    with tempfile.TemporaryDirectory() as state:
        # Compact rows, as pvm starts for a new user, whatever this machine's user chose with `w`.
        os.environ["XDG_STATE_HOME"] = state
        TARGET.write_text(asyncio.run(screenshot()), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
