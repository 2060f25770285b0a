"""The admin corner: a held press asks for the PIN pad; nothing else does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.operation.admin import AdminCorner
from kiosk.settings.pin import PinGate
from tests.helpers.touch import centre_in, move, press, release, tap

HOLD_MS = 200

# --- the admin corner ----------------------------------------------------------------


@pytest.fixture
def corner(make_window, ctx):
    window = make_window(lockdown=True)
    requested = []
    watcher = AdminCorner(window, ctx, lambda: requested.append(True), "top-left", HOLD_MS)
    return window, watcher, requested


def _corner_point(window, watcher) -> QPoint:
    return watcher.area().center().toPoint()


@pytest.mark.parametrize("screen", ["home", "exhibit"])
def test_a_held_press_in_the_corner_opens_the_pin_pad(corner, qtbot, ctx, pin_hash, screen):
    from kiosk.ui.screens.pinpad import PinPad

    window, watcher, requested = corner
    if screen == "exhibit":  # the pager takes gestures of its own
        ctx.visit.show("shenzhou-13")
    point = _corner_point(window, watcher)
    press(window, point)
    qtbot.waitUntil(lambda: len(requested) == 1, timeout=HOLD_MS * 5)
    release(window, point)
    pad = PinPad(ctx, PinGate(pin_hash), window)
    pad.show()
    assert pad.geometry() == window.rect()


def test_a_held_mouse_press_in_a_configured_corner_counts_too(make_window, ctx, qtbot):
    window = make_window(lockdown=True)
    requested = []
    watcher = AdminCorner(window, ctx, lambda: requested.append(True), "bottom-right", HOLD_MS)
    area = watcher.area()
    assert area.bottomRight().toPoint() == window.rect().bottomRight() + QPoint(1, 1)
    QTest.mousePress(window.windowHandle(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, area.center().toPoint())
    qtbot.waitUntil(lambda: requested == [True], timeout=HOLD_MS * 5)
    QTest.mouseRelease(window.windowHandle(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, area.center().toPoint())


@pytest.mark.parametrize("gesture", ["short press", "press elsewhere", "slide out",
                                     "second finger"])
def test_other_presses_do_not_ask_for_the_pin(corner, qtbot, gesture):
    from tests.helpers.touch import device

    window, watcher, requested = corner
    point = _corner_point(window, watcher)
    if gesture == "short press":
        tap(window, point)
    elif gesture == "press elsewhere":
        press(window, window.rect().center())
    elif gesture == "slide out":
        press(window, point)
        move(window, point + QPoint(watcher.side * 2, 0))
    else:
        press(window, point)
        QTest.touchEvent(window, device()).stationary(0).press(1, window.rect().center(),
                                                               window).commit()
    QTest.qWait(HOLD_MS * 2)
    assert requested == []


def test_the_corner_watcher_does_not_get_in_the_way_of_a_visitor(corner, qtbot):
    window, _, _ = corner
    tile = window.home.tiles[0]
    tap(window, centre_in(window, tile))
    qtbot.waitUntil(lambda: window.exhibit is not None)


