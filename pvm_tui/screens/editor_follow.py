"""The editor following its file on disk, and walking through merge conflicts one by one.

Once a second the file's stat is looked at (``follow.Follower``); a change
that has held still is brought in at once, without asking: a reload when
nothing is unsaved, else a merge. The status line says what changed, the
cells the other side changed are marked for a few seconds, and the cursor
stays on its partner and cell. A cell open in the cell editor keeps its
text. Conflicts are offered one by one (``ConflictDialog``) as soon as no
cell is open, and again with `!`; until they are resolved each one's cell
holds both versions, so a save writes nothing over the other side's text.
"""

# The actions are methods of EditorScreen kept in this file; they name ``self: EditorScreen``
# so that mypy checks them against the whole screen (it calls that self type "misc").
# mypy: disable-error-code="misc"

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.timer import Timer

from pvm_tui.document import READ_FROM
from pvm_tui.follow import Followed, Follower, Read, Unreadable
from pvm_tui.history import Place
from pvm_tui.model import COLUMN_BY_KEY, COLUMNS
from pvm_tui.text import inline

# The merge modules are imported where they are used: a file with conflicts is rare, and
# they are not on the way to the editor's first paint.

if TYPE_CHECKING:
    from pvm_tui.merge.found import Conflict
    from pvm_tui.merge.resolve import Choice
    from pvm_tui.merge.words import MergeWords
    from pvm_tui.screens.editor import EditorScreen

LOOK_EVERY = 1.0
"""Seconds between two looks at the file's stat."""
LOOK_AGAIN = 0.2
"""Seconds until the next look when the file was still changing."""
MARKED_FOR = 6.0
"""Seconds the cells changed from outside stay marked."""


