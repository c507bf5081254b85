"""The editor's widgets: the grid, the partner card, the step bar, the title and status lines."""
