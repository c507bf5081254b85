"""Undo and redo stacks of whole matrices."""

from __future__ import annotations

from pvm_tui.history import History, Place
from pvm_tui.model import Matrix, Partner


def test_undo_then_redo_walks_back_and_forth() -> None:
    history = History()
    first = Matrix()
    second = first.with_partner_added(0, Partner(name="A"))
    third = second.with_partner_added(1, Partner(name="B"))
    history.record(first, Place(0, 0), Place(0, 0), "add")
    history.record(second, Place(0, 0), Place(1, 0), "add")
    step = history.undo(third)
    assert step is not None and step.matrix is second and step.before == Place(0, 0)
    step = history.undo(second)
    assert step is not None and step.matrix is first
    assert history.undo(first) is None
    step = history.redo(first)
    assert step is not None and step.matrix is second
    step = history.redo(second)
    assert step is not None and step.matrix is third and step.after == Place(1, 0)
    assert history.redo(third) is None


def test_a_new_change_forgets_what_was_undone() -> None:
    history = History()
    first = Matrix()
    second = first.with_partner_added(0)
    history.record(first, Place(0, 0), Place(0, 0), "add")
    history.undo(second)
    assert history.can_redo
    history.record(first, Place(0, 0), Place(0, 0), "add")
    assert not history.can_redo
    assert history.can_undo
