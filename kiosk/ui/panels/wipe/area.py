"""The wipe's two images, laid over each other in one frame, and the painting
of the divider between them.

Both images are decoded off the GUI thread at exactly the size they are shown
and centred in one shared frame, so that they line up; painting only clips
those ready-made pixmaps at the divider.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImageReader, QKeyEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import WipeImage, WipePanel
from kiosk.media.images import Fit, ImageKey
from kiosk.ui.context import Context
from kiosk.ui.gestures import attach
from kiosk.ui.icons import icon
from kiosk.ui.panels.wipe.divider import Divider, DividerGestures
from kiosk.ui.panels.wipe.labels import SideLabel, place_on_side

LINE_MM = 0.8
MISSING_MARGIN_MM = 8.0


class WipeImageSide:
    """One of the two images: its file, its shape (read from the file header,
    which is cheap), and where and at what size it is drawn."""

    def __init__(self, item: LoadedExhibit, image: WipeImage):
        self.path = item.path(image.file)
        self.source_size = QImageReader(str(self.path)).size()
        self.rect = QRect()
        self.key: ImageKey | None = None

    @property
    def readable(self) -> bool:
        return self.source_size.isValid() and not self.source_size.isEmpty()

    def fitted(self, box: QSize) -> QSize:
        return self.source_size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)


class WipeArea(QWidget):
    """The two images, the divider and its handle."""

    def __init__(self, ctx: Context, item: LoadedExhibit, panel: WipePanel,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.horizontal = panel.orientation == "horizontal"
        self.sides = (WipeImageSide(item, panel.before), WipeImageSide(item, panel.after))
        self.frame = QRect()
        self.divider = Divider(panel.start, ctx.visit.move_wipe, self)
        self.divider.changed.connect(lambda _position: self._follow_divider())
        attach(self, DividerGestures(self.divider, self.fraction_at))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.labels = [SideLabel(ctx, self) for _ in self.sides]
        self.alt_texts = ["", ""]
        glyph = "drag_horizontal" if self.horizontal else "drag_vertical"
        side = round(ctx.mm(ctx.theme.sizes.touch_target) * 0.6)
        self._glyph = icon(glyph, ctx.theme.colours.accent_text).pixmap(side, side)

    def _follow_divider(self) -> None:
        self.place_labels()
        self.update()

    def set_texts(self, labels: list[str], alt_texts: list[str]) -> None:
        for label, text in zip(self.labels, labels):
            label.setText(text)
        self.alt_texts = alt_texts
        self.setAccessibleName(f"{self.ctx.tr('drag_to_compare')}: {labels[0]} / {labels[1]}")
        self.setAccessibleDescription(" / ".join(alt_texts))
        self.place_labels()
        self.update()

    def fraction_at(self, point: QPointF) -> float:
        if self.frame.isEmpty():
            return self.divider.position
        if self.horizontal:
            return (point.x() - self.frame.left()) / self.frame.width()
        return (point.y() - self.frame.top()) / self.frame.height()

    def split(self) -> float:
        """The divider's coordinate along its axis, in widget pixels."""
        if self.horizontal:
            return self.frame.left() + self.divider.position * self.frame.width()
        return self.frame.top() + self.divider.position * self.frame.height()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        back, forward = ((Qt.Key.Key_Left, Qt.Key.Key_Right) if self.horizontal
                         else (Qt.Key.Key_Up, Qt.Key.Key_Down))
        if event.key() in (back, forward):
            self.divider.step(event.key() == forward)
        else:
            super().keyPressEvent(event)

    # --- geometry and images ----------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def frame_size(self, box: QSize) -> QSize:
        """What both images need inside `box`: the larger of their fitted sizes
        (the whole box when neither can be read)."""
        fitted = [side.fitted(box) for side in self.sides if side.readable]
        if not fitted:
            return box
        return QSize(max(size.width() for size in fitted), max(size.height() for size in fitted))

    def _lay_out(self) -> None:
        """One frame holds both images centred; images of another shape are
        letterboxed inside it the same way, so that their centres line up."""
        box = self.size()
        if box.isEmpty():
            return
        self.frame = QRect(QPoint(0, 0), self.frame_size(box))
        self.frame.moveCenter(self.rect().center())
        ratio = self.devicePixelRatioF()
        for side in self.sides:
            if not side.readable:
                continue
            side.rect = QRect(QPoint(0, 0), side.fitted(box))
            side.rect.moveCenter(self.frame.center())
            # COVER at the image's own shape is an exact scale, done by the decoder
            # thread; unlike CONTAIN it also enlarges a source smaller than the screen.
            side.key = ImageKey(side.path, round(side.rect.width() * ratio),
                                round(side.rect.height() * ratio), Fit.COVER)
            self.ctx.images.request(side.key, self._on_image)
        self.place_labels()

    def visible_parts(self) -> tuple[QRect, QRect]:
        """The parts of the frame where the before and the after image show."""
        split = round(self.split())
        frame = self.frame
        if self.horizontal:
            return (QRect(frame.left(), frame.top(), split - frame.left(), frame.height()),
                    QRect(split, frame.top(), frame.right() + 1 - split, frame.height()))
        return (QRect(frame.left(), frame.top(), frame.width(), split - frame.top()),
                QRect(frame.left(), split, frame.width(), frame.bottom() + 1 - split))

    def place_labels(self) -> None:
        """Each label over the visible part of its own image (kiosk.ui.panels.wipe.labels)."""
        if self.frame.isEmpty():
            return
        for label, part in zip(self.labels, self.visible_parts()):
            place_on_side(label, part, self.frame, self.horizontal, self.ctx)

    def _on_image(self, key: ImageKey) -> None:
        if any(key == side.key for side in self.sides):
            self.update()

    def is_missing(self, side: WipeImageSide) -> bool:
        return not side.readable or (side.key is not None and self.ctx.images.is_broken(side.key))

    # --- painting ---------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self.ctx.theme
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.colour("background"))
        painter.fillRect(self.frame, theme.colour("scrim"))
        frame = QRectF(self.frame)
        if self.horizontal:
            halves = (frame.adjusted(0, 0, -frame.width() / 2, 0), frame.adjusted(frame.width() / 2, 0, 0, 0))
        else:
            halves = (frame.adjusted(0, 0, 0, -frame.height() / 2), frame.adjusted(0, frame.height() / 2, 0, 0))
        for side, part, half in zip(self.sides, self.visible_parts(), halves):
            painter.save()
            painter.setClipRect(part)
            if self.is_missing(side):
                self._paint_missing(painter, side, half.toRect())
            else:
                pixmap = self.ctx.images.request(side.key, self._on_image) if side.key else None
                if pixmap is not None:
                    pixmap.setDevicePixelRatio(self.devicePixelRatioF())
                    painter.drawPixmap(side.rect.topLeft(), pixmap)
            painter.restore()
        self._paint_divider(painter, self.split())

    def _paint_missing(self, painter: QPainter, side: WipeImageSide, region: QRect) -> None:
        ctx = self.ctx
        painter.fillRect(region, ctx.theme.colour("placeholder"))
        glyph_side = min(ctx.mm(16), region.height() // 3)
        glyph = icon("missing_image", ctx.theme.colours.text_muted).pixmap(glyph_side, glyph_side)
        top = region.center().y() - glyph_side
        painter.drawPixmap(region.center().x() - glyph_side // 2, top, glyph)
        margin = ctx.mm(MISSING_MARGIN_MM)
        painter.setPen(ctx.theme.colour("text_muted"))
        painter.setFont(ctx.paint_font(ctx.theme.sizes.small_pt))
        painter.drawText(QRect(region.left() + margin, top + glyph_side + margin // 2,
                               region.width() - 2 * margin, region.bottom() - top - glyph_side - margin),
                         Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                         self.alt_texts[self.sides.index(side)] or ctx.tr("image_missing"))

    def _paint_divider(self, painter: QPainter, split: float) -> None:
        ctx, colours = self.ctx, self.ctx.theme.colours
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = ctx.mm(LINE_MM)
        frame = QRectF(self.frame)
        if self.horizontal:
            ends = (QPointF(split, frame.top()), QPointF(split, frame.bottom()))
            centre = QPointF(split, frame.center().y())
        else:
            ends = (QPointF(frame.left(), split), QPointF(frame.right(), split))
            centre = QPointF(frame.center().x(), split)
        shadow = QColor(colours.scrim)
        shadow.setAlpha(120)
        painter.setPen(QPen(shadow, line + 2 * max(1, line // 2)))
        painter.drawLine(*ends)
        painter.setPen(QPen(QColor(colours.text), line))
        painter.drawLine(*ends)
        radius = ctx.mm(ctx.theme.sizes.touch_target) / 2 + (ctx.mm(2) if self.divider.pressed else 0)
        painter.setPen(QPen(QColor(colours.text), line))
        painter.setBrush(QColor(colours.accent))
        painter.drawEllipse(centre, radius, radius)
        glyph = self._glyph.deviceIndependentSize()
        painter.drawPixmap(QPointF(centre.x() - glyph.width() / 2, centre.y() - glyph.height() / 2),
                           self._glyph)
