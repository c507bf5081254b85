"""`pvm check FILE`: validate a matrix file, report each partner's mutual value, and what to fix first.

A file that cannot be used never reaches this module's output: loading it
raises ``MatrixFileError``, which the CLI prints as one line, exit status 2.
A valid file prints one line per partner (its balance marker and word in
the file's language, and its status and influence when known) and the
summary. Cells that still hold a merge conflict (both versions between
markers, as `pvm merge` leaves them) are listed next, and make the exit
status 1 until every one is resolved. Last comes what to fix first
(``pvm_tui.reflection``): every partner that is not mutual yet, the most
influential first, each with the method's question for its missing side.
Exit status 0; with ``--strict``, 1 when any partner is one-sided or still
empty, because neither is a mutual partnership yet.
"""

from __future__ import annotations

import argparse
import sys

from pvm_tui import balance_marks, store
from pvm_tui.labels import Labels, labels_for, language_from_locale
from pvm_tui.merge.found import conflicts_in, describe
from pvm_tui.merge.words import words_for
from pvm_tui.model import Balance, Matrix
from pvm_tui.reflection import fix_first
from pvm_tui.text import one_line

EXIT_OK, EXIT_NOT_MUTUAL = 0, 1
"""1 also while a merge conflict remains: the file is not finished."""


def report(matrix: Matrix, labels: Labels) -> list[str]:
    """The lines `pvm check` prints for a valid matrix."""
    lines = []
    for number, partner in enumerate(matrix.partners, start=1):
        name = one_line(partner.name) or labels.unnamed_partner
        said = [balance_marks.words(partner.balance, labels)]
        facts = labels.partner_facts(partner.status, partner.influence)
        if facts:
            said.append(facts)
        lines.append(f"{number}. {name}: {' · '.join(said)}")
    counts = matrix.balance_summary
    lines.append(labels.balance_summary(counts.balanced, counts.one_sided, counts.empty))
    conflicts = conflicts_in(matrix)
    if conflicts:
        words = words_for(labels.code)
        lines.append(words.check_conflicts.format(count=len(conflicts)))
        lines += [f"  {describe(conflict, matrix, labels, words)}" for conflict in conflicts]
        lines.append(words.check_hint)
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
    if conflicts_in(matrix):
        return EXIT_NOT_MUTUAL
    if options.strict and any(partner.balance is not Balance.BALANCED for partner in matrix.partners):
        return EXIT_NOT_MUTUAL
    return EXIT_OK
