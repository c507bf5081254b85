"""`pvm check FILE`: validate a matrix file, report each partner's mutual value, and what to fix first.

A file that cannot be used never reaches this module's output: loading it
raises ``MatrixFileError``, which the CLI prints as one line, exit status 2.
A valid file prints one line per partner (its balance marker and word in
the file's language, and its status and influence when known), the
summary, and then what to fix first (``pvm_tui.reflection``): every
partner that is not mutual yet, the most influential first, each with the
method's question for its missing side. Exit status 0; with ``--strict``,
1 when any partner is one-sided or still empty, because neither is a
mutual partnership yet.
"""

from __future__ import annotations

import argparse
import sys

from pvm_tui import balance_marks, store
from pvm_tui.labels import Labels, labels_for, language_from_locale
from pvm_tui.model import Balance, Matrix
from pvm_tui.reflection import fix_first
from pvm_tui.text import one_line

EXIT_OK, EXIT_NOT_MUTUAL = 0, 1


def report(matrix: Matrix, labels: Labels) -> list[str]:
    """The lines `pvm check` prints for a valid matrix."""
    lines = []
    for number, partner in enumerate(matrix.partners, start=1):
        name = one_line(partner.name) or labels.unnamed_partner
        words = [balance_marks.words(partner.balance, labels)]
        facts = labels.partner_facts(partner.status, partner.influence)
        if facts:
            words.append(facts)
        lines.append(f"{number}. {name}: {' · '.join(words)}")
    counts = matrix.balance_summary
    lines.append(labels.balance_summary(counts.balanced, counts.one_sided, counts.empty))
    if matrix.partners:
        items = fix_first(matrix)
        lines.append("")
        if items:
            lines.append(labels.fix_first)
            lines.extend(f"- {item.line(labels)}" for item in items)
        else:
            lines.append(labels.nothing_to_fix)
    return lines


def run(options: argparse.Namespace) -> int:
    matrix = store.load(options.file, default_language=language_from_locale()).saved
    labels = labels_for(options.lang or matrix.language)
    sys.stdout.write("".join(line + "\n" for line in report(matrix, labels)))
    if options.strict and any(partner.balance is not Balance.BALANCED for partner in matrix.partners):
        return EXIT_NOT_MUTUAL
    return EXIT_OK
