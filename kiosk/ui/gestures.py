"""One gesture recogniser for the whole kiosk, fed by fingers, mice and pens alike.

A press finds the widgets under the pointer that take gestures (each carries a
`GestureHandler`, attached with `attach`), innermost first. While the pointer
stays within the tap slop nothing is decided and the press reaches the widget
beneath as usual, so buttons and thumbnails work. Once it travels further,
each handler in turn is asked whether the drag is its own (a list scrolls
vertically, the pager takes sideways drags, the wipe takes any); the first
that says yes gets the drag for the rest of the sequence, the widget beneath
is told its press is cancelled, and the pointer's events are consumed.
Two fingers on a handler that pinches make a pinch; two quick taps on one that
double taps make a double tap; a pointer held still makes a long press for a
handler that asks for one. A mouse drag pages, scrolls and pans exactly as a
finger does: the single-touch IR frames of many kiosk monitors are mice.

The physics constants live in the theme (`Theme.motion`).
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QEventPoint, QGuiApplication, QInputDevice, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.ui.metrics import Metrics
from kiosk.ui.theme import Motion

Type = QEvent.Type
VELOCITY_WINDOW_S = 0.1
"""Velocity is measured over the pointer's last tenth of a second."""


class GestureHandler:
    """What a widget does with gestures; every method is optional.

    Positions are in the widget's coordinates, velocities in pixels a second.
    """

    pinches = False
    double_taps = False

    def claims(self, delta: QPointF) -> bool:
        """Whether a drag that has travelled `delta` since the press is this widget's."""
        return False

    def long_press_seconds(self, pos: QPointF) -> float | None:
        """How long a press held still at `pos` must last to be a long press, or None."""
        return None

    def pressed(self, pos: QPointF) -> None: ...
    def released(self) -> None: ...
    def drag_started(self, pos: QPointF) -> None: ...
    def drag_moved(self, pos: QPointF, offset: QPointF) -> None: ...
    def drag_finished(self, velocity: QPointF) -> None: ...
    def drag_cancelled(self) -> None: ...
    def double_tapped(self, pos: QPointF) -> None: ...
    def long_pressed(self, pos: QPointF) -> None: ...
    def pinch_started(self, centre: QPointF) -> None: ...
    def pinch_changed(self, scale: float, centre: QPointF) -> None: ...
    def pinch_finished(self) -> None: ...


_HANDLER = "_kiosk_gesture_handler"


def attach(widget: QWidget, handler: GestureHandler) -> None:
    """Gestures on `widget` (and on children that do not take them) go to `handler`."""
    setattr(widget, _HANDLER, handler)


def handler_of(widget: QWidget) -> GestureHandler | None:
    return getattr(widget, _HANDLER, None)


class _Track:
    """One pointer sequence: where it started, where it is, how fast it moves."""

    def __init__(self, chain: list[tuple[QWidget, GestureHandler]], pos: QPointF, now: float,
                 target: QWidget | None):
        self.chain = chain
        self.start = QPointF(pos)
        self.pos = QPointF(pos)
        self.target = target
        self.owner: tuple[QWidget, GestureHandler] | None = None
        self.pinch: tuple[float, QPointF] | None = None
        self.moved = False
        self.samples: deque[tuple[float, QPointF]] = deque([(now, QPointF(pos))])

    def add(self, pos: QPointF, now: float) -> None:
        self.pos = QPointF(pos)
        self.samples.append((now, QPointF(pos)))
        while len(self.samples) > 2 and now - self.samples[0][0] > VELOCITY_WINDOW_S:
            self.samples.popleft()

    def velocity(self) -> QPointF:
        (t0, p0), (t1, p1) = self.samples[0], self.samples[-1]
        return (p1 - p0) / (t1 - t0) if t1 > t0 else QPointF()


def _distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


def _local(widget: QWidget, window: QWidget, pos: QPointF) -> QPointF:
    return QPointF(widget.mapFrom(window, pos.toPoint())) + (pos - QPointF(pos.toPoint()))


