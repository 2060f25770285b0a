"""The kiosk as it runs all day: the controller around a real window, with
short timings, driven by touch."""

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtCore import QPoint, QTimer

from conftest import PROJECT_ROOT
from kiosk.cli import main
from kiosk.operation.settings import IdleSettings, load_settings
from kiosk.operation.stats import StatsStore
from touch import drag, tap

def _idle(timeout: float, countdown: float = 0.3) -> dict:
    return {"idle": IdleSettings.model_construct(timeout_seconds=timeout, countdown_seconds=countdown)}


@pytest.fixture
def exhibits(tmp_path):
    root = tmp_path / "exhibits"
    shutil.copytree(PROJECT_ROOT / "exhibits", root)
    return root


def _controller(qtbot, exhibits, tmp_path, config=None, idle: float | None = 0.4, barrier=None):
    from kiosk.content.loader import load_catalog
    from kiosk.operation.controller import KioskController
    from kiosk.ui.app import build_context
    from kiosk.ui.metrics import Metrics
    from kiosk.ui.window import KioskWindow

    loaded = load_settings(config or tmp_path / "absent.yaml")
    if idle is not None:
        loaded.settings = loaded.settings.model_copy(update=_idle(idle))
    ctx = build_context(load_catalog([exhibits]), Metrics.for_diagonal(1920, 1080, 55))
    window = KioskWindow(ctx, 1920)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    stats = StatsStore(tmp_path / "stats.sqlite3")
    controller = KioskController(window, loaded, exhibits, stats, barrier)
    window.show()
    qtbot.waitExposed(window)
    controller.start()
    return controller


def _centre(window, widget) -> QPoint:
    return widget.mapTo(window, widget.rect().center())


def _wake(controller, qtbot):
    window = controller.window
    attract = controller.idle_reset.attract
    qtbot.waitUntil(attract.isVisible)
    tap(window, QPoint(960, 540))
    qtbot.waitUntil(lambda: not attract.isVisible())


def test_scripted_visit_appears_in_kiosk_stats(qtbot, exhibits, tmp_path, capsys):
    controller = _controller(qtbot, exhibits, tmp_path)
    window = controller.window
    _wake(controller, qtbot)
    screen = window.exhibit
    assert screen is not None  # the waking touch opened the exhibit on screen
    drag(window, QPoint(1500, 500), QPoint(500, 500))
    assert screen.index == 1
    tap(window, _centre(window, screen.languages.buttons["zh"]))
    qtbot.waitUntil(lambda: controller.idle_reset.attract.isVisible(), timeout=5000)
    assert controller.ctx.language == "en" and window.exhibit is None
    controller.stats.close("quit")

    assert main(["stats", "--db", str(tmp_path / "stats.sqlite3")]) == 0
    out = capsys.readouterr().out
    assert "Sessions: 1\n" in out
    assert re.search(rf"\n  {screen.item.id} #0 \w+ +1 ", out)
    assert re.search(rf"\n  {screen.item.id} #1 \w+ +1 ", out)
    assert re.search(r"Languages \(sessions\):\n  en +1\n  zh +1\n", out)
    assert out.rstrip().endswith("Idle resets: 1")


@pytest.mark.parametrize("text, expected", [
    ("idle: [oops\n", "YAML syntax"),
    ("idle:\n  timout_seconds: 60\n", "unknown field 'timout_seconds'"),
    ("idle:\n  timeout_seconds: 5\n", "must be at least 30 seconds"),
])
def test_a_bad_settings_file_runs_on_defaults_and_the_admin_sees_why(
        qtbot, exhibits, tmp_path, text, expected):
    config = tmp_path / "kiosk.yaml"
    config.write_text(text)
    controller = _controller(qtbot, exhibits, tmp_path, config=config, idle=None)
    assert controller.idle_reset.watcher.rules.timeout_ms == 90_000
    controller.open_admin()
    lines = [p.format() for p in controller._overlay.info.settings_problems]
    assert len(lines) == 1 and lines[0].startswith(f"{config}:") and expected in lines[0]


def test_an_exception_in_a_slot_returns_the_visitor_home_and_the_kiosk_runs_on(
        qtbot, exhibits, tmp_path):
    from kiosk.operation.faults import FaultBarrier

    barrier = FaultBarrier()
    barrier.install()
    try:
        controller = _controller(qtbot, exhibits, tmp_path, barrier=barrier)
        window = controller.window
        _wake(controller, qtbot)
        assert window.exhibit is not None

        def broken_slot():
            raise RuntimeError("a bug in a slot")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: window.exhibit is None and window.isVisible())
        assert window.stack.currentWidget() is window.home
    finally:
        barrier.uninstall()


def test_content_changes_apply_at_the_next_attract_never_under_a_visitor(
        qtbot, exhibits, tmp_path):
    controller = _controller(qtbot, exhibits, tmp_path, idle=60)
    window = controller.window
    _wake(controller, qtbot)
    path = exhibits / "the-challenge" / "exhibit.yaml"
    path.write_text(path.read_text().replace("{en: The Challenge,", "{en: The Challenge (restored),", 1))
    with qtbot.waitSignal(controller.watcher.staged, timeout=5000):
        pass
    titles = [tile.title.text() for tile in window.home.tiles]
    assert "The Challenge (restored)" not in titles  # a visitor is still here

    path.write_text("title: [broken\n")
    with qtbot.waitSignal(controller.watcher.rejected, timeout=5000):
        pass
    assert window.exhibit is not None  # the visitor is undisturbed
    controller.idle_reset.show_attract()  # what the idle reset does when they leave
    titles = [tile.title.text() for tile in window.home.tiles]
    assert "The Challenge (restored)" in titles  # the last good change, not the broken one
    controller.open_admin()
    problems = [p.format() for p in controller._overlay.info.content_problems]
    assert any("the-challenge/exhibit.yaml:2:1: error: YAML syntax" in line for line in problems)
