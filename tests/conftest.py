"""Test setup: headless Qt on a 4K virtual screen, and the shared fixtures."""

from __future__ import annotations

import gc
import logging
import os
import threading
from pathlib import Path

# A 4K virtual screen: the offscreen platform's default 800x800 one drops touch
# presses that land outside it.
os.environ["QT_QPA_PLATFORM"] = (
    f"offscreen:configfile={Path(__file__).parent / 'data' / 'offscreen.json'}")

import pytest  # noqa: E402

from kiosk.operation.collector import collect_due  # noqa: E402
from kiosk.settings.pin import hash_pin  # noqa: E402
from tests.helpers.exhibits import make_context  # noqa: E402


@pytest.fixture(autouse=True)
def _restore_logging():
    """Handlers a test's kiosk adds go with the test, so none outlives the
    captured stream it writes to."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    yield
    for handler in [h for h in root.handlers if h not in saved[0]]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(saved[1])


@pytest.fixture(autouse=True)
def _own_cache_folder(tmp_path_factory, monkeypatch):
    """Each test keeps its checked exhibits (kiosk.content.cache) to itself, and
    nothing is written to the user's own cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


THRESHOLDS = gc.get_threshold()
OFF_THE_GUI_THREAD: list[str] = []
"""Collections that ran on another thread during the current test."""


def _note_collection(phase: str, _info: dict) -> None:
    if phase == "start" and threading.current_thread() is not threading.main_thread():
        OFF_THE_GUI_THREAD.append(threading.current_thread().name)


gc.callbacks.append(_note_collection)


@pytest.fixture(autouse=True)
def _collection_on_the_gui_thread():
    """Garbage is collected on the GUI thread, between tests, as the kiosk does
    it while it runs (kiosk.operation.collector). Automatic collection would
    run on whichever thread allocates, an image decoder's too, and free a
    previous test's widgets there while this test paints: the suite crashed so,
    about one run in three. A test that turns it on (a kiosk process does at
    start) must not let it run elsewhere: that fails the test."""
    gc.disable()
    OFF_THE_GUI_THREAD.clear()
    yield
    gc.disable()
    collect_due(THRESHOLDS)
    assert not OFF_THE_GUI_THREAD, f"garbage collected on other threads: {OFF_THE_GUI_THREAD}"


@pytest.fixture
def exhibits_root(tmp_path: Path) -> Path:
    root = tmp_path / "exhibits"
    root.mkdir()
    return root


@pytest.fixture
def ctx(qapp):
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet

    load_bundled_fonts()
    context = make_context()
    qapp.setStyleSheet(stylesheet(context.theme, context.metrics))
    return context


PIN = "2468"


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


@pytest.fixture
def make_window(qtbot, ctx):
    """A kiosk window, locked down or not, shown as the kiosk shows it (in
    lockdown it fills the 4K test screen)."""
    from kiosk.operation.lockdown import Lockdown
    from kiosk.ui.window import KioskWindow

    def make(lockdown: bool = False, cursor_hidden: bool = False):
        window = KioskWindow(ctx, 1920)
        window.resize(1920, 1080)
        window.lockdown = Lockdown(window, lockdown, cursor_hidden)
        # Only an allowed quit closes a locked window, as the admin's Quit does.
        qtbot.addWidget(window, before_close_func=lambda w: w.lockdown.allow_quit())
        with qtbot.waitActive(window):  # window shortcuts fire only in the active window
            window.show()
            window.activateWindow()
        return window

    return make
