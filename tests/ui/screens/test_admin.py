"""The admin screen: what is loaded and wrong, and its buttons."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from kiosk.content.problems import Problem, Severity
from tests.helpers.exhibits import make_exhibit
from tests.helpers.touch import centre_in, tap

# --- the admin screen ----------------------------------------------------------------


@pytest.fixture
def admin_info(exhibits_root):
    from kiosk.content.loader import load_catalog
    from kiosk.ui.screens.admin import AdminInfo

    make_exhibit(exhibits_root, "good")
    make_exhibit(exhibits_root, "broken", "schema: 1\ntitle: Broken\ntile: tile.png\npanel: []\n")
    settings_problem = Problem("kiosk.yaml", 2, 20, Severity.ERROR, "idle.timeout_seconds",
                               "must be at least 30 seconds")
    return AdminInfo.collect(load_catalog([exhibits_root]), [settings_problem],
                             "Visitor statistics: 2024-05-01\nSessions: 3")


@pytest.fixture
def admin_screen(make_window, ctx, admin_info):
    from kiosk.ui.screens.admin import AdminScreen

    window = make_window(lockdown=True)
    screen = AdminScreen(ctx, admin_info, window)
    screen.show()
    screen.raise_()
    QTest.qWait(20)
    return window, screen


def _shown(labels) -> list[str]:
    return [label.text().replace("\u200b", "") for label in labels]


def test_admin_screen_lists_exhibits_problems_and_statistics(admin_screen, admin_info):
    _, screen = admin_screen
    assert admin_info.exhibits == [("good", "A good exhibit")]
    lines = _shown(screen.problem_labels)
    assert lines[0] == "kiosk.yaml:2:20: error: idle.timeout_seconds: must be at least 30 seconds"
    content = admin_info.content_problems
    assert content and all("broken/exhibit.yaml" in p.file for p in content)
    assert lines[1:] == [p.format() for p in content]
    texts = _shown(screen.findChildren(QLabel))
    assert "A good exhibit  (good)" in texts
    assert "Visitor statistics: 2024-05-01\nSessions: 3" in texts


def test_the_statistics_table_keeps_a_fixed_pitch_face_under_the_language_rule(admin_screen):
    """The report's columns line up only in a fixed-pitch face, which the
    window's font-family rule would otherwise replace."""
    from PySide6.QtGui import QFontMetrics

    def fixed_pitch(label: QLabel) -> bool:
        metrics = QFontMetrics(label.font())
        return metrics.horizontalAdvance("iiii") == metrics.horizontalAdvance("MMMM")

    _, screen = admin_screen
    labels = screen.findChildren(QLabel)
    assert fixed_pitch(next(label for label in labels if label.text().startswith("Visitor statistics")))
    assert not fixed_pitch(next(label for label in labels if label.text().startswith("Today")))


def test_admin_screen_shows_new_info_after_a_reload(admin_screen, admin_info):
    from kiosk.ui.screens.admin import AdminInfo

    _, screen = admin_screen
    screen.set_info(AdminInfo(admin_info.exhibits, [], [], ""))
    assert screen.problem_labels == []
    assert "Settings problems: 0" in _shown(screen.findChildren(QLabel))


@pytest.mark.parametrize("button, signal", [
    ("reload_button", "reload_requested"), ("attract_button", "restart_attract_requested"),
    ("quit_button", "quit_requested"), ("close_button", "closed")])
def test_admin_buttons_emit_their_signals(admin_screen, qtbot, button, signal):
    window, screen = admin_screen
    with qtbot.waitSignal(getattr(screen, signal), timeout=1000):
        tap(window, centre_in(window, getattr(screen, button)))


def test_quit_from_the_admin_screen_closes_a_locked_window(admin_screen):
    window, screen = admin_screen
    screen.quit_requested.connect(window.lockdown.allow_quit)
    screen.quit_requested.connect(window.close)
    tap(window, centre_in(window, screen.quit_button))
    assert not window.isVisible()
