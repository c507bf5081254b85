"""The editor's screens: the main editor, start, help and the dialogs."""
