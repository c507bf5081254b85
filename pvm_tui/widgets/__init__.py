"""The editor's widgets: the grid, the cell panel, the step bar, the title and status lines."""