class FollowActions:
    """Following the file, and the conflict walk-through (a part of ``EditorScreen``)."""

    def start_following(self: EditorScreen) -> None:
        self.follower = Follower(self.session)
        self.walk_done = 0
        self.unmark: Timer | None = None
        self.set_interval(LOOK_EVERY, self.look_at_file, name="follow")

    def say_conflicts_left(self: EditorScreen) -> None:
        """A file that `pvm merge` or git left with conflicts says so when it opens."""
        from pvm_tui.merge.found import conflicts_in

        left = conflicts_in(self.session.matrix)
        if left:
            self.say(self.merge_words.still_open.format(count=len(left)))

    @property
    def merge_words(self: EditorScreen) -> MergeWords:
        from pvm_tui.merge.words import words_for

        return words_for(self.language)

    async def look_at_file(self: EditorScreen) -> None:
        """Bring in a change made on disk, if there is one that has held still."""
        if self.files.slow_work.busy:
            return  # pvm itself is writing (or reading) the file; the change it makes is its own
        seen = self.follower.look()
        if seen == "moving":
            self.set_timer(LOOK_AGAIN, self.look_at_file, name="follow-again")
        # With a dialog open, or a question in the status line (delete this partner?), it waits.
        if seen == "changed" and self._may_take():
            self._take()

    def _may_take(self: EditorScreen) -> bool:
        return self.app.screen is self and self.pending is None

    def catch_up(self: EditorScreen, then: Callable[[], object]) -> None:
        """Bring in a change made on disk now, held still or not; then ``then`` (a save)."""
        if self.files.slow_work.busy:
            then()  # a save says it is still busy
        elif self.follower.look() != "same":
            self._take(then)
        else:
            then()

    def _take(self: EditorScreen, then: Callable[[], object] | None = None) -> None:
        """Read the file and bring its change in; a big file is read in a thread, the status counting."""
        read = self.follower.reader()
        path = self.session.document.path
        try:
            big = path.stat().st_size >= READ_FROM
        except OSError:
            big = False  # reading it says why
        if not big:
            self._bring_in(read(), then)
            return
        done_reading: list[Read] = []

        def done(error: Exception | None) -> None:
            self.files.reading = False
            if error is not None:
                raise error  # a bug: a file that cannot be read is a Read with its error
            if then is None and not self._may_take():
                return  # a dialog came meanwhile: the next look reads it again
            self._bring_in(done_reading[0], then)

        self.files.reading = True
        message = self.words.reloading.replace("{name}", inline(path.name))
        self.files.slow_work.start(lambda: done_reading.append(read()), message, done)

    def _bring_in(self: EditorScreen, read: Read, then: Callable[[], object] | None) -> None:
        taken = self.follower.taken(read, self.view.here())
        if isinstance(taken, Unreadable):
            self.say(
                self.merge_words.outside_unreadable.format(
                    path=self.session.document.path.name, error=taken.error.message
                ),
                error=True,
            )
        elif isinstance(taken, Followed):
            self.took(taken)
        if then is not None:
            then()

    def took(self: EditorScreen, taken: Followed) -> None:
        words, outcome = self.merge_words, taken.outcome
        self.show_change(taken.old, taken.place)
        self.grid.mark({self._key_column(place) for place in outcome.changed if place[0] is not None})
        if self.unmark is not None:
            self.unmark.stop()
        self.unmark = self.set_timer(MARKED_FOR, lambda: self.grid.mark(set()), name="unmark")
        template = words.outside_reloaded if outcome.reloaded else words.outside_merged
        message = template.format(path=self.session.document.path.name, summary=outcome.summary(words))
        walk = outcome.conflicts and self.session.open_cell is None
        if outcome.conflicts and not walk:
            # The key to press comes right after the summary that counts the conflicts, before
            # where their version is kept: that path is long, and the one-line status line cut
            # "! to resolve them" off its end.
            message = f"{message} ({words.resolve_key})"
        if taken.copy is not None:
            message += "; " + words.theirs_kept.format(path=taken.copy)
        elif taken.copy_error is not None:
            message += "; " + words.theirs_not_kept.format(error=taken.copy_error)
        self.say(message)
        if walk:
            self.walk_conflicts(first=True)

    def _key_column(self: EditorScreen, place: tuple[int | None, str]) -> tuple[int, int]:
        row, field = place
        assert row is not None
        return self.session.matrix.partners[row].key, COLUMNS.index(COLUMN_BY_KEY[field])

    async def action_conflicts(self: EditorScreen) -> None:
        from pvm_tui.merge.found import conflicts_in

        if not await self.ready_to_change():
            return
        if not conflicts_in(self.session.matrix):
            self.say(self.merge_words.none_left)
            return
        self.walk_conflicts(first=True)

    def walk_conflicts(self: EditorScreen, *, first: bool = False) -> None:
        """Offer the first conflict left; each answer offers the next, until none is left or Esc."""
        from pvm_tui.merge.found import conflicts_in, describe
        from pvm_tui.screens.conflict_dialog import ConflictDialog

        found = conflicts_in(self.session.matrix)
        if not found:
            self.say(self.merge_words.all_resolved)
            return
        if first:
            self.walk_done = 0
        conflict = found[0]
        if conflict.row is not None:
            # A partner's agreements have no column: the cursor goes to its name.
            column = COLUMN_BY_KEY.get(conflict.field, COLUMNS[0])
            self.view.move_cursor(conflict.row, COLUMNS.index(column))
        where = describe(conflict, self.session.matrix, self.labels, self.merge_words)
        number = self.walk_done + 1

        async def answered(answer: str | None) -> None:
            await self._resolve(conflict, answer)

        self.app.push_screen(
            ConflictDialog(conflict, where, number, number + len(found) - 1, self.merge_words), answered
        )

    async def _resolve(self: EditorScreen, conflict: Conflict, answer: str | None) -> None:
        from pvm_tui.merge.found import conflicts_in
        from pvm_tui.merge.resolve import resolve

        if answer is None:
            left = len(conflicts_in(self.session.matrix))
            self.say(self.merge_words.still_open.format(count=left))
            return
        self.walk_done += 1
        choice: Choice = "both" if answer == "edit" else answer  # type: ignore[assignment]
        place = self.view.here()
        new = resolve(self.session.matrix, conflict, choice)
        after = Place(min(place.row, max(len(new.partners) - 1, 0)), place.column)
        self.change(new, "resolve", place, after)
        if answer == "edit":  # both are kept; now to make one text of them
            if conflict.row is None:
                await self.action_profile()
            elif conflict.field == "agreements":
                await self.action_agreements()
            else:
                await self.begin_edit()
            return
        self.walk_conflicts()
