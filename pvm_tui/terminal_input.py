"""Reading the terminal: `Esc` followed fast by a key is `Esc`, then that key; a dead terminal ends pvm.

A terminal sends `Esc` as the single byte ESC, and every arrow, function
key, mouse event and report starts with ESC too. Textual's parser collects
what follows an ESC until it knows the sequence, and one it does not know
it types back as keys, with the ESC as ``^`` or as alt+ the next key. Over
SSH, `Esc` and the next key often arrive together, so ``Esc n Esc n`` put
``^n^n`` in a cell and ``One Esc a Two`` a partner called ``One^aTwo``.

``EscapeParser`` sorts what follows an ESC by the terminal's own grammar
(ECMA-48) before Textual sees it:

- ``ESC [`` starts a control sequence (CSI): parameter bytes, then one
  final byte. Textual reads it as a key, a mouse event or a report; one it
  does not know is dropped whole, so no part of it is typed.
- ``ESC O`` and an arrow's, Home's, End's or F1-F4's letter (SS3) is that key.
- Anything else, or a pause of Textual's escape delay (``ESCDELAY``, 100 ms),
  means the ESC was the `Esc` key: `Esc` goes first, then each character
  after it as the key it is. Alt+key, which terminals send as ESC and the
  key, therefore reads as `Esc` and the key; pvm binds no alt keys.

A bracketed paste is read here, whole: every character in it is the paste's
(Textual's parser turned an ESC inside a paste into keys). Its control
characters other than line ends and tabs arrive as visible stand-ins, so a
pasted escape sequence never reaches the terminal from a cell.

``TerminalDriver`` is Textual's driver for Linux and macOS with its input
loop replaced: it reads with ``EscapeParser``, and when the terminal is gone
without a hang-up signal (the SSH connection died, the pseudo-terminal was
closed: reading gives end of file or an error) it raises SIGHUP itself, so
pvm keeps the unsaved text and ends as on any hang-up, instead of reading
nothing in a loop forever.
"""

from __future__ import annotations

import codecs
import os
import selectors
import signal
import time
from collections.abc import Callable, Generator, Iterable, Iterator

from textual import constants, events
from textual.message import Message

from pvm_tui.text import harmless
from pvm_tui.textual_internals import LinuxDriver, XTermParser, forget_sequence, in_sequence

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
SS3_KEYS = "ABCDHFPQRS"
"""What follows ESC O from a key in a terminal's normal mode: arrows, Home, End, F1-F4."""
LONGEST = 32
"""Characters after which a control sequence is given up (Textual types back a longer one)."""

_GROUND, _ESCAPE, _CSI, _SS3, _MOUSE, _SKIP, _PASTE = range(7)


