"""The one input pipeline: stages see input in the declared order, whatever
order they were added in, and a stage that consumes an event ends its trip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest

from kiosk.ui.input import ORDER


class Recording:
    def __init__(self, name, seen, consume=False):
        self.name = name
        self.events = frozenset({QEvent.Type.KeyPress})
        self.seen = seen
        self.consume = consume

    def handle(self, watched, event):
        self.seen.append(self.name)
        return self.consume


@pytest.fixture
def window(qtbot, ctx):
    from kiosk.ui.window import KioskWindow
    from tests.helpers.exhibits import show_at

    return show_at(qtbot, KioskWindow(ctx, 1280), 1280, 720, ctx)


def test_stages_see_input_in_the_declared_order_not_the_order_they_were_added(window):
    seen = []
    for name in reversed(("idle", "presenter", "lockdown")):
        window.input.add(Recording(name, seen))
    assert window.input.order == ["idle", "presenter", "speech", "keypad", "lockdown", "gestures"] == list(ORDER)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert seen[:3] == ["idle", "presenter", "lockdown"]


def test_a_consuming_stage_ends_the_events_trip(window):
    seen = []
    window.input.add(Recording("lockdown", seen))
    window.input.add(Recording("presenter", seen, consume=True))
    window.input.add(Recording("idle", seen))
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert seen == ["idle", "presenter"]  # the key press; its release no stage here wants


def test_an_unknown_stage_is_refused(window):
    with pytest.raises(ValueError, match="unknown input stage"):
        window.input.add(Recording("screensaver", []))


def test_a_removed_stage_sees_nothing(window):
    seen = []
    stage = Recording("presenter", seen)
    window.input.add(stage)
    window.input.remove(stage)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert seen == [] and window.input.order == ["speech", "keypad", "gestures"]  # the window's own
