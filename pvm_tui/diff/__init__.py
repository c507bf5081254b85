"""Semantic comparison of two matrices: what changed, in words, for people and for git.

``compare`` finds the differences (``compare.py``, with partners paired by
``match.py`` and texts compared word by word in ``marks.py``); ``report``
puts them in the user's language (``words.py``) as Rich or plain text.
Nothing here reads files or imports Textual.
"""

from pvm_tui.diff.compare import MatrixDiff, compare
from pvm_tui.diff.report import report, to_plain, to_text
from pvm_tui.diff.words import words_for

__all__ = ["MatrixDiff", "compare", "report", "to_plain", "to_text", "words_for"]
