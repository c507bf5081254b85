"""Opens the editor for `pvm [FILE]`; the only module of the CLI that imports Textual."""

from __future__ import annotations

import argparse
import sys


def run_editor(options: argparse.Namespace) -> int:
    """Start the editor as the options say; returns the exit status."""
    print("pvm: the editor is not built yet; try `pvm show FILE`.", file=sys.stderr)
    return 0
