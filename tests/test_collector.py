"""Full garbage collections while the editor runs: after a pause only, and each object walked once."""

from __future__ import annotations

import gc
import weakref

from pvm_tui import collector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def _cycle() -> weakref.ref[Node]:
    """A cycle of two objects nobody refers to: only a full (or young) collection frees it."""
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_a_full_collection_frees_cycles_and_freezes_what_survives(monkeypatch) -> None:
    idle = collector.IdleCollector()
    idle.start()
    try:
        monkeypatch.setattr(collector, "QUIET", 0.0)
        idle.tick()  # the first: the garbage left from starting
        for _ in range(3):  # young collections happen, as while someone types
            gc.collect(1)
        kept = [Node() for _ in range(1000)]  # lives on: frozen after the next full collection
        gone = _cycle()
        frozen = gc.get_freeze_count()
        idle.tick()
        assert gone() is None, "the cycle nobody refers to is freed"
        assert gc.get_freeze_count() >= frozen + len(kept), "what survived is frozen: not walked again"
    finally:
        idle.stop()
    assert gc.get_freeze_count() == 0, "stop puts everything back"
