"""Drag scrolling with momentum for every scroll area, by finger, mouse or pen.

A scroll area takes a drag (kiosk.ui.gestures) when the drag runs along an
axis it can scroll further in that direction; otherwise the drag goes on to
the widgets around it (a timeline at its end lets the pager turn the page).
Released with speed, the content glides on and slows at a constant rate, and
stops at the ends rather than bouncing; a touch stops a glide.

Nothing is cut with a hard edge: where content continues, its edge fades out
and a "more" button (a tap alternative to the drag) moves on by a screenful.
Over text the button sits on the faded edge; beside content that has touch
targets of its own (tiles, chapters, thumbnails) it gets a strip of its own,
a full target spacing away, so that no two targets crowd each other.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPoint, QPointF, QRect, QSize, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton, QScrollArea, QScrollBar, QWidget

from kiosk.ui.context import Context
from kiosk.ui.gestures import GestureHandler, attach, handler_of
from kiosk.ui.icons import icon

PAGE_SHARE = 0.8
"""How much of the visible part the "more" button moves on, keeping a line in view."""
MORE_INSET_MM = 2.0
"""The "more" button's distance from the edges it sits over."""


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
        if motion.reduced:
            return  # the content stays where the finger left it
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

    def page_on(self, horizontal: bool) -> None:
        """Move on by most of a screenful, as the "more" button asks."""
        self.stop()
        bar = self.area.horizontalScrollBar() if horizontal else self.area.verticalScrollBar()
        viewport = self.area.viewport().size()
        step = round(PAGE_SHARE * (viewport.width() if horizontal else viewport.height()))
        end = min(bar.maximum(), bar.value() + step)
        motion = self.ctx.theme.motion
        if motion.reduced:
            bar.setValue(end)
            return
        self._bar, self._horizontal = bar, horizontal
        self._glide.setStartValue(float(bar.value()))
        self._glide.setEndValue(float(end))
        self._glide.setDuration(motion.page_ms)
        self._glide.start()

    def stop(self) -> None:
        self._glide.stop()


def enable_kinetic_scrolling(ctx: Context, area: QAbstractScrollArea) -> Scroller:
    scroller = Scroller(ctx, area)
    attach(area, scroller)
    return scroller


