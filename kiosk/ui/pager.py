"""Horizontal paging that follows the finger.

The pager watches touches at the window, before any widget sees them: a touch
that travels sideways past a threshold becomes a page swipe, and from then on
its events belong to the pager (the widget under the finger gets a cancelling
release, so a swipe that began on a button never clicks it). A short or mostly
vertical drag is left alone, so buttons and vertical scrolling keep working.
"""

from __future__ import annotations

from PySide6.QtCore import (QEasingCurve, QElapsedTimer, QEvent, QObject, QPointF,
                            QVariantAnimation, Qt, Signal)
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.context import Context
from kiosk.ui.panels.base import PanelView

SWIPE_START_MM = 6.0
"""Sideways travel before a touch becomes a swipe (smaller is a tap)."""
SNAP_FRACTION = 0.2
"""A drag over this fraction of the page width turns the page."""
FLICK_FRACTION = 0.08
FLICK_MM_PER_S = 600.0
"""A quick flick past this fraction of the width turns the page even if short."""
EDGE_RESISTANCE = 0.3

_TOUCH = {QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
          QEvent.Type.TouchCancel}
_MOUSE = {QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonPress,
          QEvent.Type.MouseButtonDblClick}


class Pager(QWidget):
    page_changed = Signal(int)
    interaction = Signal()
    """Emitted for every touch the pager sees (idle timers listen)."""

    def __init__(self, ctx: Context, pages: list[PanelView], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pages = pages
        self.index = 0
        self._strip = QWidget(self)
        for page in pages:
            page.setParent(self._strip)
        self._drag_start: QPointF | None = None
        self._swiping = False
        self._drag_dx = 0.0
        self._clock = QElapsedTimer()
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.setDuration(280)
        self._animation.valueChanged.connect(lambda x: self._strip.move(round(x), 0))
        QApplication.instance().installEventFilter(self)

    @property
    def swiping(self) -> bool:
        return self._swiping

    def go_to(self, index: int, animate: bool = True) -> None:
        index = max(0, min(index, len(self.pages) - 1))
        changed = index != self.index
        self.index = index
        self._slide_to(-index * self.width(), animate)
        if changed:
            self.page_changed.emit(index)
            self.pages[index].shown()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width, height = self.width(), self.height()
        self._strip.resize(width * len(self.pages), height)
        for i, page in enumerate(self.pages):
            page.setGeometry(i * width, 0, width, height)
        self._animation.stop()
        self._strip.move(-self.index * width, 0)

    def _slide_to(self, x: float, animate: bool) -> None:
        self._animation.stop()
        if animate and self.isVisible():
            self._animation.setStartValue(float(self._strip.x()))
            self._animation.setEndValue(float(x))
            self._animation.start()
        else:
            self._strip.move(round(x), 0)

    # --- touch ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is not self.window().windowHandle() or not self.isVisible():
            return False
        if kind in _TOUCH:
            self.interaction.emit()
            return self._touch(event)
        return self._swiping and kind in _MOUSE

    def _touch(self, event) -> bool:
        points = event.points()
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            self._begin(points)
            return False
        if self._drag_start is None or len(points) != 1:
            self._drag_start = None if len(points) != 1 else self._drag_start
            return self._swiping
        position = self.mapFrom(self.window(), points[0].position().toPoint())
        dx = position.x() - self._drag_start.x()
        dy = position.y() - self._drag_start.y()
        if not self._swiping and kind == QEvent.Type.TouchUpdate:
            if abs(dx) > self.ctx.mm(SWIPE_START_MM) and abs(dx) > 1.5 * abs(dy):
                self._start_swipe()
        if not self._swiping:
            if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                self._drag_start = None
            return False
        if kind == QEvent.Type.TouchUpdate:
            self._follow(dx)
        else:
            self._finish(dx, cancelled=kind == QEvent.Type.TouchCancel)
        event.accept()
        return True

    def _begin(self, points) -> None:
        self._swiping = False
        self._drag_start = None
        if len(points) != 1:
            return
        in_window = points[0].position().toPoint()
        position = self.mapFrom(self.window(), in_window)
        target = self.window().childAt(in_window)
        if not self.rect().contains(position) or target is None or not self.isAncestorOf(target):
            return  # outside the pages, or on something above them (the still viewer)
        page = self.pages[self.index]
        if page.claims_horizontal_drag_at(page.mapFrom(self, position)):
            return
        self._drag_start = QPointF(position)
        self._clock.start()

    def _start_swipe(self) -> None:
        self._swiping = True
        self._animation.stop()
        grabber = QWidget.mouseGrabber()
        if grabber is not None:  # cancel the press a button got from the same finger
            far = QPointF(-1e6, -1e6)
            QApplication.sendEvent(grabber, QMouseEvent(
                QEvent.Type.MouseButtonRelease, far, far, far, Qt.MouseButton.LeftButton,
                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))

    def _follow(self, dx: float) -> None:
        at_edge = (dx > 0 and self.index == 0) or (dx < 0 and self.index == len(self.pages) - 1)
        self._drag_dx = dx * (EDGE_RESISTANCE if at_edge else 1.0)
        self._strip.move(round(-self.index * self.width() + self._drag_dx), 0)

    def _finish(self, dx: float, cancelled: bool) -> None:
        self._swiping = False
        self._drag_start = None
        seconds = max(self._clock.elapsed(), 1) / 1000
        speed_mm = self.ctx.metrics.to_mm(abs(dx)) / seconds
        flick = abs(dx) > FLICK_FRACTION * self.width() and speed_mm > FLICK_MM_PER_S
        turn = not cancelled and (abs(dx) > SNAP_FRACTION * self.width() or flick)
        target = self.index + (-1 if dx > 0 else 1) if turn else self.index
        if 0 <= target < len(self.pages) and target != self.index:
            self.go_to(target)
        else:
            self._slide_to(-self.index * self.width(), animate=True)
