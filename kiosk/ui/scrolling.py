"""Drag scrolling with momentum for every scroll area, by finger, mouse or pen.

A scroll area takes a drag (kiosk.ui.gestures) when the drag runs along an
axis it can scroll further in that direction; otherwise the drag goes on to
the widgets around it (a timeline at its end lets the pager turn the page).
Released with speed, the content glides on and slows at a constant rate, and
stops at the ends rather than bouncing; a touch stops a glide.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, Qt, QVariantAnimation
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QScrollBar, QWidget

from kiosk.ui.context import Context
from kiosk.ui.gestures import GestureHandler, attach, handler_of


class Scroller(GestureHandler):
    """The gesture handler of one scroll area."""

    def __init__(self, ctx: Context, area: QAbstractScrollArea):
        self.ctx = ctx
        self.area = area
        self._bar: QScrollBar | None = None
        self._horizontal = False
        self._start_value = 0
        self._glide = QVariantAnimation(area)
        self._glide.setEasingCurve(QEasingCurve.Type.OutQuad)  # constant deceleration
        self._glide.valueChanged.connect(lambda value: self._glide_to(value))

    def _axis_bar(self, delta: QPointF) -> tuple[QScrollBar, float]:
        if abs(delta.y()) >= abs(delta.x()):
            return self.area.verticalScrollBar(), delta.y()
        return self.area.horizontalScrollBar(), delta.x()

    def claims(self, delta: QPointF) -> bool:
        bar, along = self._axis_bar(delta)
        # A finger moving up (negative) shows what is further down (a larger value).
        return bar.value() < bar.maximum() if along < 0 else bar.value() > bar.minimum()

    def pressed(self, pos: QPointF) -> None:
        self.stop()

    def drag_started(self, pos: QPointF) -> None:
        self._bar = None

    def drag_moved(self, pos: QPointF, offset: QPointF) -> None:
        if self._bar is None:
            self._bar, _ = self._axis_bar(offset)
            self._start_value = self._bar.value()
            self._horizontal = self._bar is self.area.horizontalScrollBar()
        along = offset.x() if self._horizontal else offset.y()
        self._bar.setValue(round(self._start_value - along))

    def drag_finished(self, velocity: QPointF) -> None:
        bar = self._bar
        if bar is None:
            return
        motion, metrics = self.ctx.theme.motion, self.ctx.metrics
        speed = -(velocity.x() if self._horizontal else velocity.y())  # content pixels a second
        limit = metrics.mm(motion.fling_max_mm_per_s)
        speed = max(-limit, min(limit, speed))
        if abs(speed) < metrics.mm(motion.fling_min_mm_per_s):
            return
        deceleration = metrics.mm(motion.deceleration_mm_per_s2)
        travel = speed * abs(speed) / (2 * deceleration)
        end = max(bar.minimum(), min(bar.maximum(), round(bar.value() + travel)))
        distance = abs(end - bar.value())
        if distance < 1:
            return
        self._glide.setStartValue(float(bar.value()))
        self._glide.setEndValue(float(end))
        self._glide.setDuration(max(1, round(2 * distance / abs(speed) * 1000)))
        self._glide.start()

    def _glide_to(self, value: float) -> None:
        if self._bar is not None:
            self._bar.setValue(round(value))

    def stop(self) -> None:
        self._glide.stop()


def enable_kinetic_scrolling(ctx: Context, area: QAbstractScrollArea) -> Scroller:
    scroller = Scroller(ctx, area)
    attach(area, scroller)
    return scroller


class KineticScrollArea(QScrollArea):
    """Vertical scrolling by drag, with an always visible scroll indicator."""

    def __init__(self, ctx: Context, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller = enable_kinetic_scrolling(ctx, self)


def scroll_to_start(area: QAbstractScrollArea) -> None:
    """Stop any glide, then show the beginning."""
    scroller = handler_of(area)
    if isinstance(scroller, Scroller):
        scroller.stop()
    for bar in (area.horizontalScrollBar(), area.verticalScrollBar()):
        bar.setValue(bar.minimum())
