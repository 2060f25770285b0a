"""Horizontal paging that follows the finger (or the mouse, or the pen).

The pager shows the visit model's panel: `go_to` is called when the model
moves, and a swipe only asks the model to move (`turn`), so the buttons, the
presenter's clicker and a swipe all take the same path. A sideways drag that
no inner widget claims (kiosk.ui.gestures) moves the strip of pages with the
finger; released past a fraction of the width, or flicked, it turns the page,
otherwise it springs back.

Pages are built when first needed: the page shown, then its neighbours once
the screen has come to rest (so a swipe finds them there), so a tap on a tile
waits for one page, not for the whole exhibit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractAnimation, QEasingCurve, QPointF, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.context import Context
from kiosk.ui.gestures import GestureHandler, attach
from kiosk.ui.panels.base import PageView


class Pager(QWidget):
    page_changed = Signal(int)

    def __init__(self, ctx: Context, count: int, build: Callable[[int, QWidget], PageView], turn: Callable[[int], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.count = count
        self.index = 0
        self._build = build
        self._built: list[PageView | None] = [None] * count
        self._strip = QWidget(self)
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.setDuration(ctx.theme.motion.page_ms)
        self._animation.valueChanged.connect(lambda x: self._strip.move(round(x), 0))
        self._neighbours = QTimer(self)
        """Builds the pages beside the current one once the screen is at rest."""
        self._neighbours.setSingleShot(True)
        self._neighbours.setInterval(max(ctx.theme.motion.screen_ms, ctx.theme.motion.page_ms) + 40)
        self._neighbours.timeout.connect(self.build_neighbours)
        self.swipe = _Swipe(self, turn)
        attach(self, self.swipe)
        self.page(0)

    def page(self, index: int) -> PageView:
        """Page `index`, built (in its place on the strip) if it was not yet."""
        view = self._built[index]
        if view is None:
            view = self._built[index] = self._build(index, self._strip)  # styled once, in place
            # Shown first, then sized: a widget sized before it is shown gets its resize event
            # at show, and Qt drops the resizes its layouts make inside that event.
            view.show()
            view.setGeometry(index * self.width(), 0, self.width(), self.height())
        return view

    @property
    def built(self) -> list[PageView]:
        """The pages built so far, in order."""
        return [view for view in self._built if view is not None]

    @property
    def pages(self) -> list[PageView]:
        """Every page, building those not built yet."""
        return [self.page(index) for index in range(self.count)]

    def build_neighbours(self) -> None:
        for index in (self.index + 1, self.index - 1):
            if 0 <= index < self.count:
                self.page(index)

    @property
    def swiping(self) -> bool:
        return self.swipe.active

    @property
    def sliding(self) -> bool:
        """A page is moving into place."""
        return self._animation.state() == QAbstractAnimation.State.Running

    def go_to(self, index: int, animate: bool = True) -> None:
        index = max(0, min(index, self.count - 1))
        changed = index != self.index
        self.index = index
        shown = self.page(index)
        self.slide_to(-index * self.width(), animate)
        self._neighbours.start()
        if changed:
            self.page_changed.emit(index)
            shown.shown()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width, height = self.width(), self.height()
        self._strip.resize(width * self.count, height)
        for i, page in enumerate(self._built):
            if page is not None:
                page.setGeometry(i * width, 0, width, height)
        self._animation.stop()
        self._strip.move(-self.index * width, 0)

    def slide_to(self, x: float, animate: bool) -> None:
        self._animation.stop()
        if animate and self.isVisible() and not self.ctx.theme.motion.reduced:
            self._animation.setStartValue(float(self._strip.x()))
            self._animation.setEndValue(float(x))
            self._animation.start()
        else:
            self._strip.move(round(x), 0)

    def follow(self, dx: float) -> None:
        """The strip `dx` pixels from the current page, resisting past the ends."""
        last = self.count - 1
        at_edge = (dx > 0 and self.index == 0) or (dx < 0 and self.index == last)
        resisted = dx * (self.ctx.theme.motion.edge_resistance if at_edge else 1.0)
        self._animation.stop()
        self._strip.move(round(-self.index * self.width() + resisted), 0)


class _Swipe(GestureHandler):
    """Sideways drags on the pager."""

    def __init__(self, pager: Pager, turn: Callable[[int], None]):
        self.pager = pager
        self.turn = turn
        self.active = False
        self._dx = 0.0

    def claims(self, delta: QPointF) -> bool:
        return abs(delta.x()) > self.pager.ctx.theme.motion.swipe_axis_ratio * abs(delta.y())

    def drag_started(self, pos: QPointF) -> None:
        self.active = True
        self._dx = 0.0
        self.pager.build_neighbours()  # what the finger pulls in must be there

    def drag_moved(self, pos: QPointF, offset: QPointF) -> None:
        self._dx = offset.x()
        self.pager.follow(self._dx)

    def drag_finished(self, velocity: QPointF) -> None:
        self.active = False
        pager, motion, dx = self.pager, self.pager.ctx.theme.motion, self._dx
        width = pager.width()
        along = velocity.x() if velocity.x() * dx > 0 else 0.0
        flick = (abs(dx) > motion.flick_fraction * width
                 and pager.ctx.metrics.to_mm(abs(along)) > motion.flick_mm_per_s)
        target = pager.index + (-1 if dx > 0 else 1)
        if (abs(dx) > motion.snap_fraction * width or flick) and 0 <= target < pager.count:
            self.turn(target)
        if pager.index != target:  # not turned (or the model refused): back into place
            pager.slide_to(-pager.index * width, animate=True)

    def drag_cancelled(self) -> None:
        self.active = False
        self.pager.slide_to(-self.pager.index * self.pager.width(), animate=True)