class GestureRecogniser(QObject):
    """The ``gestures`` input stage (kiosk.ui.input) of one window."""

    name = "gestures"
    events = frozenset({Type.TouchBegin, Type.TouchUpdate, Type.TouchEnd, Type.TouchCancel,
                        Type.MouseButtonPress, Type.MouseButtonDblClick, Type.MouseMove,
                        Type.MouseButtonRelease})

    def __init__(self, window: QWidget, metrics: Metrics, motion: Motion,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(window)
        self.window = window
        self.motion = motion
        self.slop = metrics.mm(motion.tap_slop_mm)
        self.double_tap_distance = metrics.mm(motion.double_tap_mm)
        self.long_press_slop = metrics.mm(motion.long_press_slop_mm)
        self.clock = clock
        self._track: _Track | None = None
        self._last_tap: tuple[float, QPointF, GestureHandler] | None = None
        self._long_press = QTimer(self)
        self._long_press.setSingleShot(True)
        self._long_press.timeout.connect(self._held)
        self._long_press_owner: tuple[QWidget, GestureHandler] | None = None

    # --- raw events --------------------------------------------------------------

    def handle(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent):
            return self._touch(event)
        if isinstance(event, QMouseEvent):
            return self._mouse(event)
        return False

    def _mouse(self, event: QMouseEvent) -> bool:
        if event.device().type() == QInputDevice.DeviceType.TouchScreen:
            return self._track is not None and self._track.owner is not None  # made from a touch
        kind = event.type()
        if kind in (Type.MouseButtonPress, Type.MouseButtonDblClick):
            if event.button() == Qt.MouseButton.LeftButton:
                self._begin(event.position())
            else:
                self._cancel()
            return False
        if kind == Type.MouseMove:
            if not event.buttons() & Qt.MouseButton.LeftButton:
                return False
            return self._move(event.position())
        if event.button() == Qt.MouseButton.LeftButton:
            return self._end(event.position())
        return False

    def _touch(self, event: QTouchEvent) -> bool:
        kind = event.type()
        if kind == Type.TouchCancel:
            owned = self._track is not None and self._track.owner is not None
            self._cancel()
            return owned
        points = [p for p in event.points() if p.state() != QEventPoint.State.Released]
        if kind == Type.TouchBegin:
            self._begin(event.points()[0].position())
            if len(points) >= 2:  # two fingers landing together
                return self._pinch(points[0].position(), points[1].position())
            return False
        if self._track is None:
            return False
        if len(points) >= 2:
            self._long_press.stop()  # a long press is one finger's
            return self._pinch(points[0].position(), points[1].position())
        if self._track.pinch is not None:
            self._end_pinch(points[0].position() if points else None)
        if kind == Type.TouchEnd or not points:
            return self._end(event.points()[0].position())
        return self._move(points[0].position())

    # --- one pointer ---------------------------------------------------------------

    def _begin(self, pos: QPointF) -> None:
        self._cancel()
        target = self.window.childAt(pos.toPoint())
        chain = []
        widget: QWidget | None = target or self.window
        while widget is not None:
            handler = handler_of(widget)
            if handler is not None:
                chain.append((widget, handler))
            widget = widget.parentWidget() if widget is not self.window else None
        self._track = track = _Track(chain, pos, self.clock(), target)
        for widget, handler in chain:
            handler.pressed(_local(widget, self.window, pos))
        self._arm_long_press(track)

    def _arm_long_press(self, track: _Track) -> None:
        for widget, handler in track.chain:
            seconds = handler.long_press_seconds(_local(widget, self.window, track.start))
            if seconds is not None:
                self._long_press_owner = (widget, handler)
                self._long_press.start(max(1, round(seconds * 1000)))
                return

    def _held(self) -> None:
        owner, self._long_press_owner = self._long_press_owner, None
        if owner is not None and self._track is not None:
            widget, handler = owner
            handler.long_pressed(_local(widget, self.window, self._track.pos))

    def _move(self, pos: QPointF) -> bool:
        track = self._track
        if track is None:
            return False
        track.add(pos, self.clock())
        if _distance(track.start, pos) > self.long_press_slop:
            self._long_press.stop()
        if track.owner is None and not track.moved and _distance(track.start, pos) > self.slop:
            track.moved = True
            self._claim(track, pos - track.start)
        if track.owner is None:
            return False
        widget, handler = track.owner
        handler.drag_moved(_local(widget, self.window, pos), pos - track.start)
        return True

    def _claim(self, track: _Track, delta: QPointF) -> None:
        for widget, handler in track.chain:
            if handler.claims(delta):
                track.owner = (widget, handler)
                self._cancel_press(track)
                handler.drag_started(_local(widget, self.window, track.start))
                return

    def _cancel_press(self, track: _Track) -> None:
        """The widget beneath got the press: a release far away cancels it without a click."""
        widget = track.target
        while widget is not None and not isinstance(widget, QAbstractButton):
            widget = widget.parentWidget()
        if widget is not None:
            far = QPointF(-1e6, -1e6)
            QApplication.sendEvent(widget, QMouseEvent(
                Type.MouseButtonRelease, far, far, far, Qt.MouseButton.LeftButton,
                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))

    def _end(self, pos: QPointF) -> bool:
        track, self._track = self._track, None
        self._long_press.stop()
        if track is None:
            return False
        track.add(pos, self.clock())
        owned = track.owner is not None
        if track.owner is not None:
            track.owner[1].drag_finished(track.velocity())
        elif not track.moved:
            self._tapped(track, pos)
        for _, handler in track.chain:
            handler.released()
        return owned

    def _cancel(self) -> None:
        track, self._track = self._track, None
        self._long_press.stop()
        if track is None:
            return
        if track.pinch is not None and track.owner is not None:
            track.owner[1].pinch_finished()
        elif track.owner is not None:
            track.owner[1].drag_cancelled()
        for _, handler in track.chain:
            handler.released()

    def _tapped(self, track: _Track, pos: QPointF) -> None:
        target = next(((w, h) for w, h in track.chain if h.double_taps), None)
        if target is None:
            return
        widget, handler = target
        now = self.clock()
        last, self._last_tap = self._last_tap, (now, QPointF(pos), handler)
        interval = QGuiApplication.styleHints().mouseDoubleClickInterval() / 1000
        if (last is not None and last[2] is handler and now - last[0] <= interval
                and _distance(last[1], pos) <= self.double_tap_distance):
            self._last_tap = None
            handler.double_tapped(_local(widget, self.window, pos))

    # --- two fingers ---------------------------------------------------------------

    def _pinch(self, a: QPointF, b: QPointF) -> bool:
        track = self._track
        assert track is not None
        centre = (a + b) / 2
        if track.pinch is None:
            owner = track.owner if track.owner and track.owner[1].pinches else next(
                ((w, h) for w, h in track.chain if h.pinches), None)
            if owner is None or (track.owner is not None and owner is not track.owner):
                return track.owner is not None
            if track.owner is None:
                self._cancel_press(track)
            track.owner, track.moved = owner, True
            track.pinch = (max(1.0, _distance(a, b)), centre)
            owner[1].pinch_started(_local(owner[0], self.window, centre))
            return True
        widget, handler = track.owner  # type: ignore[misc]
        handler.pinch_changed(_distance(a, b) / track.pinch[0], _local(widget, self.window, centre))
        return True

    def _end_pinch(self, remaining: QPointF | None) -> None:
        """One finger lifted: the pinch ends and the other finger drags on."""
        track = self._track
        assert track is not None and track.owner is not None
        track.pinch = None
        widget, handler = track.owner
        handler.pinch_finished()
        if remaining is not None:
            track.start = QPointF(remaining)
            track.samples.clear()
            track.add(remaining, self.clock())
            handler.drag_started(_local(widget, self.window, remaining))
