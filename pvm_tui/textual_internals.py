"""Every place pvm reaches into Textual's insides, each with its reason (Textual is pinned at 8.2.8).

Nothing else in pvm touches a private name of Textual's parser or driver;
``tests/test_textual_internals.py`` fails on any other Textual version, so
that an upgrade re-checks each use below before it ships.
"""

from __future__ import annotations

from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver

TEXTUAL_VERSION = "8.2.8"
"""The Textual these uses were checked against."""

__all__ = ["TEXTUAL_VERSION", "LinuxDriver", "XTermParser", "forget_sequence", "in_sequence"]


def in_sequence(parser: XTermParser) -> bool:
    """True while the parser holds the start of an escape sequence and waits for the rest.

    Why: after the last byte of a sequence pvm must know whether Textual took
    it as a key, a mouse event or a report, or is still waiting (it did not
    know it). The parser asks for its next character with a timeout only
    inside a sequence (``read1(ESCAPE_DELAY)``), never between keys.
    """
    return parser._awaiting.timeout is not None


def forget_sequence(parser: XTermParser) -> None:
    """Make the parser drop the sequence it holds, as if it had never seen it.

    Why: Textual turns a sequence it does not know into keys: the ESC becomes
    ``^`` (or alt+ the next key) and the rest is typed, so Esc followed fast
    by a key put ``^n`` in a cell. pvm decides itself what those characters
    were (``terminal_input.py``) and starts the parse over. The parse is a
    generator whose only state between sequences is the bracketed-paste
    flag, and pvm never does this inside a paste.
    """
    parser._gen.close()
    parser._gen = parser.parse(parser._tokens.append)
    parser._awaiting = next(parser._gen)
    parser._timeout_time = None


# LinuxDriver: ``terminal_input.TerminalDriver`` replaces its ``run_input_thread``
# (the loop that reads the terminal), using ``fileno``, ``exit_event``,
# ``_debug`` and ``process_message`` as Textual's own loop does. Why: Textual's
# loop builds its own XTermParser, and at the end of input (a terminal closed
# without a hang-up) it goes round reading nothing forever.