class KineticScrollArea(QScrollArea):
    """Scrolling by drag along one axis (down, or sideways for a timeline),
    with the edge cues instead of a desktop scroll bar. `beside`: the "more"
    button gets a strip of its own beside the content rather than sitting over
    its faded edge (content with touch targets, or cards it would cover)."""

    def __init__(self, ctx: Context, content: QWidget, horizontal: bool = False,
                 beside: bool = False, inset: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.inset = ctx.mm(MORE_INSET_MM) if inset is None else inset
        """The "more" button's distance from the far edge: an area that runs to
        the screen's edges keeps it inside the page margin."""
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller = enable_kinetic_scrolling(ctx, self)
        self.strip = (ctx.mm(ctx.theme.sizes.touch_target) + ctx.mm(ctx.theme.sizes.target_spacing)
                      if beside else 0)
        """How much room the "more" button takes beside the content, when it shows."""
        self.cues = ScrollCues(ctx, self, horizontal)

    def reserve_strip(self, reserved: bool, horizontal: bool) -> None:
        """Room for the "more" button beside the content (below it, for a
        sideways area): only while there is more, so content that fits keeps
        the whole area."""
        strip = self.strip if reserved else 0
        if horizontal:
            self.setViewportMargins(0, 0, 0, strip)
        else:
            self.setViewportMargins(0, 0, strip, 0)


class ScrollCues(QObject):
    """A soft fade at each edge beyond which content continues, and a "more"
    button at the far edge; both follow the scroll position."""

    def __init__(self, ctx: Context, area: KineticScrollArea, horizontal: bool):
        super().__init__(area)
        self.ctx = ctx
        self.area = area
        self.horizontal = horizontal
        viewport = area.viewport()
        self.fade = _EdgeFade(ctx, viewport, horizontal)
        self.reserved = False
        self.more = QPushButton(area if area.strip else viewport)
        self.more.setObjectName("more")
        self.more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        side = ctx.mm(ctx.theme.sizes.touch_target)
        self.more.setFixedSize(side, side)
        self.more.setIcon(icon("more_right" if horizontal else "more_down", ctx.theme.colours.text))
        self.more.setIconSize(QSize(ctx.mm(ctx.theme.sizes.icon), ctx.mm(ctx.theme.sizes.icon)))
        self.more.clicked.connect(lambda: area.scroller.page_on(horizontal))
        ctx.signals.language_changed.connect(self._retranslate)
        self._retranslate()
        bar = self.bar
        bar.valueChanged.connect(lambda _value: self.update())
        bar.rangeChanged.connect(lambda _low, _high: self.update())
        viewport.installEventFilter(self)
        self.update()

    @property
    def bar(self) -> QScrollBar:
        return self.area.horizontalScrollBar() if self.horizontal else self.area.verticalScrollBar()

    @property
    def before(self) -> bool:
        """Content continues before the visible part (above, or to the left)."""
        return self.bar.value() > self.bar.minimum()

    @property
    def after(self) -> bool:
        return self.bar.value() < self.bar.maximum()

    def _retranslate(self) -> None:
        self.more.setAccessibleName(self.ctx.tr("more"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.update()
        return False

    def update(self) -> None:
        area, viewport = self.area, self.area.viewport()
        overflows = self.bar.maximum() > self.bar.minimum()
        if area.strip and overflows != self.reserved:
            self.reserved = overflows
            area.reserve_strip(overflows, self.horizontal)  # resizes the viewport, which calls back here
        self.fade.setGeometry(viewport.rect())
        self.fade.edges = (self.before, self.after)
        self.fade.setVisible(self.before or self.after)
        self.fade.raise_()
        self.fade.update()
        self.more.move(self._more_position())
        self.more.setVisible(self.after)
        self.more.raise_()

    def _more_position(self) -> QPoint:
        """Over the faded far edge; or, with a strip, in it at the far end."""
        side, inset = self.more.width(), self.area.inset
        if self.area.strip:
            rect = self.area.rect()
            return QPoint(rect.right() + 1 - side, rect.bottom() + 1 - side)
        rect = self.area.viewport().rect()
        if self.horizontal:
            return QPoint(rect.right() - side - inset, rect.center().y() - side // 2)
        return QPoint(rect.right() - side - inset, rect.bottom() - side - inset)


class _EdgeFade(QWidget):
    """Paints the background colour in from each edge beyond which content continues."""

    def __init__(self, ctx: Context, parent: QWidget, horizontal: bool):
        super().__init__(parent)
        self.ctx = ctx
        self.horizontal = horizontal
        self.edges = (False, False)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        solid = QColor(self.ctx.theme.colours.background)
        clear = QColor(solid)
        clear.setAlpha(0)
        depth = min(self.ctx.mm(self.ctx.theme.sizes.touch_target),
                    (self.width() if self.horizontal else self.height()) // 4)
        for at_start, shown in zip((True, False), self.edges):
            if not shown:
                continue
            if self.horizontal:
                band = QRect(0 if at_start else self.width() - depth, 0, depth, self.height())
                start, end = ((band.left(), 0), (band.right(), 0)) if at_start else \
                    ((band.right(), 0), (band.left(), 0))
            else:
                band = QRect(0, 0 if at_start else self.height() - depth, self.width(), depth)
                start, end = ((0, band.top()), (0, band.bottom())) if at_start else \
                    ((0, band.bottom()), (0, band.top()))
            gradient = QLinearGradient(QPointF(*start), QPointF(*end))
            gradient.setColorAt(0.0, solid)
            gradient.setColorAt(1.0, clear)
            painter.fillRect(band, gradient)


def over_edge_room(ctx: Context) -> int:
    """How far from its side the "more" button reaches over an area's faded
    edge: text kept this far in never runs under it."""
    return ctx.mm(ctx.theme.sizes.touch_target) + ctx.mm(MORE_INSET_MM)


def scroll_to_start(area: QAbstractScrollArea) -> None:
    """Stop any glide, then show the beginning."""
    scroller = handler_of(area)
    if isinstance(scroller, Scroller):
        scroller.stop()
    for bar in (area.horizontalScrollBar(), area.verticalScrollBar()):
        bar.setValue(bar.minimum())
