"""Standard output that was closed before pvm started (``pvm check FILE >&-``, a service without one).

Python then sets ``sys.stdout`` to None, and every command that prints
ended in a traceback. In its place goes a stream whose every write fails as
a write to a closed descriptor does, so that the command says so in one
line (``pvm: cannot write to standard output: it is closed``) while a
command that only writes files (``pvm export FILE -o OUT``) still works.
"""

from __future__ import annotations

import errno
import io


def _closed() -> OSError:
    return OSError(errno.EBADF, "it is closed")


class _ClosedBytes(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise _closed()


class ClosedOutput(io.TextIOBase):
    """A text stream, with a ``buffer``, that refuses every write."""

    encoding = "utf-8"

    def __init__(self) -> None:
        super().__init__()
        self.buffer = _ClosedBytes()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise _closed()
