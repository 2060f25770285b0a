"""Screen changes that keep visitors oriented.

Before the window changes screen it takes a picture of what was there; the
new screen is laid out and shown at once beneath this overlay, which then
either fades the old picture out or opens a hole in it that grows from where
the visitor touched (a tile into its exhibit, a thumbnail into the viewer)
to the whole window. The new screen is live under the hole, so stills that
finish decoding appear as it grows. Nothing moves under reduced motion.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, QEasingCurve, QRect, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPixmap, QRegion
from PySide6.QtWidgets import QWidget

from kiosk.ui.context import Context


def _lerp(a: QRectF, b: QRectF, t: float) -> QRectF:
    return QRectF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t,
                  a.width() + (b.width() - a.width()) * t, a.height() + (b.height() - a.height()) * t)


class ScreenTransition(QWidget):
    """The overlay; one per window, raised over everything while it runs."""

    def __init__(self, ctx: Context, window: QWidget):
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._old = QPixmap()
        self._from: QRectF | None = None
        self._progress = 1.0
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(lambda value: self._step(float(value)))
        self._animation.finished.connect(lambda: self.hide())
        self.hide()

    @property
    def running(self) -> bool:
        return self._animation.state() == QAbstractAnimation.State.Running

    @property
    def progress(self) -> float:
        return self._progress

    @property
    def picture(self) -> QPixmap:
        """The old screen as captured, which the transition fades or opens."""
        return self._old

    @property
    def hole(self) -> QRectF | None:
        """Where the new screen shows through now; None while fading."""
        if self._from is None:
            return None
        return _lerp(self._from, QRectF(self.rect()), self._progress)

    def capture(self) -> bool:
        """Take the picture of the screen about to go; False when nothing
        should move (reduced motion, or the window is not on screen)."""
        if self.ctx.theme.motion.reduced or not self.window_.isVisible():
            return False
        self._animation.stop()
        self.hide()
        self._old = self.window_.grab()
        return not self._old.isNull()

    def play(self, grow_from: QRect | None = None) -> None:
        """Fade the captured picture out, or grow a hole from `grow_from`
        (window coordinates) to the whole window."""
        if self._old.isNull():
            return
        self._from = QRectF(grow_from) if grow_from is not None and grow_from.isValid() else None
        self.setGeometry(self.window_.rect())
        self._progress = 0.0
        motion = self.ctx.theme.motion
        self._animation.setDuration(motion.screen_ms)
        self.show()
        self.raise_()
        self._animation.start()

    def finish(self) -> None:
        """Jump to the end (a test, or a new change arriving mid-way)."""
        self._animation.stop()
        self.hide()
        self._old = QPixmap()

    def _step(self, value: float) -> None:
        self._progress = value
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._old.isNull():
            return
        painter = QPainter(self)
        if self._from is None:
            painter.setOpacity(1.0 - self._progress)
            painter.drawPixmap(0, 0, self._old)
            return
        hole = self.hole
        assert hole is not None
        radius = self.ctx.mm(self.ctx.theme.sizes.corner_radius) * (1.0 - self._progress)
        path = QPainterPath()
        path.addRoundedRect(hole, radius, radius)
        painter.setClipRegion(QRegion(self.rect()).subtracted(QRegion(hole.toAlignedRect())))
        painter.drawPixmap(0, 0, self._old)
        painter.setClipping(False)
        painter.setPen(self.ctx.theme.colour("accent"))
        painter.setOpacity(1.0 - self._progress)
        painter.drawPath(path)
