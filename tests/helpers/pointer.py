"""Drags as a mouse, a pen or a finger makes them, through the window like the platform."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QMouseEvent, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers import touch

STEP_MS = 16
_PEN = None


def _points(start: QPoint, end: QPoint, steps: int) -> list[QPoint]:
    return [QPoint(round(start.x() + (end.x() - start.x()) * i / steps),
                   round(start.y() + (end.y() - start.y()) * i / steps)) for i in range(1, steps + 1)]


def mouse_drag(window, start: QPoint, end: QPoint, steps: int = 10, step_ms: int = STEP_MS) -> None:
    handle = window.windowHandle()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(handle, left, none, start)
    QTest.qWait(step_ms)
    for point in _points(start, end, steps):
        QTest.mouseMove(handle, point)
        QTest.qWait(step_ms)
    QTest.mouseRelease(handle, left, none, end)
    QTest.qWait(step_ms)


def pen() -> QPointingDevice:
    global _PEN
    if _PEN is None:
        _PEN = QPointingDevice("test pen", 77, QInputDevice.DeviceType.Stylus,
                               QPointingDevice.PointerType.Pen,
                               QInputDevice.Capability.Position, 1, 1)
    return _PEN


def pen_drag(window, start: QPoint, end: QPoint, steps: int = 10) -> None:
    """A stylus as Qt hands it to widgets: mouse events from a pen device."""
    handle = window.windowHandle()

    def send(kind, point: QPoint, buttons) -> None:
        local = QPointF(point)
        event = QMouseEvent(kind, local, local, QPointF(window.mapToGlobal(point)),
                            Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier, pen())
        QApplication.sendEvent(handle, event)
        QTest.qWait(STEP_MS)

    left = Qt.MouseButton.LeftButton
    send(QMouseEvent.Type.MouseButtonPress, start, left)
    for point in _points(start, end, steps):
        send(QMouseEvent.Type.MouseMove, point, left)
    send(QMouseEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def finger_drag(window, start: QPoint, end: QPoint, steps: int = 10) -> None:
    touch.drag(window, start, end, steps)


DRAGS = {"mouse": mouse_drag, "finger": finger_drag, "pen": pen_drag}
