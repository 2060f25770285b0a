"""The kiosk as it runs all day: the controller around a real window, on a
fake clock, driven by touch."""

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtCore import QPoint, QTimer

from kiosk.cli import main
from kiosk.settings.loading import load_settings
from kiosk.statistics.background import BackgroundStats
from kiosk.visit.model import Overlay, Screen
from tests.helpers.clock import FakeClock
from tests.helpers.exhibits import PROJECT_ROOT, make_context, show_at
from tests.helpers.touch import drag, tap

TIMEOUT, COUNTDOWN = 90.0, 20.0


@pytest.fixture
def exhibits(tmp_path):
    root = tmp_path / "exhibits"
    shutil.copytree(PROJECT_ROOT / "exhibits", root)
    return root


@pytest.fixture(autouse=True)
def _close_statistics():
    """Each controller's statistics thread ends with its test."""
    made = []
    original = BackgroundStats.__init__

    def record(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)

    BackgroundStats.__init__ = record
    yield
    BackgroundStats.__init__ = original
    for stats in made:
        stats.close()


def _controller(qtbot, qapp, exhibits, tmp_path, config=None, barrier=None, presenting=False):
    from kiosk.operation.content import ContentSource
    from kiosk.operation.controller import KioskController
    from kiosk.ui.style import stylesheet
    from kiosk.ui.window import KioskWindow

    loaded = load_settings(config or tmp_path / "absent.yaml")
    ctx = make_context([exhibits], clock=FakeClock())
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    window = KioskWindow(ctx, 1920)
    stats = BackgroundStats(tmp_path / "stats.sqlite3")
    controller = KioskController(window, loaded, ContentSource.of(exhibits), stats, barrier, presenting=presenting,
                                 locked=loaded.settings.lockdown)  # as `kiosk run` reads it
    show_at(qtbot, window, 1920, 1080, ctx)
    controller.start()
    return controller


def _centre(window, widget) -> QPoint:
    return widget.mapTo(window, widget.rect().center())


def _wake(controller, qtbot):
    window = controller.window
    attract = controller.mode.attract
    assert attract.isVisible()
    tap(window, QPoint(960, 540))
    qtbot.waitUntil(lambda: not attract.isVisible())


def _idle_reset(controller):
    controller.ctx.clock.advance(TIMEOUT)
    controller.ctx.clock.advance(COUNTDOWN)


def test_scripted_visit_appears_in_kiosk_stats(qtbot, qapp, exhibits, tmp_path, capsys):
    controller = _controller(qtbot, qapp, exhibits, tmp_path)
    window = controller.window
    _wake(controller, qtbot)
    screen = window.exhibit
    assert screen is not None  # the waking touch opened the exhibit on screen
    assert screen.index == 0   # on its title page
    for page in (1, 2):
        drag(window, QPoint(1500, 500), QPoint(500, 500))
        qtbot.waitUntil(lambda: not screen.pager.sliding)
        assert screen.index == page
    tap(window, _centre(window, screen.languages.buttons["zh"]))
    _idle_reset(controller)
    assert controller.mode.attract.isVisible()
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
        qtbot, qapp, exhibits, tmp_path, text, expected):
    config = tmp_path / "kiosk.yaml"
    config.write_text(text)
    controller = _controller(qtbot, qapp, exhibits, tmp_path, config=config)
    assert controller.mode.watcher.rules.timeout_ms == 90_000
    lines = [p.format() for p in controller.staff.info().settings_problems]
    assert len(lines) == 1 and lines[0].startswith(f"{config}:") and expected in lines[0]


def test_an_exception_in_a_slot_returns_the_visitor_home_and_the_kiosk_runs_on(
        qtbot, qapp, exhibits, tmp_path):
    from kiosk.operation.faults import FaultBarrier

    barrier = FaultBarrier()
    barrier.install()
    try:
        controller = _controller(qtbot, qapp, exhibits, tmp_path, barrier=barrier)
        window = controller.window
        _wake(controller, qtbot)
        assert window.exhibit is not None

        def broken_slot():
            raise RuntimeError("a bug in a slot")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: window.exhibit is None and window.isVisible())
        assert window.stack.currentWidget() is window.home
        assert controller.visit.place.screen is Screen.HOME
    finally:
        barrier.uninstall()