class EscapeParser(XTermParser):
    """Textual's parser, told what each ESC starts before it guesses (see the module's docstring)."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._state = _GROUND
        self._held = ""
        """ESC and what came after it, while it may still be a sequence."""
        self._deadline = 0.0
        self._mouse_left = 0
        self._pasted: list[str] = []

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # end of input
            if self._state in (_ESCAPE, _CSI, _SS3):
                yield from self._was_escape()
            yield from super().feed(data)
            return
        position, size = 0, len(data)
        while position < size:
            state = self._state
            if state == _GROUND:
                escape = data.find(ESC, position)
                end = size if escape < 0 else escape
                if end > position:
                    yield from super().feed(data[position:end])
                if escape >= 0:
                    yield from self._start(ESC)
                    self._state = _ESCAPE
                position = end + 1
            elif state == _PASTE:
                position = yield from self._in_paste(data, position)
            else:
                yield from self._in_sequence(data[position])
                position += 1

    def tick(self) -> Iterable[Message]:
        if self._state in (_GROUND, _PASTE):
            yield from super().tick()
        elif time.monotonic() >= self._deadline:
            # Nothing more came in time: a lone Esc (and what was typed after it).
            if self._state in (_ESCAPE, _CSI, _SS3):
                yield from self._was_escape()
            else:
                self._forget()

    def _start(self, character: str) -> Iterator[Message]:
        """Hand Textual one more character of a sequence."""
        self._held += character
        self._deadline = time.monotonic() + constants.ESCAPE_DELAY
        yield from super().feed(character)

    def _in_sequence(self, character: str) -> Iterator[Message]:
        state = self._state
        if state == _MOUSE:  # an X10 mouse report: three raw bytes after ESC [ M
            yield from self._start(character)
            self._mouse_left -= 1
            if self._mouse_left == 0:
                if in_sequence(self):
                    self._forget()
                else:
                    self._done()
            return
        if state == _SKIP:  # the rest of an overlong sequence
            if not "\x20" <= character <= "\x3f":
                self._done()
            return
        if not " " <= character <= "~":
            # No sequence goes on with this (ESC, Enter, Tab, a letter with an accent).
            yield from self._was_escape()
            yield from self.feed(character)
            return
        if state == _ESCAPE:
            if character in "[O":
                self._state = _CSI if character == "[" else _SS3
                yield from self._start(character)
            else:
                yield from self._was_escape()
                yield from self.feed(character)
        elif state == _SS3:
            if character not in SS3_KEYS:
                self._held += character
                yield from self._was_escape()
                return
            yield from self._start(character)
            if in_sequence(self):
                yield from self._was_escape()
            else:
                self._done()
        elif "\x20" <= character <= "\x3f":  # CSI: parameter and intermediate bytes
            if len(self._held) >= LONGEST:
                self._forget()
                self._state = _SKIP
            else:
                yield from self._start(character)
        elif self._held + character == PASTE_START:
            # pvm reads the paste itself: Textual's parser garbles an ESC inside one.
            self._forget()
            self._state = _PASTE
        else:  # CSI: the final byte
            yield from self._start(character)
            held = self._held
            if not in_sequence(self):
                self._done()
            elif held == "\x1b[M":
                self._state, self._mouse_left = _MOUSE, 3
            else:
                self._forget()  # a sequence Textual does not know: nothing of it is typed

    def _in_paste(self, data: str, position: int) -> Generator[Message, None, int]:
        """Collect the paste up to its end marker, then send it whole. Returns where it stopped."""
        self._pasted.append(data[position:])
        pasted = "".join(self._pasted)
        # The end marker may have come in two reads: look from just before this one.
        end = pasted.find(PASTE_END, max(len(pasted) - (len(data) - position) - len(PASTE_END), 0))
        if end < 0:
            self._pasted = [pasted]
            return len(data)
        self._pasted = []
        self._state = _GROUND
        yield events.Paste(_shown_safely(pasted[:end]))
        return len(data) - (len(pasted) - end - len(PASTE_END))

    def _was_escape(self) -> Iterator[Message]:
        """The held ESC was the Esc key: Esc, then the characters after it, each as the key it is."""
        typed = self._held[1:]
        self._forget()
        yield events.Key("escape", ESC)
        if typed:
            yield from super().feed(typed)

    def _forget(self) -> None:
        if self._held:
            forget_sequence(self)
        self._done()

    def _done(self) -> None:
        self._held = ""
        self._state = _GROUND


class TerminalDriver(LinuxDriver):
    """Textual's driver, reading keys with ``EscapeParser`` and ending pvm when the terminal is gone."""

    def run_input_thread(self) -> None:
        parser = EscapeParser(self._debug)
        decode = codecs.getincrementaldecoder("utf-8")(errors="replace").decode
        selector = selectors.DefaultSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        try:
            while not self.exit_event.is_set():
                # Wake at least every 0.1 s: a lone Esc is known by the silence after it.
                if selector.select(0.1) and not self._read(parser, decode):
                    _terminal_gone()
                    return
                self._send(parser.tick())
            # Leaving (a suspend, the end): what was already typed still counts.
            if selector.select(0):
                self._read(parser, decode)
            self._send(parser.feed(""))
        finally:
            selector.close()

    def _read(self, parser: EscapeParser, decode: Callable[[bytes], str]) -> bool:
        """Read what the terminal sent and hand on its keys; False when the terminal is gone."""
        try:
            data = os.read(self.fileno, 4096)
        except OSError:  # EIO: the other end of the terminal is closed
            return False
        if not data:
            return False
        self._send(parser.feed(decode(data)))
        return True

    def _send(self, messages: Iterable[Message]) -> None:
        for message in messages:
            self.process_message(message)


def _shown_safely(pasted: str) -> str:
    """Pasted text with its control characters as visible stand-ins (``harmless``), but line ends.

    An ESC in a paste would otherwise go into a cell as it is, and from there
    to the terminal whenever the cell editor draws it. A terminal sends the
    line ends of a paste as CR, which the editors read as line breaks; NUL
    is dropped, as Textual drops it.
    """
    return "\r".join(harmless(part) for part in pasted.replace("\x00", "").split("\r"))


def _terminal_gone() -> None:
    """The terminal is gone but no SIGHUP came (no controlling terminal, a dead SSH link): send it.

    pvm's SIGHUP handler writes the recovery copy and ends the app; without
    one the process ends as on any hang-up.
    """
    os.kill(os.getpid(), signal.SIGHUP)
