"""Three-way merge of matrices, cell by cell: for `pvm merge`, git's merge driver and the editor.

``merge(base, ours, theirs)`` (``three_way.py``) is pure: matrices in, a
merged matrix and its conflicts out; partners are ordered by ``order.py``
and conflicting cells hold both versions between markers (``markers.py``).
``output.py`` writes a result into the other side's own TOML document, so
its comments and unknown keys survive. Nothing here imports Textual.

The package imports none of its modules itself: `pvm check` needs only
``found.py`` (the conflicts a file holds), and the three-way merge with its
word diff took a third of that command's time.
"""