def test_content_changes_apply_at_the_next_attract_never_under_a_visitor(
        qtbot, qapp, exhibits, tmp_path):
    controller = _controller(qtbot, qapp, exhibits, tmp_path)
    window = controller.window
    _wake(controller, qtbot)
    path = exhibits / "the-challenge" / "exhibit.yaml"
    path.write_text(path.read_text().replace("{en: The Challenge,", "{en: The Challenge (restored),", 1))
    with qtbot.waitSignal(controller.watcher.staged, timeout=5000):
        pass
    titles = [tile.accessibleName() for tile in window.home.tiles]
    assert "The Challenge (restored)" not in titles  # a visitor is still here

    path.write_text("title: [broken\n")
    with qtbot.waitSignal(controller.watcher.rejected, timeout=5000):
        pass
    assert window.exhibit is not None  # the visitor is undisturbed
    _idle_reset(controller)  # they leave
    titles = [tile.accessibleName() for tile in window.home.tiles]
    assert "The Challenge (restored)" in titles  # the last good change, not the broken one
    problems = [p.format() for p in controller.staff.info().content_problems]
    assert any("the-challenge/exhibit.yaml:2:1: error: YAML syntax" in line for line in problems)


def test_staff_open_the_admin_screen_from_the_corner_and_restart_attract(
        qtbot, qapp, exhibits, tmp_path, pin_hash):
    from kiosk.ui.screens.admin import AdminScreen
    from kiosk.ui.screens.pinpad import PinPad
    from tests.conftest import PIN
    from tests.helpers.touch import press, release

    config = tmp_path / "kiosk.yaml"
    config.write_text(f'admin: {{hold_seconds: 1, pin_hash: "{pin_hash}"}}\n')
    controller = _controller(qtbot, qapp, exhibits, tmp_path, config=config)
    window, visit = controller.window, controller.visit
    _wake(controller, qtbot)
    corner = controller.staff.corner.area().center().toPoint()
    press(window, corner)
    qtbot.waitUntil(lambda: visit.overlay is Overlay.PIN, timeout=3000)
    release(window, corner)
    pad = controller.staff.overlay
    assert isinstance(pad, PinPad) and pad.isVisible()
    for digit in PIN:
        pad.press_digit(digit)
    pad.submit()
    assert visit.overlay is Overlay.ADMIN and isinstance(controller.staff.overlay, AdminScreen)
    controller.ctx.clock.advance(TIMEOUT * 2)
    assert not controller.mode.countdown.isVisible()  # no countdown while staff work
    tap(window, _centre(window, controller.staff.overlay.attract_button))
    assert visit.overlay is None and visit.place.screen is Screen.ATTRACT
    assert controller.mode.attract.isVisible()


def test_presenter_mode_starts_on_the_first_title_page_without_attract_or_idle(
        qtbot, qapp, exhibits, tmp_path):
    controller = _controller(qtbot, qapp, exhibits, tmp_path, presenting=True)
    visit = controller.visit
    first = controller.ctx.catalog.exhibits[0].id
    assert (visit.place.screen, visit.place.exhibit, visit.place.page) == (Screen.EXHIBIT, first, 0)
    assert controller.window.input.order == ["presenter", "speech", "keypad", "gestures"]


def test_a_change_applied_while_attract_shows_leaves_attract_working(qtbot, qapp, exhibits, tmp_path):
    """The new home screen once went above attract mode in the window's stack:
    visitors saw a dead home screen, and idle reset and statistics stopped."""
    controller = _controller(qtbot, qapp, exhibits, tmp_path)
    window, attract = controller.window, controller.mode.attract
    path = exhibits / "the-challenge" / "exhibit.yaml"
    path.write_text(path.read_text().replace("{en: The Challenge,", "{en: The Challenge (new),", 1))
    with qtbot.waitSignal(controller.watcher.staged, timeout=5000):
        pass
    assert "The Challenge (new)" in [tile.accessibleName() for tile in window.home.tiles]  # applied at once
    centre = window.rect().center()
    assert window.childAt(centre) is attract and attract.isVisible()  # still on top of everything
    tap(window, centre)
    qtbot.waitUntil(lambda: window.exhibit is not None)  # the touch reached attract mode and woke it
    _idle_reset(controller)
    assert attract.isVisible() and window.childAt(centre) is attract
    controller.stats.close("quit")
    from kiosk.statistics.report import read_report
    report = read_report(tmp_path / "stats.sqlite3")
    assert report.sessions == 1 and report.idle_resets == 1


def test_the_first_exhibit_screens_are_built_while_attract_mode_runs(qtbot, qapp, exhibits, tmp_path):
    from kiosk.ui.screens.exhibit import ExhibitScreen

    controller = _controller(qtbot, qapp, exhibits, tmp_path)
    window = controller.window
    assert not window.findChildren(ExhibitScreen)          # not before the first frame
    qtbot.waitUntil(lambda: len(window.findChildren(ExhibitScreen)) == 2, timeout=5000)
    prepared = {screen.item.id: screen for screen in window.findChildren(ExhibitScreen)}
    _wake(controller, qtbot)
    tile = window.home.tiles[0]
    tap(window, _centre(window, tile))
    qtbot.waitUntil(lambda: window.exhibit is not None)
    assert window.exhibit is prepared[tile.item.id]       # the tap shows the screen built ahead
    assert len(window.findChildren(ExhibitScreen)) == 2
