"""What a video panel shows of its clip: the poster, then the frames, with the
caption of the moment on a box over them; and the look of its position slider."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.captions import Cue
from kiosk.media.images import Fit, ImageKey
from kiosk.ui.context import Context

CAPTION_BOX_ALPHA = 0.8
"""Captions sit on a near-opaque box: readable over any frame."""


def caption_at(cues: list[Cue], position_ms: int) -> str:
    return next((cue.text for cue in cues if cue.start_ms <= position_ms < cue.end_ms), "")


class ClipSurface(QWidget):
    """The poster, then the clip's frames, letterboxed; the caption of the moment over them."""

    tapped = Signal()

    def __init__(self, ctx: Context, poster: Path):
        super().__init__()
        self.ctx = ctx
        self.poster = poster
        self.image: QImage | None = None
        """The latest frame, converted on arrival: no decoder buffer is held past it."""
        self.caption = ""
        self.notice = ""
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFont(ctx.font(ctx.theme.sizes.body_pt, bold=True))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        image = self.image
        if image is not None and not image.isNull():
            size = image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(self.rect().center())
            painter.drawImage(target, image)
        else:
            poster = self.ctx.images.request(ImageKey(self.poster, self.width(), self.height(), Fit.CONTAIN),
                                             self._decoded)
            if poster is not None:  # decoded at most at its own size: drawn as large as fits, like the clip
                size = poster.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(0, 0, size.width(), size.height())
                target.moveCenter(self.rect().center())
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawPixmap(target, poster)
        for text, at_bottom in ((self.caption, True), (self.notice, False)):
            if text:
                self._box(painter, text, at_bottom)

    def _box(self, painter: QPainter, text: str, at_bottom: bool) -> None:
        margin = self.ctx.mm(self.ctx.theme.sizes.gap)
        area = self.rect().adjusted(margin, margin, -margin, -margin)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        bound = painter.boundingRect(area, flags | Qt.AlignmentFlag.AlignBottom, text)
        if not at_bottom:
            bound.moveCenter(self.rect().center())
        box = QColor(self.ctx.theme.colour("background"))
        box.setAlphaF(CAPTION_BOX_ALPHA)
        painter.fillRect(bound.adjusted(-margin // 2, -margin // 4, margin // 2, margin // 4), box)
        painter.setPen(self.ctx.theme.colour("text"))
        painter.drawText(bound, flags, text)

    def _decoded(self, _key: ImageKey) -> None:
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.tapped.emit()


def slider_style(ctx: Context) -> str:
    """A groove one can see and a handle one can hold: a touch target wide."""
    colours, handle, groove = ctx.theme.colours, ctx.mm(ctx.theme.sizes.touch_target * 0.6), ctx.mm(2)
    return (f"QSlider::groove:horizontal {{ height: {groove}px; background: {colours.divider}; "
            f"border-radius: {groove // 2}px; }}"
            f"QSlider::sub-page:horizontal {{ background: {colours.accent}; border-radius: {groove // 2}px; }}"
            f"QSlider::handle:horizontal {{ width: {handle}px; height: {handle}px; "
            f"margin: -{(handle - groove) // 2}px 0; border-radius: {handle // 2}px; background: {colours.text}; }}")


def clock_text(ms: int) -> str:
    """A position in a clip as minutes and seconds: 1:05."""
    seconds = max(0, ms) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"
