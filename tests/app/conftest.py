"""Helpers for driving the editor with Pilot: open a matrix, send keys as one burst, read the saved file."""

from __future__ import annotations

import asyncio
import inspect
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from pvm_tui.app import PvmApp
from pvm_tui.document import Document, open_example, open_path
from pvm_tui.screens.editor import EditorScreen
from pvm_tui.session import Session

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (no async plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A writable copy of the Dutch Tinnitracks sample."""
    target = tmp_path / "tinnitracks.toml"
    shutil.copy(SAMPLES / "tinnitracks.toml", target)
    return target


def editor(path: Path, *, language: str = "en", read_only: bool = False) -> PvmApp:
    """The App as `pvm PATH --lang LANGUAGE` makes it."""
    return PvmApp(open_path(path, language=language, read_only=read_only), language)


def example(language: str = "en") -> PvmApp:
    """The App as `pvm --example --lang LANGUAGE` makes it."""
    return PvmApp(open_example(language), language)


def editor_of(app: PvmApp) -> EditorScreen:
    """The editor screen of the open matrix."""
    assert app.editor is not None
    return app.editor


def session_of(app: PvmApp) -> Session:
    """The editing session of the open matrix."""
    assert app.session is not None
    return app.session


def document_of(app: PvmApp) -> Document:
    return session_of(app).document


def read_toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def key_event(key: str) -> events.Key:
    """A Key event as the terminal driver makes it for one key name or character."""
    names = {" ": "space", "/": "slash", "?": "question_mark", "-": "minus", ".": "full_stop", ",": "comma"}
    if key == "\n":
        return events.Key("enter", "\r")
    if len(key) == 1:
        return events.Key(names.get(key, key), key)
    if key.startswith("alt+") and len(key) == 5:
        return events.Key(key, key[-1])
    characters = {"enter": "\r", "tab": "\t", "escape": "\x1b", "space": " "}
    return events.Key(key, characters.get(key))


async def burst(pilot: Pilot[int], *keys: str) -> None:
    """Send keys as if they all arrived in one read from a slow SSH link: no pause between them."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        event = key_event(key)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()


async def type_text(pilot: Pilot[int], text: str) -> None:
    """Type text one key at a time, as a person would."""
    await pilot.press(*[key_event(char).key for char in text])


def screen_text(app: PvmApp) -> str:
    """Everything on the current screen as plain text, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def region_text(app: PvmApp, widget: Widget) -> str:
    """The text the screen shows inside ``widget``'s region, line by line."""
    region = widget.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


async def until(pilot: Pilot[int], condition: Callable[[], bool]) -> None:
    """Let the app run until ``condition`` holds (work in a thread, a timer); fails after 10 s."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never got there")
