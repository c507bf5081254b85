"""Where the bundled sample matrices live, in a wheel and in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).with_name("samples")
_CHECKOUT = Path(__file__).resolve().parent.parent / "samples"

SAMPLE_NAMES = {"nl": "tinnitracks.toml", "en": "tinnitracks.en.toml"}


def samples_folder() -> Path:
    """The folder of the samples: inside the installed package, else the checkout's."""
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def example_path(language: str = "nl") -> Path:
    """The bundled Tinnitracks example in the given language."""
    return samples_folder() / SAMPLE_NAMES.get(language, SAMPLE_NAMES["en"])


def blank_path() -> Path:
    return samples_folder() / "blank.toml"
