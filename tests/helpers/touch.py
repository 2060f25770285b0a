"""Touch sequences as a visitor makes them, through QTest's touch device."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QInputDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

_DEVICE = None
STEP_MS = 16


def device():
    global _DEVICE
    if _DEVICE is None:
        _DEVICE = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)
    return _DEVICE


def _points(start: QPoint, end: QPoint, steps: int) -> list[QPoint]:
    return [QPoint(round(start.x() + (end.x() - start.x()) * i / steps),
                   round(start.y() + (end.y() - start.y()) * i / steps)) for i in range(1, steps + 1)]


def press(widget: QWidget, pos: QPoint) -> None:
    QTest.touchEvent(widget, device()).press(0, pos, widget).commit()
    QTest.qWait(STEP_MS)


def move(widget: QWidget, pos: QPoint) -> None:
    QTest.touchEvent(widget, device()).move(0, pos, widget).commit()
    QTest.qWait(STEP_MS)


def release(widget: QWidget, pos: QPoint) -> None:
    QTest.touchEvent(widget, device()).release(0, pos, widget).commit()
    QTest.qWait(STEP_MS)


def tap(widget: QWidget, pos: QPoint) -> None:
    press(widget, pos)
    release(widget, pos)


def drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 10,
         lift: bool = True) -> None:
    """One finger from start to end; with lift=False the finger stays down."""
    press(widget, start)
    for point in _points(start, end, steps):
        move(widget, point)
    if lift:
        release(widget, end)


def pinch(widget: QWidget, center: QPoint, start_distance: int, end_distance: int,
          steps: int = 10) -> None:
    """Two fingers on a horizontal line through center, spreading or closing."""
    def pair(distance: float) -> tuple[QPoint, QPoint]:
        half = round(distance / 2)
        return QPoint(center.x() - half, center.y()), QPoint(center.x() + half, center.y())

    a, b = pair(start_distance)
    QTest.touchEvent(widget, device()).press(0, a, widget).press(1, b, widget).commit()
    QTest.qWait(STEP_MS)
    for i in range(1, steps + 1):
        a, b = pair(start_distance + (end_distance - start_distance) * i / steps)
        QTest.touchEvent(widget, device()).move(0, a, widget).move(1, b, widget).commit()
        QTest.qWait(STEP_MS)
    QTest.touchEvent(widget, device()).release(0, a, widget).release(1, b, widget).commit()
    QTest.qWait(STEP_MS)


def centre_in(window: QWidget, widget: QWidget) -> QPoint:
    """The centre of `widget` in `window`'s coordinates, where touches are sent."""
    return widget.mapTo(window, widget.rect().center())


def settled(viewer):
    """The still viewer once an animated zoom has arrived."""
    for _ in range(200):
        if not viewer.stage.moving:
            return viewer
        QTest.qWait(10)
    raise AssertionError("the zoom never arrived")
