"""`pvm template`: the blank Partner Value Matrix for printing, as one HTML page."""

from __future__ import annotations

import argparse
import sys

from pvm_tui.labels import labels_for, language_from_locale
from pvm_tui.poster.output import deliver
from pvm_tui.poster.template import MAX_PARTNERS, render_template

EXIT_OK, EXIT_ERROR = 0, 2


def run(options: argparse.Namespace) -> int:
    """Write the template in the chosen language, paper and number of rows."""
    if not 1 <= options.partners <= MAX_PARTNERS:
        print(
            f"pvm template: --partners must be between 1 and {MAX_PARTNERS}, not {options.partners}",
            file=sys.stderr,
        )
        return EXIT_ERROR
    labels = labels_for(options.lang or language_from_locale())
    page = render_template(labels, partners=options.partners, paper=options.paper)
    deliver(page, options.output)
    return EXIT_OK
