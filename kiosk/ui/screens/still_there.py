"""'Still there?': the countdown before the kiosk starts over for the next visitor.

It covers the whole window, so the visitor's place stays visible but dimmed
beneath it, and a large "Keep exploring" button sits in the lower half within
reach. A tap anywhere on it, or any key, also keeps the visit going: whoever
touches the screen is still there. The number changes once a second and the
ring empties smoothly: nothing flashes.
"""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.ui.context import Context
from kiosk.ui.layout import FillParent
from kiosk.ui.widgets import TouchButton, make_label
from kiosk.visit.model import Overlay

TICK_MS = 50
DIAL_MM = 70.0
CARD_MM = 300.0
SCRIM_ALPHA = 200


class CountdownDial(QWidget):
    """The whole seconds left, large, inside a ring showing the time left."""

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setFixedSize(ctx.mm(DIAL_MM), ctx.mm(DIAL_MM))
        self.fraction = 1.0
        self.seconds = 0

    def set_remaining(self, remaining_ms: float, total_ms: float) -> None:
        seconds = math.ceil(remaining_ms / 1000)
        if seconds != self.seconds:
            self.seconds = seconds
            self.setAccessibleName(str(seconds))
        self.fraction = max(0.0, remaining_ms / total_ms)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = self.ctx.theme.colours
        width = self.ctx.mm(3)
        ring = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        pen = QPen(QColor(colours.divider), width)
        painter.setPen(pen)
        painter.drawEllipse(ring)
        pen.setColor(QColor(colours.accent))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(ring, 90 * 16, round(self.fraction * 360 * 16))
        painter.setPen(QColor(colours.text))
        font = self.ctx.paint_font(self.ctx.theme.sizes.title_pt, bold=True)
        font.setPixelSize(round(self.height() * 0.42))  # two digits inside the ring
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, str(self.seconds))


class StillThereOverlay(QWidget):
    """Fills its parent, counting down `countdown_ms`, while the visit model
    shows the STILL_THERE overlay. "Keep exploring", a tap anywhere or a key
    closes the overlay in the model; the end of the countdown is `expired`,
    for the idle reset to act on. The countdown runs on `ctx.clock`."""

    expired = Signal()
    """Nobody answered: time to start over."""

    def __init__(self, ctx: Context, countdown_ms: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.countdown_ms = countdown_ms
        sizes = ctx.theme.sizes
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.hide()
        FillParent(self, ctx.reach_rect)
        self._started = 0.0
        self._pressed = False
        self.counting = False
        self._focus_before: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._deadline = ctx.clock.timer(self._tick)

        self.heading = make_label(ctx, sizes.heading_pt, bold=True)
        self.dial = CountdownDial(ctx)
        self.note = make_label(ctx, sizes.body_pt, muted=True)
        self.button = TouchButton(ctx, label_key="keep_exploring")
        self.button.setFont(ctx.font(sizes.body_pt, bold=True))
        self.button.setMinimumSize(ctx.mm(sizes.touch_target * 6), ctx.mm(sizes.touch_target * 1.5))
        self.button.setStyleSheet(
            f"QPushButton {{ background: {ctx.theme.colours.accent}; "
            f"color: {ctx.theme.colours.accent_text}; border-color: {ctx.theme.colours.accent}; }}"
            f"QPushButton:pressed {{ background: {ctx.theme.colours.text}; "
            f"border-color: {ctx.theme.colours.text}; }}")
        self.button.clicked.connect(self._keep)
        for label in (self.heading, self.note):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.card = card = QFrame()
        card.setObjectName("stillThereCard")
        card.setStyleSheet(
            f"#stillThereCard {{ background: {ctx.theme.colours.surface}; "
            f"border: {max(1, ctx.mm(0.6))}px solid {ctx.theme.colours.divider}; "
            f"border-radius: {ctx.mm(sizes.corner_radius * 2)}px; }}")
        pad = ctx.mm(sizes.gap)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(pad * 2, pad * 2, pad * 2, pad * 2)
        inner.setSpacing(pad)
        inner.addWidget(self.heading)
        inner.addWidget(self.dial, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addSpacing(pad // 2)
        inner.addWidget(self.note)
        inner.addSpacing(pad)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        self.margin = margin = ctx.grid.margin
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        ctx.signals.language_changed.connect(self.retranslate)
        ctx.signals.overlay_changed.connect(self._follow)
        self.retranslate()

    def _follow(self, overlay: Overlay | None) -> None:
        if overlay is Overlay.STILL_THERE:
            self.start()
        else:
            self.cancel()

    @property
    def remaining_ms(self) -> float:
        return max(0.0, self.countdown_ms - (self.ctx.clock.now() - self._started) * 1000)

    def retranslate(self) -> None:
        self.heading.setText(self.ctx.tr("still_there"))
        self.note.setText(self.ctx.tr("starting_over"))
        self.setAccessibleName(self.heading.text())

    def start(self) -> None:
        """Show over everything and count down from the start."""
        self._started = self.ctx.clock.now()
        self._pressed = False
        self.counting = True
        self._deadline.start(self.countdown_ms / 1000)
        self._tick()
        if not self.isVisible():
            self._focus_before = self.window().focusWidget()
        self.show()
        self.raise_()
        self.setFocus()
        self._timer.start()

    def cancel(self) -> None:
        """Hide, giving the keyboard focus back to where the visitor left it."""
        self._timer.stop()
        self._deadline.stop()
        self.counting = False
        if self.isVisible():
            self.hide()
            before, self._focus_before = self._focus_before, None
            if before is not None and shiboken6.isValid(before) and before.isVisible():
                before.setFocus()

    def _tick(self) -> None:
        remaining = self.remaining_ms
        self.dial.set_remaining(remaining, self.countdown_ms)
        if remaining <= 0 and self.counting:
            self.cancel()
            self.expired.emit()

    def _keep(self) -> None:
        self.ctx.visit.close_overlay()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A fixed width lets the wrapped note take the height it needs.
        self.card.setFixedWidth(min(self.ctx.mm(CARD_MM), self.width() - 2 * self.margin))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        scrim = self.ctx.theme.colour("scrim")
        scrim.setAlpha(SCRIM_ALPHA)
        painter.fillRect(self.rect(), scrim)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # modal: nothing beneath sees the touch
        self._pressed = True

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self._pressed:
            self._pressed = False
            self._keep()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._keep()
        super().keyPressEvent(event)  # the window still sees it (Esc leaves without lockdown)
