"""`python -m pvm_tui`: the same as the `pvm` command."""

from pvm_tui.cli import main

raise SystemExit(main())
