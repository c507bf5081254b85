"""Changing a scrolling widget's virtual size without laying out the whole screen.

Textual lays out the whole screen whenever a widget's virtual size changes,
because a widget sized by its content may need more room. The grid and the
cell editor are sized by the stylesheet, so a new number of rows or a
longer text changes only what they scroll over. A layout costs as much as
everything else a key press does, and it is followed by a second frame for
the scrollbars, so these widgets change their virtual size with a repaint;
the screen is laid out only when a scrollbar appears or goes.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


def set_virtual_size(widget: Widget, size: Size) -> None:
    """Give ``widget`` a new virtual size: a repaint, and a layout only if a scrollbar comes or goes."""
    if size == widget.virtual_size:
        return
    widget.set_reactive(Widget.virtual_size, size)
    # Updates the scrollbars' sizes; showing or hiding one asks for a layout by itself.
    widget._scroll_update(size)
    widget.refresh()
