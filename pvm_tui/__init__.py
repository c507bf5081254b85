"""pvm: a keyboard-first terminal app for the Partner Value Matrix (Partnerwaarde-matrix)."""

__version__ = "0.1.0"
